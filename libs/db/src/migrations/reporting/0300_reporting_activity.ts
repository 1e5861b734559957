/**
 * Reporting: the append-only activity log, its voids, and frozen report submissions.
 *
 * Reports count from daily rollups that statement-level triggers keep in the same transaction as the
 * insert (an activity adds one, a void subtracts one), so a monthly report over a million activities
 * reads a few thousand rollup rows instead of scanning the log. Absent dimensions are '' / false in
 * the rollups so their keys are plain unique constraints.
 */
import { type Kysely, sql } from "kysely"

const appendOnly = async (db: Kysely<unknown>, table: string) => {
  await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
    for each row execute function madoguchi_forbid_mutation()`.execute(db)
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function madoguchi_forbid_mutation()`.execute(db)
}

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable("activity")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("time", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("fingerprint", "char(64)", (c) => c.notNull())
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("staff", "text")
    .addColumn("procedure", "text")
    .addColumn("channel", "text")
    .addColumn("outcome", "text")
    .addColumn("reason", "text")
    .addColumn("missing_documents", sql`text[]`)
    .addColumn("waiting_minutes", "integer")
    .addColumn("service_minutes", "integer")
    .addColumn("category", "text")
    .addColumn("transferred", "boolean")
    .addColumn("escalated", "boolean")
    .addColumn("tally", "jsonb")
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_pk", ["city_code", "id"])
    .addUniqueConstraint("activity_source", ["city_code", "source", "source_id"])
    .addCheckConstraint("activity_kind", sql`kind in ('counter_visit', 'phone_call', 'complaint', 'outreach_session')`)
    .addCheckConstraint("activity_source_kind", sql`source in ('reservation', 'ticket', 'custody', 'manual')`)
    .addCheckConstraint(
      "activity_visit_fields",
      sql`kind <> 'counter_visit' or (procedure is not null and channel is not null and outcome is not null)`
    )
    .addCheckConstraint(
      "activity_minutes",
      sql`(waiting_minutes is null or waiting_minutes between 0 and 1440)
        and (service_minutes is null or service_minutes between 0 and 1440)`
    )
    .execute()
  // Listed kinds (phone calls, complaints, outreach sessions) are read row by row, per kind and period.
  await sql`create index activity_listed on activity (city_code, kind, date) where kind <> 'counter_visit'`.execute(db)
  await appendOnly(db, "activity")

  await db.schema
    .createTable("activity_void")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("activity_id", "bigint", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("staff", "text")
    .addColumn("voided_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("activity_void_pk", ["city_code", "activity_id"])
    .addForeignKeyConstraint("activity_void_activity", ["city_code", "activity_id"], "activity", ["city_code", "id"])
    .execute()
  await appendOnly(db, "activity_void")

  await db.schema
    .createTable("activity_daily")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("transferred", "boolean", (c) => c.notNull())
    .addColumn("escalated", "boolean", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addColumn("service_sum", "bigint", (c) => c.notNull())
    .addColumn("service_n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_daily_pk", [
      "city_code",
      "date",
      "kind",
      "site",
      "procedure",
      "channel",
      "outcome",
      "reason",
      "category",
      "transferred",
      "escalated"
    ])
    .execute()
  await db.schema
    .createTable("activity_waiting_daily")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("waiting_minutes", "integer", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_waiting_daily_pk", ["city_code", "date", "waiting_minutes"])
    .execute()
  await db.schema
    .createTable("activity_missing_daily")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_missing_daily_pk", ["city_code", "date", "document"])
    .execute()

  // rows: the activities to add (sign 1) or to take away (sign -1).
  const apply = (rows: string, sign: number) =>
    sql.raw(`
    insert into activity_daily as d (city_code, date, kind, site, procedure, channel, outcome, reason, category,
      transferred, escalated, n, service_sum, service_n)
    select city_code, date, kind, site, coalesce(procedure, ''), coalesce(channel, ''), coalesce(outcome, ''),
      coalesce(reason, ''), coalesce(category, ''), coalesce(transferred, false), coalesce(escalated, false),
      ${sign} * count(*), ${sign} * coalesce(sum(service_minutes), 0), ${sign} * count(service_minutes)
    from ${rows} group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    on conflict (city_code, date, kind, site, procedure, channel, outcome, reason, category, transferred, escalated)
    do update set n = d.n + excluded.n, service_sum = d.service_sum + excluded.service_sum,
      service_n = d.service_n + excluded.service_n;
    insert into activity_waiting_daily as w (city_code, date, waiting_minutes, n)
    select city_code, date, waiting_minutes, ${sign} * count(*) from ${rows}
    where kind = 'counter_visit' and waiting_minutes is not null group by 1, 2, 3
    on conflict (city_code, date, waiting_minutes) do update set n = w.n + excluded.n;
    insert into activity_missing_daily as m (city_code, date, document, n)
    select city_code, date, doc, ${sign} * count(*) from ${rows} cross join lateral unnest(missing_documents) as doc
    where kind = 'counter_visit' group by 1, 2, 3
    on conflict (city_code, date, document) do update set n = m.n + excluded.n;`)

  await sql`create function activity_rollup_add() returns trigger language plpgsql as $$
    begin ${apply("added", 1)} return null; end $$`.execute(db)
  await sql`create trigger activity_rollup after insert on activity
    referencing new table as added for each statement execute function activity_rollup_add()`.execute(db)
  await sql`create function activity_rollup_void() returns trigger language plpgsql as $$
    begin ${apply("(select a.* from voided v join activity a on a.city_code = v.city_code and a.id = v.activity_id) as gone", -1)} return null; end $$`.execute(
    db
  )
  await sql`create trigger activity_rollup_void after insert on activity_void
    referencing new table as voided for each statement execute function activity_rollup_void()`.execute(db)

  await db.schema
    .createTable("report_submission")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_by", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("sha256", "char(64)", (c) => c.notNull())
    .addColumn("model", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_submission_pk", ["city_code", "form_id", "period_key", "version"])
    .addCheckConstraint("report_submission_version", sql`version >= 1`)
    .addCheckConstraint("report_submission_reason", sql`version = 1 or (reason is not null and length(reason) > 0)`)
    .execute()
  await appendOnly(db, "report_submission")
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  for (const table of [
    "report_submission",
    "activity_missing_daily",
    "activity_waiting_daily",
    "activity_daily",
    "activity_void",
    "activity"
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await sql`drop function if exists activity_rollup_add()`.execute(db)
  await sql`drop function if exists activity_rollup_void()`.execute(db)
}
