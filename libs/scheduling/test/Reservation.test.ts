import { assert, describe, it } from "@effect/vitest"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Exit } from "effect"
import { sql } from "kysely"
import { normalizeCode, reservationCode, Reservations, sameContact } from "../src/Reservation.ts"
import { Slots } from "../src/Slot.ts"
import { dayFromToday, kawanishi, openDay, services, variant } from "./support.ts"

const delayed = variant("delayed", "99001", { cancelReopenMinutes: 30 })
const webHalf = variant("webhalf", "99002", { channels: { web: 0.5, phone: 1 } })
const phoneOnly = variant("phoneonly", "99003", { channels: { phone: 1 } })
const keyed = variant("keyed", "99004", { issuanceNoticeNumber: "required" })
const profiles = [kawanishi, delayed, webHalf, phoneOnly, keyed]

const person = { name: "カワニシ ハナコ", contact: "072-740-1111" }

/** Generate a day of Kawanishi-style slots (09:00–17:00, 15 min, 4 seats) and return them. */
const slotsOn = (city: string, date: string) =>
  Effect.gen(function* () {
    const slots = yield* Slots
    yield* slots.generate(city, { from: date, to: date }, [openDay(date, "special")])
    return yield* slots.list(city, { from: date, to: date, channel: "staff" })
  })

const errorTag = <A, E>(effect: Effect.Effect<A, E, never>) =>
  Effect.map(Effect.exit(effect), (exit) =>
    Exit.isFailure(exit) ? String((exit.cause.reasons[0] as { error?: { _tag?: string } })?.error?._tag) : "success"
  )

describe("reservation codes (予約番号)", () => {
  it("ten Crockford base-32 characters from the id's first 48 bits", () => {
    assert.strictEqual(reservationCode("00000000-0000-4000-8000-000000000000"), "0000000000")
    assert.strictEqual(reservationCode("ffffffff-ffff-4fff-bfff-ffffffffffff"), "7ZZZZZZZZZ")
    // 0x080e9676ba60 = 8 857 483 524 704 → 0 8 1 T B 7 D E K 0
    assert.strictEqual(reservationCode("080e9676-ba60-4208-b303-317335c51fbf"), "081TB7DEK0")
  })
  it("reads a code as typed or heard: full width, lower case, hyphens, O for 0 and I/L for 1", () => {
    assert.strictEqual(normalizeCode("081tb-7dek0"), "081TB7DEK0")
    assert.strictEqual(normalizeCode("０８１ＴＢ－７ＤＥＫＯ"), "081TB7DEK0")
    assert.strictEqual(normalizeCode("O8ITB 7DEKO"), "081TB7DEK0")
    assert.strictEqual(normalizeCode("081TBー7DEK0"), "081TB7DEK0")
    for (const bad of ["", "081TB7DEK", "081TB7DEK00", "881TB7DEK0", "081TB7DEKU", "not-a-code"]) {
      assert.isUndefined(normalizeCode(bad), bad)
    }
  })
  it("matches a contact by its digits or its e-mail address, never an empty one", () => {
    assert.isTrue(sameContact("072-740-1111", "0727401111"))
    assert.isTrue(sameContact("072-740-1111", "０７２（７４０）１１１１"))
    assert.isTrue(sameContact("090-1234-5678", "+81 90 1234 5678"))
    assert.isTrue(sameContact("Hanako@Example.jp", " hanako@example.jp"))
    assert.isFalse(sameContact("072-740-1111", "072-740-1112"))
    assert.isFalse(sameContact(null, "072-740-1111"))
    assert.isFalse(sameContact("---", "()"))
  })
})

describeStorage("Reservations", (it) => {
  const layer = services(profiles)

  it.effect("every reservation has its code, stored by the database as computed here; found by code and contact", () =>
    Effect.gen(function* () {
      const [slot] = yield* slotsOn("kawanishi", dayFromToday(57))
      const reservations = yield* Reservations
      const r = yield* reservations.create("kawanishi", { slotId: slot!.id, procedure: "card_issuance", ...person })
      assert.strictEqual(r.code, reservationCode(r.id))
      const read = yield* reservations.get("kawanishi", r.id)
      assert.strictEqual(read.code, r.code)
      const typed = `${r.code.slice(0, 5).toLowerCase()}-${r.code.slice(5)}`
      assert.deepStrictEqual(
        (yield* reservations.findByCode("kawanishi", typed, "0727401111")).map((x) => x.id),
        [r.id]
      )
      assert.deepStrictEqual(
        (yield* reservations.findByCode("kawanishi", r.code)).map((x) => x.id),
        [r.id]
      )
      assert.deepStrictEqual(yield* reservations.findByCode("kawanishi", r.code, "090-0000-0000"), [])
      assert.deepStrictEqual(yield* reservations.findByCode("kawanishi", "not a code", "0727401111"), [])
      // Another city's code space is its own.
      assert.deepStrictEqual(yield* reservations.findByCode("delayed", r.code, "0727401111"), [])
    }).pipe(Effect.provide(layer))
  )

  it.effect("books a seat: 201-shaped result, the slot's remaining seats go down, the list shows it", () =>
    Effect.gen(function* () {
      const date = dayFromToday(20)
      const [slot] = yield* slotsOn("kawanishi", date)
      assert.strictEqual(slot!.capacity, 4)
      assert.strictEqual(slot!.remaining, 4)
      const reservations = yield* Reservations
      const r = yield* reservations.create("kawanishi", {
        slotId: slot!.id,
        procedure: "card_issuance",
        ...person
      })
      assert.strictEqual(r.status, "confirmed")
      assert.strictEqual(r.slotId, slot!.id)
      assert.strictEqual(r.start, `${date}T09:00:00+09:00`)
      assert.strictEqual(r.name, "カワニシ ハナコ")
      const after = yield* (yield* Slots).get("kawanishi", slot!.id, "web")
      assert.strictEqual(after.remaining, 3)
      const listed = yield* reservations.list("kawanishi", { date })
      assert.deepStrictEqual(
        listed.map((x) => x.id),
        [r.id]
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect("a retried request with the same Idempotency-Key returns the first result, never a second seat", () =>
    Effect.gen(function* () {
      const [slot] = yield* slotsOn("kawanishi", dayFromToday(21))
      const reservations = yield* Reservations
      const input = { slotId: slot!.id, procedure: "cert_renewal" as const, ...person }
      const first = yield* reservations.create("kawanishi", input, { idempotencyKey: "retry-1" })
      const again = yield* reservations.create("kawanishi", input, { idempotencyKey: "retry-1" })
      assert.strictEqual(again.id, first.id)
      assert.isTrue(again.replayed)
      // Sent twice at once: still one reservation.
      const both = yield* Effect.all(
        [
          reservations.create("kawanishi", input, { idempotencyKey: "retry-2" }),
          reservations.create("kawanishi", input, { idempotencyKey: "retry-2" })
        ],
        { concurrency: 2 }
      )
      assert.strictEqual(both[0].id, both[1].id)
      const slotAfter = yield* (yield* Slots).get("kawanishi", slot!.id)
      assert.strictEqual(slotAfter.booked, 2)
      // The same key for a different request is refused.
      assert.strictEqual(
        yield* errorTag(reservations.create("kawanishi", { ...input, seats: 2 }, { idempotencyKey: "retry-1" })),
        "IdempotencyKeyReused"
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect("a hold frees its seat by itself when its TTL passes; confirming it then fails cleanly", () =>
    Effect.gen(function* () {
      const [slot] = yield* slotsOn("kawanishi", dayFromToday(22))
      const reservations = yield* Reservations
      const slots = yield* Slots
      const input = { slotId: slot!.id, procedure: "card_issuance" as const, ...person }
      yield* reservations.create("kawanishi", { ...input, seats: 3 })
      const hold = yield* reservations.hold("kawanishi", input, { holdMs: 300 })
      assert.strictEqual(hold.status, "held")
      assert.isDefined(hold.expiresAt)
      assert.strictEqual((yield* slots.get("kawanishi", slot!.id, "web")).remaining, 0)
      assert.strictEqual(yield* errorTag(reservations.create("kawanishi", input)), "SlotFull")
      yield* Effect.sleep("450 millis")
      // Nothing was written since: the seat is free on reading, and bookable.
      assert.strictEqual((yield* slots.get("kawanishi", slot!.id, "web")).remaining, 1)
      assert.strictEqual(yield* errorTag(reservations.confirm("kawanishi", hold.id)), "HoldExpired")
      const taken = yield* reservations.create("kawanishi", input)
      assert.strictEqual(taken.status, "confirmed")
      assert.strictEqual((yield* reservations.get("kawanishi", hold.id)).status, "expired")
      const detail = yield* slots.get("kawanishi", slot!.id)
      assert.strictEqual(detail.booked, 4)
      assert.strictEqual(detail.remaining, 0)
    }).pipe(Effect.provide(layer))
  )

  it.effect("confirming a live hold keeps the seat; confirming twice is harmless", () =>
    Effect.gen(function* () {
      const [slot] = yield* slotsOn("kawanishi", dayFromToday(23))
      const reservations = yield* Reservations
      const hold = yield* reservations.hold("kawanishi", { slotId: slot!.id, procedure: "card_issuance", ...person })
      const confirmed = yield* reservations.confirm("kawanishi", hold.id)
      assert.strictEqual(confirmed.status, "confirmed")
      assert.isUndefined(confirmed.expiresAt)
      assert.strictEqual((yield* reservations.confirm("kawanishi", hold.id)).status, "confirmed")
      yield* reservations.cancel("kawanishi", hold.id)
      assert.strictEqual(yield* errorTag(reservations.confirm("kawanishi", hold.id)), "ReservationStateConflict")
    }).pipe(Effect.provide(layer))
  )

  it.effect("a cancelled seat reopens at once, or after the profile's delay (against slot trading)", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const slots = yield* Slots
      const [now] = yield* slotsOn("kawanishi", dayFromToday(24))
      const a = yield* reservations.create("kawanishi", {
        slotId: now!.id,
        procedure: "card_issuance",
        ...person,
        seats: 4
      })
      const cancelled = yield* reservations.cancel("kawanishi", a.id, { idempotencyKey: "cancel-a" })
      assert.strictEqual(cancelled.status, "cancelled")
      assert.strictEqual((yield* slots.get("kawanishi", now!.id, "web")).remaining, 4)
      // Retried, the cancellation answers the same; without a key it is harmless too.
      assert.strictEqual((yield* reservations.cancel("kawanishi", a.id, { idempotencyKey: "cancel-a" })).id, a.id)
      assert.strictEqual((yield* reservations.cancel("kawanishi", a.id)).status, "cancelled")

      const [later] = yield* slotsOn("delayed", dayFromToday(24))
      const b = yield* reservations.create("delayed", {
        slotId: later!.id,
        procedure: "card_issuance",
        ...person,
        seats: 4
      })
      const c = yield* reservations.cancel("delayed", b.id)
      assert.isDefined(c.reopensAt)
      assert.strictEqual((yield* slots.get("delayed", later!.id, "web")).remaining, 0)
      assert.strictEqual(
        yield* errorTag(reservations.create("delayed", { slotId: later!.id, procedure: "card_issuance", ...person })),
        "SlotFull"
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect("reschedule is atomic: into a full slot nothing changes; into a free one the seat moves", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const slots = yield* Slots
      const [first, second, third] = yield* slotsOn("kawanishi", dayFromToday(25))
      const mine = yield* reservations.create("kawanishi", { slotId: first!.id, procedure: "card_issuance", ...person })
      yield* reservations.create("kawanishi", { slotId: second!.id, procedure: "card_issuance", ...person, seats: 4 })
      assert.strictEqual(
        yield* errorTag(reservations.reschedule("kawanishi", mine.id, { slotId: second!.id })),
        "SlotFull"
      )
      assert.strictEqual((yield* reservations.get("kawanishi", mine.id)).status, "confirmed")
      assert.strictEqual((yield* slots.get("kawanishi", first!.id)).booked, 1)

      const moved = yield* reservations.reschedule(
        "kawanishi",
        mine.id,
        { slotId: third!.id },
        { idempotencyKey: "mv-1" }
      )
      assert.strictEqual(moved.slotId, third!.id)
      assert.strictEqual(moved.status, "confirmed")
      assert.strictEqual(moved.rescheduledFrom, mine.id)
      const again = yield* reservations.reschedule(
        "kawanishi",
        mine.id,
        { slotId: third!.id },
        { idempotencyKey: "mv-1" }
      )
      assert.strictEqual(again.id, moved.id)
      assert.strictEqual((yield* reservations.get("kawanishi", mine.id)).status, "rescheduled")
      assert.strictEqual((yield* slots.get("kawanishi", first!.id)).booked, 0)
      assert.strictEqual((yield* slots.get("kawanishi", third!.id)).booked, 1)
    }).pipe(Effect.provide(layer))
  )

  it.effect("a family's booking across slots takes every seat or none", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const slots = yield* Slots
      const [a, b] = yield* slotsOn("kawanishi", dayFromToday(26))
      yield* reservations.create("kawanishi", { slotId: b!.id, procedure: "card_issuance", ...person, seats: 3 })
      const refused = yield* errorTag(
        reservations.createParty("kawanishi", {
          parts: [
            { slotId: a!.id, procedure: "card_issuance", seats: 2 },
            { slotId: b!.id, procedure: "cert_renewal", seats: 2 }
          ],
          ...person
        })
      )
      assert.strictEqual(refused, "SlotFull")
      assert.strictEqual((yield* slots.get("kawanishi", a!.id)).booked, 0)
      const party = yield* reservations.createParty(
        "kawanishi",
        {
          parts: [
            { slotId: a!.id, procedure: "card_issuance", seats: 2 },
            { slotId: b!.id, procedure: "cert_renewal", seats: 1 }
          ],
          ...person
        },
        { idempotencyKey: "family-1" }
      )
      assert.strictEqual(party.length, 2)
      assert.strictEqual(party[0]!.partyId, party[1]!.partyId)
      const replayed = yield* reservations.createParty(
        "kawanishi",
        {
          parts: [
            { slotId: a!.id, procedure: "card_issuance", seats: 2 },
            { slotId: b!.id, procedure: "cert_renewal", seats: 1 }
          ],
          ...person
        },
        { idempotencyKey: "family-1" }
      )
      assert.deepStrictEqual(replayed.map((r) => r.id).sort(), party.map((r) => r.id).sort())
      assert.strictEqual((yield* slots.get("kawanishi", b!.id)).booked, 4)
    }).pipe(Effect.provide(layer))
  )

  it.effect("channel shares: the web takes its share, phone and staff the rest; a channel not offered is refused", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const [slot] = yield* slotsOn("webhalf", dayFromToday(27))
      assert.strictEqual(slot!.quotaWeb, 2)
      const input = { slotId: slot!.id, procedure: "card_issuance" as const, ...person }
      yield* reservations.create("webhalf", { ...input, seats: 2 })
      assert.strictEqual(yield* errorTag(reservations.create("webhalf", input)), "SlotFull")
      assert.strictEqual((yield* (yield* Slots).get("webhalf", slot!.id, "web")).remaining, 0)
      assert.strictEqual((yield* (yield* Slots).get("webhalf", slot!.id, "phone")).remaining, 2)
      yield* reservations.create("webhalf", input, { channel: "phone" })
      yield* reservations.create("webhalf", input, { channel: "staff" })
      assert.strictEqual(yield* errorTag(reservations.create("webhalf", input, { channel: "staff" })), "SlotFull")

      const [other] = yield* slotsOn("phoneonly", dayFromToday(27))
      assert.strictEqual(
        yield* errorTag(reservations.create("phoneonly", { ...input, slotId: other!.id })),
        "ChannelNotOffered"
      )
      assert.strictEqual(
        (yield* reservations.create("phoneonly", { ...input, slotId: other!.id }, { channel: "phone" })).channel,
        "phone"
      )
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "bad requests are refused with the reason: input, seats, procedure, notice number, closed and past slots",
    () =>
      Effect.gen(function* () {
        const reservations = yield* Reservations
        const slots = yield* Slots
        const [slot, other] = yield* slotsOn("kawanishi", dayFromToday(28))
        const input = { slotId: slot!.id, procedure: "card_issuance" as const, ...person }
        const error = yield* Effect.flip(reservations.create("kawanishi", { ...input, name: "1234", contact: "12" }))
        if (error._tag !== "DecodeError") return assert.fail(`expected a DecodeError, got ${error._tag}`)
        assert.deepStrictEqual(error.problems.map((p) => p.path).sort(), ["contact", "name"])
        assert.match(error.problems.find((p) => p.path === "name")!.ja, /フリガナ/)
        // A name in kanji is taken as given (the page asks for kana; some know only the kanji).
        assert.strictEqual((yield* reservations.create("kawanishi", { ...input, name: "山田 太郎" })).name, "山田 太郎")
        assert.strictEqual(yield* errorTag(reservations.create("kawanishi", { ...input, seats: 5 })), "TooManySeats")
        assert.strictEqual(
          yield* errorTag(reservations.create("kawanishi", { ...input, procedure: "card_application" })),
          "ProcedureNotOffered"
        )
        assert.strictEqual(
          yield* errorTag(
            reservations.create("kawanishi", { ...input, slotId: "6d1f3c0e-0000-4000-8000-000000000000" })
          ),
          "SlotNotFound"
        )
        assert.strictEqual(
          yield* errorTag(reservations.create("kawanishi", { ...input, slotId: "nope" })),
          "DecodeError"
        )
        assert.strictEqual(yield* errorTag(reservations.get("kawanishi", "nope")), "ReservationNotFound")
        const closed = yield* slots.close("kawanishi", other!.id, "J-LIS maintenance")
        assert.strictEqual(closed.slot.status, "closed")
        assert.strictEqual(
          yield* errorTag(reservations.create("kawanishi", { ...input, slotId: other!.id })),
          "SlotClosed"
        )
        const db = yield* Database.Database
        yield* db.use((k) =>
          sql`update booking_slot set starts_at = now() - interval '1 hour', ends_at = now() where id = ${slot!.id}`.execute(
            k
          )
        )
        assert.strictEqual(yield* errorTag(reservations.create("kawanishi", input)), "SlotClosed")

        const [keyedSlot] = yield* slotsOn("keyed", dayFromToday(28))
        const keyedInput = { ...input, slotId: keyedSlot!.id }
        assert.strictEqual(yield* errorTag(reservations.create("keyed", keyedInput)), "IssuanceNoticeRequired")
        const withNotice = yield* reservations.create("keyed", { ...keyedInput, issuanceNoticeNumber: "ＡＢ１２３４" })
        assert.strictEqual(withNotice.issuanceNoticeNumber, "AB1234")
        assert.deepStrictEqual(
          (yield* reservations.findByNotice("keyed", "AB1234")).map((r) => r.id),
          [withNotice.id]
        )
      }).pipe(Effect.provide(layer))
  )
})
