/**
 * Custody: the hash-chained ledger of custody events (insert-only), the items projected from it, the
 * chain head that serializes appends per city, daily anchors and idempotency keys.
 *
 * The ledger, its item index, the anchors and the idempotency keys refuse UPDATE, DELETE and TRUNCATE
 * for everyone (trigger `madoguchi_forbid_mutation`, also on PGlite). On PostgreSQL the application
 * should run as its own role: `select madoguchi_custody_grant('app_role')` grants it SELECT and INSERT
 * on those tables and nothing more, so even with the trigger dropped by an owner the application
 * cannot rewrite history.
 */
import { type Kysely, sql } from "kysely"

const appendOnly = ["custody_event", "custody_event_item", "custody_anchor", "custody_idempotency"] as const

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable("custody_event")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("prev_hash", "char(64)", (c) => c.notNull())
    .addColumn("hash", "char(64)", (c) => c.notNull())
    .addPrimaryKeyConstraint("custody_event_pk", ["city_code", "seq"])
    .addUniqueConstraint("custody_event_id", ["city_code", "id"])
    // Two entries on the same predecessor would be a fork of the chain.
    .addUniqueConstraint("custody_event_no_fork", ["city_code", "prev_hash"])
    .addCheckConstraint("custody_event_seq", sql`seq >= 1`)
    // The hashed header is unambiguous because these columns never hold quotes, backslashes or controls.
    .addCheckConstraint(
      "custody_event_plain",
      sql`city_code ~ '^[0-9]{6}$' and kind ~ '^[a-z_]{1,40}$' and recorded_by ~ '^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,99}$'`
    )
    .addCheckConstraint("custody_event_hashes", sql`hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$'`)
    .addCheckConstraint(
      "custody_event_times",
      sql`occurred_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$' and recorded_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$'`
    )
    .execute()
  await db.schema.createIndex("custody_event_day").on("custody_event").columns(["city_code", "occurred_on"]).execute()
  await db.schema.createIndex("custody_event_kind").on("custody_event").columns(["city_code", "kind"]).execute()

  await db.schema
    .createTable("custody_event_item")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("item_id", "uuid", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("custody_event_item_pk", ["city_code", "item_id", "seq"])
    .addForeignKeyConstraint("custody_event_item_event", ["city_code", "seq"], "custody_event", ["city_code", "seq"])
    .execute()
  await db.schema.createIndex("custody_event_item_seq").on("custody_event_item").columns(["city_code", "seq"]).execute()

  await db.schema
    .createTable("custody_item")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("description", "text")
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("batch_id", "uuid")
    .addColumn("declared_count", "integer")
    .addColumn("holdings", "jsonb", (c) => c.notNull())
    .addColumn("in_custody", "integer", (c) => c.notNull())
    .addColumn("setup_done", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("sealed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("disposal", "jsonb")
    .addColumn("created_seq", "bigint", (c) => c.notNull())
    .addColumn("last_seq", "bigint", (c) => c.notNull())
    .addColumn("last_occurred_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("custody_item_pk", ["city_code", "id"])
    .addUniqueConstraint("custody_item_reference", ["city_code", "kind", "reference"])
    .addCheckConstraint("custody_item_counts", sql`quantity >= 1 and in_custody >= 0 and in_custody <= quantity`)
    .execute()
  await db.schema.createIndex("custody_item_batch").on("custody_item").columns(["city_code", "batch_id"]).execute()
  await db.schema
    .createIndex("custody_item_open")
    .on("custody_item")
    .columns(["city_code", "kind"])
    .where(sql.ref("in_custody"), ">", 0)
    .execute()

  await db.schema
    .createTable("custody_chain_head")
    .addColumn("city_code", "char(6)", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "char(64)", (c) => c.notNull())
    .execute()

  await db.schema
    .createTable("custody_anchor")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("anchored_on", "date", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "char(64)", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("custody_anchor_pk", ["city_code", "anchored_on"])
    .execute()

  await db.schema
    .createTable("custody_idempotency")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_sha256", "char(64)", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("custody_idempotency_pk", ["city_code", "key"])
    .execute()

  for (const table of appendOnly) {
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function madoguchi_forbid_mutation()`.execute(db)
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function madoguchi_forbid_mutation()`.execute(db)
  }

  // Privileges of the application role (PostgreSQL): read and append the ledger, maintain projections.
  await sql`
    create or replace function madoguchi_custody_grant(app_role text) returns void language plpgsql as $$
    begin
      execute format('grant select, insert on custody_event, custody_event_item, custody_anchor, custody_idempotency to %I', app_role);
      execute format('revoke update, delete, truncate on custody_event, custody_event_item, custody_anchor, custody_idempotency from %I', app_role);
      execute format('grant select, insert, update on custody_item, custody_chain_head to %I', app_role);
      execute format('revoke delete, truncate on custody_item, custody_chain_head from %I', app_role);
    end
    $$`.execute(db)
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop function if exists madoguchi_custody_grant(text)`.execute(db)
  for (const table of [
    "custody_idempotency",
    "custody_anchor",
    "custody_chain_head",
    "custody_item",
    "custody_event_item",
    "custody_event"
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
