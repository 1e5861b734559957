import { assert } from "@effect/vitest"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect } from "effect"
import { Outreach } from "../src/Outreach.ts"
import { Reservations } from "../src/Reservation.ts"
import { Slots } from "../src/Slot.ts"
import { dayFromToday, kanazawa, kawanishi, koganei, services } from "./support.ts"

const person = { name: "コガネイ サクラ", contact: "sakura@example.jp" }

describeStorage("Outreach sessions", (it) => {
  const layer = services([koganei, kanazawa, kawanishi])

  it.effect("Koganei: 30 bookings per session, the 31st refused; the roster lists them (seeds/004 5(4))", () =>
    Effect.gen(function* () {
      const outreach = yield* Outreach
      const reservations = yield* Reservations
      const session = yield* outreach.schedule("koganei", {
        site: "outreach",
        date: dayFromToday(9),
        opens: "09:00",
        closes: "13:00",
        venue: "貫井北センター"
      })
      assert.deepStrictEqual(
        [session.capacity, session.walkIns, session.procedures],
        [30, "with_issuance_notice", ["card_issuance"]]
      )
      const input = { slotId: session.slotId!, procedure: "card_issuance" as const, ...person }
      const results = yield* Effect.forEach(
        Array.from({ length: 31 }, (_, i) => i),
        () => Effect.exit(reservations.create("koganei", input)),
        { concurrency: 8 }
      )
      assert.strictEqual(results.filter((r) => r._tag === "Success").length, 30)
      const slot = yield* (yield* Slots).get("koganei", session.slotId!)
      assert.deepStrictEqual([slot.kind, slot.capacity, slot.booked], ["outreach", 30, 30])
      const roster = yield* outreach.roster("koganei", session.id)
      assert.strictEqual(roster.reservations.length, 30)
      assert.strictEqual(roster.totals.booked, 30)
      assert.strictEqual(roster.reservations[0]!.name, person.name)
      // Fewer seats at the venue: never below the 30 already promised.
      const smaller = yield* outreach.update("koganei", session.id, { capacity: 20, venue: "貫井北センター 第2会議室" })
      assert.deepStrictEqual([smaller.capacity, smaller.booked, smaller.venue], [20, 30, "貫井北センター 第2会議室"])
      assert.strictEqual((yield* (yield* Slots).get("koganei", session.slotId!)).capacity, 30)
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "cancelling a session closes its slot and lists its bookings to contact; nothing is cancelled silently",
    () =>
      Effect.gen(function* () {
        const outreach = yield* Outreach
        const reservations = yield* Reservations
        const session = yield* outreach.schedule("koganei", {
          site: "outreach",
          date: dayFromToday(16),
          opens: "09:00",
          closes: "13:00",
          venue: "緑センター"
        })
        const booked = yield* reservations.create("koganei", {
          slotId: session.slotId!,
          procedure: "card_issuance",
          ...person,
          seats: 2
        })
        const { session: cancelled, affected } = yield* outreach.cancel("koganei", session.id)
        assert.strictEqual(cancelled.status, "cancelled")
        assert.deepStrictEqual(
          affected.map((a) => [a.id, a.seats, a.contact]),
          [[booked.id, 2, person.contact]]
        )
        assert.strictEqual((yield* reservations.get("koganei", booked.id)).status, "confirmed")
        const refused = yield* Effect.flip(
          reservations.create("koganei", { slotId: session.slotId!, procedure: "card_issuance", ...person })
        )
        assert.strictEqual(refused._tag, "SlotClosed")
      }).pipe(Effect.provide(layer))
  )

  it.effect("Kanazawa's desks take no bookings: a session has a roster of walk-ins only (seeds/003 4(2))", () =>
    Effect.gen(function* () {
      const outreach = yield* Outreach
      const session = yield* outreach.schedule("kanazawa", {
        site: "outreach",
        date: dayFromToday(12),
        opens: "10:00",
        closes: "17:00",
        venue: "イオン金沢店"
      })
      assert.strictEqual(session.capacity, null)
      assert.isUndefined(session.slotId)
      const listed = yield* outreach.list("kanazawa", { from: dayFromToday(0), to: dayFromToday(30) })
      assert.deepStrictEqual(
        listed.map((s) => s.venue),
        ["イオン金沢店"]
      )
      // Held: recorded once for the reports (session count, venue, questions answered).
      const done = { tally: { card_application: 14 }, inquiries: 6, staffCount: 5 }
      assert.strictEqual((yield* outreach.complete("kanazawa", session.id, done)).status, "recorded")
      assert.strictEqual((yield* outreach.complete("kanazawa", session.id, done)).status, "duplicate")
      const changed = yield* Effect.flip(outreach.complete("kanazawa", session.id, { ...done, inquiries: 7 }))
      assert.strictEqual(changed._tag, "ActivitySourceConflict")
    }).pipe(Effect.provide(layer))
  )

  it.effect("refused: a site that is not an outreach site, the same session twice, a bad venue", () =>
    Effect.gen(function* () {
      const outreach = yield* Outreach
      const session = { site: "outreach", date: dayFromToday(19), opens: "09:00", closes: "13:00", venue: "本町" }
      assert.strictEqual(
        (yield* Effect.flip(outreach.schedule("kawanishi", { ...session, site: "special" })))._tag,
        "NotAnOutreachSite"
      )
      yield* outreach.schedule("koganei", session)
      assert.strictEqual((yield* Effect.flip(outreach.schedule("koganei", session)))._tag, "OutreachSessionExists")
      const bad = yield* Effect.flip(outreach.schedule("koganei", { ...session, opens: "14:00", venue: "" }))
      assert.strictEqual(bad._tag, "DecodeError")
      assert.strictEqual(
        (yield* Effect.flip(outreach.get("koganei", "00000000-0000-4000-8000-000000000000")))._tag,
        "OutreachSessionNotFound"
      )
    }).pipe(Effect.provide(layer))
  )
})
