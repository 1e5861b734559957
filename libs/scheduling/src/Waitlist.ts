/**
 * The waitlist (キャンセル待ち) of a slot. When a seat frees — a cancellation, a lapsed hold, a move
 * to another slot, more windows in a regenerated plan — the first waiting entry that fits is offered
 * it as a hold with the profile's TTL, in the same transaction that freed the seat, so a new booking
 * racing the release can never take a seat that is owed to someone waiting. Each offer writes a row to
 * the booking outbox; a sender (mail, SMS, a clerk's phone list) delivers it and marks it sent. An
 * offer that is not accepted lapses with its hold and passes to the next entry.
 */
import { Database, type DbError } from "@madoguchi/db"
import { Decode, type Profile } from "@madoguchi/domain"
import { BookableProcedure, type Channel } from "@madoguchi/domain/profile/Booking"
import { Context, Effect, Layer, Schema } from "effect"
import { sql } from "kysely"
import { type BookingNotOffered, resolve } from "./internal/city.ts"
import { Contact, IssuanceNoticeNumber, NameKana } from "./internal/personal.ts"
import * as Seats from "./internal/seats.ts"
import { formatInstant } from "./internal/time.ts"
import {
  type HoldExpired,
  layer as reservationsLayer,
  type Reservation,
  type ReservationNotFound,
  Reservations,
  type ReservationStateConflict,
  TooManySeats
} from "./Reservation.ts"
import { ChannelNotOffered, isUuid, readSlot, SlotId, type SlotNotFound } from "./Slot.ts"

const { bilingual } = Decode

/** A request to wait for a seat. @category schemas */
export const JoinWaitlist = Schema.Struct({
  slotId: SlotId,
  procedure: BookableProcedure,
  name: NameKana,
  contact: Contact,
  seats: Schema.optional(
    Schema.Int.check(
      Schema.makeFilter(
        (n: number) =>
          (n >= 1 && n <= 30) ||
          bilingual(`人数は1〜30で指定してください: ${n}`, `seats must be from 1 to 30, got ${n}`)
      )
    )
  ),
  issuanceNoticeNumber: Schema.optional(IssuanceNoticeNumber)
})
export type JoinWaitlistInput = typeof JoinWaitlist.Encoded

/** @category models */
export type EntryStatus = "waiting" | "offered" | "accepted" | "lapsed" | "withdrawn"

/** @category models */
export interface Entry {
  readonly id: string
  readonly slotId: string
  readonly procedure: string
  readonly seats: number
  readonly channel: Channel
  readonly status: EntryStatus
  readonly name: string | null
  readonly contact: string | null
  /** 1 = next in line (waiting entries only). */
  readonly position?: number
  readonly offeredReservationId?: string
  readonly createdAt: string
  readonly offeredAt?: string
  readonly closedAt?: string
}

/**
 * A waitlist entry as the public may see it: its place in line and its state, not who is waiting.
 *
 * @category views
 */
export const publicView = ({ name: _n, contact: _c, ...rest }: Entry): Omit<Entry, "name" | "contact"> => rest

/** A notification waiting in the outbox for a sender. @category models */
export interface Notification {
  readonly id: number
  readonly cityCode: string
  readonly kind: "waitlist_offer"
  readonly recipient: string | null
  readonly reservationId: string | null
  readonly entryId: string | null
  readonly payload: unknown
  readonly createdAt: string
  readonly attempts: number
}

/** @category errors */
export class WaitlistEntryNotFound extends Schema.TaggedError<WaitlistEntryNotFound>(
  "@madoguchi/scheduling/WaitlistEntryNotFound"
)("WaitlistEntryNotFound", { entryId: Schema.String }) {
  get ja(): string {
    return `キャンセル待ちの登録が見つかりません: ${this.entryId}`
  }
  get en(): string {
    return `no such waitlist entry: ${this.entryId}`
  }
  override get message(): string {
    return this.en
  }
}

/** The entry has no open offer to accept. @category errors */
export class NoOfferToAccept extends Schema.TaggedError<NoOfferToAccept>("@madoguchi/scheduling/NoOfferToAccept")(
  "NoOfferToAccept",
  { entryId: Schema.String, status: Schema.String }
) {
  get ja(): string {
    return this.status === "waiting"
      ? "まだ空きのご案内はありません。空きが出ましたらご連絡します。"
      : "このキャンセル待ちには受け付けられるご案内がありません(期限切れ・取消済み)。"
  }
  get en(): string {
    return this.status === "waiting"
      ? "no seat has been offered yet; you will be notified when one frees."
      : `there is no open offer for this waitlist entry (it is ${this.status}).`
  }
  override get message(): string {
    return this.en
  }
}

interface EntryRow {
  readonly id: string
  readonly slot_id: string
  readonly procedure: string
  readonly seats: number
  readonly channel: string
  readonly status: string
  readonly name_kana: string | null
  readonly contact: string | null
  readonly offered_reservation_id: string | null
  readonly created_at: Date
  readonly offered_at: Date | null
  readonly closed_at: Date | null
  readonly position: number | null
}

const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  slotId: r.slot_id,
  procedure: r.procedure,
  seats: r.seats,
  channel: r.channel as Channel,
  status: r.status as EntryStatus,
  name: r.name_kana,
  contact: r.contact,
  ...(r.status === "waiting" && r.position !== null ? { position: r.position } : {}),
  ...(r.offered_reservation_id !== null ? { offeredReservationId: r.offered_reservation_id } : {}),
  createdAt: formatInstant(r.created_at),
  ...(r.offered_at !== null ? { offeredAt: formatInstant(r.offered_at) } : {}),
  ...(r.closed_at !== null ? { closedAt: formatInstant(r.closed_at) } : {})
})

const selectEntries = (k: Parameters<Parameters<Database.Database["Service"]["use"]>[0]>[0]) =>
  k.selectFrom("waitlist_entry as w").select([
    "w.id",
    "w.slot_id",
    "w.procedure",
    "w.seats",
    "w.channel",
    "w.status",
    "w.name_kana",
    "w.contact",
    "w.offered_reservation_id",
    "w.created_at",
    "w.offered_at",
    "w.closed_at",
    sql<number | null>`(select count(*)::int from waitlist_entry o
        where o.city_code = w.city_code and o.slot_id = w.slot_id and o.status = 'waiting'
          and (o.created_at, o.id) <= (w.created_at, w.id))`.as("position")
  ])

const readEntry = Effect.fn("Waitlist.read")(function* (cityCode: string, id: string) {
  if (!isUuid(id)) return yield* new WaitlistEntryNotFound({ entryId: id })
  const db = yield* Database.Database
  const row = yield* db.use((k, signal) =>
    selectEntries(k).where("w.city_code", "=", cityCode).where("w.id", "=", id).executeTakeFirst({ signal })
  )
  if (row === undefined) return yield* new WaitlistEntryNotFound({ entryId: id })
  return toEntry(row)
})

/** @category services */
export class Waitlist extends Context.Service<
  Waitlist,
  {
    /** Join a slot's waitlist; offered at once if a seat is free. */
    readonly join: (
      city: string,
      input: JoinWaitlistInput,
      options?: { readonly channel?: Channel | undefined }
    ) => Effect.Effect<
      Entry,
      | Profile.CityNotFound
      | BookingNotOffered
      | Decode.DecodeError
      | SlotNotFound
      | ChannelNotOffered
      | TooManySeats
      | WaitlistEntryNotFound
      | DbError.DbError
    >
    /** Leave the waitlist; an open offer is given up and passes to the next entry. */
    readonly withdraw: (
      city: string,
      entryId: string
    ) => Effect.Effect<Entry, Profile.CityNotFound | BookingNotOffered | WaitlistEntryNotFound | DbError.DbError>
    /** Accept the offer: its hold becomes a confirmed reservation. */
    readonly accept: (
      city: string,
      entryId: string
    ) => Effect.Effect<
      Reservation,
      | Profile.CityNotFound
      | BookingNotOffered
      | WaitlistEntryNotFound
      | NoOfferToAccept
      | ReservationNotFound
      | ReservationStateConflict
      | HoldExpired
      | DbError.DbError
    >
    readonly get: (
      city: string,
      entryId: string
    ) => Effect.Effect<Entry, Profile.CityNotFound | BookingNotOffered | WaitlistEntryNotFound | DbError.DbError>
    readonly list: (
      city: string,
      slotId: string
    ) => Effect.Effect<ReadonlyArray<Entry>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /** Every entry for the slots of a day (at one site), by slot time then joining order: the staff's list. */
    readonly listOn: (
      city: string,
      options: { readonly date: string; readonly site?: string | undefined }
    ) => Effect.Effect<ReadonlyArray<Entry>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /** A city's notifications not yet delivered, oldest first (for a sender). */
    readonly pending: (cityCode: string, limit?: number) => Effect.Effect<ReadonlyArray<Notification>, DbError.DbError>
    readonly markSent: (cityCode: string, id: number) => Effect.Effect<void, DbError.DbError>
    readonly markFailed: (cityCode: string, id: number, error: string) => Effect.Effect<void, DbError.DbError>
  }
>()("@madoguchi/scheduling/Waitlist") {}

const make = Effect.gen(function* () {
  const db = yield* Database.Database
  const reservations = yield* Reservations
  const context = yield* Effect.context<Database.Database | Profile.Profiles>()
  const run = <A, E>(effect: Effect.Effect<A, E, Database.Database | Profile.Profiles>): Effect.Effect<A, E> =>
    Effect.provideContext(effect, context)

  const join = Effect.fn("Waitlist.join")(
    function* (cityName: string, input: JoinWaitlistInput, options: { readonly channel?: Channel | undefined } = {}) {
      const city = yield* resolve(cityName)
      const request = yield* Decode.decode(JoinWaitlist)(input)
      const channel = options.channel ?? "web"
      const seats = request.seats ?? 1
      if (channel !== "staff" && city.settings.channels[channel] === undefined) {
        return yield* new ChannelNotOffered({ city: city.profile.slug, channel })
      }
      if (seats > city.settings.maxSeatsPerBooking) {
        return yield* new TooManySeats({ requested: seats, max: city.settings.maxSeatsPerBooking })
      }
      yield* readSlot(city.cityCode, request.slotId, channel)
      const id = yield* db.withTransaction(
        Effect.gen(function* () {
          const row = yield* db.use((k, signal) =>
            k
              .insertInto("waitlist_entry")
              .values({
                city_code: city.cityCode,
                slot_id: request.slotId,
                seats,
                channel,
                procedure: request.procedure,
                name_kana: request.name,
                contact: request.contact,
                issuance_notice_number: request.issuanceNoticeNumber ?? null
              })
              .returning("id")
              .executeTakeFirstOrThrow({ signal })
          )
          // Free seats (released now if due) go to the line at once, in order.
          yield* Seats.releaseDue(city.cityCode, request.slotId)
          yield* Seats.promote(city.cityCode, request.slotId, city.settings.holdMinutes * 60_000)
          return row.id
        }),
        { retries: 5 }
      )
      return yield* readEntry(city.cityCode, id)
    },
    (effect) => run(effect)
  )

  const withdraw = Effect.fn("Waitlist.withdraw")(
    function* (cityName: string, entryId: string) {
      const city = yield* resolve(cityName)
      if (!isUuid(entryId)) return yield* new WaitlistEntryNotFound({ entryId })
      yield* db.withTransaction(
        Effect.gen(function* () {
          const entry = yield* db.use((k, signal) =>
            k
              .selectFrom("waitlist_entry")
              .select(["status", "slot_id", "offered_reservation_id"])
              .where("city_code", "=", city.cityCode)
              .where("id", "=", entryId)
              .forUpdate()
              .executeTakeFirst({ signal })
          )
          if (entry === undefined) return yield* new WaitlistEntryNotFound({ entryId })
          if (entry.status !== "waiting" && entry.status !== "offered") return
          yield* db.use((k, signal) =>
            k
              .updateTable("waitlist_entry")
              .set({ status: "withdrawn", closed_at: sql`now()` })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", entryId)
              .execute({ signal })
          )
          if (entry.status === "offered" && entry.offered_reservation_id !== null) {
            yield* db.use((k, signal) =>
              k
                .updateTable("reservation")
                .set({ status: "cancelled", cancelled_at: sql`now()`, hold_expires_at: null, release_at: sql`now()` })
                .where("city_code", "=", city.cityCode)
                .where("id", "=", entry.offered_reservation_id!)
                .where("status", "=", "held")
                .where("occupies_seat", "=", true)
                .execute({ signal })
            )
            yield* Seats.releaseDue(city.cityCode, entry.slot_id)
            yield* Seats.promote(city.cityCode, entry.slot_id, city.settings.holdMinutes * 60_000)
          }
        }),
        { retries: 5 }
      )
      return yield* readEntry(city.cityCode, entryId)
    },
    (effect) => run(effect)
  )

  const accept = Effect.fn("Waitlist.accept")(
    function* (cityName: string, entryId: string) {
      const city = yield* resolve(cityName)
      const entry = yield* readEntry(city.cityCode, entryId)
      if (entry.status === "accepted" && entry.offeredReservationId !== undefined) {
        return yield* reservations.get(cityName, entry.offeredReservationId)
      }
      if (entry.status !== "offered" || entry.offeredReservationId === undefined) {
        return yield* new NoOfferToAccept({ entryId, status: entry.status })
      }
      return yield* reservations.confirm(cityName, entry.offeredReservationId)
    },
    (effect) => run(effect)
  )

  const get = Effect.fn("Waitlist.get")(
    function* (cityName: string, entryId: string) {
      const city = yield* resolve(cityName)
      return yield* readEntry(city.cityCode, entryId)
    },
    (effect) => run(effect)
  )

  const list = Effect.fn("Waitlist.list")(
    function* (cityName: string, slotId: string) {
      const city = yield* resolve(cityName)
      if (!isUuid(slotId)) return []
      const rows = yield* db.use((k, signal) =>
        selectEntries(k)
          .where("w.city_code", "=", city.cityCode)
          .where("w.slot_id", "=", slotId)
          .orderBy("w.created_at")
          .orderBy("w.id")
          .execute({ signal })
      )
      return rows.map(toEntry)
    },
    (effect) => run(effect)
  )

  const listOn = Effect.fn("Waitlist.listOn")(
    function* (cityName: string, options: { readonly date: string; readonly site?: string | undefined }) {
      const city = yield* resolve(cityName)
      const rows = yield* db.use((k, signal) =>
        selectEntries(k)
          .innerJoin("booking_slot as s", (j) =>
            j.onRef("s.city_code", "=", "w.city_code").onRef("s.id", "=", "w.slot_id")
          )
          .where("w.city_code", "=", city.cityCode)
          .where("s.day", "=", options.date)
          .$if(options.site !== undefined, (q) => q.where("s.site", "=", options.site!))
          .orderBy("s.starts_at")
          .orderBy("w.created_at")
          .orderBy("w.id")
          .execute({ signal })
      )
      return rows.map(toEntry)
    },
    (effect) => run(effect)
  )

  const pending = Effect.fn("Waitlist.pending")(function* (cityCode: string, limit = 100) {
    const rows = yield* db.use((k, signal) =>
      k
        .selectFrom("booking_outbox")
        .selectAll()
        .where("city_code", "=", cityCode)
        .where("sent_at", "is", null)
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute({ signal })
    )
    return rows.map((r): Notification => ({
      id: r.id,
      cityCode: r.city_code,
      kind: "waitlist_offer",
      recipient: r.recipient,
      reservationId: r.reservation_id,
      entryId: r.waitlist_entry_id,
      payload: r.payload,
      createdAt: formatInstant(r.created_at),
      attempts: r.attempts
    }))
  })

  const markSent = Effect.fn("Waitlist.markSent")(function* (cityCode: string, id: number) {
    yield* db.use((k, signal) =>
      k
        .updateTable("booking_outbox")
        .set({ sent_at: sql`now()`, attempts: sql`attempts + 1` })
        .where("city_code", "=", cityCode)
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .execute({ signal })
    )
  })

  const markFailed = Effect.fn("Waitlist.markFailed")(function* (cityCode: string, id: number, error: string) {
    yield* db.use((k, signal) =>
      k
        .updateTable("booking_outbox")
        .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 500) })
        .where("city_code", "=", cityCode)
        .where("id", "=", id)
        .execute({ signal })
    )
  })

  return Waitlist.of({ join, withdraw, accept, get, list, listOn, pending, markSent, markFailed })
})

/** @category layers */
export const layer: Layer.Layer<Waitlist, never, Database.Database | Profile.Profiles> = Layer.effect(
  Waitlist,
  make
).pipe(Layer.provide(reservationsLayer))
