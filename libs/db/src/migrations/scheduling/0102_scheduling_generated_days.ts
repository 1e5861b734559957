/**
 * The days whose slots have been generated from the calendar, per city: reading the slots of a day
 * never generated fills it in from the calendar first (insert only), so a fresh installation offers
 * bookings without an operator step; `madoguchi slots generate` regenerates in full.
 */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable("booking_generated_day")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("generated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("booking_generated_day_pk", ["city_code", "day"])
    .execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.dropTable("booking_generated_day").ifExists().execute()
}
