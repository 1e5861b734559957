/**
 * Walk-in tickets (番号札) and the queue at a site: numbers run per site, day and procedure group
 * (`A-001`, `A-002`, …); reservations that check in join the same queue by their reserved time, late
 * ones after those already waiting. Staff call the next ticket to a window (two windows calling at
 * once never get the same ticket: `FOR UPDATE SKIP LOCKED`), recall, skip and requeue, serve and
 * finish it; a finished visit is recorded once per procedure in the activity log for the reports. The
 * queue state — no names, only ticket labels and windows — feeds the call display and the staff
 * screen, by polling or as a stream of changes (server-sent events).
 *
 * Whether walk-ins are served depends on the session: Kawanishi's holiday openings are fully
 * reserved; Koganei's outreach desks serve walk-ins who bring the 交付通知書.
 */
import { Database, type DbError } from "@madoguchi/db"
import { ActivityLog, Decode, type Profile } from "@madoguchi/domain"
import { BookableProcedure, type SessionKind, type WalkInPolicy } from "@madoguchi/domain/profile/Booking"
import { Clock, Context, Duration, Effect, Layer, Option, Schedule, Schema, Stream } from "effect"
import { sql } from "kysely"
import * as Calendar from "./Calendar.ts"
import { type BookingNotOffered, type CityBooking, resolve } from "./internal/city.ts"
import { IssuanceNoticeNumber } from "./internal/personal.ts"
import * as Tickets from "./internal/tickets.ts"
import { formatInstant, localDate, localTime, minutesBetween } from "./internal/time.ts"
import { IssuanceNoticeRequired } from "./Reservation.ts"
import { isUuid } from "./Slot.ts"

const { bilingual } = Decode

export type { Ticket, TicketStatus } from "./internal/tickets.ts"

const SiteCode = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_-]{0,40}$/.test(s) ||
      bilingual(`拠点IDの形式が正しくありません: ${s}`, `expected a site id, got ${JSON.stringify(s)}`)
  )
)

/** A walk-in asking for a ticket (`POST /cities/{city}/walk-ins`). @category schemas */
export const IssueWalkIn = Schema.Struct({
  /** Where the ticket is issued; may be left out when the city serves walk-ins at one site only. */
  site: Schema.optional(SiteCode),
  /** What the visitor came for; picks the procedure group. */
  procedure: Schema.optional(BookableProcedure),
  /** The procedure group, when the reception chose it directly. */
  group: Schema.optional(Schema.String),
  /** At an outreach desk: the session. */
  outreachSessionId: Schema.optional(Schema.String),
  issuanceNoticeNumber: Schema.optional(IssuanceNoticeNumber)
})
export type IssueWalkInInput = typeof IssueWalkIn.Encoded

/** How a visit ended, with what the activity log needs. @category schemas */
export const FinishVisit = Schema.Struct({
  outcome: Schema.Literals(["done", "refused", "second_visit"]),
  /** Procedures handled; default the ticket's own. */
  procedures: Schema.optional(Schema.Array(BookableProcedure).check(Schema.isMinLength(1))),
  reason: Schema.optional(ActivityLog.RefusalReason),
  missingDocuments: Schema.optional(Schema.Array(Schema.String)),
  staff: Schema.optional(Schema.String.check(Schema.isBetweenLength(1, 100)))
})
export type FinishVisitInput = typeof FinishVisit.Encoded

/** @category models */
export interface Issued {
  readonly ticket: Tickets.Ticket
  /** Tickets of the same group ahead in the queue. */
  readonly waitingAhead: number
}

/** What the call display and the staff screen show. @category models */
export interface QueueState {
  readonly site: string
  readonly date: string
  /** Each ticket's `id` is for staff actions (recall, serve, requeue); the public display is given none. */
  readonly calling: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly window: number | null
    readonly calledAt: string | null
    readonly callCount: number
  }>
  readonly serving: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly window: number | null
  }>
  readonly waiting: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly kind: "walk_in" | "reservation"
    readonly late: boolean
    readonly queuedAt: string
  }>
  /** Tickets called but not there (不在): staff put one back in line when its holder returns. */
  readonly skipped: ReadonlyArray<{ readonly id?: string; readonly label: string; readonly group: string }>
  readonly counts: {
    readonly waiting: number
    readonly called: number
    readonly serving: number
    readonly done: number
    readonly skipped: number
    readonly cancelled: number
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

/** @category errors */
export class TicketNotFound extends Schema.TaggedError<TicketNotFound>("@madoguchi/scheduling/TicketNotFound")(
  "TicketNotFound",
  { ticketId: Schema.String }
) {
  get ja(): string {
    return `番号札が見つかりません: ${this.ticketId}`
  }
  get en(): string {
    return `no such ticket: ${this.ticketId}`
  }
  override get message(): string {
    return this.en
  }
}

const ticketStatusJa: Record<string, string> = {
  waiting: "待ち",
  called: "呼出中",
  serving: "対応中",
  done: "完了",
  skipped: "不在",
  cancelled: "取消"
}

/** The ticket is in a state that does not allow the action. @category errors */
export class TicketStateConflict extends Schema.TaggedError<TicketStateConflict>(
  "@madoguchi/scheduling/TicketStateConflict"
)("TicketStateConflict", { ticketId: Schema.String, status: Schema.String, action: Schema.String }) {
  get ja(): string {
    return `この番号札は「${ticketStatusJa[this.status] ?? this.status}」のため、この操作(${this.action})はできません`
  }
  get en(): string {
    return `cannot ${this.action} a ticket that is ${this.status}`
  }
  override get message(): string {
    return this.en
  }
}

/** This session takes reservations only. @category errors */
export class WalkInsRefused extends Schema.TaggedError<WalkInsRefused>("@madoguchi/scheduling/WalkInsRefused")(
  "WalkInsRefused",
  { site: Schema.String, kind: Schema.String }
) {
  get ja(): string {
    return this.kind === "holiday_opening"
      ? "休日交付窓口は完全予約制です。ご予約のうえお越しください。"
      : "この窓口は予約制です。ご予約のうえお越しください。"
  }
  get en(): string {
    return this.kind === "holiday_opening"
      ? "the holiday opening is by reservation only; please book a slot."
      : "this counter serves reservations only; please book a slot."
  }
  override get message(): string {
    return this.en
  }
}

/** The procedure group could not be told (or does not exist). @category errors */
export class GroupUnknown extends Schema.TaggedError<GroupUnknown>("@madoguchi/scheduling/GroupUnknown")(
  "GroupUnknown",
  { site: Schema.String, given: Schema.String, groups: Schema.Array(Schema.String) }
) {
  get ja(): string {
    return this.given === ""
      ? `手続(procedure)または手続グループ(group)を指定してください: ${this.groups.join("、")}`
      : `手続グループ ${this.given} はこの拠点にありません(${this.groups.join("、")})`
  }
  get en(): string {
    return this.given === ""
      ? `give the procedure or the procedure group: ${this.groups.join(", ")}`
      : `no procedure group ${this.given} at this site (groups: ${this.groups.join(", ")})`
  }
  override get message(): string {
    return this.en
  }
}

/** The city serves walk-ins at several sites: say which. @category errors */
export class SiteRequired extends Schema.TaggedError<SiteRequired>("@madoguchi/scheduling/SiteRequired")(
  "SiteRequired",
  { sites: Schema.Array(Schema.String) }
) {
  get ja(): string {
    return `拠点(site)を指定してください: ${this.sites.join("、")}`
  }
  get en(): string {
    return `say which site (site): ${this.sites.join(", ")}`
  }
  override get message(): string {
    return this.en
  }
}

/** The outreach session does not exist, is cancelled, or is not today. @category errors */
export class OutreachSessionNotOpen extends Schema.TaggedError<OutreachSessionNotOpen>(
  "@madoguchi/scheduling/OutreachSessionNotOpen"
)("OutreachSessionNotOpen", { sessionId: Schema.String }) {
  get ja(): string {
    return `本日開催中の出張窓口ではありません: ${this.sessionId}`
  }
  get en(): string {
    return `not an outreach session open today: ${this.sessionId}`
  }
  override get message(): string {
    return this.en
  }
}

/** A finished visit must say which procedure was handled. @category errors */
export class ProcedureRequired extends Schema.TaggedError<ProcedureRequired>("@madoguchi/scheduling/ProcedureRequired")(
  "ProcedureRequired",
  { ticketId: Schema.String }
) {
  get ja(): string {
    return "対応した手続(procedures)を指定してください"
  }
  get en(): string {
    return "say which procedure(s) were handled"
  }
  override get message(): string {
    return this.en
  }
}

// ---------------------------------------------------------------------------------------------
// Rules (pure)

/**
 * The group a walk-in queues in: the one named, else the one offering the procedure with windows at
 * the site, else the only group with windows there.
 *
 * @category constructors
 */
/**
 * The queue as the call display and the public see it: labels, windows and counts, without ticket ids
 * and without the list of absent (skipped) tickets.
 *
 * @category views
 */
export const publicState = (state: QueueState): QueueState => ({
  site: state.site,
  date: state.date,
  calling: state.calling.map(({ id: _, ...rest }) => rest),
  serving: state.serving.map(({ id: _, ...rest }) => rest),
  waiting: state.waiting.map(({ id: _, ...rest }) => rest),
  skipped: [],
  counts: state.counts
})

export const chooseGroup = (
  settings: CityBooking["settings"],
  site: string,
  request: { readonly procedure?: string | undefined; readonly group?: string | undefined }
): Option.Option<CityBooking["settings"]["groups"][number]> => {
  const here = settings.groups.filter((g) => (g.windows[site] ?? 0) > 0)
  if (request.group !== undefined) return Option.fromNullishOr(settings.groups.find((g) => g.id === request.group))
  if (request.procedure !== undefined) {
    const procedure = request.procedure as BookableProcedure
    return Option.fromNullishOr(
      here.find((g) => g.procedures.includes(procedure)) ??
        settings.groups.find((g) => g.procedures.includes(procedure))
    )
  }
  return here.length === 1 ? Option.some(here[0]!) : Option.none()
}

/** The counter sites where some procedure group has windows (outreach desks are named by their session). */
export const walkInSites = (city: Pick<CityBooking, "profile" | "settings">): ReadonlyArray<string> =>
  city.profile.sites
    .filter((s) => s.kind === "counter" || s.kind === "special_counter")
    .map((s) => s.id)
    .filter((id) => city.settings.groups.some((g) => (g.windows[id] ?? 0) > 0))

/**
 * Whether a walk-in is served: refused where the session is reserved only; where the profile asks for
 * the 交付通知書, a card hand-over needs its number (other procedures, e.g. application support, do not).
 *
 * @category constructors
 */
export const admits = (
  policy: WalkInPolicy,
  procedures: ReadonlyArray<string>,
  notice: string | undefined
): "ok" | "refused" | "notice_required" =>
  policy === "refuse"
    ? "refused"
    : policy === "with_issuance_notice" && procedures.includes("card_issuance") && notice === undefined
      ? "notice_required"
      : "ok"

// ---------------------------------------------------------------------------------------------
// Service

/** @category services */
export class Queue extends Context.Service<
  Queue,
  {
    readonly issue: (
      city: string,
      input: IssueWalkInInput
    ) => Effect.Effect<
      Issued,
      | Profile.CityNotFound
      | BookingNotOffered
      | Decode.DecodeError
      | WalkInsRefused
      | IssuanceNoticeRequired
      | GroupUnknown
      | SiteRequired
      | OutreachSessionNotOpen
      | DbError.DbError
    >
    /** Call the next waiting ticket to `window`; none when nobody waits. */
    readonly callNext: (
      city: string,
      options: {
        readonly site: string
        readonly window: number
        readonly groups?: ReadonlyArray<string> | undefined
      }
    ) => Effect.Effect<Option.Option<Tickets.Ticket>, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    readonly recall: (city: string, ticketId: string) => Effect.Effect<Tickets.Ticket, TicketErrors>
    /** Called but not there: set aside (requeue when the person turns up). */
    readonly skip: (city: string, ticketId: string) => Effect.Effect<Tickets.Ticket, TicketErrors>
    /** A skipped ticket back in line, after those waiting now. */
    readonly requeue: (city: string, ticketId: string) => Effect.Effect<Tickets.Ticket, TicketErrors>
    readonly serve: (
      city: string,
      ticketId: string,
      options?: { readonly window?: number | undefined }
    ) => Effect.Effect<Tickets.Ticket, TicketErrors>
    /** Finish the visit and record it in the activity log (once per procedure, idempotent). */
    readonly finish: (
      city: string,
      ticketId: string,
      input: FinishVisitInput
    ) => Effect.Effect<
      Tickets.Ticket,
      TicketErrors | Decode.DecodeError | ProcedureRequired | ActivityLog.ActivitySourceConflict
    >
    /** The visitor left before being served. */
    readonly cancel: (city: string, ticketId: string) => Effect.Effect<Tickets.Ticket, TicketErrors>
    readonly get: (city: string, ticketId: string) => Effect.Effect<Tickets.Ticket, TicketErrors>
    readonly state: (
      city: string,
      options: { readonly site: string; readonly date?: string | undefined }
    ) => Effect.Effect<QueueState, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
    /** The queue state each time it changes, polled every `every` (default 2 s). */
    readonly watch: (
      city: string,
      options: { readonly site: string; readonly date?: string | undefined; readonly every?: Duration.Input }
    ) => Stream.Stream<QueueState, Profile.CityNotFound | BookingNotOffered | DbError.DbError>
  }
>()("@madoguchi/scheduling/Queue") {}

/** @category models */
export type TicketErrors =
  Profile.CityNotFound | BookingNotOffered | TicketNotFound | TicketStateConflict | DbError.DbError

const activityChannel = (
  kind: string,
  reservationChannel: string | null,
  slotKind: string | null,
  outreach: boolean
): ActivityLog.Channel =>
  outreach || slotKind === "outreach"
    ? "outreach"
    : slotKind === "holiday_opening"
      ? "holiday_opening"
      : kind === "reservation"
        ? reservationChannel === "phone"
          ? "phone_booked"
          : "reservation"
        : "walk_in"

const make = Effect.gen(function* () {
  const db = yield* Database.Database
  const activities = yield* ActivityLog.ActivityLog
  const context = yield* Effect.context<Database.Database | Profile.Profiles>()
  const run = <A, E>(effect: Effect.Effect<A, E, Database.Database | Profile.Profiles>): Effect.Effect<A, E> =>
    Effect.provideContext(effect, context)

  const today = Effect.map(Clock.currentTimeMillis, (ms) => localDate(new Date(ms)))

  const readTicket = Effect.fn("Queue.read")(function* (cityCode: string, id: string) {
    if (!isUuid(id)) return yield* new TicketNotFound({ ticketId: id })
    const row = yield* db.use((k, signal) =>
      k
        .selectFrom("queue_ticket")
        .select(Tickets.ticketColumns)
        .where("city_code", "=", cityCode)
        .where("id", "=", id)
        .executeTakeFirst({ signal })
    )
    if (row === undefined) return yield* new TicketNotFound({ ticketId: id })
    return row
  })

  /**
   * The kind of session running at the site today and what it says about walk-ins: the city calendar
   * first (a session that requires reservations refuses walk-ins), else the slots stored for the day.
   */
  const sessionPolicy = Effect.fn("Queue.sessionPolicy")(function* (city: CityBooking, site: string, date: string) {
    const session = Calendar.days(city.profile, date, date)[0]?.sessions.find((s) => s.site === site)
    if (session !== undefined) {
      return {
        kind: session.kind,
        policy: session.reservation === "required" ? "refuse" : city.settings.walkIns[session.kind]
      } satisfies { kind: SessionKind; policy: WalkInPolicy }
    }
    if (city.profile.sites.find((s) => s.id === site)?.kind === "outreach") {
      return { kind: "outreach", policy: city.settings.walkIns.outreach } satisfies {
        kind: SessionKind
        policy: WalkInPolicy
      }
    }
    const holiday = yield* db.use((k, signal) =>
      k
        .selectFrom("booking_slot")
        .select("id")
        .where("city_code", "=", city.cityCode)
        .where("site", "=", site)
        .where("day", "=", date)
        .where("kind", "=", "holiday_opening")
        .limit(1)
        .executeTakeFirst({ signal })
    )
    const kind: SessionKind = holiday !== undefined ? "holiday_opening" : "regular"
    return { kind, policy: city.settings.walkIns[kind] }
  })

  const issue = Effect.fn("Queue.issue")(
    function* (cityName: string, input: IssueWalkInInput) {
      const city = yield* resolve(cityName)
      const request = yield* Decode.decode(IssueWalkIn)(input)
      const date = yield* today
      let policy: WalkInPolicy
      let kind: SessionKind
      let sessionId: string | null = null
      let site: string
      if (request.outreachSessionId !== undefined) {
        const id = request.outreachSessionId
        const session = isUuid(id)
          ? yield* db.use((k, signal) =>
              k
                .selectFrom("outreach_session")
                .select(["id", "site", "day", "status", "walk_ins"])
                .where("city_code", "=", city.cityCode)
                .where("id", "=", id)
                .executeTakeFirst({ signal })
            )
          : undefined
        if (
          session === undefined ||
          session.status !== "scheduled" ||
          session.day !== date ||
          (request.site !== undefined && session.site !== request.site)
        ) {
          return yield* new OutreachSessionNotOpen({ sessionId: id })
        }
        sessionId = session.id
        site = session.site
        policy = session.walk_ins as WalkInPolicy
        kind = "outreach"
      } else {
        const only = walkInSites(city)
        site = request.site ?? (only.length === 1 ? only[0]! : "")
        if (site === "") return yield* new SiteRequired({ sites: only })
        const today = yield* sessionPolicy(city, site, date)
        kind = today.kind
        policy = today.policy
      }
      const group = chooseGroup(city.settings, site, request)
      if (Option.isNone(group)) {
        return yield* new GroupUnknown({
          site,
          given: request.group ?? "",
          groups: city.settings.groups.map((g) => g.id)
        })
      }
      const procedures = request.procedure !== undefined ? [request.procedure] : group.value.procedures
      const admitted = admits(policy, procedures, request.issuanceNoticeNumber)
      if (admitted === "refused") return yield* new WalkInsRefused({ site, kind })
      if (admitted === "notice_required") return yield* new IssuanceNoticeRequired({ city: city.profile.slug })
      const row = yield* db.withTransaction(
        Tickets.issue({
          cityCode: city.cityCode,
          site,
          day: date,
          group: group.value.id,
          prefix: group.value.ticketPrefix,
          kind: "walk_in",
          outreachSessionId: sessionId,
          procedure: request.procedure ?? null,
          issuanceNoticeNumber: request.issuanceNoticeNumber ?? null
        }),
        { retries: 5 }
      )
      const ahead = yield* db.use((k, signal) =>
        k
          .selectFrom("queue_ticket")
          .select(sql<number>`count(*)::int`.as("n"))
          .where("city_code", "=", city.cityCode)
          .where("site", "=", row.site)
          .where("day", "=", row.day)
          .where("group_id", "=", row.group_id)
          .where("status", "=", "waiting")
          .where((eb) =>
            eb.or([
              eb("priority_at", "<", row.priority_at),
              eb.and([eb("priority_at", "=", row.priority_at), eb("number", "<", row.number)])
            ])
          )
          .executeTakeFirstOrThrow({ signal })
      )
      return { ticket: Tickets.toTicket(row), waitingAhead: ahead.n } satisfies Issued
    },
    (effect) => run(effect)
  )

  const callNext = Effect.fn("Queue.callNext")(
    function* (
      cityName: string,
      options: { readonly site: string; readonly window: number; readonly groups?: ReadonlyArray<string> | undefined }
    ) {
      const city = yield* resolve(cityName)
      const date = yield* today
      const row = yield* db.use((k, signal) =>
        k
          .updateTable("queue_ticket")
          .set({ status: "called", window_no: options.window, called_at: sql`now()`, call_count: sql`call_count + 1` })
          .where("city_code", "=", city.cityCode)
          .where("id", "=", (eb) =>
            eb
              .selectFrom("queue_ticket")
              .select("id")
              .where("city_code", "=", city.cityCode)
              .where("site", "=", options.site)
              .where("day", "=", date)
              .where("status", "=", "waiting")
              .$if(options.groups !== undefined && options.groups.length > 0, (q) =>
                q.where("group_id", "in", options.groups!)
              )
              .orderBy("priority_at")
              .orderBy("issued_at")
              .orderBy("number")
              .limit(1)
              .forUpdate()
              .skipLocked()
          )
          .where("status", "=", "waiting")
          .returning(Tickets.ticketColumns)
          .executeTakeFirst({ signal })
      )
      return Option.map(Option.fromUndefinedOr(row), Tickets.toTicket)
    },
    (effect) => run(effect)
  )

  /** One state change of a ticket, refused with the current state when it does not apply. */
  const transition = (
    action: string,
    from: ReadonlyArray<string>,
    set: (options: { readonly window?: number | undefined }) => Record<string, unknown>
  ) =>
    Effect.fn(`Queue.${action}`)(
      function* (cityName: string, ticketId: string, options: { readonly window?: number | undefined } = {}) {
        const city = yield* resolve(cityName)
        if (!isUuid(ticketId)) return yield* new TicketNotFound({ ticketId })
        const row = yield* db.use((k, signal) =>
          k
            .updateTable("queue_ticket")
            .set(set(options))
            .where("city_code", "=", city.cityCode)
            .where("id", "=", ticketId)
            .where("status", "in", from)
            .returning(Tickets.ticketColumns)
            .executeTakeFirst({ signal })
        )
        if (row !== undefined) return Tickets.toTicket(row)
        const current = yield* readTicket(city.cityCode, ticketId)
        return yield* new TicketStateConflict({ ticketId, status: current.status, action })
      },
      (effect) => run(effect)
    )

  const recall = transition("recall", ["called"], () => ({
    called_at: sql`now()`,
    call_count: sql`call_count + 1`
  }))
  const skip = transition("skip", ["called", "waiting"], () => ({ status: "skipped" }))
  const requeue = transition("requeue", ["skipped"], () => ({
    status: "waiting",
    window_no: null,
    priority_at: sql`now()`
  }))
  const serve = transition("serve", ["called", "waiting"], (options) => ({
    status: "serving",
    served_at: sql`now()`,
    ...(options.window !== undefined ? { window_no: options.window } : {})
  }))
  const cancel = transition("cancel", ["waiting", "called", "skipped"], () => ({
    status: "cancelled",
    done_at: sql`now()`
  }))

  const finish = Effect.fn("Queue.finish")(
    function* (cityName: string, ticketId: string, input: FinishVisitInput) {
      const city = yield* resolve(cityName)
      const request = yield* Decode.decode(FinishVisit)(input)
      const current = yield* readTicket(city.cityCode, ticketId)
      const procedures = request.procedures ?? (current.procedure !== null ? [current.procedure] : [])
      if (procedures.length === 0) return yield* new ProcedureRequired({ ticketId })
      if (!["called", "serving", "done"].includes(current.status)) {
        return yield* new TicketStateConflict({ ticketId, status: current.status, action: "finish" })
      }
      const row = yield* db.withTransaction(
        Effect.gen(function* () {
          const updated = yield* db.use((k, signal) =>
            k
              .updateTable("queue_ticket")
              .set({
                status: "done",
                done_at: sql`now()`,
                outcome: request.outcome,
                served_at: sql`coalesce(served_at, now())`
              })
              .where("city_code", "=", city.cityCode)
              .where("id", "=", ticketId)
              .where("status", "in", ["called", "serving"])
              .returning(Tickets.ticketColumns)
              .executeTakeFirst({ signal })
          )
          if (updated?.reservation_id) {
            yield* db.use((k, signal) =>
              k
                .updateTable("reservation")
                .set({ status: "done", done_at: sql`now()` })
                .where("city_code", "=", city.cityCode)
                .where("id", "=", updated.reservation_id!)
                .where("status", "=", "checked_in")
                .execute({ signal })
            )
          }
          return updated ?? (yield* readTicket(city.cityCode, ticketId))
        }),
        { retries: 5 }
      )
      if (row.status !== "done") {
        return yield* new TicketStateConflict({ ticketId, status: row.status, action: "finish" })
      }
      // Recorded after the commit; recording is idempotent per (ticket, procedure), so finishing again
      // (a retry after a failure here) completes the log without counting anything twice.
      const context = yield* db.use((k, signal) =>
        k
          .selectFrom("queue_ticket as t")
          .leftJoin("reservation as r", (j) =>
            j.onRef("r.city_code", "=", "t.city_code").onRef("r.id", "=", "t.reservation_id")
          )
          .leftJoin("booking_slot as s", (j) =>
            j.onRef("s.city_code", "=", "r.city_code").onRef("s.id", "=", "r.slot_id")
          )
          .select(["r.channel", "s.kind"])
          .where("t.city_code", "=", city.cityCode)
          .where("t.id", "=", ticketId)
          .executeTakeFirstOrThrow({ signal })
      )
      const channel = activityChannel(row.kind, context.channel, context.kind, row.outreach_session_id !== null)
      const servedAt = row.served_at ?? row.done_at ?? row.issued_at
      for (const procedure of procedures) {
        yield* activities
          .record({
            kind: "counter_visit",
            cityCode: city.profile.cityCode,
            site: row.site,
            date: row.day,
            time: localTime(servedAt),
            key: { source: "ticket", sourceId: `${row.id}/${procedure}` },
            procedure,
            channel,
            outcome: (row.outcome ?? request.outcome) as ActivityLog.Outcome,
            ...(request.reason !== undefined ? { reason: request.reason } : {}),
            ...(request.missingDocuments !== undefined ? { missingDocuments: request.missingDocuments } : {}),
            waitingMinutes: minutesBetween(row.kind === "reservation" ? row.priority_at : row.issued_at, servedAt),
            serviceMinutes: minutesBetween(servedAt, row.done_at ?? servedAt),
            ...(request.staff !== undefined ? { staff: request.staff } : {})
          })
          .pipe(Effect.asVoid)
      }
      return Tickets.toTicket(row)
    },
    (effect) => run(effect)
  )

  const get = Effect.fn("Queue.get")(
    function* (cityName: string, ticketId: string) {
      const city = yield* resolve(cityName)
      return Tickets.toTicket(yield* readTicket(city.cityCode, ticketId))
    },
    (effect) => run(effect)
  )

  const state = Effect.fn("Queue.state")(
    function* (cityName: string, options: { readonly site: string; readonly date?: string | undefined }) {
      const city = yield* resolve(cityName)
      const date = options.date ?? (yield* today)
      const rows = yield* db.use((k, signal) =>
        k
          .selectFrom("queue_ticket")
          .select(Tickets.ticketColumns)
          .where("city_code", "=", city.cityCode)
          .where("site", "=", options.site)
          .where("day", "=", date)
          .orderBy("priority_at")
          .orderBy("issued_at")
          .orderBy("number")
          .execute({ signal })
      )
      const counts = { waiting: 0, called: 0, serving: 0, done: 0, skipped: 0, cancelled: 0 }
      for (const r of rows) counts[r.status as keyof typeof counts]++
      return {
        site: options.site,
        date,
        calling: rows
          .filter((r) => r.status === "called")
          .sort((a, b) => (b.called_at?.getTime() ?? 0) - (a.called_at?.getTime() ?? 0))
          .map((r) => ({
            id: r.id,
            label: r.label,
            group: r.group_id,
            window: r.window_no,
            calledAt: r.called_at === null ? null : formatInstant(r.called_at),
            callCount: r.call_count
          })),
        serving: rows
          .filter((r) => r.status === "serving")
          .map((r) => ({ id: r.id, label: r.label, group: r.group_id, window: r.window_no })),
        waiting: rows
          .filter((r) => r.status === "waiting")
          .map((r) => ({
            id: r.id,
            label: r.label,
            group: r.group_id,
            kind: r.kind === "reservation" ? ("reservation" as const) : ("walk_in" as const),
            late: r.late,
            queuedAt: formatInstant(r.priority_at)
          })),
        skipped: rows
          .filter((r) => r.status === "skipped")
          .map((r) => ({ id: r.id, label: r.label, group: r.group_id })),
        counts
      } satisfies QueueState
    },
    (effect) => run(effect)
  )

  const watch = (
    cityName: string,
    options: { readonly site: string; readonly date?: string | undefined; readonly every?: Duration.Input }
  ): Stream.Stream<QueueState, Profile.CityNotFound | BookingNotOffered | DbError.DbError> =>
    Stream.fromEffectSchedule(state(cityName, options), Schedule.spaced(options.every ?? Duration.seconds(2))).pipe(
      Stream.changes
    )

  return Queue.of({ issue, callNext, recall, skip, requeue, serve, finish, cancel, get, state, watch })
})

/** @category layers */
export const layer: Layer.Layer<Queue, never, Database.Database | Profile.Profiles | ActivityLog.ActivityLog> =
  Layer.effect(Queue, make)
