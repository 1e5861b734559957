import { assert } from "@effect/vitest"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { ActivityLog, Profile } from "@madoguchi/domain"
import { Effect, Fiber, Layer, Option, Stream } from "effect"
import { sql } from "kysely"
import * as Booking from "../src/Booking.ts"
import { Outreach } from "../src/Outreach.ts"
import { Reservations } from "../src/Reservation.ts"
import { Slots } from "../src/Slot.ts"
import { Queue } from "../src/WalkIn.ts"
import { localDate } from "../src/internal/time.ts"
import { dayFromToday, koganei, variant } from "./support.ts"

const numbering = variant("numbering", "96001")
const windows = variant("windows", "96002")
const mixed = variant("mixed", "96003")
const flow = variant("flow", "96004")
const reserveOnly = variant("reserveonly", "96005", {
  walkIns: { regular: "refuse", holiday_opening: "refuse", outreach: "refuse" }
})
const display = variant("display", "96006")
const profiles = [numbering, windows, mixed, flow, reserveOnly, display, koganei]

const memory = Effect.runSync(ActivityLog.makeMemory)
const layer = Booking.layerServices.pipe(
  Layer.provideMerge(
    Layer.mergeAll(Profile.layerStatic(profiles), Layer.succeed(ActivityLog.ActivityLog, memory.service))
  )
)

const walkIn = { site: "special", procedure: "card_issuance" as const }
const person = { name: "マドグチ ジロウ", contact: "090-1234-5678" }

/**
 * A slot of today that started `minutesAgo` minutes ago, with a confirmed reservation in it (a
 * fixture: the booking path refuses slots that have started).
 */
const reservedToday = (cityCode: string, minutesAgo: number, procedure = "card_issuance") =>
  Effect.gen(function* () {
    const db = yield* Database.Database
    const result = yield* db.use((k) =>
      sql<{ id: string }>`
        with slot as (
          insert into booking_slot (city_code, site, group_id, kind, day, starts_at, ends_at, procedures,
            planned_capacity, capacity, quota_web, quota_phone, booked, booked_web)
          values (${cityCode}, 'special', 'card', 'regular', ${localDate(new Date())}::date,
            now() - ${minutesAgo}::int * interval '1 minute', now() - ${minutesAgo - 15}::int * interval '1 minute',
            ${JSON.stringify([procedure])}::jsonb, 4, 4, 4, 4, 1, 1)
          returning city_code, id)
        insert into reservation (city_code, slot_id, seats, channel, procedure, status, name_kana, contact,
          created_by, confirmed_at)
        select city_code, id, 1, 'web', ${procedure}, 'confirmed', ${person.name}, ${person.contact}, 'test', now()
        from slot returning id`.execute(k)
    )
    return result.rows[0]!.id
  })

describeStorage("Walk-in queue", (it) => {
  it.effect("tickets number in sequence per site, day and group, also when issued at once", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      const issued = yield* Effect.forEach(
        Array.from({ length: 30 }, () => 0),
        () => queue.issue("numbering", walkIn),
        { concurrency: "unbounded" }
      )
      assert.deepStrictEqual(
        issued.map((t) => t.ticket.number).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, i) => i + 1)
      )
      const first = issued.find((t) => t.ticket.number === 1)!
      assert.strictEqual(first.ticket.label, "A-001")
      assert.strictEqual(first.ticket.group, "card")
      const other = yield* queue.issue("numbering", { site: "special", group: "holiday" })
      assert.strictEqual(other.ticket.label, "H-001")
      assert.strictEqual(other.waitingAhead, 0)
      // One counter site in the city: the site may be left out.
      const unnamed = yield* queue.issue("numbering", { procedure: "card_issuance" })
      assert.deepStrictEqual([unnamed.ticket.site, unnamed.ticket.label], ["special", "A-031"])
    }).pipe(Effect.provide(layer))
  )

  it.effect("windows calling at the same moment never get the same ticket", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      for (let i = 0; i < 10; i++) yield* queue.issue("windows", walkIn)
      const called = yield* Effect.forEach(
        Array.from({ length: 12 }, (_, i) => i + 1),
        (window) => queue.callNext("windows", { site: "special", window }),
        { concurrency: "unbounded" }
      )
      const tickets = called.filter(Option.isSome).map((t) => t.value)
      assert.strictEqual(tickets.length, 10)
      assert.strictEqual(new Set(tickets.map((t) => t.id)).size, 10)
      assert.strictEqual(new Set(tickets.map((t) => t.window)).size, 10)
      assert.strictEqual((yield* queue.state("windows", { site: "special" })).counts.called, 10)
    }).pipe(Effect.provide(layer))
  )

  it.effect("checked-in reservations join the queue by their time; late ones after those waiting", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      const reservations = yield* Reservations
      const onTime = yield* reservedToday(mixed.cityCode, 5)
      const late = yield* reservedToday(mixed.cityCode, 30)
      const noShow = yield* reservedToday(mixed.cityCode, 40)
      const walker = yield* queue.issue("mixed", walkIn)
      const a = yield* reservations.checkIn("mixed", onTime)
      const b = yield* reservations.checkIn("mixed", late)
      assert.strictEqual(a.reservation.status, "checked_in")
      assert.isFalse(a.ticket.late)
      assert.isTrue(b.ticket.late)
      // Checking in twice gives the same ticket.
      assert.strictEqual((yield* reservations.checkIn("mixed", onTime)).ticket.id, a.ticket.id)
      // A no-show recorded, then the person turns up: served, after those waiting.
      assert.strictEqual((yield* reservations.markNoShow("mixed", noShow)).status, "no_show")
      const c = yield* reservations.checkIn("mixed", noShow)
      assert.isTrue(c.ticket.late)
      const order: Array<string> = []
      for (;;) {
        const next = yield* queue.callNext("mixed", { site: "special", window: 1 })
        if (Option.isNone(next)) break
        order.push(next.value.id)
      }
      assert.deepStrictEqual(order, [a.ticket.id, walker.ticket.id, b.ticket.id, c.ticket.id])

      // Not today, not confirmed, too early for a no-show: refused with the reason.
      const [slot] = yield* Effect.gen(function* () {
        const slots = yield* Slots
        const date = dayFromToday(5)
        yield* slots.generate("mixed", { from: date, to: date }, [
          { date, open: true, sessions: [{ site: "special", kind: "regular", opens: "09:00", closes: "09:15" }] }
        ])
        return yield* slots.list("mixed", { from: date, to: date })
      })
      const future = yield* reservations.create("mixed", { slotId: slot!.id, procedure: "card_issuance", ...person })
      assert.strictEqual((yield* Effect.flip(reservations.checkIn("mixed", future.id)))._tag, "CheckInNotToday")
      assert.strictEqual((yield* Effect.flip(reservations.markNoShow("mixed", future.id)))._tag, "NoShowTooEarly")
      yield* reservations.cancel("mixed", future.id)
      assert.strictEqual(
        (yield* Effect.flip(reservations.checkIn("mixed", future.id)))._tag,
        "ReservationStateConflict"
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect("call, recall, skip, requeue, serve, finish: each finished visit is logged once per procedure", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      const reservations = yield* Reservations
      const w1 = yield* queue.issue("flow", walkIn)
      const w2 = yield* queue.issue("flow", { site: "special", group: "card" })
      const called = Option.getOrThrow(yield* queue.callNext("flow", { site: "special", window: 3 }))
      assert.strictEqual(called.id, w1.ticket.id)
      assert.strictEqual((yield* queue.recall("flow", called.id)).callCount, 2)
      // Not at the counter: set aside, back in line after those waiting when they turn up.
      yield* queue.skip("flow", called.id)
      yield* queue.requeue("flow", called.id)
      assert.strictEqual(
        Option.getOrThrow(yield* queue.callNext("flow", { site: "special", window: 3 })).id,
        w2.ticket.id
      )
      assert.strictEqual(
        Option.getOrThrow(yield* queue.callNext("flow", { site: "special", window: 4 })).id,
        w1.ticket.id
      )
      const serving = yield* queue.serve("flow", w1.ticket.id, { window: 4 })
      assert.strictEqual(serving.status, "serving")
      const finished = yield* queue.finish("flow", w1.ticket.id, {
        outcome: "done",
        procedures: ["card_issuance", "cert_renewal"]
      })
      assert.strictEqual(finished.status, "done")
      // Finishing again (a retry) logs nothing twice.
      yield* queue.finish("flow", w1.ticket.id, { outcome: "done", procedures: ["card_issuance", "cert_renewal"] })
      const logged = (yield* memory.entries).filter((e) => e.activity.key.sourceId.startsWith(`${w1.ticket.id}/`))
      assert.deepStrictEqual(logged.map((e) => e.activity.key.sourceId).sort(), [
        `${w1.ticket.id}/card_issuance`,
        `${w1.ticket.id}/cert_renewal`
      ])
      const visit = logged[0]!.activity
      assert.strictEqual(visit.kind === "counter_visit" ? visit.channel : "", "walk_in")
      assert.strictEqual(visit.cityCode, flow.cityCode)

      // A walk-in without a procedure must say what was done.
      assert.strictEqual(
        (yield* Effect.flip(queue.finish("flow", w2.ticket.id, { outcome: "done" })))._tag,
        "ProcedureRequired"
      )
      const refused = yield* queue.finish("flow", w2.ticket.id, {
        outcome: "refused",
        procedures: ["card_issuance"],
        reason: "missing_document",
        missingDocuments: ["issuance_notice"]
      })
      assert.strictEqual(refused.outcome, "refused")
      assert.strictEqual((yield* Effect.flip(queue.serve("flow", w2.ticket.id)))._tag, "TicketStateConflict")

      // A reservation's visit: the reservation is done too, logged as a reservation.
      const booked = yield* reservedToday(flow.cityCode, 1, "cert_renewal")
      const { ticket } = yield* reservations.checkIn("flow", booked)
      yield* queue.callNext("flow", { site: "special", window: 1 })
      yield* queue.finish("flow", ticket.id, { outcome: "done" })
      assert.strictEqual((yield* reservations.get("flow", booked)).status, "done")
      const byReservation = (yield* memory.entries).find((e) => e.activity.key.sourceId === `${ticket.id}/cert_renewal`)
      assert.strictEqual(
        byReservation?.activity.kind === "counter_visit" ? byReservation.activity.channel : "",
        "reservation"
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect("walk-ins are refused where the session is reserved only; outreach hand-overs need the 交付通知書", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      const outreach = yield* Outreach
      const refused = yield* Effect.flip(queue.issue("reserveonly", walkIn))
      assert.strictEqual(refused._tag, "WalkInsRefused")
      const session = yield* outreach.schedule("koganei", {
        site: "outreach",
        date: localDate(new Date()),
        opens: "00:00",
        closes: "23:59",
        venue: "本町公民館"
      })
      const atDesk = { site: "outreach", outreachSessionId: session.id }
      const noNotice = yield* Effect.flip(queue.issue("koganei", { ...atDesk, procedure: "card_issuance" }))
      assert.strictEqual(noNotice._tag, "IssuanceNoticeRequired")
      const withNotice = yield* queue.issue("koganei", {
        ...atDesk,
        procedure: "card_issuance",
        issuanceNoticeNumber: "K-0012345"
      })
      assert.strictEqual(withNotice.ticket.issuanceNoticeNumber, "K-0012345")
      assert.strictEqual(withNotice.ticket.outreachSessionId, session.id)
      // Application support needs no notice (the person has not applied yet).
      const support = yield* queue.issue("koganei", { ...atDesk, procedure: "card_application" })
      assert.strictEqual(support.ticket.label, "B-001")
      const roster = yield* outreach.roster("koganei", session.id)
      assert.strictEqual(roster.walkIns.length, 2)

      const tomorrow = yield* outreach.schedule("koganei", {
        site: "outreach",
        date: dayFromToday(1),
        opens: "09:00",
        closes: "13:00",
        venue: "東町公民館"
      })
      const notToday = yield* Effect.flip(
        queue.issue("koganei", { site: "outreach", outreachSessionId: tomorrow.id, procedure: "card_application" })
      )
      assert.strictEqual(notToday._tag, "OutreachSessionNotOpen")
      const unknownGroup = yield* Effect.flip(queue.issue("numbering", { site: "special", group: "nope" }))
      assert.strictEqual(unknownGroup._tag, "GroupUnknown")
    }).pipe(Effect.provide(layer))
  )

  it.effect("the queue state for the call display, and as a stream of its changes", () =>
    Effect.gen(function* () {
      const queue = yield* Queue
      yield* queue.issue("display", walkIn)
      const fiber = yield* queue
        .watch("display", { site: "special", every: "20 millis" })
        .pipe(Stream.take(2), Stream.runCollect, Effect.forkChild)
      yield* Effect.sleep("100 millis")
      yield* queue.callNext("display", { site: "special", window: 2 })
      const states = yield* Fiber.join(fiber)
      assert.strictEqual(states.length, 2)
      assert.deepStrictEqual(
        states.map((s) => [s.counts.waiting, s.counts.called]),
        [
          [1, 0],
          [0, 1]
        ]
      )
      assert.deepStrictEqual(
        states[1]!.calling.map((c) => [c.label, c.window]),
        [["A-001", 2]]
      )
      // The display shows labels and windows, never names.
      assert.notInclude(JSON.stringify(states), person.name)
    }).pipe(Effect.provide(layer))
  )
})
