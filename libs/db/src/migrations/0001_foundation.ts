/** Foundation: cities, profile versions, staff and their sessions, the insert-only audit log. */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  // Shared by every append-only table (audit log, custody ledger, activity log).
  await sql`
    create or replace function madoguchi_forbid_mutation() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'append a correcting entry instead';
    end
    $$`.execute(db)

  await db.schema
    .createTable("city")
    .addColumn("city_code", "char(6)", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("city_code_digits", sql`city_code ~ '^[0-9]{6}$'`)
    .addCheckConstraint("city_slug_format", sql`slug ~ '^[a-z][a-z0-9-]*$'`)
    .execute()

  await db.schema
    .createTable("profile_version")
    .addColumn("city_code", "char(6)", (c) => c.notNull().references("city.city_code"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("sha256", "char(64)", (c) => c.notNull())
    .addColumn("effective_from", "date", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("loaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("profile_version_pk", ["city_code", "version"])
    .addUniqueConstraint("profile_version_hash", ["city_code", "sha256"])
    .execute()

  await db.schema
    .createTable("staff")
    .addColumn("city_code", "char(6)", (c) => c.notNull().references("city.city_code"))
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("staff_pk", ["city_code", "id"])
    .addUniqueConstraint("staff_login", ["city_code", "login"])
    .addCheckConstraint(
      "staff_role",
      sql`role in ('city_staff', 'contractor_manager', 'contractor_operator', 'viewer')`
    )
    .execute()

  await db.schema
    .createTable("staff_session")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("token_sha256", "char(64)", (c) => c.notNull())
    .addColumn("staff_id", "uuid", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("staff_session_pk", ["city_code", "token_sha256"])
    .addForeignKeyConstraint("staff_session_staff", ["city_code", "staff_id"], "staff", ["city_code", "id"], (fk) =>
      fk.onDelete("cascade")
    )
    .execute()
  await db.schema.createIndex("staff_session_token").on("staff_session").column("token_sha256").execute()

  await db.schema
    .createTable("audit_log")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint("audit_log_pk", ["city_code", "id"])
    .execute()
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["city_code", "at"]).execute()
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function madoguchi_forbid_mutation()`.execute(db)
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function madoguchi_forbid_mutation()`.execute(db)
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  for (const table of ["audit_log", "staff_session", "staff", "profile_version", "city"]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await sql`drop function if exists madoguchi_forbid_mutation()`.execute(db)
}
