/**
 * Booking routes over `@madoguchi/scheduling`: public slots, reservations, holds and the waitlist
 * (the booking page: channel `web`, or `phone` / `staff` when a staff member books), walk-in tickets
 * and the queue state for the call display (JSON, or server-sent events), and for staff the queue
 * controls, check-in, no-shows, slot generation and closures, and outreach sessions with their
 * rosters. `Idempotency-Key` is honoured on every create, cancel and reschedule.
 */
import { Eligibility, Profile, Values } from "@madoguchi/domain"
import { Booking, Outreach, Reservation, Slot, Waitlist, WalkIn } from "@madoguchi/scheduling"
import { Effect, Option, Result, Schema, Stream } from "effect"
import { Hono } from "hono"
import { streamSSE } from "hono/streaming"
import { requireStaff } from "../Auth.ts"
import { registerStatuses } from "../Errors.ts"
import { type AppContext, type AppEnv, body, decoder, query, run, runWithJson } from "../Http.ts"
import { describe } from "../OpenApi.ts"

registerStatuses({
  BookingNotOffered: { status: 404 },
  BookingProfileInvalid: { status: 500 },
  DateRangeInvalid: { status: 400 },
  SlotNotFound: { status: 404 },
  SlotFull: { status: 409 },
  SlotClosed: { status: 409 },
  ChannelNotOffered: { status: 409 },
  ProcedureNotOffered: { status: 422 },
  ReservationNotFound: { status: 404 },
  ReservationStateConflict: { status: 409 },
  HoldExpired: { status: 409 },
  IdempotencyKeyReused: { status: 422 },
  TooManySeats: { status: 422 },
  IssuanceNoticeRequired: { status: 422 },
  CheckInNotToday: { status: 409 },
  NoShowTooEarly: { status: 409 },
  WaitlistEntryNotFound: { status: 404 },
  NoOfferToAccept: { status: 409 },
  TicketNotFound: { status: 404 },
  TicketStateConflict: { status: 409 },
  WalkInsRefused: { status: 409 },
  GroupUnknown: { status: 422 },
  SiteRequired: { status: 422 },
  OutreachSessionNotOpen: { status: 409 },
  ProcedureRequired: { status: 422 },
  OutreachSessionNotFound: { status: 404 },
  NotAnOutreachSite: { status: 422 },
  OutreachSessionExists: { status: 409 }
})

const Range = Schema.Struct({ from: Values.LocalDate, to: Values.LocalDate })

const SlotsQuery = Schema.Struct({
  from: Values.LocalDate,
  to: Values.LocalDate,
  site: Schema.optional(Schema.String),
  procedure: Schema.optional(Schema.String),
  /** Staff only: whose remaining seats to show, and closed slots too. */
  channel: Schema.optional(Schema.Literals(["web", "phone", "staff"])),
  includeClosed: Schema.optional(Schema.Literals(["true", "false"]))
})

/**
 * The eligibility pre-check's input without what the booking already says (procedure, date, city):
 * applicant, attendee and documents, as `POST /eligibility/check` takes them.
 */
const PrecheckInput = Schema.Record(Schema.String, Schema.Unknown)

/** A booking as posted: the lib's request, with who books for staff, and an optional pre-check. */
const ReservationBody = Schema.Struct({
  ...Reservation.CreateReservation.fields,
  /** Staff booking for a caller: `phone` or `staff` (ignored for the public). */
  channel: Schema.optional(Schema.Literals(["phone", "staff"])),
  eligibility: Schema.optional(PrecheckInput)
})

const PartyBody = Schema.Struct({
  ...Reservation.CreateParty.fields,
  channel: Schema.optional(Schema.Literals(["phone", "staff"]))
})

const RescheduleBody = Schema.Struct({ slotId: Slot.SlotId })
/** The public lookup: the code (予約番号) and the phone number or e-mail given when booking. */
const LookupBody = Schema.Struct({
  code: Schema.String.check(Schema.isBetweenLength(1, 40)),
  contact: Schema.String.check(Schema.isBetweenLength(1, 200))
})
const WaitlistBody = Schema.Struct({
  ...Waitlist.JoinWaitlist.fields,
  channel: Schema.optional(Schema.Literals(["phone", "staff"]))
})
const CloseBody = Schema.Struct({ reason: Schema.String.check(Schema.isBetweenLength(1, 200)) })
const CallNextBody = Schema.Struct({
  site: Schema.String,
  window: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 99 })),
  groups: Schema.optional(Schema.Array(Schema.String))
})
const ServeBody = Schema.Struct({
  window: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 99 })))
})
const WaitlistQuery = Schema.Struct({ date: Values.LocalDate, site: Schema.optional(Schema.String) })
const QueueQuery = Schema.Struct({ site: Schema.String, date: Schema.optional(Values.LocalDate) })
const ReservationsQuery = Schema.Struct({
  date: Values.LocalDate,
  site: Schema.optional(Schema.String),
  status: Schema.optional(
    Schema.Literals(["held", "confirmed", "checked_in", "done", "no_show", "cancelled", "expired", "rescheduled"])
  )
})

const city = (c: AppContext) => c.req.param("city") ?? ""
const param = (c: AppContext, name: string) => c.req.param(name) ?? ""
const idempotencyKey = (c: AppContext) => c.req.header("idempotency-key") ?? undefined

/** Who books: the public page, or a signed-in staff member for a caller (phone) or at the counter. */
const channelOf = (c: AppContext, asked: "phone" | "staff" | undefined) =>
  c.get("staff") === undefined ? ("web" as const) : (asked ?? ("staff" as const))

const actorOf = (c: AppContext) => c.get("staff")?.id ?? "public"

/** What the caller may see: staff everything, the public the lib's public views (never who booked). */
const viewFor = (c: AppContext) => (r: Reservation.Reservation) =>
  c.get("staff") === undefined ? Reservation.publicView(r) : r
const entryViewFor = (c: AppContext) => (e: Waitlist.Entry) =>
  c.get("staff") === undefined ? Waitlist.publicView(e) : e

/** The public view of a slot: the contract's fields, plus its date, group and kind. */
const publicSlot = (s: Slot.SlotDetail) => ({
  id: s.id,
  site: s.site,
  start: s.start,
  end: s.end,
  capacity: s.capacity,
  remaining: s.remaining,
  procedures: s.procedures,
  date: s.date,
  group: s.group,
  kind: s.kind,
  ...(s.outreachSessionId !== undefined ? { outreachSessionId: s.outreachSessionId } : {})
})

/**
 * Run the eligibility pre-check for a booking (procedure, the slot's date, the city) and keep its
 * decision and what to bring with the reservation.
 */
const precheckFor = (cityName: string, request: typeof ReservationBody.Type) =>
  Effect.gen(function* () {
    if (request.eligibility === undefined) return request.precheck
    const slot = yield* (yield* Slot.Slots).get(cityName, request.slotId, "web")
    const result = yield* Eligibility.check({
      ...request.eligibility,
      procedure: request.procedure,
      visitDate: slot.date,
      city: cityName,
      site: slot.site
    })
    const given = Array.isArray(request.eligibility["documents"])
      ? (request.eligibility["documents"] as ReadonlyArray<unknown>).flatMap((d) =>
          typeof d === "string" ? [d] : typeof d === "object" && d !== null && "type" in d ? [String(d.type)] : []
        )
      : []
    return {
      decision: result.decision,
      bring: given,
      missingDocuments: result.missingDocuments.map((m) => m.code)
    } satisfies Reservation.Precheck
  })

/** The lib's request from the posted body. */
const requestOf = (b: typeof ReservationBody.Type, precheck: Reservation.Precheck | undefined) => ({
  slotId: b.slotId,
  procedure: b.procedure,
  name: b.name,
  contact: b.contact,
  ...(b.seats !== undefined ? { seats: b.seats } : {}),
  ...(b.issuanceNoticeNumber !== undefined ? { issuanceNoticeNumber: b.issuanceNoticeNumber } : {}),
  ...(precheck !== undefined ? { precheck } : {})
})

const created = (c: AppContext) => (value: { readonly replayed?: true }) => {
  if (value.replayed) c.header("idempotent-replayed", "true")
  return c.json(value, 201)
}

/** What the route itself reads from a booking body; the request's own fields are the lib's to decode. */
const BookingFields = Schema.Struct({
  channel: ReservationBody.fields.channel,
  eligibility: ReservationBody.fields.eligibility
})
const decodeBookingFields = decoder(BookingFields)
const decodeBooking = decoder(ReservationBody)

/**
 * `POST /reservations` and `/holds`, the public booking page's call: one fiber, one query, and every
 * field decoded once — the route's own here, the request's by `Reservations` (which decodes its input
 * anyway). A bad route field is answered with every problem of the body, the request's included.
 */
const book = (c: AppContext, status: "held" | "confirmed") =>
  runWithJson(
    c,
    (input) =>
      Effect.gen(function* () {
        const own = yield* Effect.result(decodeBookingFields(input))
        if (Result.isFailure(own)) {
          const all = yield* Effect.result(decodeBooking(input))
          return yield* Effect.fail(Result.isFailure(all) ? all.failure : own.failure)
        }
        const { channel, eligibility } = own.success
        let request = input as Reservation.CreateReservationInput
        if (eligibility !== undefined) {
          // The pre-check needs the slot and the procedure first.
          const b = yield* decodeBooking(input)
          request = requestOf(b, yield* precheckFor(city(c), b))
        }
        const reservations = yield* Reservation.Reservations
        const options = { channel: channelOf(c, channel), idempotencyKey: idempotencyKey(c), actor: actorOf(c) }
        return status === "held"
          ? yield* reservations.hold(city(c), request, options)
          : yield* reservations.create(city(c), request, options)
      }),
    created(c)
  )

const ticketAction = (action: "recall" | "skip" | "requeue" | "cancel") => (c: AppContext) =>
  run(
    c,
    WalkIn.Queue.use((queue) => queue[action](city(c), param(c, "id")))
  )

const staff = requireStaff("contractor_manager", "contractor_operator", "city_staff")
const anyStaff = requireStaff()

export const bookingRoutes = new Hono<AppEnv>()
  .get("/cities/:city/booking-settings", (c) => run(c, Booking.settings(city(c))))
  // Slots -----------------------------------------------------------------------------------------
  .get("/cities/:city/slots", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, SlotsQuery)
        const slots = yield* Slot.Slots
        // Days never generated are filled in from the calendar first (insert only).
        yield* slots.ensure(city(c), q)
        const isStaff = c.get("staff") !== undefined
        const list = yield* slots.list(city(c), {
          from: q.from,
          to: q.to,
          site: q.site,
          procedure: q.procedure,
          channel: isStaff ? (q.channel ?? "staff") : "web",
          includeClosed: isStaff && q.includeClosed === "true",
          upcomingOnly: !isStaff
        })
        return { slots: isStaff ? list : list.map(publicSlot) }
      })
    )
  )
  .get("/cities/:city/slots/:id", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const slot = yield* (yield* Slot.Slots).get(city(c), param(c, "id"), c.get("staff") ? "staff" : "web")
        return c.get("staff") ? slot : publicSlot(slot)
      })
    )
  )
  .post("/cities/:city/slots/generate", requireStaff("contractor_manager", "city_staff"), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const range = yield* body(c, Range)
        return yield* (yield* Slot.Slots).generate(city(c), range)
      })
    )
  )
  .post("/cities/:city/slots/:id/close", requireStaff("contractor_manager", "city_staff"), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const { reason } = yield* body(c, CloseBody)
        return yield* (yield* Slot.Slots).close(city(c), param(c, "id"), reason)
      })
    )
  )
  // Reservations ----------------------------------------------------------------------------------
  .post("/cities/:city/reservations", (c) => book(c, "confirmed"))
  .post("/cities/:city/holds", (c) => book(c, "held"))
  .post("/cities/:city/parties", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, PartyBody)
        const { channel, ...request } = b
        const reservations = yield* (yield* Reservation.Reservations).createParty(city(c), request, {
          channel: channelOf(c, channel),
          idempotencyKey: idempotencyKey(c),
          actor: actorOf(c)
        })
        return { reservations, replayed: reservations.some((r) => r.replayed) ? (true as const) : undefined }
      }),
      (value) => {
        if (value.replayed) c.header("idempotent-replayed", "true")
        return c.json({ reservations: value.reservations }, 201)
      }
    )
  )
  .get("/cities/:city/reservations", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, ReservationsQuery)
        return { reservations: yield* (yield* Reservation.Reservations).list(city(c), q) }
      })
    )
  )
  .post("/cities/:city/reservations/lookup", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const { code, contact } = yield* body(c, LookupBody)
        const [found] = yield* (yield* Reservation.Reservations).findByCode(city(c), code, contact)
        if (found === undefined) return yield* new Reservation.ReservationNotFound({ reservationId: code })
        return Reservation.publicView(found)
      })
    )
  )
  .get("/cities/:city/reservations/:id", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const id = param(c, "id")
        const reservations = yield* Reservation.Reservations
        // Staff may look a booking up by its code (a caller reads it out); the public by its id only.
        if (c.get("staff") !== undefined && Reservation.normalizeCode(id) !== undefined) {
          const [found] = yield* reservations.findByCode(city(c), id)
          if (found === undefined) return yield* new Reservation.ReservationNotFound({ reservationId: id })
          return found
        }
        return viewFor(c)(yield* reservations.get(city(c), id))
      })
    )
  )
  .delete("/cities/:city/reservations/:id", (c) =>
    run(
      c,
      Reservation.Reservations.use((r) =>
        r.cancel(city(c), param(c, "id"), { idempotencyKey: idempotencyKey(c) })
      ).pipe(Effect.map(viewFor(c)))
    )
  )
  .post("/cities/:city/reservations/:id/confirm", (c) =>
    run(c, Reservation.Reservations.use((r) => r.confirm(city(c), param(c, "id"))).pipe(Effect.map(viewFor(c))))
  )
  .post("/cities/:city/reservations/:id/reschedule", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const target = yield* body(c, RescheduleBody)
        return viewFor(c)(
          yield* (yield* Reservation.Reservations).reschedule(city(c), param(c, "id"), target, {
            idempotencyKey: idempotencyKey(c)
          })
        )
      })
    )
  )
  .post("/cities/:city/reservations/:id/check-in", staff, (c) =>
    run(
      c,
      Reservation.Reservations.use((r) => r.checkIn(city(c), param(c, "id")))
    )
  )
  .post("/cities/:city/reservations/:id/no-show", staff, (c) =>
    run(
      c,
      Reservation.Reservations.use((r) => r.markNoShow(city(c), param(c, "id")))
    )
  )
  // Waitlist --------------------------------------------------------------------------------------
  .post("/cities/:city/waitlist", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const { channel, ...request } = yield* body(c, WaitlistBody)
        return yield* (yield* Waitlist.Waitlist).join(city(c), request, { channel: channelOf(c, channel) })
      }),
      (entry) => c.json(entry, 201)
    )
  )
  .get("/cities/:city/waitlist", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, WaitlistQuery)
        return { entries: yield* (yield* Waitlist.Waitlist).listOn(city(c), q) }
      })
    )
  )
  .get("/cities/:city/waitlist/:id", (c) =>
    run(c, Waitlist.Waitlist.use((w) => w.get(city(c), param(c, "id"))).pipe(Effect.map(entryViewFor(c))))
  )
  .delete("/cities/:city/waitlist/:id", (c) =>
    run(c, Waitlist.Waitlist.use((w) => w.withdraw(city(c), param(c, "id"))).pipe(Effect.map(entryViewFor(c))))
  )
  .post("/cities/:city/waitlist/:id/accept", (c) =>
    run(c, Waitlist.Waitlist.use((w) => w.accept(city(c), param(c, "id"))).pipe(Effect.map(viewFor(c))))
  )
  // Walk-in tickets and the queue -----------------------------------------------------------------
  .post("/cities/:city/walk-ins", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const request = yield* body(c, WalkIn.IssueWalkIn)
        return yield* (yield* WalkIn.Queue).issue(city(c), request)
      }),
      (issued) => c.json(issued, 201)
    )
  )
  .get("/cities/:city/tickets/:id", (c) =>
    run(
      c,
      WalkIn.Queue.use((q) => q.get(city(c), param(c, "id")))
    )
  )
  .get("/cities/:city/queue", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, QueueQuery)
        const state = yield* (yield* WalkIn.Queue).state(city(c), q)
        return c.get("staff") === undefined ? WalkIn.publicState(state) : state
      })
    )
  )
  .get("/cities/:city/queue/events", async (c) => {
    // Check the city and query first, so a bad request gets its JSON error, not an empty stream.
    const checked = await c.get("runtime").runPromiseExit(
      Effect.gen(function* () {
        const q = yield* query(c, QueueQuery)
        yield* (yield* Profile.Profiles).get(city(c))
        return q
      })
    )
    if (checked._tag === "Failure") return run(c, Effect.failCause(checked.cause))
    const q = checked.value
    const isStaff = c.get("staff") !== undefined
    return streamSSE(c, async (stream) => {
      await c
        .get("runtime")
        .runPromise(
          WalkIn.Queue.use((queue) =>
            Stream.runForEach(queue.watch(city(c), { site: q.site, date: q.date }), (state) =>
              Effect.promise(() =>
                stream.writeSSE({ event: "queue", data: JSON.stringify(isStaff ? state : WalkIn.publicState(state)) })
              )
            )
          ).pipe(Effect.ignore),
          { signal: c.req.raw.signal }
        )
        .catch(() => undefined) // the client went away
    })
  })
  .post("/cities/:city/queue/call-next", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, CallNextBody)
        const called = yield* (yield* WalkIn.Queue).callNext(city(c), b)
        return { ticket: Option.getOrNull(called) }
      })
    )
  )
  .post("/cities/:city/tickets/:id/recall", staff, ticketAction("recall"))
  .post("/cities/:city/tickets/:id/skip", staff, ticketAction("skip"))
  .post("/cities/:city/tickets/:id/requeue", staff, ticketAction("requeue"))
  .post("/cities/:city/tickets/:id/cancel", staff, ticketAction("cancel"))
  .post("/cities/:city/tickets/:id/serve", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, ServeBody)
        return yield* (yield* WalkIn.Queue).serve(city(c), param(c, "id"), b)
      })
    )
  )
  .post("/cities/:city/tickets/:id/finish", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, WalkIn.FinishVisit)
        return yield* (yield* WalkIn.Queue).finish(city(c), param(c, "id"), {
          ...b,
          staff: b.staff ?? c.get("staff")?.login
        })
      })
    )
  )
  // Outreach sessions -----------------------------------------------------------------------------
  .get("/cities/:city/outreach-sessions", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const range = yield* query(c, Range)
        return { sessions: yield* (yield* Outreach.Outreach).list(city(c), range) }
      })
    )
  )
  .post("/cities/:city/outreach-sessions", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, Outreach.ScheduleSession)
        return yield* (yield* Outreach.Outreach).schedule(city(c), b)
      }),
      (session) => c.json(session, 201)
    )
  )
  .get("/cities/:city/outreach-sessions/:id", (c) =>
    run(
      c,
      Outreach.Outreach.use((o) => o.get(city(c), param(c, "id")))
    )
  )
  .patch("/cities/:city/outreach-sessions/:id", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, Outreach.UpdateSession)
        return yield* (yield* Outreach.Outreach).update(city(c), param(c, "id"), b)
      })
    )
  )
  .delete("/cities/:city/outreach-sessions/:id", requireStaff("contractor_manager", "city_staff"), (c) =>
    run(
      c,
      Outreach.Outreach.use((o) => o.cancel(city(c), param(c, "id")))
    )
  )
  .post("/cities/:city/outreach-sessions/:id/complete", staff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const b = yield* body(c, Outreach.CompleteSession)
        const signedIn = c.get("staff")
        return yield* (yield* Outreach.Outreach).complete(city(c), param(c, "id"), {
          ...b,
          ...(b.staff === undefined && signedIn ? { staff: signedIn.login } : {})
        })
      })
    )
  )
  .get("/cities/:city/outreach-sessions/:id/roster", anyStaff, (c) =>
    run(
      c,
      Outreach.Outreach.use((o) => o.roster(city(c), param(c, "id")))
    )
  )

const tag = "booking"
describe("GET", "/cities/:city/booking-settings", {
  summary:
    "予約の設定 / the city's booking settings with defaults filled in: slot and hold minutes, channels, notice number, groups, walk-ins",
  tag,
  statuses: [404]
})
describe("GET", "/cities/:city/slots", {
  summary:
    "予約枠 / bookable slots (`from`, `to`: YYYY-MM-DD; `site`, `procedure` narrow; `remaining` is what the public page may still book)",
  tag,
  query: SlotsQuery,
  statuses: [404]
})
describe("GET", "/cities/:city/slots/:id", { summary: "予約枠 / one slot", tag, statuses: [404] })
describe("POST", "/cities/:city/slots/generate", {
  summary: "予約枠の生成 / generate slots from the calendar for `from`..`to` (staff); closures list affected bookings",
  tag,
  body: Range,
  statuses: [401, 403]
})
describe("POST", "/cities/:city/slots/:id/close", {
  summary: "予約枠の休止 / close a slot; nothing is cancelled, its bookings are listed (staff)",
  tag,
  body: CloseBody,
  statuses: [401, 403, 404]
})
describe("POST", "/cities/:city/reservations", {
  summary:
    "予約 / book a seat (header `Idempotency-Key`): 201 with the reservation, 409 `SLOT_FULL` when the slot is full",
  tag,
  body: ReservationBody,
  statuses: [201, 404, 409, 422]
})
describe("POST", "/cities/:city/holds", {
  summary: "仮押さえ / hold a seat for the profile's minutes (`expiresAt`); confirm it or it frees itself",
  tag,
  body: ReservationBody,
  statuses: [201, 404, 409, 422]
})
describe("POST", "/cities/:city/parties", {
  summary: "グループ予約 / a family's booking across slots: every part or none (header `Idempotency-Key`)",
  tag,
  body: PartyBody,
  statuses: [201, 404, 409, 422]
})
describe("GET", "/cities/:city/reservations", {
  summary: "予約一覧 / reservations of a day (staff)",
  tag,
  query: ReservationsQuery,
  statuses: [401, 403]
})
describe("POST", "/cities/:city/reservations/lookup", {
  summary:
    "予約の確認 / find a booking by its code (予約番号) and the phone number or e-mail given when booking; without name or contact",
  tag,
  body: LookupBody,
  statuses: [400, 404]
})
describe("GET", "/cities/:city/reservations/:id", {
  summary:
    "予約 / one reservation by id (staff also by code); the public sees it without name, contact or notice number",
  tag,
  statuses: [404]
})
describe("DELETE", "/cities/:city/reservations/:id", {
  summary: "キャンセル / cancel (header `Idempotency-Key`); the seat reopens after the profile's delay",
  tag,
  statuses: [404, 409, 422]
})
describe("POST", "/cities/:city/reservations/:id/confirm", {
  summary: "仮押さえの確定 / confirm a hold (409 `HOLD_EXPIRED` when it lapsed)",
  tag,
  statuses: [404, 409]
})
describe("POST", "/cities/:city/reservations/:id/reschedule", {
  summary: "日時変更 / move to another slot, atomically (header `Idempotency-Key`): the new reservation",
  tag,
  body: RescheduleBody,
  statuses: [404, 409, 422]
})
describe("POST", "/cities/:city/reservations/:id/check-in", {
  summary: "受付 / check in on the day: joins the ticket queue by its time (late: after those waiting) (staff)",
  tag,
  statuses: [401, 403, 404, 409]
})
describe("POST", "/cities/:city/reservations/:id/no-show", {
  summary: "無断不来所 / record a no-show, the profile's minutes after the start (staff)",
  tag,
  statuses: [401, 403, 404, 409]
})
describe("POST", "/cities/:city/waitlist", {
  summary: "キャンセル待ち / wait for a seat in a full slot; offered as a hold when one frees",
  tag,
  body: WaitlistBody,
  statuses: [201, 404, 409, 422]
})
describe("GET", "/cities/:city/waitlist", {
  summary: "キャンセル待ち一覧 / the waitlist of a day's slots, by slot time and joining order (staff)",
  tag,
  query: WaitlistQuery,
  statuses: [400, 401, 403]
})
describe("GET", "/cities/:city/waitlist/:id", {
  summary: "キャンセル待ち / one entry (the public sees its place in line, not the name or contact)",
  tag,
  statuses: [404]
})
describe("DELETE", "/cities/:city/waitlist/:id", { summary: "キャンセル待ちの取消 / leave", tag, statuses: [404] })
describe("POST", "/cities/:city/waitlist/:id/accept", {
  summary: "空き枠のご案内を受ける / accept the offered seat",
  tag,
  statuses: [404, 409]
})
describe("POST", "/cities/:city/walk-ins", {
  summary:
    "番号札の発券 / a walk-in ticket (`site`, `procedure` or `group`; `issuanceNoticeNumber` where the session asks for the 交付通知書)",
  tag,
  body: WalkIn.IssueWalkIn,
  statuses: [201, 404, 409, 422]
})
describe("GET", "/cities/:city/tickets/:id", { summary: "番号札 / one ticket", tag, statuses: [404] })
describe("GET", "/cities/:city/queue", {
  summary: "待ち状況 / the queue at a site today: calling, serving, waiting (labels only) and counts",
  tag,
  query: QueueQuery,
  statuses: [404]
})
describe("GET", "/cities/:city/queue/events", {
  summary: "待ち状況(SSE)/ the queue state as server-sent events (`event: queue`) whenever it changes",
  tag,
  query: QueueQuery,
  statuses: [404]
})
describe("POST", "/cities/:city/queue/call-next", {
  summary: "次の方を呼出 / call the next ticket to a window (`ticket: null` when nobody waits) (staff)",
  tag,
  body: CallNextBody,
  statuses: [401, 403]
})
for (const action of ["recall", "skip", "requeue", "cancel"]) {
  describe("POST", `/cities/:city/tickets/:id/${action}`, {
    summary: `番号札 / ${action} a ticket (staff)`,
    tag,
    statuses: [401, 403, 404, 409]
  })
}
describe("POST", "/cities/:city/tickets/:id/serve", {
  summary: "対応開始 / start serving a ticket at a window (staff)",
  tag,
  body: ServeBody,
  statuses: [401, 403, 404, 409]
})
describe("POST", "/cities/:city/tickets/:id/finish", {
  summary: "対応終了 / finish the visit (outcome, procedures): recorded in the activity log for the reports (staff)",
  tag,
  body: WalkIn.FinishVisit,
  statuses: [401, 403, 404, 409, 422]
})
describe("GET", "/cities/:city/outreach-sessions", {
  summary: "出張窓口 / outreach sessions of `from`..`to`",
  tag,
  query: Range,
  statuses: [404]
})
describe("POST", "/cities/:city/outreach-sessions", {
  summary: "出張窓口の登録 / schedule an outreach session (venue, hours, capacity, procedures, walk-ins) (staff)",
  tag,
  body: Outreach.ScheduleSession,
  statuses: [201, 401, 403, 409, 422]
})
describe("GET", "/cities/:city/outreach-sessions/:id", { summary: "出張窓口 / one session", tag, statuses: [404] })
describe("PATCH", "/cities/:city/outreach-sessions/:id", {
  summary: "出張窓口の変更 / venue, note, capacity (never below the seats booked) (staff)",
  tag,
  body: Outreach.UpdateSession,
  statuses: [401, 403, 404]
})
describe("DELETE", "/cities/:city/outreach-sessions/:id", {
  summary: "出張窓口の中止 / cancel a session; its bookings are listed for staff to contact (staff)",
  tag,
  statuses: [401, 403, 404]
})
describe("POST", "/cities/:city/outreach-sessions/:id/complete", {
  summary: "出張窓口の実施記録 / record the held session for the reports (tally of work done without tickets) (staff)",
  tag,
  body: Outreach.CompleteSession,
  statuses: [401, 403, 404, 409]
})
describe("GET", "/cities/:city/outreach-sessions/:id/roster", {
  summary: "名簿 / who booked and who came by ticket (staff)",
  tag,
  statuses: [401, 403, 404]
})
