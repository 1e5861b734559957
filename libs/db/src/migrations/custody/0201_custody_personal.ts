/**
 * Custody: the personal part of ledger entries, kept apart so it can be erased without breaking the
 * chain. An entry's hashed body holds the SHA-256 digest of its personal part (names and titles of
 * the persons, notes, reasons, item descriptions, holders), never the text itself; the text lives in
 * `custody_event_personal`, one row per entry, which `verify` checks against that digest. At the end
 * of a contract `madoguchi purge` sets `personal` to null and stamps `purged_at` (the row stays: a
 * missing row is a broken link); nothing else may change it, and it refuses DELETE and TRUNCATE like
 * the ledger. `custody_item.purged_at` marks items whose description and holders were erased.
 */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable("custody_event_personal")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("personal", "text")
    .addColumn("purged_at", "timestamptz")
    .addPrimaryKeyConstraint("custody_event_personal_pk", ["city_code", "seq"])
    .addCheckConstraint("custody_event_personal_erased", sql`(personal is null) = (purged_at is not null)`)
    .execute()
  await sql`create trigger custody_event_personal_append_only before update or delete on custody_event_personal
    for each row execute function madoguchi_append_only_except_purge('personal', 'purged_at')`.execute(db)
  await sql`create trigger custody_event_personal_no_truncate before truncate on custody_event_personal
    for each statement execute function madoguchi_forbid_mutation()`.execute(db)

  await sql`alter table custody_item add column purged_at timestamptz`.execute(db)

  // The application role also writes personal parts (and erases them, under the purge switch).
  await sql`
    create or replace function madoguchi_custody_grant(app_role text) returns void language plpgsql as $$
    begin
      execute format('grant select, insert on custody_event, custody_event_item, custody_anchor, custody_idempotency to %I', app_role);
      execute format('revoke update, delete, truncate on custody_event, custody_event_item, custody_anchor, custody_idempotency from %I', app_role);
      execute format('grant select, insert, update on custody_item, custody_chain_head, custody_event_personal to %I', app_role);
      execute format('revoke delete, truncate on custody_item, custody_chain_head, custody_event_personal from %I', app_role);
    end
    $$`.execute(db)
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`alter table custody_item drop column purged_at`.execute(db)
  await db.schema.dropTable("custody_event_personal").ifExists().execute()
}
