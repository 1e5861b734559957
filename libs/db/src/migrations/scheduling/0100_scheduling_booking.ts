/**
 * Booking: slots with per-channel seat counters, reservations (holds, confirmations, cancellations,
 * reschedules), idempotency keys, the waitlist and its outbox, walk-in tickets with their per-day
 * counters, and outreach sessions.
 *
 * Capacity is a counter on the slot row (`booked`), changed only by conditional `UPDATE`s that take
 * the row lock; the `slot_never_overbooked` CHECK is the last line of defence should any code path
 * ever forget the condition. A reservation row says whether it still counts against its slot
 * (`occupies_seat`) and when its seat returns by itself (`release_at`: a hold's expiry, the end of a
 * cancellation's reopen delay).
 */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable("outreach_session")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("opens", "text", (c) => c.notNull())
    .addColumn("closes", "text", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull())
    .addColumn("capacity", "integer")
    .addColumn("procedures", "jsonb", (c) => c.notNull())
    .addColumn("walk_ins", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled"))
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("outreach_session_pk", ["city_code", "id"])
    .addUniqueConstraint("outreach_session_when", ["city_code", "site", "day", "opens"])
    .addCheckConstraint("outreach_session_times", sql`opens ~ '^[0-2][0-9]:[0-5][0-9]$' and closes > opens`)
    .addCheckConstraint("outreach_session_capacity", sql`capacity is null or capacity >= 0`)
    .addCheckConstraint("outreach_session_walk_ins", sql`walk_ins in ('accept', 'with_issuance_notice', 'refuse')`)
    .addCheckConstraint("outreach_session_status", sql`status in ('scheduled', 'cancelled')`)
    .execute()

  await db.schema
    .createTable("booking_slot")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("procedures", "jsonb", (c) => c.notNull())
    .addColumn("planned_capacity", "integer", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("quota_web", "integer")
    .addColumn("quota_phone", "integer")
    .addColumn("booked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("booked_web", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("booked_phone", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("closed_reason", "text")
    .addColumn("outreach_session_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("booking_slot_pk", ["city_code", "id"])
    .addUniqueConstraint("booking_slot_when", ["city_code", "site", "group_id", "starts_at"])
    .addForeignKeyConstraint("booking_slot_outreach", ["city_code", "outreach_session_id"], "outreach_session", [
      "city_code",
      "id"
    ])
    .addCheckConstraint("booking_slot_kind", sql`kind in ('regular', 'holiday_opening', 'outreach')`)
    .addCheckConstraint("booking_slot_times", sql`ends_at > starts_at`)
    .addCheckConstraint("booking_slot_status", sql`status in ('open', 'closed')`)
    .addCheckConstraint("booking_slot_capacity", sql`planned_capacity >= 0 and capacity >= 0`)
    .addCheckConstraint("slot_never_overbooked", sql`booked >= 0 and booked <= capacity`)
    .addCheckConstraint(
      "booking_slot_channels",
      sql`booked_web >= 0 and booked_phone >= 0 and booked_web + booked_phone <= booked
        and (quota_web is null or (quota_web >= 0 and booked_web <= quota_web))
        and (quota_phone is null or (quota_phone >= 0 and booked_phone <= quota_phone))`
    )
    .execute()
  await db.schema
    .createIndex("booking_slot_day")
    .on("booking_slot")
    .columns(["city_code", "day", "starts_at"])
    .execute()

  await db.schema
    .createTable("reservation")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slot_id", "uuid", (c) => c.notNull())
    .addColumn("party_id", "uuid")
    .addColumn("seats", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("occupies_seat", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("release_at", "timestamptz")
    .addColumn("hold_expires_at", "timestamptz")
    .addColumn("name_kana", "text")
    .addColumn("contact", "text")
    .addColumn("issuance_notice_number", "text")
    .addColumn("precheck", "jsonb")
    .addColumn("waitlist_entry_id", "uuid")
    .addColumn("rescheduled_from", "uuid")
    .addColumn("rescheduled_to", "uuid")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("confirmed_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("checked_in_at", "timestamptz")
    .addColumn("no_show_at", "timestamptz")
    .addColumn("done_at", "timestamptz")
    .addColumn("purged_at", "timestamptz")
    .addPrimaryKeyConstraint("reservation_pk", ["city_code", "id"])
    .addForeignKeyConstraint("reservation_slot", ["city_code", "slot_id"], "booking_slot", ["city_code", "id"])
    .addCheckConstraint("reservation_seats", sql`seats between 1 and 30`)
    .addCheckConstraint("reservation_channel", sql`channel in ('web', 'phone', 'staff')`)
    .addCheckConstraint(
      "reservation_status",
      sql`status in ('held', 'confirmed', 'checked_in', 'done', 'no_show', 'cancelled', 'expired', 'rescheduled')`
    )
    .addCheckConstraint("reservation_hold", sql`status <> 'held' or hold_expires_at is not null`)
    .addCheckConstraint("reservation_expired_frees", sql`status <> 'expired' or not occupies_seat`)
    .execute()
  await db.schema.createIndex("reservation_by_slot").on("reservation").columns(["city_code", "slot_id"]).execute()
  // The rows whose seat returns by itself: found by the sweeper and by a booking that finds its slot full.
  await db.schema
    .createIndex("reservation_to_release")
    .on("reservation")
    .columns(["city_code", "slot_id", "release_at"])
    .where(sql.ref("occupies_seat"), "=", true)
    .where("release_at", "is not", null)
    .execute()
  await db.schema
    .createIndex("reservation_by_notice")
    .on("reservation")
    .columns(["city_code", "issuance_notice_number"])
    .where("issuance_notice_number", "is not", null)
    .execute()

  await db.schema
    .createTable("booking_request")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("request_sha256", "char(64)", (c) => c.notNull())
    .addColumn("reservation_id", "uuid", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("booking_request_pk", ["city_code", "key"])
    .addCheckConstraint("booking_request_operation", sql`operation in ('create', 'hold', 'cancel', 'reschedule')`)
    .execute()
  await db.schema.createIndex("booking_request_age").on("booking_request").columns(["created_at"]).execute()

  await db.schema
    .createTable("waitlist_entry")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slot_id", "uuid", (c) => c.notNull())
    .addColumn("seats", "integer", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("procedure", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("waiting"))
    .addColumn("name_kana", "text")
    .addColumn("contact", "text")
    .addColumn("issuance_notice_number", "text")
    .addColumn("offered_reservation_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn("offered_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("purged_at", "timestamptz")
    .addPrimaryKeyConstraint("waitlist_entry_pk", ["city_code", "id"])
    .addForeignKeyConstraint("waitlist_entry_slot", ["city_code", "slot_id"], "booking_slot", ["city_code", "id"])
    .addCheckConstraint("waitlist_entry_seats", sql`seats between 1 and 30`)
    .addCheckConstraint("waitlist_entry_channel", sql`channel in ('web', 'phone', 'staff')`)
    .addCheckConstraint(
      "waitlist_entry_status",
      sql`status in ('waiting', 'offered', 'accepted', 'lapsed', 'withdrawn')`
    )
    .execute()
  await db.schema
    .createIndex("waitlist_waiting")
    .on("waitlist_entry")
    .columns(["city_code", "slot_id", "created_at"])
    .where(sql.ref("status"), "=", "waiting")
    .execute()

  await db.schema
    .createTable("booking_outbox")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reservation_id", "uuid")
    .addColumn("waitlist_entry_id", "uuid")
    .addColumn("recipient", "text")
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addPrimaryKeyConstraint("booking_outbox_pk", ["city_code", "id"])
    .addCheckConstraint("booking_outbox_kind", sql`kind in ('waitlist_offer')`)
    .execute()
  await db.schema
    .createIndex("booking_outbox_pending")
    .on("booking_outbox")
    .columns(["city_code", "id"])
    .where(sql.ref("sent_at"), "is", null)
    .execute()

  await db.schema
    .createTable("queue_counter")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("last_number", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("queue_counter_pk", ["city_code", "site", "day", "group_id"])
    .execute()

  await db.schema
    .createTable("queue_ticket")
    .addColumn("city_code", "char(6)", (c) => c.notNull())
    .addColumn("id", "uuid", (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reservation_id", "uuid")
    .addColumn("outreach_session_id", "uuid")
    .addColumn("procedure", "text")
    .addColumn("priority_at", "timestamptz", (c) => c.notNull())
    .addColumn("late", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("waiting"))
    .addColumn("window_no", "integer")
    .addColumn("call_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcome", "text")
    .addColumn("issuance_notice_number", "text")
    .addColumn("issued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("called_at", "timestamptz")
    .addColumn("served_at", "timestamptz")
    .addColumn("done_at", "timestamptz")
    .addColumn("purged_at", "timestamptz")
    .addPrimaryKeyConstraint("queue_ticket_pk", ["city_code", "id"])
    .addUniqueConstraint("queue_ticket_number", ["city_code", "site", "day", "group_id", "number"])
    .addForeignKeyConstraint("queue_ticket_reservation", ["city_code", "reservation_id"], "reservation", [
      "city_code",
      "id"
    ])
    .addForeignKeyConstraint("queue_ticket_outreach", ["city_code", "outreach_session_id"], "outreach_session", [
      "city_code",
      "id"
    ])
    .addCheckConstraint("queue_ticket_kind", sql`kind in ('walk_in', 'reservation')`)
    .addCheckConstraint(
      "queue_ticket_status",
      sql`status in ('waiting', 'called', 'serving', 'done', 'skipped', 'cancelled')`
    )
    .addCheckConstraint("queue_ticket_outcome", sql`outcome is null or outcome in ('done', 'refused', 'second_visit')`)
    .addCheckConstraint("queue_ticket_window", sql`window_no is null or window_no between 1 and 99`)
    .execute()
  await db.schema
    .createIndex("queue_ticket_one_per_reservation")
    .on("queue_ticket")
    .columns(["city_code", "reservation_id"])
    .unique()
    .where("reservation_id", "is not", null)
    .execute()
  await db.schema
    .createIndex("queue_ticket_queue")
    .on("queue_ticket")
    .columns(["city_code", "site", "day", "status", "priority_at"])
    .execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  for (const table of [
    "queue_ticket",
    "queue_counter",
    "booking_outbox",
    "waitlist_entry",
    "booking_request",
    "reservation",
    "booking_slot",
    "outreach_session"
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
