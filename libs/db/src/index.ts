/**
 * `@madoguchi/db`: the Kysely database over PGlite or PostgreSQL, its tagged errors, migrations and
 * the audit log. Test helpers live in `@madoguchi/db/testing`.
 */
export * as AuditLog from "./AuditLog.ts"
export * as Database from "./Database.ts"
export * as DbError from "./DbError.ts"
export * as Migrations from "./Migrations.ts"
export * as ProfileStore from "./ProfileStore.ts"
export * as Purge from "./Purge.ts"
export * as Staff from "./Staff.ts"
export type { DB } from "./Tables.ts"
