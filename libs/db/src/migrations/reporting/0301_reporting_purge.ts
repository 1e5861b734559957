/**
 * Reporting: personal free text can be erased at the end of a contract. The activity log, its voids
 * and frozen submissions stay append-only, except that `madoguchi purge` may overwrite their free text
 * (the activity payload's content, answers, complaints and notes; a void's reason; a submission's
 * listed calls and complaints and its correction reason) and stamp `purged_at` — nothing else, so the
 * counts and their rollups never change (see `madoguchi_append_only_except_purge`).
 */
import { type Kysely, sql } from "kysely"

const personal: ReadonlyArray<readonly [table: string, columns: ReadonlyArray<string>]> = [
  ["activity", ["payload", "purged_at"]],
  ["activity_void", ["reason", "purged_at"]],
  ["report_submission", ["model", "reason", "purged_at"]]
]

export const up = async (db: Kysely<unknown>): Promise<void> => {
  for (const [table, columns] of personal) {
    await sql`alter table ${sql.table(table)} add column purged_at timestamptz`.execute(db)
    await sql`drop trigger ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db)
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function madoguchi_append_only_except_purge(${sql.raw(columns.map((c) => `'${c}'`).join(", "))})`.execute(
      db
    )
  }
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  for (const [table] of personal) {
    await sql`drop trigger ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db)
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function madoguchi_forbid_mutation()`.execute(db)
    await sql`alter table ${sql.table(table)} drop column purged_at`.execute(db)
  }
}
