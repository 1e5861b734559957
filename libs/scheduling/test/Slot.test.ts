import { assert, describe, it } from "@effect/vitest"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { bookingSettings } from "@madoguchi/domain/profile/Booking"
import { Effect } from "effect"
import { sql } from "kysely"
import * as Calendar from "../src/Calendar.ts"
import { Reservations } from "../src/Reservation.ts"
import { checkProfile, plan, quotaOf, Slots } from "../src/Slot.ts"
import { dayFromToday, kanazawa, kawanishi, koganei, openDay, ota, services, variant } from "./support.ts"

const settings = (p: typeof kawanishi) => bookingSettings(p.booking!)

describe("Slot.plan (pure)", () => {
  it("Kawanishi, a weekday: 15-minute slots 09:00–17:00 at the special counter, 4 seats each (seeds/002 5(2), 6(1))", () => {
    const days = Calendar.days(kawanishi, "2026-12-01", "2026-12-01")
    const { slots, outreach } = plan(kawanishi, settings(kawanishi), days)
    assert.strictEqual(outreach.length, 0)
    assert.strictEqual(slots.length, 32)
    assert.deepStrictEqual(
      [slots[0]!.startsAt.toISOString(), slots[31]!.endsAt.toISOString()],
      ["2026-12-01T00:00:00.000Z", "2026-12-01T08:00:00.000Z"]
    )
    for (const s of slots) {
      assert.strictEqual(s.site, "special")
      assert.strictEqual(s.group, "card")
      assert.strictEqual(s.capacity, 4)
      assert.strictEqual(s.quotaWeb, 4)
      assert.strictEqual(s.quotaPhone, 4)
      assert.include(s.procedures, "cert_renewal")
    }
  })

  it("a national holiday and the year-end closure have no slots (勤労感謝の日, 12/29–1/3)", () => {
    const days = Calendar.days(kawanishi, "2026-11-23", "2026-11-23")
    assert.strictEqual(plan(kawanishi, settings(kawanishi), days).slots.length, 0)
    const yearEnd = Calendar.days(kawanishi, "2026-12-29", "2027-01-03")
    assert.strictEqual(plan(kawanishi, settings(kawanishi), yearEnd).slots.length, 0)
  })

  it("a holiday opening is booked in its own group: hand-over and certificate renewal only (seeds/002 5(2)エ A)", () => {
    const { slots } = plan(kawanishi, settings(kawanishi), [
      openDay("2026-12-05", "special", "09:00", "17:00", "holiday_opening")
    ])
    assert.strictEqual(slots.length, 32)
    assert.deepStrictEqual([...new Set(slots.map((s) => s.group))], ["holiday"])
    assert.deepStrictEqual(slots[0]!.procedures, ["card_issuance", "cert_renewal"])
    assert.strictEqual(slots[0]!.kind, "holiday_opening")
  })

  it("a session that takes no reservations has no slots; a session's procedures narrow the group's", () => {
    const day = openDay("2026-12-01", "special", "09:00", "10:00")
    const none = { ...day, sessions: day.sessions.map((s) => ({ ...s, reservation: "none" as const })) }
    assert.strictEqual(plan(kawanishi, settings(kawanishi), [none]).slots.length, 0)
    const narrow = { ...day, sessions: day.sessions.map((s) => ({ ...s, procedures: ["cert_renewal", "pin_reset"] })) }
    const { slots } = plan(kawanishi, settings(kawanishi), [narrow])
    assert.strictEqual(slots.length, 4)
    assert.deepStrictEqual(slots[0]!.procedures, ["pin_reset", "cert_renewal"])
  })

  it("Ota: pick-ups booked in 30-minute slots from 08:30, two windows; other procedures by ticket only (seeds/001 6(3)①)", () => {
    const { slots } = plan(ota, settings(ota), Calendar.days(ota, "2026-12-01", "2026-12-01"))
    assert.strictEqual(slots.length, 17)
    assert.deepStrictEqual([...new Set(slots.map((s) => `${s.group}/${s.capacity}`))], ["pickup/2"])
    assert.deepStrictEqual(slots[0]!.procedures, ["card_issuance"])
  })

  it("Koganei: each outreach session is one booking of 30, walk-ins with the 交付通知書 (seeds/004 5(4), 6(6))", () => {
    const { slots, outreach } = plan(koganei, settings(koganei), Calendar.days(koganei, "2026-02-04", "2026-02-04"))
    assert.strictEqual(slots.length, 0)
    assert.strictEqual(outreach.length, 1)
    assert.strictEqual(outreach[0]!.capacity, 30)
    assert.strictEqual(outreach[0]!.walkIns, "with_issuance_notice")
    assert.deepStrictEqual(outreach[0]!.procedures, ["card_issuance"])
    assert.deepStrictEqual([outreach[0]!.opens, outreach[0]!.closes], ["09:00", "13:00"])
  })

  it("Kanazawa takes no reservations: no slots, and outreach sessions keep a roster of walk-ins only", () => {
    const { slots } = plan(kanazawa, settings(kanazawa), Calendar.days(kanazawa, "2025-12-01", "2025-12-05"))
    assert.strictEqual(slots.length, 0)
    const { outreach } = plan(kanazawa, settings(kanazawa), [
      openDay("2025-12-06", "outreach", "10:00", "17:00", "outreach")
    ])
    assert.strictEqual(outreach[0]!.capacity, null)
  })

  it("channel shares round down; an absent channel takes no bookings", () => {
    assert.strictEqual(quotaOf(0.75, 4), 3)
    assert.strictEqual(quotaOf(1, 4), 4)
    assert.strictEqual(quotaOf(0.7, 10), 7)
    assert.strictEqual(quotaOf(undefined, 4), null)
  })

  it("a group naming a site the profile does not have is reported", () => {
    const broken = variant("broken", "97001", {
      groups: [{ ...kawanishi.booking!.groups[0]!, windows: { nowhere: 2 } }]
    })
    assert.deepStrictEqual(checkProfile(broken, settings(broken)), ['booking.groups[card].windows: no site "nowhere"'])
  })
})

const regen = variant("regen", "97003")
const shrunk = variant("regen", "97003", {
  groups: [{ ...kawanishi.booking!.groups[0]!, windows: { special: 2 } }]
})

describeStorage("Slots", (it) => {
  const layer = services([kawanishi, regen])
  const person = { name: "スロット ハナコ", contact: "someone@example.jp" }

  it.effect("regenerating never drops or double-counts a booking; a smaller plan keeps the seats already booked", () =>
    Effect.gen(function* () {
      const slots = yield* Slots
      const reservations = yield* Reservations
      const date = dayFromToday(40)
      const day = [openDay(date, "special", "09:00", "10:00")]
      const first = yield* slots.generate("regen", { from: date, to: date }, day)
      assert.deepStrictEqual([first.created, first.updated, first.closed], [4, 0, 0])
      const [slot] = yield* slots.list("regen", { from: date, to: date })
      yield* reservations.create("regen", { slotId: slot!.id, procedure: "card_issuance", ...person, seats: 3 })
      const again = yield* slots.generate("regen", { from: date, to: date }, day)
      assert.deepStrictEqual([again.created, again.updated, again.closed], [0, 4, 0])
      const same = yield* slots.get("regen", slot!.id)
      assert.deepStrictEqual([same.booked, same.capacity, same.remaining], [3, 4, 1])
      // The city's next profile gives the group 2 windows: the slot keeps the 3 seats it promised.
      const smaller = yield* Effect.gen(function* () {
        return yield* (yield* Slots).generate("regen", { from: date, to: date }, day)
      }).pipe(Effect.provide(services([shrunk]), { local: true }))
      assert.deepStrictEqual(smaller.overPlan, [{ slotId: slot!.id, planned: 2, booked: 3 }])
      const kept = yield* slots.get("regen", slot!.id)
      assert.deepStrictEqual([kept.plannedCapacity, kept.capacity, kept.booked, kept.remaining], [2, 3, 3, 0])
      assert.deepStrictEqual(
        (yield* slots.list("regen", { from: date, to: date })).map((s) => s.capacity),
        [3, 2, 2, 2]
      )
      const changed = yield* slots.generate(
        "regen",
        { from: date, to: date },
        day.map((d) => ({ ...d, sessions: d.sessions.map((s) => ({ ...s, procedures: ["card_issuance"] })) }))
      )
      assert.strictEqual(changed.updated, 4)
      assert.deepStrictEqual((yield* slots.get("regen", slot!.id)).procedures, ["card_issuance"])
    }).pipe(Effect.provide(layer))
  )

  it.effect("a closure cancels nothing: the slots close and their bookings are listed for staff to call", () =>
    Effect.gen(function* () {
      const slots = yield* Slots
      const reservations = yield* Reservations
      const date = dayFromToday(41)
      yield* slots.generate("regen", { from: date, to: date }, [openDay(date, "special", "09:00", "10:00")])
      const [a, b] = yield* slots.list("regen", { from: date, to: date })
      const r1 = yield* reservations.create("regen", { slotId: a!.id, procedure: "card_issuance", ...person })
      const r2 = yield* reservations.create("regen", { slotId: b!.id, procedure: "cert_renewal", ...person, seats: 2 })
      const result = yield* slots.generate("regen", { from: date, to: date }, [
        { date, open: false, closedReason: "closure", sessions: [] }
      ])
      assert.strictEqual(result.closed, 4)
      assert.deepStrictEqual(
        result.affected.map((r) => [r.id, r.seats, r.contact]),
        [
          [r1.id, 1, person.contact],
          [r2.id, 2, person.contact]
        ]
      )
      assert.strictEqual((yield* reservations.get("regen", r1.id)).status, "confirmed")
      assert.strictEqual((yield* slots.list("regen", { from: date, to: date })).length, 0)
      const closed = yield* slots.list("regen", { from: date, to: date, includeClosed: true })
      assert.deepStrictEqual([...new Set(closed.map((s) => `${s.status}/${s.closedReason}`))], ["closed/closure"])
      // The calendar opens the day again: the same slots reopen, bookings intact.
      const reopened = yield* slots.generate("regen", { from: date, to: date }, [
        openDay(date, "special", "09:00", "10:00")
      ])
      assert.deepStrictEqual([reopened.created, reopened.updated], [0, 4])
      assert.strictEqual((yield* slots.get("regen", b!.id)).booked, 2)
    }).pipe(Effect.provide(layer))
  )

  it.effect("reading slots of days never generated fills them in from the calendar, once", () =>
    Effect.gen(function* () {
      const slots = yield* Slots
      // Two weeks ahead, Monday to Sunday of one week: the weekdays open (unless a holiday), weekends not.
      const from = dayFromToday(14)
      const to = dayFromToday(20)
      const [filled, again] = yield* Effect.all(
        [slots.ensure("kawanishi", { from, to }), slots.ensure("kawanishi", { from, to })],
        { concurrency: 2 }
      )
      assert.strictEqual(Math.max(filled, again), 7)
      assert.strictEqual(yield* slots.ensure("kawanishi", { from, to }), 0)
      const listed = yield* slots.list("kawanishi", { from, to })
      const open = Calendar.days(kawanishi, from, to).filter((d) => d.open).length
      assert.strictEqual(listed.length, open * 32)
      assert.strictEqual(new Set(listed.map((s) => s.id)).size, listed.length)
      // A slot that has started is not offered on the public page.
      const db = yield* Database.Database
      yield* db.use((k) =>
        sql`update booking_slot set starts_at = now() - interval '1 minute' where id = ${listed[0]!.id}`.execute(k)
      )
      const upcoming = yield* slots.list("kawanishi", { from, to, upcomingOnly: true })
      assert.strictEqual(upcoming.length, listed.length - 1)
      assert.isFalse(upcoming.some((s) => s.id === listed[0]!.id))
      // Past days are never filled.
      assert.strictEqual(yield* slots.ensure("kawanishi", { from: dayFromToday(-3), to: dayFromToday(-1) }), 0)
      const byProcedure = yield* slots.list("kawanishi", { from, to, procedure: "card_application" })
      assert.strictEqual(byProcedure.length, 0)
      const refused = yield* Effect.flip(slots.list("kawanishi", { from: to, to: from }))
      assert.strictEqual(refused._tag, "DateRangeInvalid")
    }).pipe(Effect.provide(layer))
  )
})
