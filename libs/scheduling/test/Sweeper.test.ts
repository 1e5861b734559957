import { assert } from "@effect/vitest"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Profile } from "@madoguchi/domain"
import { ConfigProvider, Effect, Layer } from "effect"
import { sql } from "kysely"
import { Reservations } from "../src/Reservation.ts"
import { Slots } from "../src/Slot.ts"
import * as Sweeper from "../src/Sweeper.ts"
import { Waitlist } from "../src/Waitlist.ts"
import { addDays, localDate } from "../src/internal/time.ts"
import { dayFromToday, openDay, services, variant } from "./support.ts"

const city = variant("sweep", "95001")
const quiet = variant("quiet", "95002")
const person = { name: "スイープ ケン", contact: "080-2222-3333" }

/** One 4-seat slot on a day of its own. */
const slotOn = (slug: string, days: number) =>
  Effect.gen(function* () {
    const slots = yield* Slots
    const date = dayFromToday(days)
    yield* slots.generate(slug, { from: date, to: date }, [openDay(date, "special", "09:00", "09:15")])
    return (yield* slots.list(slug, { from: date, to: date }))[0]!
  })

/** Make a reservation's hold or reopen delay end now (a fixture standing in for the clock). */
const lapse = (id: string) =>
  Database.Database.use((db) =>
    db.use((k) =>
      sql`update reservation set hold_expires_at = now() - interval '1 second',
        release_at = now() - interval '1 second' where id = ${id}`.execute(k)
    )
  )

/** A booking on a day `daysAgo` in the past (fixture: bookings are only made for the future). */
const pastBooking = (
  cityCode: string,
  daysAgo: number,
  startedMinutesAgo: number,
  status: string,
  kind: "regular" | "outreach" = "regular",
  minutes = 15
) =>
  Database.Database.use((db) =>
    db
      .use((k) =>
        sql<{ id: string }>`
          with slot as (
            insert into booking_slot (city_code, site, group_id, kind, day, starts_at, ends_at, procedures,
              planned_capacity, capacity, quota_web, quota_phone, booked, booked_web)
            values (${cityCode}, 'special', 'card', ${kind}, ${addDays(localDate(new Date()), -daysAgo)}::date,
              now() - ${daysAgo}::int * interval '1 day' - ${startedMinutesAgo}::int * interval '1 minute',
              now() - ${daysAgo}::int * interval '1 day' - ${startedMinutesAgo - minutes}::int * interval '1 minute',
              '["card_issuance"]'::jsonb, 4, 4, 4, 4, 1, 1)
            returning city_code, id)
          insert into reservation (city_code, slot_id, seats, channel, procedure, status, name_kana, contact,
            issuance_notice_number, created_by, confirmed_at)
          select city_code, id, 1, 'web', 'card_issuance', ${status}, ${person.name}, ${person.contact}, 'N-1',
            'test', now()
          from slot returning id`.execute(k)
      )
      .pipe(Effect.map((r) => r.rows[0]!.id))
  )

describeStorage("Sweeper", (it) => {
  const layer = services([city, quiet])

  it.effect("a lapsed hold is released; the seat goes to the waitlist; an offer not taken passes to the next", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const waitlist = yield* Waitlist
      const sweeper = yield* Sweeper.Sweeper
      const slot = yield* slotOn("sweep", 30)
      const input = { slotId: slot.id, procedure: "card_issuance" as const, ...person }
      yield* reservations.create("sweep", { ...input, seats: 3 })
      const hold = yield* reservations.hold("sweep", input)
      const first = yield* waitlist.join("sweep", { ...input, contact: "first@example.jp" })
      const second = yield* waitlist.join("sweep", { ...input, contact: "second@example.jp" })
      assert.deepStrictEqual([first.status, second.status], ["waiting", "waiting"])
      // The staff's list of the day: both, in joining order, with who they are; another day has none.
      const day = yield* waitlist.listOn("sweep", { date: dayFromToday(30) })
      assert.deepStrictEqual(
        day.map((e) => [e.id, e.contact, e.position]),
        [
          [first.id, "first@example.jp", 1],
          [second.id, "second@example.jp", 2]
        ]
      )
      assert.deepStrictEqual(yield* waitlist.listOn("sweep", { date: dayFromToday(31) }), [])
      assert.deepStrictEqual(yield* waitlist.listOn("sweep", { date: dayFromToday(30), site: "elsewhere" }), [])

      yield* lapse(hold.id)
      const round = yield* sweeper.sweep
      assert.isAtLeast(round.released, 1)
      assert.isAtLeast(round.offers, 1)
      assert.strictEqual((yield* reservations.get("sweep", hold.id)).status, "expired")
      const offered = yield* waitlist.get("sweep", first.id)
      assert.strictEqual(offered.status, "offered")
      assert.strictEqual((yield* waitlist.get("sweep", second.id)).position, 1)

      // The first does not answer in time: their hold lapses and the second is offered the seat.
      yield* lapse(offered.offeredReservationId!)
      yield* sweeper.sweep
      assert.strictEqual((yield* waitlist.get("sweep", first.id)).status, "lapsed")
      const next = yield* waitlist.get("sweep", second.id)
      assert.strictEqual(next.status, "offered")
      assert.strictEqual((yield* (yield* Slots).get("sweep", slot.id)).booked, 4)

      // The outbox holds one notification per offer, for a sender to deliver.
      const pending = yield* waitlist.pending(city.cityCode)
      assert.deepStrictEqual(
        pending.map((n) => n.recipient),
        ["first@example.jp", "second@example.jp"]
      )
      assert.strictEqual((pending[1]!.payload as { reservationId: string }).reservationId, next.offeredReservationId)
      yield* waitlist.markSent(city.cityCode, pending[0]!.id)
      yield* waitlist.markFailed(city.cityCode, pending[1]!.id, "SMTP 451")
      const left = yield* waitlist.pending(city.cityCode)
      assert.deepStrictEqual(
        left.map((n) => [n.recipient, n.attempts]),
        [["second@example.jp", 1]]
      )
      // Accepting confirms; withdrawing a waiting entry just leaves the line.
      assert.strictEqual((yield* waitlist.accept("sweep", second.id)).status, "confirmed")
      const third = yield* waitlist.join("sweep", input)
      assert.strictEqual((yield* waitlist.withdraw("sweep", third.id)).status, "withdrawn")
      assert.strictEqual((yield* Effect.flip(waitlist.accept("sweep", third.id)))._tag, "NoOfferToAccept")
    }).pipe(Effect.provide(layer))
  )

  it.effect("no-shows are recorded once the profile's minutes have passed, not before", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const late = yield* pastBooking(city.cityCode, 0, 30, "confirmed")
      const soon = yield* pastBooking(city.cityCode, 0, 5, "confirmed")
      // An outreach session opened 30 minutes ago and open for 4 hours: nobody is late yet.
      const outreach = yield* pastBooking(city.cityCode, 0, 30, "confirmed", "outreach", 240)
      yield* (yield* Sweeper.Sweeper).sweep
      assert.strictEqual((yield* reservations.get("sweep", late)).status, "no_show")
      assert.strictEqual((yield* reservations.get("sweep", soon)).status, "confirmed")
      assert.strictEqual((yield* reservations.get("sweep", outreach)).status, "confirmed")
      assert.strictEqual((yield* Effect.flip(reservations.markNoShow("sweep", outreach)))._tag, "NoShowTooEarly")
    }).pipe(Effect.provide(layer))
  )

  it.effect("personal data is erased after the retention period; live bookings keep theirs", () =>
    Effect.gen(function* () {
      const reservations = yield* Reservations
      const old = yield* pastBooking(quiet.cityCode, 45, 0, "done")
      const recent = yield* pastBooking(quiet.cityCode, 3, 0, "done")
      const slot = yield* slotOn("quiet", 31)
      const live = yield* reservations.create("quiet", { slotId: slot.id, procedure: "card_issuance", ...person })
      // The sweep applies the profile's 30 days.
      const round = yield* (yield* Sweeper.Sweeper).sweep
      assert.isAtLeast(round.purged, 1)
      const erased = yield* reservations.get("quiet", old)
      assert.deepStrictEqual([erased.name, erased.contact, erased.issuanceNoticeNumber], [null, null, undefined])
      assert.strictEqual(erased.status, "done")
      assert.strictEqual((yield* reservations.get("quiet", recent)).name, person.name)
      // At the end of a contract, everything before a date.
      const result = yield* (yield* Sweeper.Sweeper).purge("quiet", dayFromToday(0))
      assert.strictEqual(result.reservations, 1)
      assert.strictEqual((yield* reservations.get("quiet", recent)).contact, null)
      assert.strictEqual((yield* reservations.get("quiet", live.id)).contact, person.contact)
    }).pipe(Effect.provide(layer))
  )

  it.effect(
    "running in the background, the sweeper releases a lapsed hold without any request",
    () =>
      Effect.gen(function* () {
        const { hold, entry } = yield* Effect.gen(function* () {
          const slot = yield* slotOn("sweep", 32)
          const input = { slotId: slot.id, procedure: "card_issuance" as const, ...person }
          const reservations = yield* Reservations
          yield* reservations.create("sweep", { ...input, seats: 3 })
          return {
            hold: yield* reservations.hold("sweep", input, { holdMs: 100 }),
            entry: yield* (yield* Waitlist).join("sweep", input)
          }
        }).pipe(Effect.provide(layer))
        // Only the background sweeper runs from here on.
        yield* Effect.gen(function* () {
          yield* Sweeper.Sweeper
          yield* Effect.sleep("800 millis")
        }).pipe(
          Effect.provide(
            Sweeper.layer.pipe(
              Layer.provide(
                Layer.mergeAll(
                  Profile.layerStatic([city]),
                  ConfigProvider.layer(ConfigProvider.fromUnknown({ BOOKING_SWEEP_INTERVAL: "100 millis" }))
                )
              )
            ),
            { local: true }
          )
        )
        const after = yield* Effect.gen(function* () {
          return {
            hold: yield* (yield* Reservations).get("sweep", hold.id),
            entry: yield* (yield* Waitlist).get("sweep", entry.id)
          }
        }).pipe(Effect.provide(layer))
        assert.strictEqual(after.hold.status, "expired")
        assert.strictEqual(after.entry.status, "offered")
      }),
    30_000
  )
})
