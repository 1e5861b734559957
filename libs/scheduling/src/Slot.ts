/**
 * Bookable slots: per site, procedure group and time, with a capacity (one seat per window given to
 * the group) and per-channel shares. `plan` turns the city calendar's open sessions into slots (a pure
 * function of the profile and the calendar); the `Slots` service stores them. Regenerating is an
 * upsert keyed by (site, group, start): existing reservations are never dropped or counted twice, a
 * capacity never falls below the seats already booked, and a slot that is no longer in the calendar is
 * closed, never deleted — its reservations are listed for staff to contact, not cancelled silently.
 */
import { Database, type DbError } from "@madoguchi/db"
import { Decode, Profile, Values } from "@madoguchi/domain"
import type { BookingSettings, Channel, ProcedureGroup, SessionKind } from "@madoguchi/domain/profile/Booking"
import { Context, Effect, Layer, Schema, Semaphore } from "effect"
import { sql } from "kysely"
import { type BookingNotOffered, type CityBooking, resolve } from "./internal/city.ts"
import { datesBetween, formatInstant, instant, localDate } from "./internal/time.ts"
import * as Calendar from "./Calendar.ts"
import { affectedIn, type AffectedReservation } from "./internal/affected.ts"

const { bilingual } = Decode

/** A slot id (UUID). @category schemas */
export const SlotId = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ||
      bilingual(`予約枠IDの形式が正しくありません: ${s}`, `expected a slot id (UUID), got ${JSON.stringify(s)}`),
    { identifier: "SlotId", expected: "a slot id (UUID)" }
  )
)

/** @category predicates */
export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)

/**
 * One day of the city calendar as `GET /cities/{city}/calendar` returns it (DESIGN.md "Calendar").
 *
 * @category schemas
 */
export const CalendarDay = Schema.Struct({
  date: Values.LocalDate,
  open: Schema.Boolean,
  closedReason: Schema.optional(Schema.String),
  sessions: Schema.Array(
    Schema.Struct({
      site: Schema.String,
      kind: Schema.Literals(["regular", "holiday_opening", "outreach"]),
      opens: Values.LocalTime,
      closes: Values.LocalTime,
      /** The calendar's reservation policy; `none` = walk-ins only, no slots. */
      reservation: Schema.optional(Schema.Literals(["required", "optional", "none"])),
      /** Procedures the session serves; absent = the groups' own. */
      procedures: Schema.optional(Schema.Array(Schema.String)),
      /** People the session is planned for (an outreach session's bookable seats). */
      capacity: Schema.optional(Schema.Number)
    })
  )
})
export type CalendarDay = typeof CalendarDay.Type

/** A slot as the calendar and profile ask for it, before storage. @category models */
export interface PlannedSlot {
  readonly site: string
  readonly group: string
  readonly kind: SessionKind
  readonly date: string
  readonly startsAt: Date
  readonly endsAt: Date
  readonly procedures: ReadonlyArray<string>
  readonly capacity: number
  /** Seats the public page / the phone line may take; `null` = the channel does not take bookings. */
  readonly quotaWeb: number | null
  readonly quotaPhone: number | null
}

/** An outreach session the calendar lists (venue to be confirmed by staff). @category models */
export interface PlannedOutreach {
  readonly site: string
  readonly date: string
  readonly opens: string
  readonly closes: string
  readonly venue: string
  readonly capacity: number | null
  readonly group: string | null
  readonly procedures: ReadonlyArray<string>
  readonly walkIns: "accept" | "with_issuance_notice" | "refuse"
}

/** @category models */
export interface Plan {
  readonly slots: ReadonlyArray<PlannedSlot>
  readonly outreach: ReadonlyArray<PlannedOutreach>
}

/** The booking section names something the profile does not have. @category errors */
export class BookingProfileInvalid extends Schema.TaggedError<BookingProfileInvalid>(
  "@madoguchi/scheduling/BookingProfileInvalid"
)("BookingProfileInvalid", { city: Schema.String, problems: Schema.Array(Schema.String) }) {
  get ja(): string {
    return `${this.city} の予約設定に誤りがあります: ${this.problems.join("; ")}`
  }
  get en(): string {
    return `the booking settings of ${this.city} are inconsistent: ${this.problems.join("; ")}`
  }
  override get message(): string {
    return this.en
  }
}

const minutes = Values.minutesOf
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`

/** Seats a channel may take out of `capacity`. @category constructors */
export const quotaOf = (share: number | undefined, capacity: number): number | null =>
  share === undefined ? null : Math.floor(share * capacity + 1e-9)

const groupServes = (group: ProcedureGroup, kind: SessionKind) =>
  group.sessionKinds === undefined || group.sessionKinds.includes(kind)

/**
 * The slots and outreach sessions of `days` for a city: for every open session that takes
 * reservations and every reservable group with windows at its site (serving that kind of session, and
 * the procedures both the site and the session offer), slots of `slotMinutes` from the
 * later of opening and `bookableFrom` to the earlier of closing and `bookableUntil`; a partial slot
 * at the end is not offered. Outreach sessions become one session each, booked up to
 * `outreach.capacityPerSession`.
 *
 * @category constructors
 */
export const plan = (
  profile: Profile.CityProfile,
  settings: BookingSettings,
  days: ReadonlyArray<CalendarDay>
): Plan => {
  const sites = new Map(profile.sites.map((s) => [s.id, s]))
  const slots: Array<PlannedSlot> = []
  const outreach: Array<PlannedOutreach> = []
  for (const day of days) {
    if (!day.open) continue
    for (const session of day.sessions) {
      if (session.reservation === "none") continue
      const site = sites.get(session.site)
      const siteProcedures: ReadonlyArray<string> | undefined = site?.procedures
      const sessionProcedures = session.procedures
      const offeredHere = (procedures: ReadonlyArray<string>) =>
        procedures.filter(
          (p) =>
            (siteProcedures === undefined || siteProcedures.includes(p)) &&
            (sessionProcedures === undefined || sessionProcedures.includes(p))
        )
      if (session.kind === "outreach") {
        const group = settings.groups.find((g) => g.reservable !== false && groupServes(g, "outreach"))
        const procedures = offeredHere(
          settings.outreach?.procedures ??
            settings.groups.filter((g) => groupServes(g, "outreach")).flatMap((g) => g.procedures)
        )
        outreach.push({
          site: session.site,
          date: day.date,
          opens: session.opens,
          closes: session.closes,
          venue: site?.name.ja ?? session.site,
          capacity: group !== undefined ? (session.capacity ?? settings.outreach?.capacityPerSession ?? null) : null,
          group: group?.id ?? null,
          procedures: [...new Set(procedures)],
          walkIns: settings.walkIns.outreach
        })
        continue
      }
      for (const group of settings.groups) {
        if (group.reservable === false || !groupServes(group, session.kind)) continue
        const windows = group.windows[session.site] ?? 0
        if (windows <= 0) continue
        const procedures = offeredHere(group.procedures)
        if (procedures.length === 0) continue
        const from = Math.max(minutes(session.opens), group.bookableFrom ? minutes(group.bookableFrom) : 0)
        const until = Math.min(minutes(session.closes), group.bookableUntil ? minutes(group.bookableUntil) : 24 * 60)
        for (let start = from; start + settings.slotMinutes <= until; start += settings.slotMinutes) {
          slots.push({
            site: session.site,
            group: group.id,
            kind: session.kind,
            date: day.date,
            startsAt: instant(day.date, hhmm(start)),
            endsAt: instant(day.date, hhmm(start + settings.slotMinutes)),
            procedures,
            capacity: windows,
            quotaWeb: quotaOf(settings.channels.web, windows),
            quotaPhone: quotaOf(settings.channels.phone, windows)
          })
        }
      }
    }
  }
  return { slots, outreach }
}

/** Problems of the booking section against the profile's sites (pure). @category constructors */
export const checkProfile = (profile: Profile.CityProfile, settings: BookingSettings): ReadonlyArray<string> => {
  const sites = new Set(profile.sites.map((s) => s.id))
  return settings.groups.flatMap((g) =>
    Object.keys(g.windows)
      .filter((site) => !sites.has(site))
      .map((site) => `booking.groups[${g.id}].windows: no site "${site}"`)
  )
}

// ---------------------------------------------------------------------------------------------
// Errors

/** @category errors */
export class SlotNotFound extends Schema.TaggedError<SlotNotFound>("@madoguchi/scheduling/SlotNotFound")(
  "SlotNotFound",
  { slotId: Schema.String }
) {
  get ja(): string {
    return `予約枠が見つかりません: ${this.slotId}`
  }
  get en(): string {
    return `no such slot: ${this.slotId}`
  }
  override get message(): string {
    return this.en
  }
}

/** Every seat of the slot (or of the caller's channel share) is taken. @category errors */
export class SlotFull extends Schema.TaggedError<SlotFull>("@madoguchi/scheduling/SlotFull")("SlotFull", {
  slotId: Schema.String,
  requested: Schema.Number,
  remaining: Schema.Number,
  channel: Schema.String
}) {
  get ja(): string {
    return this.remaining > 0
      ? `この予約枠の残りは${this.remaining}席で、${this.requested}名分の予約はできません。別の時間帯をお選びください。`
      : "この予約枠は満席です。別の時間帯をお選びいただくか、キャンセル待ちに登録してください。"
  }
  get en(): string {
    return this.remaining > 0
      ? `only ${this.remaining} seat(s) left in this slot; ${this.requested} requested. Please choose another time.`
      : "this slot is full. Please choose another time or join the waitlist."
  }
  override get message(): string {
    return this.en
  }
}

/** The slot is closed (a closure) or has already started. @category errors */
export class SlotClosed extends Schema.TaggedError<SlotClosed>("@madoguchi/scheduling/SlotClosed")("SlotClosed", {
  slotId: Schema.String,
  reason: Schema.Literals(["closed", "past"])
}) {
  get ja(): string {
    return this.reason === "past"
      ? "この予約枠の時刻は過ぎています。別の時間帯をお選びください。"
      : "この予約枠は休止中のため予約できません。別の時間帯をお選びください。"
  }
  get en(): string {
    return this.reason === "past"
      ? "this slot has already started. Please choose another time."
      : "this slot is closed. Please choose another time."
  }
  override get message(): string {
    return this.en
  }
}

/** The city does not take bookings through this channel (e.g. pick-ups booked by phone only). @category errors */
export class ChannelNotOffered extends Schema.TaggedError<ChannelNotOffered>("@madoguchi/scheduling/ChannelNotOffered")(
  "ChannelNotOffered",
  { city: Schema.String, channel: Schema.String }
) {
  get ja(): string {
    return this.channel === "web"
      ? "この市ではインターネットでの予約を受け付けていません。電話でご予約ください。"
      : `この市では${this.channel === "phone" ? "電話" : this.channel}での予約を受け付けていません。`
  }
  get en(): string {
    return this.channel === "web"
      ? "this city does not take bookings online; please book by phone."
      : `this city does not take bookings by ${this.channel}.`
  }
  override get message(): string {
    return this.en
  }
}

/** The procedure is not offered in this slot. @category errors */
export class ProcedureNotOffered extends Schema.TaggedError<ProcedureNotOffered>(
  "@madoguchi/scheduling/ProcedureNotOffered"
)("ProcedureNotOffered", {
  slotId: Schema.String,
  procedure: Schema.String,
  offered: Schema.Array(Schema.String)
}) {
  get ja(): string {
    return `この予約枠では手続 ${this.procedure} を受け付けていません(受付: ${this.offered.join("、")})`
  }
  get en(): string {
    return `procedure ${this.procedure} is not offered in this slot (offered: ${this.offered.join(", ")})`
  }
  override get message(): string {
    return this.en
  }
}

// ---------------------------------------------------------------------------------------------
// Views

/** A slot as the public page and the staff screen see it. @category models */
export interface Slot {
  readonly id: string
  readonly site: string
  readonly group: string
  readonly kind: SessionKind
  readonly date: string
  /** `2026-10-05T09:00:00+09:00`. */
  readonly start: string
  readonly end: string
  readonly capacity: number
  /** Seats the asking channel may still book. */
  readonly remaining: number
  readonly procedures: ReadonlyArray<string>
  readonly status: "open" | "closed"
  readonly outreachSessionId?: string
}

/** A slot with its counters, for staff. @category models */
export interface SlotDetail extends Slot {
  readonly plannedCapacity: number
  readonly booked: number
  readonly bookedWeb: number
  readonly bookedPhone: number
  readonly quotaWeb: number | null
  readonly quotaPhone: number | null
  readonly closedReason?: string
  /** The slot has not started (bookable if open). */
  readonly bookable: boolean
  /** Seats whose release time has passed but which the sweeper has not yet released. */
  readonly releasable: number
}

/** What a regeneration did. @category models */
export interface GenerateResult {
  readonly created: number
  readonly updated: number
  readonly closed: number
  readonly outreachSessions: number
  /** Slots whose plan asks for fewer seats than are already booked: capacity kept at the booked seats. */
  readonly overPlan: ReadonlyArray<{ readonly slotId: string; readonly planned: number; readonly booked: number }>
  /** Reservations in slots closed by this run: staff contact these people. */
  readonly affected: ReadonlyArray<AffectedReservation>
}

export type { AffectedReservation } from "./internal/affected.ts"

const ProcedureList = Schema.Array(Schema.String)
const decodeProcedures = Schema.decodeUnknownSync(ProcedureList)

/** The columns every slot view reads. */
interface SlotRow {
  readonly id: string
  readonly site: string
  readonly group_id: string
  readonly kind: string
  readonly day: string
  readonly starts_at: Date
  readonly ends_at: Date
  readonly procedures: unknown
  readonly planned_capacity: number
  readonly capacity: number
  readonly quota_web: number | null
  readonly quota_phone: number | null
  readonly booked: number
  readonly booked_web: number
  readonly booked_phone: number
  readonly status: string
  readonly closed_reason: string | null
  readonly outreach_session_id: string | null
  readonly bookable: boolean
  readonly due: number
  readonly due_web: number
  readonly due_phone: number
}

/** What `remainingFor` reads of a slot row. @category models */
export type SlotCounters = Pick<
  SlotRow,
  | "status"
  | "bookable"
  | "capacity"
  | "booked"
  | "booked_web"
  | "booked_phone"
  | "quota_web"
  | "quota_phone"
  | "due"
  | "due_web"
  | "due_phone"
>

/**
 * Seats `channel` may still book: what the slot has left, and for web and phone also what their share
 * has left. Seats whose release time has passed (an expired hold, the end of a cancellation's reopen
 * delay) count as free even before the sweeper has released them.
 *
 * @category constructors
 */
export const remainingFor = (row: SlotCounters, channel: Channel): number => {
  if (row.status !== "open" || !row.bookable) return 0
  const total = row.capacity - row.booked + row.due
  const share =
    channel === "web"
      ? row.quota_web === null
        ? 0
        : row.quota_web - row.booked_web + row.due_web
      : channel === "phone"
        ? row.quota_phone === null
          ? 0
          : row.quota_phone - row.booked_phone + row.due_phone
        : total
  return Math.max(0, Math.min(total, share))
}

const toDetail = (row: SlotRow, channel: Channel): SlotDetail => ({
  id: row.id,
  site: row.site,
  group: row.group_id,
  kind: row.kind as SessionKind,
  date: row.day,
  start: formatInstant(row.starts_at),
  end: formatInstant(row.ends_at),
  capacity: row.capacity,
  remaining: remainingFor(row, channel),
  procedures: decodeProcedures(row.procedures),
  status: row.status === "closed" ? "closed" : "open",
  ...(row.outreach_session_id !== null ? { outreachSessionId: row.outreach_session_id } : {}),
  plannedCapacity: row.planned_capacity,
  booked: row.booked,
  bookedWeb: row.booked_web,
  bookedPhone: row.booked_phone,
  quotaWeb: row.quota_web,
  quotaPhone: row.quota_phone,
  ...(row.closed_reason !== null ? { closedReason: row.closed_reason } : {}),
  bookable: row.bookable,
  releasable: row.due
})

/** The public view of a detail (no counters). @category constructors */
export const toPublic = (detail: SlotDetail): Slot => ({
  id: detail.id,
  site: detail.site,
  group: detail.group,
  kind: detail.kind,
  date: detail.date,
  start: detail.start,
  end: detail.end,
  capacity: detail.capacity,
  remaining: detail.remaining,
  procedures: detail.procedures,
  status: detail.status,
  ...(detail.outreachSessionId !== undefined ? { outreachSessionId: detail.outreachSessionId } : {})
})

/** @category models */
export interface ListOptions {
  readonly from: string
  readonly to: string
  readonly site?: string | undefined
  readonly procedure?: string | undefined
  /** Whose `remaining` to show; default `web` (the public page). */
  readonly channel?: Channel | undefined
  /** Include closed slots (staff); default false. */
  readonly includeClosed?: boolean | undefined
  /** Leave out slots that have started (the public page); default false. */
  readonly upcomingOnly?: boolean | undefined
}

/** A date range the caller gave is backwards or too long. @category errors */
export class DateRangeInvalid extends Schema.TaggedError<DateRangeInvalid>("@madoguchi/scheduling/DateRangeInvalid")(
  "DateRangeInvalid",
  { from: Schema.String, to: Schema.String, maxDays: Schema.Number }
) {
  get ja(): string {
    return `期間が正しくありません(${this.from}〜${this.to}): 開始は終了以前、長さは${this.maxDays}日以内にしてください`
  }
  get en(): string {
    return `invalid date range ${this.from}..${this.to}: from must not be after to, and at most ${this.maxDays} days`
  }
  override get message(): string {
    return this.en
  }
}

const MAX_RANGE_DAYS = 400

const checkRange = (from: string, to: string) => {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
  return Number.isNaN(days) || days < 0 || days > MAX_RANGE_DAYS
    ? Effect.fail(new DateRangeInvalid({ from, to, maxDays: MAX_RANGE_DAYS }))
    : Effect.void
}

// ---------------------------------------------------------------------------------------------
// Service

/** @category services */
export class Slots extends Context.Service<
  Slots,
  {
    /**
     * Store the slots of the city calendar for `from`..`to` (or of `days`, when given): create new
     * ones, update capacity and shares of existing ones, close those no longer in the calendar.
     */
    readonly generate: (
      city: string,
      range: { readonly from: string; readonly to: string },
      days?: ReadonlyArray<CalendarDay>
    ) => Effect.Effect<
      GenerateResult,
      Profile.CityNotFound | BookingNotOffered | BookingProfileInvalid | DateRangeInvalid | DbError.DbError
    >
    readonly list: (
      city: string,
      options: ListOptions
    ) => Effect.Effect<
      ReadonlyArray<SlotDetail>,
      Profile.CityNotFound | BookingNotOffered | DateRangeInvalid | DbError.DbError
    >
    readonly get: (
      city: string,
      slotId: string,
      channel?: Channel
    ) => Effect.Effect<SlotDetail, SlotNotFound | Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /**
     * Fill in the days of `from`..`to` (from today on) never generated, from the calendar, insert only;
     * returns how many days were filled.
     */
    readonly ensure: (
      city: string,
      range: { readonly from: string; readonly to: string }
    ) => Effect.Effect<
      number,
      Profile.CityNotFound | BookingNotOffered | BookingProfileInvalid | DateRangeInvalid | DbError.DbError
    >
    /** Close a slot (a closure): nothing is cancelled; its reservations are returned for staff to contact. */
    readonly close: (
      city: string,
      slotId: string,
      reason: string
    ) => Effect.Effect<
      { readonly slot: SlotDetail; readonly affected: ReadonlyArray<AffectedReservation> },
      SlotNotFound | Profile.CityNotFound | BookingNotOffered | DbError.DbError
    >
  }
>()("@madoguchi/scheduling/Slots") {}

/** The slot query with its free-by-now seats, shared by every read. */
export const selectSlots = (k: Parameters<Parameters<Database.Database["Service"]["use"]>[0]>[0]) =>
  k
    .selectFrom("booking_slot as s")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("reservation as r")
          .select([
            sql<number>`coalesce(sum(r.seats), 0)::int`.as("due"),
            sql<number>`coalesce(sum(r.seats) filter (where r.channel = 'web'), 0)::int`.as("due_web"),
            sql<number>`coalesce(sum(r.seats) filter (where r.channel = 'phone'), 0)::int`.as("due_phone")
          ])
          .whereRef("r.city_code", "=", "s.city_code")
          .whereRef("r.slot_id", "=", "s.id")
          .where("r.occupies_seat", "=", true)
          .where("r.release_at", "<=", sql<Date>`now()`)
          .as("d"),
      (join) => join.onTrue()
    )
    .select([
      "s.id",
      "s.site",
      "s.group_id",
      "s.kind",
      "s.day",
      "s.starts_at",
      "s.ends_at",
      "s.procedures",
      "s.planned_capacity",
      "s.capacity",
      "s.quota_web",
      "s.quota_phone",
      "s.booked",
      "s.booked_web",
      "s.booked_phone",
      "s.status",
      "s.closed_reason",
      "s.outreach_session_id",
      sql<boolean>`s.starts_at > now()`.as("bookable"),
      sql<number>`coalesce(d.due, 0)`.as("due"),
      sql<number>`coalesce(d.due_web, 0)`.as("due_web"),
      sql<number>`coalesce(d.due_phone, 0)`.as("due_phone")
    ])

/** Read one slot's detail (inside or outside a transaction). @category constructors */
export const readSlot = Effect.fn("Slots.readSlot")(function* (cityCode: string, slotId: string, channel: Channel) {
  if (!isUuid(slotId)) return yield* new SlotNotFound({ slotId })
  const db = yield* Database.Database
  const row = yield* db.use((k, signal) =>
    selectSlots(k).where("s.city_code", "=", cityCode).where("s.id", "=", slotId).executeTakeFirst({ signal })
  )
  if (row === undefined) return yield* new SlotNotFound({ slotId })
  return toDetail(row, channel)
})

const make = Effect.gen(function* () {
  const db = yield* Database.Database
  const profiles = yield* Profile.Profiles
  const filling = yield* Semaphore.make(1)
  const withCity = <A, E>(effect: Effect.Effect<A, E, Database.Database | Profile.Profiles>) =>
    effect.pipe(Effect.provideService(Database.Database, db), Effect.provideService(Profile.Profiles, profiles))

  const checked = Effect.fn("Slots.checked")(function* (city: string) {
    const booking = yield* withCity(resolve(city))
    const problems = [
      ...checkProfile(booking.profile, booking.settings),
      ...Calendar.unknownSites(booking.profile).map((p) => `${p.path}: no site "${p.site}"`)
    ]
    if (problems.length > 0) return yield* new BookingProfileInvalid({ city: booking.profile.slug, problems })
    return booking
  })

  /**
   * Store planned slots. `regenerate`: upsert (capacity never below what is booked) and close the
   * range's slots no longer planned. `fill`: insert the missing ones only.
   */
  const store = (
    { cityCode, settings }: CityBooking,
    range: { readonly from: string; readonly to: string },
    days: ReadonlyArray<CalendarDay>,
    mode: "regenerate" | "fill"
  ) =>
    Effect.gen(function* () {
      const planned = plan((yield* withCity(resolve(cityCode))).profile, settings, days)
      const closedReasons = new Map(days.map((d) => [d.date, d.closedReason]))
      // Outreach sessions first: their slot points at them.
      let outreachSessions = 0
      const outreachSlots: Array<PlannedSlot & { readonly sessionId: string }> = []
      for (const o of planned.outreach) {
        const row = yield* db.use((k, signal) =>
          k
            .insertInto("outreach_session")
            .values({
              city_code: cityCode,
              site: o.site,
              day: o.date,
              opens: o.opens,
              closes: o.closes,
              venue: o.venue,
              capacity: o.capacity,
              procedures: JSON.stringify(o.procedures),
              walk_ins: o.walkIns
            })
            .onConflict((oc) =>
              oc.columns(["city_code", "site", "day", "opens"]).doUpdateSet({ updated_at: sql`now()` })
            )
            .returning(["id", "capacity", "closes", "status", "procedures"])
            .executeTakeFirstOrThrow({ signal })
        )
        outreachSessions++
        if (row.status === "scheduled" && row.capacity !== null && row.capacity > 0 && o.group !== null) {
          outreachSlots.push({
            site: o.site,
            group: o.group,
            kind: "outreach",
            date: o.date,
            startsAt: instant(o.date, o.opens),
            endsAt: instant(o.date, row.closes),
            procedures: decodeProcedures(row.procedures),
            capacity: row.capacity,
            quotaWeb: quotaOf(settings.channels.web, row.capacity),
            quotaPhone: quotaOf(settings.channels.phone, row.capacity),
            sessionId: row.id
          })
        }
      }

      const all: ReadonlyArray<PlannedSlot & { readonly sessionId?: string }> = [...planned.slots, ...outreachSlots]
      const kept: Array<string> = []
      let created = 0
      let updated = 0
      const overPlan: Array<{ slotId: string; planned: number; booked: number }> = []
      for (let i = 0; i < all.length; i += 500) {
        const chunk = all.slice(i, i + 500)
        const rows = yield* db.use((k, signal) =>
          k
            .insertInto("booking_slot")
            .values(
              chunk.map((p) => ({
                city_code: cityCode,
                site: p.site,
                group_id: p.group,
                kind: p.kind,
                day: p.date,
                starts_at: p.startsAt,
                ends_at: p.endsAt,
                procedures: JSON.stringify(p.procedures),
                planned_capacity: p.capacity,
                capacity: p.capacity,
                quota_web: p.quotaWeb,
                quota_phone: p.quotaPhone,
                outreach_session_id: p.sessionId ?? null
              }))
            )
            .onConflict((oc) =>
              mode === "fill"
                ? oc.columns(["city_code", "site", "group_id", "starts_at"]).doNothing()
                : oc.columns(["city_code", "site", "group_id", "starts_at"]).doUpdateSet({
                    kind: (eb) => eb.ref("excluded.kind"),
                    ends_at: (eb) => eb.ref("excluded.ends_at"),
                    procedures: (eb) => eb.ref("excluded.procedures"),
                    planned_capacity: (eb) => eb.ref("excluded.planned_capacity"),
                    // Never below what is already booked: a smaller plan keeps its promises.
                    capacity: sql`greatest(excluded.capacity, booking_slot.booked)`,
                    quota_web: sql`case when excluded.quota_web is null then null
                      else greatest(excluded.quota_web, booking_slot.booked_web) end`,
                    quota_phone: sql`case when excluded.quota_phone is null then null
                      else greatest(excluded.quota_phone, booking_slot.booked_phone) end`,
                    outreach_session_id: (eb) => eb.ref("excluded.outreach_session_id"),
                    status: "open",
                    closed_reason: null,
                    updated_at: sql`now()`
                  })
            )
            .returning(["id", "booked", "planned_capacity", sql<boolean>`(xmax = 0)`.as("inserted")])
            .execute({ signal })
        )
        for (const row of rows) {
          kept.push(row.id)
          if (row.inserted) created++
          else updated++
          if (row.booked > row.planned_capacity) {
            overPlan.push({ slotId: row.id, planned: row.planned_capacity, booked: row.booked })
          }
        }
      }

      // Regular and holiday slots in the range that the calendar no longer has: closed, never deleted.
      // (Outreach sessions are closed only by cancelling the session.)
      const closed =
        mode === "fill"
          ? []
          : yield* db.use((k, signal) =>
              k
                .updateTable("booking_slot")
                .set({
                  status: "closed",
                  closed_reason: sql`coalesce(closed_reason, 'calendar')`,
                  updated_at: sql`now()`
                })
                .where("city_code", "=", cityCode)
                .where("day", ">=", range.from)
                .where("day", "<=", range.to)
                .where("kind", "<>", "outreach")
                .where("status", "=", "open")
                .$if(kept.length > 0, (q) => q.where("id", "not in", kept))
                .returning(["id", "day"])
                .execute({ signal })
            )
      for (const row of closed) {
        const reason = closedReasons.get(row.day)
        if (reason !== undefined) {
          yield* db.use((k, signal) =>
            k
              .updateTable("booking_slot")
              .set({ closed_reason: reason })
              .where("city_code", "=", cityCode)
              .where("id", "=", row.id)
              .execute({ signal })
          )
        }
      }
      const affected = yield* withCity(
        affectedIn(
          cityCode,
          closed.map((r) => r.id)
        )
      )
      const marked = days.map((d) => d.date)
      if (marked.length > 0) {
        yield* db.use((k, signal) =>
          k
            .insertInto("booking_generated_day")
            .values(marked.map((day) => ({ city_code: cityCode, day })))
            .onConflict((oc) => oc.columns(["city_code", "day"]).doUpdateSet({ generated_at: sql`now()` }))
            .execute({ signal })
        )
      }
      return { created, updated, closed: closed.length, outreachSessions, overPlan, affected } satisfies GenerateResult
    })

  const generate = Effect.fn("Slots.generate")(function* (
    city: string,
    range: { readonly from: string; readonly to: string },
    given?: ReadonlyArray<CalendarDay>
  ) {
    yield* checkRange(range.from, range.to)
    const booking = yield* checked(city)
    const days = (given ?? Calendar.days(booking.profile, range.from, range.to)).filter(
      (d) => d.date >= range.from && d.date <= range.to
    )
    return yield* db.withTransaction(store(booking, range, days, "regenerate"), { retries: 3 })
  })

  const ensure = Effect.fn("Slots.ensure")(function* (
    city: string,
    range: { readonly from: string; readonly to: string }
  ) {
    yield* checkRange(range.from, range.to)
    const today = localDate(new Date())
    const from = range.from > today ? range.from : today
    if (from > range.to) return 0
    const booking = yield* checked(city)
    const missingDays = db.use((k, signal) =>
      k
        .selectFrom("booking_generated_day")
        .select("day")
        .where("city_code", "=", booking.cityCode)
        .where("day", ">=", from)
        .where("day", "<=", range.to)
        .execute({ signal })
        .then((done) => {
          const generated = new Set(done.map((d) => d.day))
          return datesBetween(from, range.to).filter((d) => !generated.has(d))
        })
    )
    // The common case, every day generated, takes no lock.
    if ((yield* missingDays).length === 0) return 0
    // A burst of first readers fills the days once (per process; other processes only repeat no-ops).
    return yield* filling.withPermit(
      Effect.gen(function* () {
        const missing = yield* missingDays
        if (missing.length === 0) return 0
        const wanted = new Set(missing)
        const days = Calendar.days(booking.profile, missing[0]!, missing[missing.length - 1]!).filter((d) =>
          wanted.has(d.date)
        )
        yield* db.withTransaction(store(booking, { from, to: range.to }, days, "fill"), { retries: 3 })
        return missing.length
      })
    )
  })

  const list = Effect.fn("Slots.list")(function* (city: string, options: ListOptions) {
    yield* checkRange(options.from, options.to)
    const { cityCode } = yield* withCity(resolve(city))
    const rows = yield* db.use((k, signal) =>
      selectSlots(k)
        .where("s.city_code", "=", cityCode)
        .where("s.day", ">=", options.from)
        .where("s.day", "<=", options.to)
        .$if(options.site !== undefined, (q) => q.where("s.site", "=", options.site!))
        .$if(options.procedure !== undefined, (q) =>
          q.where(sql<boolean>`s.procedures @> ${JSON.stringify([options.procedure])}::jsonb`)
        )
        .$if(options.includeClosed !== true, (q) => q.where("s.status", "=", "open"))
        .$if(options.upcomingOnly === true, (q) => q.where("s.starts_at", ">", sql<Date>`now()`))
        .orderBy("s.starts_at")
        .orderBy("s.site")
        .orderBy("s.group_id")
        .execute({ signal })
    )
    return rows.map((r) => toDetail(r, options.channel ?? "web"))
  })

  const get = Effect.fn("Slots.get")(function* (city: string, slotId: string, channel: Channel = "staff") {
    const { cityCode } = yield* withCity(resolve(city))
    return yield* withCity(readSlot(cityCode, slotId, channel))
  })

  const close = Effect.fn("Slots.close")(function* (city: string, slotId: string, reason: string) {
    const { cityCode } = yield* withCity(resolve(city))
    if (!isUuid(slotId)) return yield* new SlotNotFound({ slotId })
    return yield* db.withTransaction(
      Effect.gen(function* () {
        const row = yield* db.use((k, signal) =>
          k
            .updateTable("booking_slot")
            .set({ status: "closed", closed_reason: reason, updated_at: sql`now()` })
            .where("city_code", "=", cityCode)
            .where("id", "=", slotId)
            .returning("id")
            .executeTakeFirst({ signal })
        )
        if (row === undefined) return yield* new SlotNotFound({ slotId })
        const slot = yield* withCity(readSlot(cityCode, slotId, "staff"))
        const affected = yield* withCity(affectedIn(cityCode, [slotId]))
        return { slot, affected }
      }),
      { retries: 3 }
    )
  })

  return Slots.of({ generate, ensure, list, get, close })
})

/** @category layers */
export const layer: Layer.Layer<Slots, never, Database.Database | Profile.Profiles> = Layer.effect(Slots, make)
