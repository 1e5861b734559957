/**
 * Reservations: book a seat (the public page, the phone line or staff), hold one provisionally
 * (仮押さえ, expiring by itself after the profile's TTL), confirm, cancel (the seat reopens after the
 * profile's delay), reschedule atomically, book a family's seats across slots all or nothing, check
 * in (joining the ticket queue by the reservation's time, or after those waiting when late), mark
 * no-shows, and erase personal data after the retention period.
 *
 * Capacity is enforced by PostgreSQL in every path (see `internal/seats.ts`): one conditional row
 * update per slot, multi-slot paths lock their slot rows in id order first, and transactions retry a
 * bounded number of times on serialization failures and deadlocks. Create, cancel and reschedule take
 * an idempotency key: a retried request returns the first result and never books twice.
 */
import { hash, randomUUID } from "node:crypto"
import { Database, type DbError } from "@madoguchi/db"
import { Decode, Profile } from "@madoguchi/domain"
import { BookableProcedure, type Channel } from "@madoguchi/domain/profile/Booking"
import { Context, Data, Effect, Layer, Option, Schema } from "effect"
import { sql } from "kysely"
import { type BookingNotOffered, type CityBooking, resolve, resolveIn } from "./internal/city.ts"
import { decoder } from "./internal/decode.ts"
import { Contact, IssuanceNoticeNumber, NameKana, sameContact } from "./internal/personal.ts"

export { sameContact }
import * as Seats from "./internal/seats.ts"
import * as Tickets from "./internal/tickets.ts"
import { formatInstant, localDate } from "./internal/time.ts"
import {
  ChannelNotOffered,
  isUuid,
  ProcedureNotOffered,
  remainingFor,
  SlotClosed,
  SlotFull,
  SlotId,
  SlotNotFound
} from "./Slot.ts"

const { bilingual } = Decode

// ---------------------------------------------------------------------------------------------
// Schemas

/**
 * The eligibility pre-check's result kept with a booking (from `checkEligibility` in
 * `@madoguchi/domain`): the decision and what to bring.
 *
 * @category schemas
 */
export const Precheck = Schema.Struct({
  decision: Schema.Literals(["allowed", "refused", "needs_second_visit"]),
  /** Document codes to bring. */
  bring: Schema.Array(Schema.String.check(Schema.isBetweenLength(1, 64))).check(Schema.isMaxLength(50)),
  missingDocuments: Schema.optional(Schema.Array(Schema.String.check(Schema.isBetweenLength(1, 64))))
})
export type Precheck = typeof Precheck.Type

const Seats1to30 = Schema.Int.check(
  Schema.makeFilter(
    (n: number) =>
      (n >= 1 && n <= 30) || bilingual(`人数は1〜30で指定してください: ${n}`, `seats must be from 1 to 30, got ${n}`)
  )
)

/** A reservation request (`POST /cities/{city}/reservations`). @category schemas */
export const CreateReservation = Schema.Struct({
  slotId: SlotId,
  procedure: BookableProcedure,
  name: NameKana,
  contact: Contact,
  /** Seats for a family booking together; default 1. */
  seats: Schema.optional(Seats1to30),
  issuanceNoticeNumber: Schema.optional(IssuanceNoticeNumber),
  precheck: Schema.optional(Precheck)
})
export type CreateReservation = typeof CreateReservation.Type
export type CreateReservationInput = typeof CreateReservation.Encoded

/** A family's booking across several slots, all or nothing. @category schemas */
export const CreateParty = Schema.Struct({
  parts: Schema.Array(
    Schema.Struct({ slotId: SlotId, procedure: BookableProcedure, seats: Schema.optional(Seats1to30) })
  ).check(
    Schema.makeFilter(
      (parts: ReadonlyArray<unknown>) =>
        (parts.length >= 1 && parts.length <= 10) ||
        bilingual("グループ予約は1〜10件の枠で指定してください", "a group booking has 1 to 10 parts")
    )
  ),
  name: NameKana,
  contact: Contact,
  issuanceNoticeNumber: Schema.optional(IssuanceNoticeNumber),
  precheck: Schema.optional(Precheck)
})
export type CreatePartyInput = typeof CreateParty.Encoded

/** An `Idempotency-Key`: 1–200 visible ASCII characters. @category schemas */
export const IdempotencyKey = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[\x21-\x7e]{1,200}$/.test(s) ||
      bilingual(
        "Idempotency-Key は1〜200文字の英数字・記号で指定してください",
        "Idempotency-Key must be 1–200 visible ASCII characters"
      ),
    { identifier: "IdempotencyKey", expected: "an idempotency key" }
  )
)

/** @category models */
export type ReservationStatus =
  "held" | "confirmed" | "checked_in" | "done" | "no_show" | "cancelled" | "expired" | "rescheduled"

/** A reservation as its owner and staff see it. @category models */
export interface Reservation {
  readonly id: string
  /** 予約番号: ten characters to read out on the phone or type on the booking page (`reservationCode`). */
  readonly code: string
  readonly status: ReservationStatus
  readonly slotId: string
  readonly site: string
  readonly start: string
  readonly end: string
  readonly procedure: string
  readonly seats: number
  readonly channel: Channel
  readonly name: string | null
  readonly contact: string | null
  readonly issuanceNoticeNumber?: string
  /** When a hold lapses unless confirmed. */
  readonly expiresAt?: string
  /** When a cancelled (or moved) reservation's seat becomes bookable again. */
  readonly reopensAt?: string
  readonly partyId?: string
  readonly waitlistEntryId?: string
  readonly rescheduledFrom?: string
  readonly rescheduledTo?: string
  readonly precheck?: Precheck
  readonly createdAt: string
  readonly confirmedAt?: string
  readonly cancelledAt?: string
  readonly checkedInAt?: string
  readonly noShowAt?: string
  readonly doneAt?: string
  /** This answer repeats the first result of an idempotent request. */
  readonly replayed?: true
}

// ---------------------------------------------------------------------------------------------
// Errors

/** @category errors */
export class ReservationNotFound extends Schema.TaggedError<ReservationNotFound>(
  "@madoguchi/scheduling/ReservationNotFound"
)("ReservationNotFound", { reservationId: Schema.String }) {
  get ja(): string {
    return `予約が見つかりません: ${this.reservationId}`
  }
  get en(): string {
    return `no such reservation: ${this.reservationId}`
  }
  override get message(): string {
    return this.en
  }
}

const statusJa: Record<string, string> = {
  held: "仮押さえ中",
  confirmed: "予約確定",
  checked_in: "受付済み",
  done: "完了",
  no_show: "無断不来所",
  cancelled: "キャンセル済み",
  expired: "仮押さえ期限切れ",
  rescheduled: "日時変更済み"
}
const actionJa: Record<string, string> = {
  confirm: "確定",
  cancel: "キャンセル",
  reschedule: "日時変更",
  check_in: "受付",
  no_show: "無断不来所の記録"
}

/** The reservation is in a state that does not allow the action. @category errors */
export class ReservationStateConflict extends Schema.TaggedError<ReservationStateConflict>(
  "@madoguchi/scheduling/ReservationStateConflict"
)("ReservationStateConflict", { reservationId: Schema.String, status: Schema.String, action: Schema.String }) {
  get ja(): string {
    return `この予約は「${statusJa[this.status] ?? this.status}」のため${actionJa[this.action] ?? this.action}できません`
  }
  get en(): string {
    return `cannot ${this.action.replace("_", " ")} a reservation that is ${this.status.replace("_", " ")}`
  }
  override get message(): string {
    return this.en
  }
}

/** The hold lapsed before it was confirmed; its seat is free again. @category errors */
export class HoldExpired extends Schema.TaggedError<HoldExpired>("@madoguchi/scheduling/HoldExpired")("HoldExpired", {
  reservationId: Schema.String
}) {
  get ja(): string {
    return "仮押さえの期限が過ぎました。もう一度予約枠をお選びください。"
  }
  get en(): string {
    return "the hold expired before it was confirmed; please choose a slot again."
  }
  override get message(): string {
    return this.en
  }
}

/** The idempotency key was already used for a different request. @category errors */
export class IdempotencyKeyReused extends Schema.TaggedError<IdempotencyKeyReused>(
  "@madoguchi/scheduling/IdempotencyKeyReused"
)("IdempotencyKeyReused", { key: Schema.String }) {
  get ja(): string {
    return "この Idempotency-Key は別の内容の依頼で使用済みです。新しいキーで送信してください。"
  }
  get en(): string {
    return "this Idempotency-Key was already used for a different request; send a new key."
  }
  override get message(): string {
    return this.en
  }
}

/** More seats than one booking may take. @category errors */
export class TooManySeats extends Schema.TaggedError<TooManySeats>("@madoguchi/scheduling/TooManySeats")(
  "TooManySeats",
  { requested: Schema.Number, max: Schema.Number }
) {
  get ja(): string {
    return `1件の予約は${this.max}名までです(${this.requested}名で依頼されました)`
  }
  get en(): string {
    return `one booking takes at most ${this.max} seat(s); ${this.requested} requested`
  }
  override get message(): string {
    return this.en
  }
}

/** The city keys bookings by the 交付通知書 number and none was given. @category errors */
export class IssuanceNoticeRequired extends Schema.TaggedError<IssuanceNoticeRequired>(
  "@madoguchi/scheduling/IssuanceNoticeRequired"
)("IssuanceNoticeRequired", { city: Schema.String }) {
  get ja(): string {
    return "交付通知書(はがき)の番号を入力してください"
  }
  get en(): string {
    return "enter the number printed on the 交付通知書 (the notice postcard)"
  }
  override get message(): string {
    return this.en
  }
}

/** Check-in happens on the reservation's day only. @category errors */
export class CheckInNotToday extends Schema.TaggedError<CheckInNotToday>("@madoguchi/scheduling/CheckInNotToday")(
  "CheckInNotToday",
  { reservationId: Schema.String, date: Schema.String, today: Schema.String }
) {
  get ja(): string {
    return `この予約は${this.date}のものです(本日は${this.today})`
  }
  get en(): string {
    return `this reservation is for ${this.date} (today is ${this.today})`
  }
  override get message(): string {
    return this.en
  }
}

/** A no-show is recorded only once the profile's minutes after the start have passed. @category errors */
export class NoShowTooEarly extends Schema.TaggedError<NoShowTooEarly>("@madoguchi/scheduling/NoShowTooEarly")(
  "NoShowTooEarly",
  { reservationId: Schema.String, minutes: Schema.Number }
) {
  get ja(): string {
    return `開始時刻から${this.minutes}分を過ぎるまでは無断不来所にできません`
  }
  get en(): string {
    return `a no-show can be recorded only ${this.minutes} minutes after the start`
  }
  override get message(): string {
    return this.en
  }
}

/** Everything a booking can fail with, besides decoding. @category models */
export type BookingError =
  | Profile.CityNotFound
  | BookingNotOffered
  | Decode.DecodeError
  | SlotNotFound
  | SlotFull
  | SlotClosed
  | ChannelNotOffered
  | ProcedureNotOffered
  | TooManySeats
  | IssuanceNoticeRequired
  | IdempotencyKeyReused
  | ReservationNotFound
  | DbError.DbError

// ---------------------------------------------------------------------------------------------
// Reservation codes (予約番号)

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * The reservation code of an id: its first 48 bits (12 hex digits) in ten characters of Crockford's
 * base 32 — the same value the database stores in `reservation.code` (migration 0105). The code is
 * short enough to read out on the phone; it is not a secret, so the public lookup also asks for the
 * contact given at booking.
 *
 * @category codes
 */
export const reservationCode = (id: string): string => {
  let value = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)
  let code = ""
  for (let i = 0; i < 10; i++) {
    code = CROCKFORD[value % 32] + code
    value = Math.floor(value / 32)
  }
  return code
}

/**
 * A code as typed or heard: full-width characters, lower case, hyphens and spaces are accepted, and
 * the letters Crockford's base 32 leaves out read as the digits they look like (O → 0, I and L → 1).
 * Anything else is not a code (`undefined`).
 *
 * @category codes
 */
export const normalizeCode = (input: string): string | undefined => {
  const code = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐－ー_]/g, "")
    .replaceAll("O", "0")
    .replace(/[IL]/g, "1")
  return /^[0-7][0-9A-HJKMNP-TV-Z]{9}$/.test(code) ? code : undefined
}

/**
 * A reservation as the public may see it: without the name, contact and 交付通知書 number it was booked
 * with (whoever holds an id or a code learns when and what, never who).
 *
 * @category views
 */
export const publicView = ({
  name: _n,
  contact: _c,
  issuanceNoticeNumber: _i,
  ...rest
}: Reservation): Omit<Reservation, "name" | "contact" | "issuanceNoticeNumber"> => rest

// ---------------------------------------------------------------------------------------------
// Rows and views

const reservationColumns = [
  "r.id",
  "r.code",
  "r.status",
  "r.slot_id",
  "s.site",
  "s.starts_at",
  "s.ends_at",
  "r.procedure",
  "r.seats",
  "r.channel",
  "r.name_kana",
  "r.contact",
  "r.issuance_notice_number",
  "r.hold_expires_at",
  "r.release_at",
  "r.occupies_seat",
  "r.party_id",
  "r.waitlist_entry_id",
  "r.rescheduled_from",
  "r.rescheduled_to",
  "r.precheck",
  "r.created_at",
  "r.confirmed_at",
  "r.cancelled_at",
  "r.checked_in_at",
  "r.no_show_at",
  "r.done_at"
] as const

interface ReservationRow {
  readonly id: string
  readonly code: string
  readonly status: string
  readonly slot_id: string
  readonly site: string
  readonly starts_at: Date
  readonly ends_at: Date
  readonly procedure: string
  readonly seats: number
  readonly channel: string
  readonly name_kana: string | null
  readonly contact: string | null
  readonly issuance_notice_number: string | null
  readonly hold_expires_at: Date | null
  readonly release_at: Date | null
  readonly occupies_seat: boolean
  readonly party_id: string | null
  readonly waitlist_entry_id: string | null
  readonly rescheduled_from: string | null
  readonly rescheduled_to: string | null
  readonly precheck: unknown
  readonly created_at: Date
  readonly confirmed_at: Date | null
  readonly cancelled_at: Date | null
  readonly checked_in_at: Date | null
  readonly no_show_at: Date | null
  readonly done_at: Date | null
}

const decodePrecheck = Schema.decodeUnknownOption(Precheck)
const opt = <K extends string>(key: K, at: Date | null) =>
  at === null ? {} : ({ [key]: formatInstant(at) } as { [P in K]: string })

const toReservation = (r: ReservationRow): Reservation => {
  const precheck = r.precheck === null ? Option.none() : decodePrecheck(r.precheck)
  return {
    id: r.id,
    code: r.code,
    status: r.status as ReservationStatus,
    slotId: r.slot_id,
    site: r.site,
    start: formatInstant(r.starts_at),
    end: formatInstant(r.ends_at),
    procedure: r.procedure,
    seats: r.seats,
    channel: r.channel as Channel,
    name: r.name_kana,
    contact: r.contact,
    ...(r.issuance_notice_number !== null ? { issuanceNoticeNumber: r.issuance_notice_number } : {}),
    ...(r.status === "held" ? opt("expiresAt", r.hold_expires_at) : {}),
    ...((r.status === "cancelled" || r.status === "rescheduled") && r.occupies_seat
      ? opt("reopensAt", r.release_at)
      : {}),
    ...(r.party_id !== null ? { partyId: r.party_id } : {}),
    ...(r.waitlist_entry_id !== null ? { waitlistEntryId: r.waitlist_entry_id } : {}),
    ...(r.rescheduled_from !== null ? { rescheduledFrom: r.rescheduled_from } : {}),
    ...(r.rescheduled_to !== null ? { rescheduledTo: r.rescheduled_to } : {}),
    ...(Option.isSome(precheck) ? { precheck: precheck.value } : {}),
    createdAt: formatInstant(r.created_at),
    ...opt("confirmedAt", r.confirmed_at),
    ...opt("cancelledAt", r.cancelled_at),
    ...opt("checkedInAt", r.checked_in_at),
    ...opt("noShowAt", r.no_show_at),
    ...opt("doneAt", r.done_at)
  }
}

const selectReservations = (k: Parameters<Parameters<Database.Database["Service"]["use"]>[0]>[0]) =>
  k
    .selectFrom("reservation as r")
    .innerJoin("booking_slot as s", (j) => j.onRef("s.city_code", "=", "r.city_code").onRef("s.id", "=", "r.slot_id"))
    .select(reservationColumns)

/**
 * When a booking counts as late (and, the profile's minutes after, as a no-show): a slot's start, or
 * an outreach session's close (one long slot: people come any time while it is open).
 */
export const lateFrom = sql<Date>`case when s.kind = 'outreach' then s.ends_at else s.starts_at end`

/** Read one reservation. @category constructors */
export const read = Effect.fn("Reservations.read")(function* (cityCode: string, id: string) {
  if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
  const db = yield* Database.Database
  const row = yield* db.use((k, signal) =>
    selectReservations(k).where("r.city_code", "=", cityCode).where("r.id", "=", id).executeTakeFirst({ signal })
  )
  if (row === undefined) return yield* new ReservationNotFound({ reservationId: id })
  return toReservation(row)
})

// ---------------------------------------------------------------------------------------------
// Idempotency

/** The request's fingerprint, kept with its idempotency key (one-shot hashing: no hash object per request). */
const sha256 = (value: unknown): string => hash("sha256", JSON.stringify(value), "hex")

interface Keyed {
  readonly key: string
  readonly operation: "create" | "hold" | "cancel" | "reschedule"
  readonly sha256: string
}

/** The first result of a request made with this key, if there was one. */
const replay = Effect.fn("Reservations.replay")(function* (cityCode: string, keyed: Keyed | undefined) {
  if (keyed === undefined) return undefined
  const db = yield* Database.Database
  const row = yield* db.use((k, signal) =>
    k
      .selectFrom("booking_request")
      .select(["operation", "request_sha256", "reservation_id"])
      .where("city_code", "=", cityCode)
      .where("key", "=", keyed.key)
      .executeTakeFirst({ signal })
  )
  if (row === undefined) return undefined
  if (row.operation !== keyed.operation || row.request_sha256 !== keyed.sha256) {
    return yield* new IdempotencyKeyReused({ key: keyed.key })
  }
  const first = yield* read(cityCode, row.reservation_id)
  return { ...first, replayed: true as const }
})

const recordKey = Effect.fn("Reservations.recordKey")(function* (
  cityCode: string,
  keyed: Keyed | undefined,
  reservationId: string
) {
  if (keyed === undefined) return
  const db = yield* Database.Database
  yield* db.use((k, signal) =>
    k
      .insertInto("booking_request")
      .values({
        city_code: cityCode,
        key: keyed.key,
        operation: keyed.operation,
        request_sha256: keyed.sha256,
        reservation_id: reservationId
      })
      .execute({ signal })
  )
})

const isKeyClash = (error: unknown): boolean =>
  Predicate(error) && error.reason._tag === "UniqueViolation" && error.reason.constraint === "booking_request_pk"

function Predicate(error: unknown): error is DbError.DbError {
  return typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "DbError"
}

/**
 * Retry a statement on serialization failures and deadlocks, a bounded number of times (a plain
 * catch: the booking path pays nothing for it until a retry is needed).
 */
const retrying = <A, E, R>(effect: Effect.Effect<A, E, R>, times = 5): Effect.Effect<A, E, R> =>
  Effect.catchIf(
    effect,
    (e) => times > 0 && Predicate(e) && e.isRetryable,
    () => retrying(effect, times - 1)
  )

// ---------------------------------------------------------------------------------------------
// Booking core

/**
 * Take seats, or say precisely why not: after a failed take, read the slot; seats whose release time
 * has passed are released (and offered to the waitlist first) and the take is tried again, at most
 * twice.
 */
const takeOrExplain = (city: CityBooking, t: Seats.Take) =>
  Effect.flatMap(Seats.take(t), (outcome) =>
    outcome._tag === "NotTaken" ? explain(city, t, outcome) : Effect.succeed(outcome)
  )

const explain = Effect.fnUntraced(function* (city: CityBooking, t: Seats.Take, first: Seats.Outcome) {
  const holdMs = city.settings.holdMinutes * 60_000
  for (let round = 0; ; round++) {
    const outcome = round === 0 ? first : yield* Seats.take(t)
    if (outcome._tag !== "NotTaken") return outcome
    const slot = outcome.slot
    if (slot === undefined) return yield* new SlotNotFound({ slotId: t.slotId })
    if (slot.status === "closed") return yield* new SlotClosed({ slotId: t.slotId, reason: "closed" })
    if (!slot.bookable) return yield* new SlotClosed({ slotId: t.slotId, reason: "past" })
    if (!slot.procedures.includes(t.procedure)) {
      return yield* new ProcedureNotOffered({ slotId: t.slotId, procedure: t.procedure, offered: slot.procedures })
    }
    if ((t.channel === "web" && slot.quota_web === null) || (t.channel === "phone" && slot.quota_phone === null)) {
      return yield* new ChannelNotOffered({ city: city.profile.slug, channel: t.channel })
    }
    const remaining = remainingFor(slot, t.channel)
    if (round < 2 && remaining >= t.seats) {
      // Seats whose release time has passed: release them (the waitlist first), then try again.
      if (slot.due > 0) yield* Seats.settle(city.cityCode, t.slotId, holdMs)
      continue
    }
    return yield* new SlotFull({ slotId: t.slotId, requested: t.seats, remaining, channel: t.channel })
  }
})

/** The idempotency key was recorded by a concurrent request while this one ran. */
class ConcurrentDuplicate extends Data.TaggedError("ConcurrentDuplicate")<Record<never, never>> {}

/** Take seats inside a transaction: the reservation, or the reason as a failure. */
const takeInTransaction = Effect.fn("Reservations.takeInTransaction")(function* (city: CityBooking, t: Seats.Take) {
  const outcome = yield* takeOrExplain(city, t)
  // Keys are looked up before a transaction starts; a key found now was written concurrently.
  if (outcome._tag === "Prior") return yield* new ConcurrentDuplicate()
  return outcome.taken
})

/** @category models */
export interface BookOptions {
  /** Default `web` (the public page). */
  readonly channel?: Channel | undefined
  readonly idempotencyKey?: string | undefined
  /** Staff id, `public` or `cli`. */
  readonly actor?: string | undefined
  /** For a hold: keep the seat this long instead of the profile's TTL (a phone clerk's longer hold). */
  readonly holdMs?: number | undefined
}

const checkChannel = (city: CityBooking, channel: Channel) =>
  channel !== "staff" && city.settings.channels[channel] === undefined
    ? Effect.fail(new ChannelNotOffered({ city: city.profile.slug, channel }))
    : Effect.void

const checkSeats = (city: CityBooking, seats: number) =>
  seats > city.settings.maxSeatsPerBooking
    ? Effect.fail(new TooManySeats({ requested: seats, max: city.settings.maxSeatsPerBooking }))
    : Effect.void

const checkNotice = (city: CityBooking, notice: string | undefined) =>
  city.settings.issuanceNoticeNumber === "required" && notice === undefined
    ? Effect.fail(new IssuanceNoticeRequired({ city: city.profile.slug }))
    : Effect.void

const decodeIdempotencyKey = decoder(IdempotencyKey)
const decodeKey = (key: string | undefined) =>
  key === undefined ? Effect.succeed(undefined) : decodeIdempotencyKey(key)

const decodeCreate = decoder(CreateReservation)
const decodeParty = decoder(CreateParty)

// ---------------------------------------------------------------------------------------------
// Service

/** @category models */
export interface CheckedIn {
  readonly reservation: Reservation
  readonly ticket: Tickets.Ticket
}

/** @category models */
export interface ListReservations {
  readonly date: string
  readonly site?: string | undefined
  readonly status?: ReservationStatus | undefined
}

/** @category services */
export class Reservations extends Context.Service<
  Reservations,
  {
    /** Book a seat, confirmed at once. */
    readonly create: (
      city: string,
      input: CreateReservationInput,
      options?: BookOptions
    ) => Effect.Effect<Reservation, BookingError>
    /** Hold a seat provisionally; it frees itself after the TTL unless confirmed. */
    readonly hold: (
      city: string,
      input: CreateReservationInput,
      options?: BookOptions
    ) => Effect.Effect<Reservation, BookingError>
    /** Book several slots for one family: every part or none. */
    readonly createParty: (
      city: string,
      input: CreatePartyInput,
      options?: BookOptions
    ) => Effect.Effect<ReadonlyArray<Reservation>, BookingError>
    readonly confirm: (
      city: string,
      id: string
    ) => Effect.Effect<
      Reservation,
      | Profile.CityNotFound
      | BookingNotOffered
      | ReservationNotFound
      | ReservationStateConflict
      | HoldExpired
      | DbError.DbError
    >
    readonly cancel: (
      city: string,
      id: string,
      options?: { readonly idempotencyKey?: string | undefined }
    ) => Effect.Effect<
      Reservation,
      | Profile.CityNotFound
      | BookingNotOffered
      | Decode.DecodeError
      | ReservationNotFound
      | ReservationStateConflict
      | IdempotencyKeyReused
      | DbError.DbError
    >
    /** Move to another slot in one transaction: the new seat is taken before the old one is given up. */
    readonly reschedule: (
      city: string,
      id: string,
      target: { readonly slotId: string },
      options?: { readonly idempotencyKey?: string | undefined }
    ) => Effect.Effect<Reservation, BookingError | ReservationNotFound | ReservationStateConflict>
    readonly checkIn: (
      city: string,
      id: string
    ) => Effect.Effect<
      CheckedIn,
      | Profile.CityNotFound
      | BookingNotOffered
      | ReservationNotFound
      | ReservationStateConflict
      | CheckInNotToday
      | DbError.DbError
    >
    readonly markNoShow: (
      city: string,
      id: string
    ) => Effect.Effect<
      Reservation,
      | Profile.CityNotFound
      | BookingNotOffered
      | ReservationNotFound
      | ReservationStateConflict
      | NoShowTooEarly
      | DbError.DbError
    >
    readonly get: (
      city: string,
      id: string
    ) => Effect.Effect<Reservation, Profile.CityNotFound | BookingNotOffered | ReservationNotFound | DbError.DbError>
    readonly list: (
      city: string,
      options: ListReservations
    ) => Effect.Effect<ReadonlyArray<Reservation>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /**
     * Reservations with this code (予約番号, as typed: see `normalizeCode`), newest first; with a
     * contact, only those booked with it (`sameContact`) — the public lookup always gives one.
     */
    readonly findByCode: (
      city: string,
      code: string,
      contact?: string | undefined
    ) => Effect.Effect<ReadonlyArray<Reservation>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /** Reservations made with this 交付通知書 number (the counter finds a booking by the postcard). */
    readonly findByNotice: (
      city: string,
      number: string
    ) => Effect.Effect<ReadonlyArray<Reservation>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
  }
>()("@madoguchi/scheduling/Reservations") {}

/** The view of a reservation just made, from what the booking statement returned. */
const fromTaken = (
  taken: Seats.Taken,
  t: Seats.Take,
  request: { readonly issuanceNoticeNumber?: string | undefined; readonly precheck?: Precheck | undefined }
): Reservation => ({
  id: taken.id,
  code: reservationCode(taken.id),
  status: taken.status as ReservationStatus,
  slotId: taken.slot_id,
  site: taken.site,
  start: formatInstant(taken.starts_at),
  end: formatInstant(taken.ends_at),
  procedure: t.procedure,
  seats: t.seats,
  channel: t.channel,
  name: t.nameKana,
  contact: t.contact,
  ...(request.issuanceNoticeNumber !== undefined ? { issuanceNoticeNumber: request.issuanceNoticeNumber } : {}),
  ...(taken.status === "held" ? opt("expiresAt", taken.hold_expires_at) : {}),
  ...(t.partyId ? { partyId: t.partyId } : {}),
  ...(request.precheck !== undefined ? { precheck: request.precheck } : {}),
  createdAt: formatInstant(taken.created_at),
  ...opt("confirmedAt", taken.confirmed_at)
})

const lockSlots = Effect.fn("Reservations.lockSlots")(function* (cityCode: string, slotIds: ReadonlyArray<string>) {
  const db = yield* Database.Database
  const ids = [...new Set(slotIds)].sort()
  // One statement, one fixed order (by id): two transactions that need the same slots cannot deadlock.
  yield* db.use((k, signal) =>
    k
      .selectFrom("booking_slot")
      .select("id")
      .where("city_code", "=", cityCode)
      .where("id", "in", ids)
      .orderBy("id")
      .forUpdate()
      .execute({ signal })
  )
})

const makeService = Effect.gen(function* () {
  const db = yield* Database.Database
  const profiles = yield* Profile.Profiles
  const context = yield* Effect.context<Database.Database | Profile.Profiles>()
  const run = <A, E>(effect: Effect.Effect<A, E, Database.Database | Profile.Profiles>): Effect.Effect<A, E> =>
    Effect.provideContext(effect, context)

  /**
   * Why nothing was taken (full, closed, started, procedure or channel not offered — after giving back
   * seats whose release time has passed), or the first result of a request made with this key.
   */
  const notTaken = Effect.fnUntraced(function* (
    city: CityBooking,
    t: Seats.Take,
    request: CreateReservation,
    keyed: Keyed | undefined,
    first: Seats.Outcome | undefined
  ) {
    const outcome =
      first?._tag === "NotTaken"
        ? yield* retrying(explain(city, t, first)).pipe(Effect.catchIf(isKeyClash, () => Effect.succeed(undefined)))
        : first
    if (outcome?._tag === "Taken") return fromTaken(outcome.taken, t, request)
    // The key was used before, or a concurrent request with the same key committed first.
    const again = yield* replay(city.cityCode, keyed)
    if (again !== undefined) return again
    return yield* Effect.die(new Error("idempotency key clash without a stored request"))
  })

  // The public booking page's path: everything it needs is at hand (no context to provide per call)
  // until the seat is taken; the rarer answers run in the service's context.
  const book = (status: "held" | "confirmed", operation: "create" | "hold") =>
    Effect.fn(`Reservations.${operation}`)(function* (
      cityName: string,
      input: CreateReservationInput,
      options: BookOptions = {}
    ) {
      const city = yield* resolveIn(profiles, cityName)
      const request = yield* decodeCreate(input)
      const key = yield* decodeKey(options.idempotencyKey)
      const channel = options.channel ?? "web"
      const seats = request.seats ?? 1
      yield* checkChannel(city, channel)
      yield* checkSeats(city, seats)
      yield* checkNotice(city, request.issuanceNoticeNumber)
      const keyed: Keyed | undefined =
        key === undefined
          ? undefined
          : { key, operation, sha256: sha256({ operation, city: city.cityCode, channel, request }) }
      const t: Seats.Take = {
        cityCode: city.cityCode,
        slotId: request.slotId,
        seats,
        channel,
        procedure: request.procedure,
        status,
        holdMs: options.holdMs ?? city.settings.holdMinutes * 60_000,
        nameKana: request.name,
        contact: request.contact,
        issuanceNoticeNumber: request.issuanceNoticeNumber ?? null,
        precheck: request.precheck ?? null,
        createdBy: options.actor ?? (channel === "web" ? "public" : channel),
        idempotency: keyed
      }
      // One round trip: the key is checked, the seat taken and the key recorded together; when no
      // seat was taken, the key is checked again (this very request, sent twice at once, may have
      // taken the last seat).
      const outcome = yield* retrying(Seats.takeOn(db, t)).pipe(
        Effect.catchIf(isKeyClash, () => Effect.succeed(undefined))
      )
      if (outcome?._tag === "Taken") return fromTaken(outcome.taken, t, request)
      return yield* run(notTaken(city, t, request, keyed, outcome))
    })

  const createParty = Effect.fn("Reservations.createParty")(
    function* (cityName: string, input: CreatePartyInput, options: BookOptions = {}) {
      const city = yield* resolve(cityName)
      const request = yield* decodeParty(input)
      const key = yield* decodeKey(options.idempotencyKey)
      const channel = options.channel ?? "web"
      yield* checkChannel(city, channel)
      for (const part of request.parts) yield* checkSeats(city, part.seats ?? 1)
      yield* checkNotice(city, request.issuanceNoticeNumber)
      const keyed: Keyed | undefined =
        key === undefined
          ? undefined
          : { key, operation: "create", sha256: sha256({ operation: "party", city: city.cityCode, channel, request }) }
      const replayParty = Effect.gen(function* () {
        const first = yield* replay(city.cityCode, keyed)
        if (first === undefined) return undefined
        if (first.partyId === undefined) return [first]
        const rows = yield* db.use((k, signal) =>
          selectReservations(k)
            .where("r.city_code", "=", city.cityCode)
            .where("r.party_id", "=", first.partyId!)
            .orderBy("s.starts_at")
            .orderBy("r.created_at")
            .execute({ signal })
        )
        return rows.map((r) => ({ ...toReservation(r), replayed: true as const }))
      })
      const earlier = yield* replayParty
      if (earlier !== undefined) return earlier
      const partyId = randomUUID()
      const made = yield* db
        .withTransaction(
          Effect.gen(function* () {
            yield* lockSlots(
              city.cityCode,
              request.parts.map((p) => p.slotId)
            )
            const out: Array<Reservation> = []
            for (const [i, part] of request.parts.entries()) {
              const t: Seats.Take = {
                cityCode: city.cityCode,
                slotId: part.slotId,
                seats: part.seats ?? 1,
                channel,
                procedure: part.procedure,
                status: "confirmed",
                holdMs: 0,
                nameKana: request.name,
                contact: request.contact,
                issuanceNoticeNumber: request.issuanceNoticeNumber ?? null,
                precheck: request.precheck ?? null,
                createdBy: options.actor ?? (channel === "web" ? "public" : channel),
                partyId,
                idempotency: i === 0 ? keyed : undefined
              }
              const taken = yield* takeInTransaction(city, t)
              out.push(fromTaken(taken, t, request))
            }
            return out
          }),
          { retries: 5 }
        )
        .pipe(
          Effect.catchIf(isKeyClash, () => Effect.succeed(undefined)),
          Effect.catchTag("ConcurrentDuplicate", () => Effect.succeed(undefined))
        )
      if (made !== undefined) return made
      const again = yield* replayParty
      if (again !== undefined) return again
      return yield* Effect.die(new Error("idempotency key clash without a stored request"))
    },
    (effect) => run(effect)
  )

  const confirm = Effect.fn("Reservations.confirm")(
    function* (cityName: string, id: string) {
      const city = yield* resolve(cityName)
      if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
      const updated = yield* db.withTransaction(
        Effect.gen(function* () {
          const row = yield* db.use((k, signal) =>
            k
              .updateTable("reservation")
              .set({ status: "confirmed", confirmed_at: sql`now()`, hold_expires_at: null, release_at: null })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", id)
              .where("status", "=", "held")
              .where("occupies_seat", "=", true)
              .where("hold_expires_at", ">", sql<Date>`now()`)
              .returning(["id", "waitlist_entry_id"])
              .executeTakeFirst({ signal })
          )
          if (row?.waitlist_entry_id) {
            yield* db.use((k, signal) =>
              k
                .updateTable("waitlist_entry")
                .set({ status: "accepted", closed_at: sql`now()` })
                .where("city_code", "=", city.cityCode)
                .where("id", "=", row.waitlist_entry_id!)
                .where("status", "=", "offered")
                .execute({ signal })
            )
          }
          return row
        }),
        { retries: 5 }
      )
      const reservation = yield* read(city.cityCode, id)
      if (updated !== undefined || reservation.status === "confirmed") return reservation
      if (reservation.status === "held" || reservation.status === "expired") {
        return yield* new HoldExpired({ reservationId: id })
      }
      return yield* new ReservationStateConflict({ reservationId: id, status: reservation.status, action: "confirm" })
    },
    (effect) => run(effect)
  )

  const cancel = Effect.fn("Reservations.cancel")(
    function* (cityName: string, id: string, options: { readonly idempotencyKey?: string | undefined } = {}) {
      const city = yield* resolve(cityName)
      const key = yield* decodeKey(options.idempotencyKey)
      const keyed: Keyed | undefined =
        key === undefined
          ? undefined
          : { key, operation: "cancel", sha256: sha256({ operation: "cancel", city: city.cityCode, id }) }
      const first = yield* replay(city.cityCode, keyed)
      if (first !== undefined) return first
      if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
      const holdMs = city.settings.holdMinutes * 60_000
      const delayMs = city.settings.cancelReopenMinutes * 60_000
      const outcome = yield* db
        .withTransaction(
          Effect.gen(function* () {
            const row = yield* db.use((k, signal) =>
              k
                .updateTable("reservation")
                .set({
                  status: "cancelled",
                  cancelled_at: sql`now()`,
                  hold_expires_at: null,
                  // A hold gives its seat back at once; a booking after the reopen delay (against slot trading).
                  release_at: sql`case when status = 'held' then now()
                    else now() + ${delayMs}::int * interval '1 millisecond' end`
                })
                .where("city_code", "=", city.cityCode)
                .where("id", "=", id)
                .where("occupies_seat", "=", true)
                .where((eb) =>
                  eb.or([
                    eb("status", "=", "confirmed"),
                    eb.and([eb("status", "=", "held"), eb("hold_expires_at", ">", sql<Date>`now()`)])
                  ])
                )
                .returning(["slot_id", "waitlist_entry_id", sql<boolean>`release_at <= now()`.as("immediate")])
                .executeTakeFirst({ signal })
            )
            if (row === undefined) return "unchanged" as const
            if (row.waitlist_entry_id !== null) {
              yield* db.use((k, signal) =>
                k
                  .updateTable("waitlist_entry")
                  .set({ status: "withdrawn", closed_at: sql`now()` })
                  .where("city_code", "=", city.cityCode)
                  .where("id", "=", row.waitlist_entry_id!)
                  .where("status", "=", "offered")
                  .execute({ signal })
              )
            }
            yield* recordKey(city.cityCode, keyed, id)
            if (row.immediate) {
              yield* Seats.releaseDue(city.cityCode, row.slot_id)
              yield* Seats.promote(city.cityCode, row.slot_id, holdMs)
            }
            return "cancelled" as const
          }),
          { retries: 5 }
        )
        .pipe(Effect.catchIf(isKeyClash, () => Effect.succeed("clash" as const)))
      if (outcome === "clash") {
        const again = yield* replay(city.cityCode, keyed)
        if (again !== undefined) return again
      }
      const reservation = yield* read(city.cityCode, id)
      if (outcome === "cancelled" || reservation.status === "cancelled" || reservation.status === "expired") {
        return reservation
      }
      if (reservation.status === "held") {
        // A lapsed hold the sweeper has not reached yet: release it now; nothing is left to cancel.
        yield* Seats.settle(city.cityCode, reservation.slotId, holdMs)
        return yield* read(city.cityCode, id)
      }
      return yield* new ReservationStateConflict({ reservationId: id, status: reservation.status, action: "cancel" })
    },
    (effect) => run(effect)
  )

  const reschedule = Effect.fn("Reservations.reschedule")(
    function* (
      cityName: string,
      id: string,
      target: { readonly slotId: string },
      options: { readonly idempotencyKey?: string | undefined } = {}
    ) {
      const city = yield* resolve(cityName)
      const key = yield* decodeKey(options.idempotencyKey)
      const slotId = yield* Decode.decode(SlotId)(target.slotId)
      const keyed: Keyed | undefined =
        key === undefined
          ? undefined
          : {
              key,
              operation: "reschedule",
              sha256: sha256({ operation: "reschedule", city: city.cityCode, id, slotId })
            }
      const first = yield* replay(city.cityCode, keyed)
      if (first !== undefined) return first
      if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
      const holdMs = city.settings.holdMinutes * 60_000
      const delayMs = city.settings.cancelReopenMinutes * 60_000
      const moved = yield* db
        .withTransaction(
          Effect.gen(function* () {
            const old = yield* db.use((k, signal) =>
              k
                .selectFrom("reservation")
                .selectAll()
                .select(sql<boolean>`hold_expires_at > now()`.as("hold_live"))
                .where("city_code", "=", city.cityCode)
                .where("id", "=", id)
                .forUpdate()
                .executeTakeFirst({ signal })
            )
            if (old === undefined) return yield* new ReservationNotFound({ reservationId: id })
            const live = old.occupies_seat && (old.status === "confirmed" || (old.status === "held" && old.hold_live))
            if (!live) {
              return yield* new ReservationStateConflict({
                reservationId: id,
                status: old.status === "held" ? "expired" : old.status,
                action: "reschedule"
              })
            }
            if (old.slot_id === slotId) return id
            yield* lockSlots(city.cityCode, [old.slot_id, slotId])
            const t: Seats.Take = {
              cityCode: city.cityCode,
              slotId,
              seats: old.seats,
              channel: old.channel as Channel,
              procedure: old.procedure,
              status: old.status === "held" ? "held" : "confirmed",
              holdMs,
              nameKana: old.name_kana,
              contact: old.contact,
              issuanceNoticeNumber: old.issuance_notice_number,
              precheck: old.precheck,
              createdBy: old.created_by,
              partyId: old.party_id,
              waitlistEntryId: old.waitlist_entry_id,
              rescheduledFrom: old.id,
              idempotency: keyed
            }
            const taken = yield* takeInTransaction(city, t)
            const freed = yield* db.use((k, signal) =>
              k
                .updateTable("reservation")
                .set({
                  status: "rescheduled",
                  rescheduled_to: taken.id,
                  hold_expires_at: null,
                  release_at: sql`case when status = 'held' then now()
                    else now() + ${delayMs}::int * interval '1 millisecond' end`
                })
                .where("city_code", "=", city.cityCode)
                .where("id", "=", id)
                .returning(sql<boolean>`release_at <= now()`.as("immediate"))
                .executeTakeFirstOrThrow({ signal })
            )
            if (old.waitlist_entry_id !== null) {
              yield* db.use((k, signal) =>
                k
                  .updateTable("waitlist_entry")
                  .set({ offered_reservation_id: taken.id })
                  .where("city_code", "=", city.cityCode)
                  .where("id", "=", old.waitlist_entry_id!)
                  .execute({ signal })
              )
            }
            if (freed.immediate) {
              yield* Seats.releaseDue(city.cityCode, old.slot_id)
              yield* Seats.promote(city.cityCode, old.slot_id, holdMs)
            }
            return taken.id
          }),
          { retries: 5 }
        )
        .pipe(
          Effect.catchIf(isKeyClash, () => Effect.succeed(undefined)),
          Effect.catchTag("ConcurrentDuplicate", () => Effect.succeed(undefined))
        )
      if (moved !== undefined) return yield* read(city.cityCode, moved)
      const again = yield* replay(city.cityCode, keyed)
      if (again !== undefined) return again
      return yield* Effect.die(new Error("idempotency key clash without a stored request"))
    },
    (effect) => run(effect)
  )

  const checkIn = Effect.fn("Reservations.checkIn")(
    function* (cityName: string, id: string) {
      const city = yield* resolve(cityName)
      if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
      const lateAfterMs = city.settings.noShowAfterMinutes * 60_000
      const ticket = yield* db.withTransaction(
        Effect.gen(function* () {
          const row = yield* db.use((k, signal) =>
            k
              .selectFrom("reservation as r")
              .innerJoin("booking_slot as s", (j) =>
                j.onRef("s.city_code", "=", "r.city_code").onRef("s.id", "=", "r.slot_id")
              )
              .select([
                "r.status",
                "r.procedure",
                "r.issuance_notice_number",
                "s.site",
                "s.group_id",
                "s.day",
                "s.starts_at",
                "s.ends_at",
                "s.kind",
                "s.outreach_session_id",
                sql<Date>`now()`.as("now")
              ])
              .where("r.city_code", "=", city.cityCode)
              .where("r.id", "=", id)
              .forUpdate("r")
              .executeTakeFirst({ signal })
          )
          if (row === undefined) return yield* new ReservationNotFound({ reservationId: id })
          if (row.status === "checked_in") {
            return yield* db.use((k, signal) =>
              k
                .selectFrom("queue_ticket")
                .select(Tickets.ticketColumns)
                .where("city_code", "=", city.cityCode)
                .where("reservation_id", "=", id)
                .executeTakeFirstOrThrow({ signal })
            )
          }
          if (row.status !== "confirmed" && row.status !== "no_show") {
            return yield* new ReservationStateConflict({ reservationId: id, status: row.status, action: "check_in" })
          }
          const today = localDate(row.now)
          if (row.day !== today) return yield* new CheckInNotToday({ reservationId: id, date: row.day, today })
          // An outreach session is one long slot: people come any time until it closes.
          const dueBy = row.kind === "outreach" ? row.ends_at : row.starts_at
          const late = row.status === "no_show" || row.now.getTime() > dueBy.getTime() + lateAfterMs
          yield* db.use((k, signal) =>
            k
              .updateTable("reservation")
              .set({ status: "checked_in", checked_in_at: sql`now()` })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", id)
              .execute({ signal })
          )
          const group = city.settings.groups.find((g) => g.id === row.group_id)
          return yield* Tickets.issue({
            cityCode: city.cityCode,
            site: row.site,
            day: row.day,
            group: row.group_id,
            prefix: group?.ticketPrefix ?? "R",
            kind: "reservation",
            reservationId: id,
            outreachSessionId: row.outreach_session_id,
            procedure: row.procedure,
            // On time: queued by the reservation's start. Late: after those already waiting.
            priorityAt: late ? undefined : row.starts_at,
            late,
            issuanceNoticeNumber: row.issuance_notice_number
          })
        }),
        { retries: 5 }
      )
      const reservation = yield* read(city.cityCode, id)
      return { reservation, ticket: Tickets.toTicket(ticket) } satisfies CheckedIn
    },
    (effect) => run(effect)
  )

  const markNoShow = Effect.fn("Reservations.markNoShow")(
    function* (cityName: string, id: string) {
      const city = yield* resolve(cityName)
      if (!isUuid(id)) return yield* new ReservationNotFound({ reservationId: id })
      const minutes = city.settings.noShowAfterMinutes
      yield* db.withTransaction(
        Effect.gen(function* () {
          const row = yield* db.use((k, signal) =>
            k
              .selectFrom("reservation as r")
              .innerJoin("booking_slot as s", (j) =>
                j.onRef("s.city_code", "=", "r.city_code").onRef("s.id", "=", "r.slot_id")
              )
              .select([
                "r.status",
                sql<boolean>`now() > ${lateFrom} + ${minutes}::int * interval '1 minute'`.as("overdue")
              ])
              .where("r.city_code", "=", city.cityCode)
              .where("r.id", "=", id)
              .forUpdate("r")
              .executeTakeFirst({ signal })
          )
          if (row === undefined) return yield* new ReservationNotFound({ reservationId: id })
          if (row.status === "no_show") return
          if (row.status !== "confirmed") {
            return yield* new ReservationStateConflict({ reservationId: id, status: row.status, action: "no_show" })
          }
          if (!row.overdue) return yield* new NoShowTooEarly({ reservationId: id, minutes })
          yield* db.use((k, signal) =>
            k
              .updateTable("reservation")
              .set({ status: "no_show", no_show_at: sql`now()` })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", id)
              .execute({ signal })
          )
        }),
        { retries: 5 }
      )
      return yield* read(city.cityCode, id)
    },
    (effect) => run(effect)
  )

  const get = Effect.fn("Reservations.get")(
    function* (cityName: string, id: string) {
      const city = yield* resolve(cityName)
      return yield* read(city.cityCode, id)
    },
    (effect) => run(effect)
  )

  const list = Effect.fn("Reservations.list")(
    function* (cityName: string, options: ListReservations) {
      const city = yield* resolve(cityName)
      const rows = yield* db.use((k, signal) =>
        selectReservations(k)
          .where("r.city_code", "=", city.cityCode)
          .where("s.day", "=", options.date)
          .$if(options.site !== undefined, (q) => q.where("s.site", "=", options.site!))
          .$if(options.status !== undefined, (q) => q.where("r.status", "=", options.status!))
          .orderBy("s.starts_at")
          .orderBy("r.created_at")
          .execute({ signal })
      )
      return rows.map(toReservation)
    },
    (effect) => run(effect)
  )

  const findByNotice = Effect.fn("Reservations.findByNotice")(
    function* (cityName: string, number: string) {
      const city = yield* resolve(cityName)
      const normalized = number.normalize("NFKC").trim()
      const rows = yield* db.use((k, signal) =>
        selectReservations(k)
          .where("r.city_code", "=", city.cityCode)
          .where("r.issuance_notice_number", "=", normalized)
          .orderBy("s.starts_at")
          .execute({ signal })
      )
      return rows.map(toReservation)
    },
    (effect) => run(effect)
  )

  const findByCode = Effect.fn("Reservations.findByCode")(
    function* (cityName: string, typed: string, contact?: string | undefined) {
      const city = yield* resolve(cityName)
      const code = normalizeCode(typed)
      if (code === undefined) return []
      const rows = yield* db.use((k, signal) =>
        selectReservations(k)
          .where("r.city_code", "=", city.cityCode)
          .where("r.code", "=", code)
          .orderBy("r.created_at", "desc")
          .execute({ signal })
      )
      return rows.filter((r) => contact === undefined || sameContact(r.contact, contact)).map(toReservation)
    },
    (effect) => run(effect)
  )

  return Reservations.of({
    create: book("confirmed", "create"),
    hold: book("held", "hold"),
    createParty,
    confirm,
    cancel,
    reschedule,
    checkIn,
    markNoShow,
    get,
    list,
    findByCode,
    findByNotice
  })
})

/** @category layers */
export const layer: Layer.Layer<Reservations, never, Database.Database | Profile.Profiles> = Layer.effect(
  Reservations,
  makeService
)
