/**
 * Seat accounting: the only code that changes a slot's `booked` counters.
 *
 * How capacity is enforced. Every taking of seats is one conditional `UPDATE booking_slot SET
 * booked = booked + n WHERE … AND booked + n <= capacity` (and the channel's share), followed by the
 * reservation `INSERT` in the same transaction, inside the database function `booking_take`, so the
 * seat count and the reservation rows cannot disagree. Under READ COMMITTED the `UPDATE` takes the slot row's
 * lock; a concurrent taker blocks on that lock and, once the first commits, PostgreSQL re-evaluates
 * the `WHERE` against the newly committed row version (EvalPlanQual), so it sees the seats just taken
 * and matches nothing. No snapshot-stale read decides anything: the decision and the increment are
 * the same row operation. The `slot_never_overbooked` CHECK (`booked <= capacity`) backs this up.
 *
 * Seats return the same way: one statement flips `occupies_seat` off on the reservations whose
 * `release_at` has passed (expired holds, cancellations past their reopen delay) and subtracts
 * exactly those seats; a reservation row lock makes a second releaser skip rows already released.
 * Statements that touch several rows lock reservations first, then slots in id order.
 */
import { Database, type DbError } from "@madoguchi/db"
import type { Channel } from "@madoguchi/domain/profile/Booking"
import { Effect } from "effect"
import { CompiledQuery, sql } from "kysely"

/** What to book. @category models */
export interface Take {
  readonly cityCode: string
  readonly slotId: string
  readonly seats: number
  readonly channel: Channel
  readonly procedure: string
  readonly status: "held" | "confirmed"
  /** How long a hold keeps its seat (ms); ignored for confirmed bookings. */
  readonly holdMs: number
  readonly nameKana: string | null
  readonly contact: string | null
  readonly issuanceNoticeNumber: string | null
  readonly precheck: unknown
  readonly createdBy: string
  readonly partyId?: string | null
  readonly waitlistEntryId?: string | null
  readonly rescheduledFrom?: string | null
  /** Recorded in the same statement: a retried request finds it and never books twice. */
  readonly idempotency?: { readonly key: string; readonly operation: string; readonly sha256: string } | undefined
}

/** @category models */
export interface Taken {
  readonly id: string
  readonly slot_id: string
  readonly status: string
  readonly hold_expires_at: Date | null
  readonly created_at: Date
  readonly confirmed_at: Date | null
  readonly site: string
  readonly starts_at: Date
  readonly ends_at: Date
}

/**
 * What `booking_take` returns (migration 0104): the reservation made, the earlier request's, or the
 * slot as seen. Instants are epoch milliseconds.
 */
interface TakeRow {
  readonly outcome: "taken" | "prior" | "not_taken"
  readonly id: string | null
  readonly status: string | null
  readonly at_ms: number | null
  readonly expires_ms: number | null
  readonly site: string | null
  readonly starts_ms: number | null
  readonly ends_ms: number | null
  readonly slot: SlotSeen | null
}

/** `booking_take`'s call, written once: the booking path sends it as is, without building a query. */
const takeSql = `select * from booking_take($1::char(6), $2::uuid, $3::int, $4::text, $5::text, $6::text, $7::int,
  $8::text, $9::text, $10::text, $11::jsonb, $12::text, $13::uuid, $14::uuid, $15::uuid, $16::text, $17::text,
  $18::char(64))`

/**
 * The call of `booking_take` (migrations 0101, 0103, 0104): check the key, take the seats if they are
 * free (for the channel, for the procedure, in an open slot that has not started), insert the
 * reservation, record the key — in the caller's transaction.
 *
 * @category constructors
 */
export const takeQuery = (t: Take): CompiledQuery<TakeRow> =>
  CompiledQuery.raw(takeSql, [
    t.cityCode,
    t.slotId,
    t.seats,
    t.channel,
    t.procedure,
    t.status,
    t.holdMs,
    t.nameKana,
    t.contact,
    t.issuanceNoticeNumber,
    t.precheck === null || t.precheck === undefined ? null : JSON.stringify(t.precheck),
    t.createdBy,
    t.partyId ?? null,
    t.waitlistEntryId ?? null,
    t.rescheduledFrom ?? null,
    t.idempotency?.key ?? null,
    t.idempotency?.operation ?? null,
    t.idempotency?.sha256 ?? null
  ]) as CompiledQuery<TakeRow>

/** Why nothing was taken: the slot as the statement saw it (undefined: no such slot). @category models */
export interface SlotSeen {
  readonly status: string
  readonly bookable: boolean
  readonly capacity: number
  readonly booked: number
  readonly booked_web: number
  readonly booked_phone: number
  readonly quota_web: number | null
  readonly quota_phone: number | null
  readonly procedures: ReadonlyArray<string>
  readonly due: number
  readonly due_web: number
  readonly due_phone: number
}

/** @category models */
export type Outcome =
  | { readonly _tag: "Taken"; readonly taken: Taken }
  /** The idempotency key was used before: the first request's reservation. */
  | { readonly _tag: "Prior"; readonly reservationId: string }
  | { readonly _tag: "NotTaken"; readonly slot: SlotSeen | undefined }

const noSlot: Outcome = { _tag: "NotTaken", slot: undefined }

const toOutcome = (t: Take, row: TakeRow | undefined): Outcome => {
  if (row === undefined) return noSlot
  if (row.outcome === "taken") {
    const at = new Date(row.at_ms!)
    return {
      _tag: "Taken",
      taken: {
        id: row.id!,
        slot_id: t.slotId,
        status: row.status!,
        hold_expires_at: row.expires_ms === null ? null : new Date(row.expires_ms),
        created_at: at,
        confirmed_at: row.status === "confirmed" ? at : null,
        site: row.site!,
        starts_at: new Date(row.starts_ms!),
        ends_at: new Date(row.ends_ms!)
      }
    }
  }
  if (row.outcome === "prior") return { _tag: "Prior", reservationId: row.id! }
  return { _tag: "NotTaken", slot: row.slot ?? undefined }
}

/**
 * Book seats in one round trip (on the current transaction if there is one): the reservation, the
 * earlier request's, or the slot as seen, to say why not. The statement is sent without an abort
 * signal: it is one short statement, and a booking that reached the database is kept either way (a
 * retry with the same idempotency key finds it).
 *
 * @category constructors
 */
export const take = (t: Take): Effect.Effect<Outcome, DbError.DbError, Database.Database> =>
  Database.Database.use((db) => takeOn(db, t))

/** `take` on a given database (the booking path holds it already). @category constructors */
export const takeOn = (db: Database.Database["Service"], t: Take): Effect.Effect<Outcome, DbError.DbError> =>
  db.use((k) => k.executeQuery(takeQuery(t)).then((result) => toOutcome(t, result.rows[0])))

/** @category models */
export interface Released {
  readonly freed: number
  readonly lapsedOffers: number
}

/**
 * Give back the seats whose release time has passed in one slot: expired holds become `expired`,
 * cancellations past their reopen delay stop counting, waitlist offers that lapsed are marked so.
 * One statement, so the counter and the rows change together.
 *
 * @category constructors
 */
export const releaseDue = Effect.fnUntraced(function* (cityCode: string, slotId: string) {
  const db = yield* Database.Database
  return yield* db.use(async (k, signal): Promise<Released> => {
    const row = await k
      .with("freed", (qc) =>
        qc
          .updateTable("reservation")
          .set({
            occupies_seat: false,
            status: sql`case when status = 'held' then 'expired' else status end`
          })
          .where("city_code", "=", cityCode)
          .where("slot_id", "=", slotId)
          .where("occupies_seat", "=", true)
          .where("release_at", "<=", sql<Date>`now()`)
          .returning(["id", "seats", "channel", "status", "waitlist_entry_id"])
      )
      .with("lapsed", (qc) =>
        qc
          .updateTable("waitlist_entry")
          .set({ status: "lapsed", closed_at: sql`now()` })
          .where("city_code", "=", cityCode)
          .where("status", "=", "offered")
          .where("id", "in", (eb) =>
            eb.selectFrom("freed").select("freed.waitlist_entry_id").where("freed.status", "=", "expired")
          )
          .returning("id")
      )
      .updateTable("booking_slot")
      .set({
        booked: sql`booked - (select coalesce(sum(seats), 0) from freed)::int`,
        booked_web: sql`booked_web - (select coalesce(sum(seats), 0) from freed where channel = 'web')::int`,
        booked_phone: sql`booked_phone - (select coalesce(sum(seats), 0) from freed where channel = 'phone')::int`
      })
      .where("city_code", "=", cityCode)
      .where("id", "=", slotId)
      .returning([
        sql<number>`(select coalesce(sum(seats), 0) from freed)::int`.as("freed"),
        sql<number>`(select count(*) from lapsed)::int`.as("lapsed")
      ])
      .executeTakeFirst({ signal })
    return { freed: row?.freed ?? 0, lapsedOffers: row?.lapsed ?? 0 }
  })
})

/** A waitlist entry offered a seat. @category models */
export interface Offer {
  readonly entryId: string
  readonly reservationId: string
  readonly seats: number
  readonly expiresAt: Date
}

/**
 * Offer free seats of a slot to the waitlist, first come first served among the entries that fit
 * (their channel's share included): each offer is a hold with the profile's TTL and a row in the
 * outbox for a sender to deliver. Call inside a transaction; the slot row stays locked to the end.
 *
 * @category constructors
 */
export const promote = Effect.fn("Seats.promote")(function* (cityCode: string, slotId: string, holdMs: number) {
  const db = yield* Database.Database
  const offers: Array<Offer> = []
  for (;;) {
    const slot = yield* db.use((k, signal) =>
      k
        .selectFrom("booking_slot")
        .select([
          "capacity",
          "booked",
          "booked_web",
          "booked_phone",
          "quota_web",
          "quota_phone",
          "status",
          "site",
          "starts_at",
          "ends_at",
          sql<boolean>`starts_at > now()`.as("bookable")
        ])
        .where("city_code", "=", cityCode)
        .where("id", "=", slotId)
        .forUpdate()
        .executeTakeFirst({ signal })
    )
    if (slot === undefined || slot.status !== "open" || !slot.bookable) break
    const free = slot.capacity - slot.booked
    if (free <= 0) break
    const freeWeb = slot.quota_web === null ? 0 : Math.min(free, slot.quota_web - slot.booked_web)
    const freePhone = slot.quota_phone === null ? 0 : Math.min(free, slot.quota_phone - slot.booked_phone)
    const entry = yield* db.use((k, signal) =>
      k
        .selectFrom("waitlist_entry")
        .selectAll()
        .where("city_code", "=", cityCode)
        .where("slot_id", "=", slotId)
        .where("status", "=", "waiting")
        .where((eb) =>
          eb.or([
            eb.and([eb("channel", "=", "web"), eb("seats", "<=", freeWeb)]),
            eb.and([eb("channel", "=", "phone"), eb("seats", "<=", freePhone)]),
            eb.and([eb("channel", "=", "staff"), eb("seats", "<=", free)])
          ])
        )
        .orderBy("created_at")
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst({ signal })
    )
    if (entry === undefined) break
    const outcome = yield* take({
      cityCode,
      slotId,
      seats: entry.seats,
      channel: entry.channel as Channel,
      procedure: entry.procedure,
      status: "held",
      holdMs,
      nameKana: entry.name_kana,
      contact: entry.contact,
      issuanceNoticeNumber: entry.issuance_notice_number,
      precheck: null,
      createdBy: "waitlist",
      waitlistEntryId: entry.id
    })
    if (outcome._tag !== "Taken") {
      // The slot no longer offers the entry's procedure: it cannot be served here.
      yield* db.use((k, signal) =>
        k
          .updateTable("waitlist_entry")
          .set({ status: "lapsed", closed_at: sql`now()` })
          .where("city_code", "=", cityCode)
          .where("id", "=", entry.id)
          .execute({ signal })
      )
      continue
    }
    const taken = outcome.taken
    yield* db.use((k, signal) =>
      k
        .updateTable("waitlist_entry")
        .set({ status: "offered", offered_reservation_id: taken.id, offered_at: sql`now()` })
        .where("city_code", "=", cityCode)
        .where("id", "=", entry.id)
        .execute({ signal })
    )
    yield* db.use((k, signal) =>
      k
        .insertInto("booking_outbox")
        .values({
          city_code: cityCode,
          kind: "waitlist_offer",
          reservation_id: taken.id,
          waitlist_entry_id: entry.id,
          recipient: entry.contact,
          payload: JSON.stringify({
            reservationId: taken.id,
            slotId,
            site: slot.site,
            start: slot.starts_at,
            end: slot.ends_at,
            seats: entry.seats,
            procedure: entry.procedure,
            expiresAt: taken.hold_expires_at
          })
        })
        .execute({ signal })
    )
    offers.push({ entryId: entry.id, reservationId: taken.id, seats: entry.seats, expiresAt: taken.hold_expires_at! })
  }
  return offers
})

/**
 * Release what is due in a slot and offer the freed seats to its waitlist, in one transaction.
 *
 * @category constructors
 */
export const settle = Effect.fn("Seats.settle")(function* (cityCode: string, slotId: string, holdMs: number) {
  const db = yield* Database.Database
  return yield* db.withTransaction(
    Effect.gen(function* () {
      const released = yield* releaseDue(cityCode, slotId)
      const offers = yield* promote(cityCode, slotId, holdMs)
      return { ...released, offers }
    }),
    { retries: 5 }
  )
})
