/**
 * Schema migrations with Kysely's `Migrator`: run at start-up and by `madoguchi migrate`, idempotent
 * (applied migrations are recorded in `kysely_migration`, guarded by Kysely's migration lock).
 */
import { Effect, Schema } from "effect"
import { type Kysely, sql } from "kysely"
import { type MigrationResultSet, Migrator } from "kysely/migration"
import { Database } from "./Database.ts"
import { fromUnknown } from "./DbError.ts"
import { migrations } from "./migrations/index.ts"

/** @category models */
export interface MigrationStatus {
  readonly applied: ReadonlyArray<string>
  readonly pending: ReadonlyArray<string>
}

/** A migration failed; the ones before it stay applied. @category errors */
export class MigrationFailed extends Schema.TaggedError<MigrationFailed>("@madoguchi/db/MigrationFailed")(
  "MigrationFailed",
  { migration: Schema.String, message: Schema.String, cause: Schema.Defect() }
) {}

/**
 * The migrator for the connection's current schema. Naming the schema matters: without it Kysely looks
 * for its bookkeeping tables in every schema of the database, so a second schema (a test suite, a
 * benchmark, a second deployment) would make it skip creating them here.
 */
const migrator = async (db: Kysely<unknown>) => {
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableSchema: current.rows[0]?.schema ?? "public"
  })
}

/** Names of every migration this build knows, in order. @category constructors */
export const known: ReadonlyArray<string> = Object.keys(migrations).sort()

/**
 * Apply every pending migration; returns what was applied.
 *
 * @category constructors
 */
export const migrateToLatest = Effect.fn("Migrations.migrateToLatest")(function* () {
  const database = yield* Database
  const result: MigrationResultSet = yield* database.use(async (db) =>
    (await migrator(db as Kysely<unknown>)).migrateToLatest()
  )
  const failed = result.results?.find((r) => r.status === "Error")
  if (result.error !== undefined || failed !== undefined) {
    return yield* new MigrationFailed({
      migration: failed?.migrationName ?? "(migrator)",
      message: result.error instanceof Error ? result.error.message : String(result.error),
      cause: result.error === undefined ? undefined : fromUnknown(result.error)
    })
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName)
})

/** @category constructors */
export const status = Effect.fn("Migrations.status")(function* () {
  const database = yield* Database
  const infos = yield* database.use(async (db) => (await migrator(db as Kysely<unknown>)).getMigrations())
  return {
    applied: infos.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: infos.filter((m) => m.executedAt === undefined).map((m) => m.name)
  } satisfies MigrationStatus
})
