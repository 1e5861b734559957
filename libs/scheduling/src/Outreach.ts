/**
 * Outreach sessions (出張交付・出張申請): a venue, a date and hours, the procedures offered, how many
 * people may book (Koganei: 30 per session) and whether walk-ins are served (Koganei: with the
 * 交付通知書). A session that takes bookings has one slot spanning its hours, so its capacity is
 * enforced exactly like a counter slot's. The roster lists who booked and who came by ticket — what
 * the desk works from and what the monthly report counts. Sessions come from the city calendar
 * (`Slots.generate`) or are scheduled by staff (Kanazawa's ~72 sessions at shopping centres).
 */
import { Database, type DbError } from "@madoguchi/db"
import { ActivityLog, Decode, MyNumber, type Profile, Values } from "@madoguchi/domain"
import { BookableProcedure, WalkInPolicy } from "@madoguchi/domain/profile/Booking"
import { Context, Effect, Layer, Schema } from "effect"
import { sql } from "kysely"
import { affectedIn, type AffectedReservation } from "./internal/affected.ts"
import { type BookingNotOffered, type CityBooking, resolve } from "./internal/city.ts"
import * as Tickets from "./internal/tickets.ts"
import { formatInstant, instant } from "./internal/time.ts"
import { DateRangeInvalid, isUuid, quotaOf } from "./Slot.ts"

const { bilingual } = Decode

const Venue = MyNumber.FreeText.check(Schema.isBetweenLength(1, 200))
const Note = MyNumber.FreeText.check(Schema.isMaxLength(1000))
const Capacity = Schema.Int.check(
  Schema.makeFilter(
    (n: number) =>
      (n >= 0 && n <= 1000) ||
      bilingual(`定員は0〜1000で指定してください: ${n}`, `capacity must be from 0 to 1000, got ${n}`)
  )
)

/** Staff scheduling a session. @category schemas */
export const ScheduleSession = Schema.Struct({
  site: Schema.String,
  date: Values.LocalDate,
  opens: Values.LocalTime,
  closes: Values.LocalTime,
  venue: Venue,
  /** People who may book; default the profile's `outreach.capacityPerSession`; 0 = walk-ins only. */
  capacity: Schema.optional(Capacity),
  procedures: Schema.optional(Schema.Array(BookableProcedure).check(Schema.isMinLength(1))),
  walkIns: Schema.optional(WalkInPolicy),
  note: Schema.optional(Note)
}).check(
  Schema.makeFilter(
    (s: { readonly opens: string; readonly closes: string }) =>
      s.opens < s.closes || bilingual("開始時刻は終了時刻より前にしてください", "opens must be before closes")
  )
)
export type ScheduleSessionInput = typeof ScheduleSession.Encoded

/** What staff add when closing a session. @category schemas */
export const CompleteSession = Schema.Struct({
  /** Procedures handled without a ticket (code → count). */
  tally: Schema.optional(Schema.Record(Schema.String, Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)))),
  /** Questions answered at the desk. */
  inquiries: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  staffCount: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  staff: Schema.optional(Schema.String.check(Schema.isBetweenLength(1, 100)))
})
export type CompleteSessionInput = typeof CompleteSession.Encoded

/** @category schemas */
export const UpdateSession = Schema.Struct({
  venue: Schema.optional(Venue),
  capacity: Schema.optional(Capacity),
  note: Schema.optional(Note)
})
export type UpdateSessionInput = typeof UpdateSession.Encoded

/** @category models */
export interface Session {
  readonly id: string
  readonly site: string
  readonly date: string
  readonly opens: string
  readonly closes: string
  readonly venue: string
  /** Bookable seats; null = walk-ins only. */
  readonly capacity: number | null
  readonly booked: number
  readonly procedures: ReadonlyArray<string>
  readonly walkIns: WalkInPolicy
  readonly status: "scheduled" | "cancelled"
  readonly slotId?: string
  readonly note?: string
}

/** Who is expected and who came. @category models */
export interface Roster {
  readonly session: Session
  readonly reservations: ReadonlyArray<{
    readonly id: string
    readonly status: string
    readonly procedure: string
    readonly seats: number
    readonly name: string | null
    readonly contact: string | null
    readonly issuanceNoticeNumber: string | null
  }>
  readonly walkIns: ReadonlyArray<Tickets.Ticket>
  readonly totals: {
    readonly booked: number
    readonly checkedIn: number
    readonly walkIns: number
    readonly done: number
  }
}

/** @category errors */
export class OutreachSessionNotFound extends Schema.TaggedError<OutreachSessionNotFound>(
  "@madoguchi/scheduling/OutreachSessionNotFound"
)("OutreachSessionNotFound", { sessionId: Schema.String }) {
  get ja(): string {
    return `出張窓口の開催が見つかりません: ${this.sessionId}`
  }
  get en(): string {
    return `no such outreach session: ${this.sessionId}`
  }
  override get message(): string {
    return this.en
  }
}

/** The site is not an outreach site of the city. @category errors */
export class NotAnOutreachSite extends Schema.TaggedError<NotAnOutreachSite>("@madoguchi/scheduling/NotAnOutreachSite")(
  "NotAnOutreachSite",
  { site: Schema.String }
) {
  get ja(): string {
    return `拠点 ${this.site} は出張窓口ではありません`
  }
  get en(): string {
    return `site ${this.site} is not an outreach site`
  }
  override get message(): string {
    return this.en
  }
}

/** A session at the same site, date and opening time already exists. @category errors */
export class OutreachSessionExists extends Schema.TaggedError<OutreachSessionExists>(
  "@madoguchi/scheduling/OutreachSessionExists"
)("OutreachSessionExists", { site: Schema.String, date: Schema.String, opens: Schema.String }) {
  get ja(): string {
    return `${this.date} ${this.opens} の出張窓口(${this.site})は登録済みです`
  }
  get en(): string {
    return `an outreach session at ${this.site} on ${this.date} ${this.opens} already exists`
  }
  override get message(): string {
    return this.en
  }
}

const decodeProcedures = Schema.decodeUnknownSync(Schema.Array(Schema.String))

const selectSessions = (k: Parameters<Parameters<Database.Database["Service"]["use"]>[0]>[0]) =>
  k
    .selectFrom("outreach_session as o")
    .leftJoin("booking_slot as s", (j) =>
      j.onRef("s.city_code", "=", "o.city_code").onRef("s.outreach_session_id", "=", "o.id")
    )
    .select([
      "o.id",
      "o.site",
      "o.day",
      "o.opens",
      "o.closes",
      "o.venue",
      "o.capacity",
      "o.procedures",
      "o.walk_ins",
      "o.status",
      "o.note",
      "s.id as slot_id",
      "s.booked"
    ])

type SessionRow = {
  readonly id: string
  readonly site: string
  readonly day: string
  readonly opens: string
  readonly closes: string
  readonly venue: string
  readonly capacity: number | null
  readonly procedures: unknown
  readonly walk_ins: string
  readonly status: string
  readonly note: string | null
  readonly slot_id: string | null
  readonly booked: number | null
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  site: r.site,
  date: r.day,
  opens: r.opens,
  closes: r.closes,
  venue: r.venue,
  capacity: r.capacity,
  booked: r.booked ?? 0,
  procedures: decodeProcedures(r.procedures),
  walkIns: r.walk_ins as WalkInPolicy,
  status: r.status === "cancelled" ? "cancelled" : "scheduled",
  ...(r.slot_id !== null ? { slotId: r.slot_id } : {}),
  ...(r.note !== null ? { note: r.note } : {})
})

/** The procedure group an outreach slot is booked in: the first reservable group serving outreach. */
const outreachGroup = (city: CityBooking) =>
  city.settings.groups.find(
    (g) => g.reservable !== false && (g.sessionKinds === undefined || g.sessionKinds.includes("outreach"))
  )

/** @category services */
export class Outreach extends Context.Service<
  Outreach,
  {
    readonly schedule: (
      city: string,
      input: ScheduleSessionInput
    ) => Effect.Effect<
      Session,
      | Profile.CityNotFound
      | BookingNotOffered
      | Decode.DecodeError
      | NotAnOutreachSite
      | OutreachSessionExists
      | OutreachSessionNotFound
      | DbError.DbError
    >
    /** Change the venue, note or capacity (never below the seats already booked). */
    readonly update: (
      city: string,
      sessionId: string,
      input: UpdateSessionInput
    ) => Effect.Effect<
      Session,
      Profile.CityNotFound | BookingNotOffered | Decode.DecodeError | OutreachSessionNotFound | DbError.DbError
    >
    /** Cancel a session: its slot closes; reservations are listed for staff to contact, not cancelled. */
    readonly cancel: (
      city: string,
      sessionId: string
    ) => Effect.Effect<
      { readonly session: Session; readonly affected: ReadonlyArray<AffectedReservation> },
      Profile.CityNotFound | BookingNotOffered | OutreachSessionNotFound | DbError.DbError
    >
    readonly get: (
      city: string,
      sessionId: string
    ) => Effect.Effect<Session, Profile.CityNotFound | BookingNotOffered | OutreachSessionNotFound | DbError.DbError>
    readonly list: (
      city: string,
      range: { readonly from: string; readonly to: string }
    ) => Effect.Effect<
      ReadonlyArray<Session>,
      Profile.CityNotFound | BookingNotOffered | DateRangeInvalid | DbError.DbError
    >
    readonly roster: (
      city: string,
      sessionId: string
    ) => Effect.Effect<Roster, Profile.CityNotFound | BookingNotOffered | OutreachSessionNotFound | DbError.DbError>
    /**
     * Record the held session in the activity log for the reports (the session count and venue; visits
     * served by ticket are logged one by one, so `tally` counts only work done without a ticket).
     * Idempotent: recording the same again is harmless.
     */
    readonly complete: (
      city: string,
      sessionId: string,
      input: CompleteSessionInput
    ) => Effect.Effect<
      ActivityLog.Recorded,
      | Profile.CityNotFound
      | BookingNotOffered
      | OutreachSessionNotFound
      | Decode.DecodeError
      | ActivityLog.ActivitySourceConflict
      | DbError.DbError
    >
  }
>()("@madoguchi/scheduling/Outreach") {}

const make = Effect.gen(function* () {
  const db = yield* Database.Database
  const activities = yield* ActivityLog.ActivityLog
  const context = yield* Effect.context<Database.Database | Profile.Profiles>()
  const run = <A, E>(effect: Effect.Effect<A, E, Database.Database | Profile.Profiles>): Effect.Effect<A, E> =>
    Effect.provideContext(effect, context)

  const readSession = Effect.fn("Outreach.read")(function* (cityCode: string, id: string) {
    if (!isUuid(id)) return yield* new OutreachSessionNotFound({ sessionId: id })
    const row = yield* db.use((k, signal) =>
      selectSessions(k).where("o.city_code", "=", cityCode).where("o.id", "=", id).executeTakeFirst({ signal })
    )
    if (row === undefined) return yield* new OutreachSessionNotFound({ sessionId: id })
    return toSession(row)
  })

  const schedule = Effect.fn("Outreach.schedule")(
    function* (cityName: string, input: ScheduleSessionInput) {
      const city = yield* resolve(cityName)
      const request = yield* Decode.decode(ScheduleSession)(input)
      if (city.profile.sites.find((s) => s.id === request.site)?.kind !== "outreach") {
        return yield* new NotAnOutreachSite({ site: request.site })
      }
      const group = outreachGroup(city)
      const capacity = request.capacity ?? city.settings.outreach?.capacityPerSession ?? null
      const procedures = request.procedures ??
        city.settings.outreach?.procedures ?? [
          ...new Set(
            city.settings.groups
              .filter((g) => g.sessionKinds === undefined || g.sessionKinds.includes("outreach"))
              .flatMap((g) => g.procedures)
          )
        ]
      const id = yield* db
        .withTransaction(
          Effect.gen(function* () {
            const session = yield* db.use((k, signal) =>
              k
                .insertInto("outreach_session")
                .values({
                  city_code: city.cityCode,
                  site: request.site,
                  day: request.date,
                  opens: request.opens,
                  closes: request.closes,
                  venue: request.venue,
                  capacity,
                  procedures: JSON.stringify(procedures),
                  walk_ins: request.walkIns ?? city.settings.walkIns.outreach,
                  note: request.note ?? null
                })
                .returning("id")
                .executeTakeFirstOrThrow({ signal })
            )
            if (capacity !== null && capacity > 0 && group !== undefined) {
              yield* db.use((k, signal) =>
                k
                  .insertInto("booking_slot")
                  .values({
                    city_code: city.cityCode,
                    site: request.site,
                    group_id: group.id,
                    kind: "outreach",
                    day: request.date,
                    starts_at: instant(request.date, request.opens),
                    ends_at: instant(request.date, request.closes),
                    procedures: JSON.stringify(procedures),
                    planned_capacity: capacity,
                    capacity,
                    quota_web: quotaOf(city.settings.channels.web, capacity),
                    quota_phone: quotaOf(city.settings.channels.phone, capacity),
                    outreach_session_id: session.id
                  })
                  .execute({ signal })
              )
            }
            return session.id
          }),
          { retries: 3 }
        )
        .pipe(
          Effect.catchIf(
            (e) => e._tag === "DbError" && e.reason._tag === "UniqueViolation",
            () =>
              Effect.fail(new OutreachSessionExists({ site: request.site, date: request.date, opens: request.opens }))
          )
        )
      return yield* readSession(city.cityCode, id)
    },
    (effect) => run(effect)
  )

  const update = Effect.fn("Outreach.update")(
    function* (cityName: string, sessionId: string, input: UpdateSessionInput) {
      const city = yield* resolve(cityName)
      const request = yield* Decode.decode(UpdateSession)(input)
      yield* readSession(city.cityCode, sessionId)
      yield* db.withTransaction(
        Effect.gen(function* () {
          yield* db.use((k, signal) =>
            k
              .updateTable("outreach_session")
              .set({
                ...(request.venue !== undefined ? { venue: request.venue } : {}),
                ...(request.note !== undefined ? { note: request.note } : {}),
                ...(request.capacity !== undefined ? { capacity: request.capacity } : {}),
                updated_at: sql`now()`
              })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", sessionId)
              .execute({ signal })
          )
          if (request.capacity !== undefined) {
            const capacity = request.capacity
            const web = quotaOf(city.settings.channels.web, capacity)
            const phone = quotaOf(city.settings.channels.phone, capacity)
            // Like a regenerated plan: never below the seats already booked.
            yield* db.use((k, signal) =>
              k
                .updateTable("booking_slot")
                .set({
                  planned_capacity: capacity,
                  capacity: sql`greatest(${capacity}::int, booked)`,
                  quota_web: web === null ? null : sql`greatest(${web}::int, booked_web)`,
                  quota_phone: phone === null ? null : sql`greatest(${phone}::int, booked_phone)`,
                  updated_at: sql`now()`
                })
                .where("city_code", "=", city.cityCode)
                .where("outreach_session_id", "=", sessionId)
                .execute({ signal })
            )
          }
        }),
        { retries: 3 }
      )
      return yield* readSession(city.cityCode, sessionId)
    },
    (effect) => run(effect)
  )

  const cancel = Effect.fn("Outreach.cancel")(
    function* (cityName: string, sessionId: string) {
      const city = yield* resolve(cityName)
      yield* readSession(city.cityCode, sessionId)
      const slotIds = yield* db.withTransaction(
        Effect.gen(function* () {
          yield* db.use((k, signal) =>
            k
              .updateTable("outreach_session")
              .set({ status: "cancelled", updated_at: sql`now()` })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", sessionId)
              .execute({ signal })
          )
          const slots = yield* db.use((k, signal) =>
            k
              .updateTable("booking_slot")
              .set({ status: "closed", closed_reason: "outreach session cancelled", updated_at: sql`now()` })
              .where("city_code", "=", city.cityCode)
              .where("outreach_session_id", "=", sessionId)
              .returning("id")
              .execute({ signal })
          )
          return slots.map((s) => s.id)
        }),
        { retries: 3 }
      )
      const affected = yield* affectedIn(city.cityCode, slotIds)
      return { session: yield* readSession(city.cityCode, sessionId), affected }
    },
    (effect) => run(effect)
  )

  const get = Effect.fn("Outreach.get")(
    function* (cityName: string, sessionId: string) {
      const city = yield* resolve(cityName)
      return yield* readSession(city.cityCode, sessionId)
    },
    (effect) => run(effect)
  )

  const list = Effect.fn("Outreach.list")(
    function* (cityName: string, range: { readonly from: string; readonly to: string }) {
      const city = yield* resolve(cityName)
      if (range.from > range.to) return yield* new DateRangeInvalid({ from: range.from, to: range.to, maxDays: 400 })
      const rows = yield* db.use((k, signal) =>
        selectSessions(k)
          .where("o.city_code", "=", city.cityCode)
          .where("o.day", ">=", range.from)
          .where("o.day", "<=", range.to)
          .orderBy("o.day")
          .orderBy("o.opens")
          .execute({ signal })
      )
      return rows.map(toSession)
    },
    (effect) => run(effect)
  )

  const roster = Effect.fn("Outreach.roster")(
    function* (cityName: string, sessionId: string) {
      const city = yield* resolve(cityName)
      const session = yield* readSession(city.cityCode, sessionId)
      const reservations =
        session.slotId === undefined
          ? []
          : yield* db.use((k, signal) =>
              k
                .selectFrom("reservation")
                .select(["id", "status", "procedure", "seats", "name_kana", "contact", "issuance_notice_number"])
                .where("city_code", "=", city.cityCode)
                .where("slot_id", "=", session.slotId!)
                .where("status", "in", ["held", "confirmed", "checked_in", "done", "no_show"])
                .orderBy("created_at")
                .execute({ signal })
            )
      const tickets = yield* db.use((k, signal) =>
        k
          .selectFrom("queue_ticket")
          .select(Tickets.ticketColumns)
          .where("city_code", "=", city.cityCode)
          .where("outreach_session_id", "=", sessionId)
          .orderBy("issued_at")
          .execute({ signal })
      )
      const walkIns = tickets.filter((t) => t.kind === "walk_in").map(Tickets.toTicket)
      return {
        session,
        reservations: reservations.map((r) => ({
          id: r.id,
          status: r.status,
          procedure: r.procedure,
          seats: r.seats,
          name: r.name_kana,
          contact: r.contact,
          issuanceNoticeNumber: r.issuance_notice_number
        })),
        walkIns,
        totals: {
          booked: reservations
            .filter(
              (r) => r.status === "held" || r.status === "confirmed" || r.status === "checked_in" || r.status === "done"
            )
            .reduce((n, r) => n + r.seats, 0),
          checkedIn: reservations.filter((r) => r.status === "checked_in" || r.status === "done").length,
          walkIns: walkIns.length,
          done: tickets.filter((t) => t.status === "done").length
        }
      } satisfies Roster
    },
    (effect) => run(effect)
  )

  const complete = Effect.fn("Outreach.complete")(function* (
    cityName: string,
    sessionId: string,
    input: CompleteSessionInput
  ) {
    const city = yield* run(resolve(cityName))
    const request = yield* Decode.decode(CompleteSession)(input)
    const session = yield* run(readSession(city.cityCode, sessionId))
    return yield* activities.record({
      kind: "outreach_session",
      cityCode: city.profile.cityCode,
      site: session.site,
      date: session.date,
      time: session.opens,
      key: { source: "manual", sourceId: `outreach/${session.id}` },
      venue: session.venue,
      tally: request.tally ?? {},
      ...(request.inquiries !== undefined ? { inquiries: request.inquiries } : {}),
      ...(request.staffCount !== undefined ? { staffCount: request.staffCount } : {}),
      ...(request.staff !== undefined ? { staff: request.staff } : {})
    })
  })

  return Outreach.of({ schedule, update, cancel, get, list, roster, complete })
})

/** @category layers */
export const layer: Layer.Layer<Outreach, never, Database.Database | Profile.Profiles | ActivityLog.ActivityLog> =
  Layer.effect(Outreach, make)

/** Session times as instants, for listings. @category constructors */
export const startsAt = (session: Session): string => formatInstant(instant(session.date, session.opens))
