/**
 * Never overbooked, under contention, on PGlite and on PostgreSQL (a real pool: 20 connections, so
 * requests genuinely run at once there). Each race runs 10 times on fresh slots; after each, the
 * slot counters are checked against the reservation rows.
 */
import { assert } from "@effect/vitest"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Exit } from "effect"
import { sql } from "kysely"
import { Reservations } from "../src/Reservation.ts"
import { Slots } from "../src/Slot.ts"
import { Waitlist } from "../src/Waitlist.ts"
import { dayFromToday, openDay, services, variant } from "./support.ts"

const city = variant("contention", "98001", {})
const REPEAT = Number(process.env.BOOKING_RACE_REPEAT ?? 10)
const HEADLINE = 1000
const RACE = 100
/** Generous: the races are sized for seconds on an idle machine, but CI machines are shared. */
const TIMEOUT = 300_000

const person = { name: "キョウソウ タロウ", contact: "072-740-1111" }

const tagOf = (exit: Exit.Exit<unknown, { readonly _tag: string }>) =>
  Exit.isSuccess(exit) ? "success" : String((exit.cause.reasons[0] as { error?: { _tag?: string } })?.error?._tag)

const tally = (exits: ReadonlyArray<Exit.Exit<unknown, { readonly _tag: string }>>) => {
  const out: Record<string, number> = {}
  for (const e of exits) out[tagOf(e)] = (out[tagOf(e)] ?? 0) + 1
  return out
}

/** Fresh 4-seat slots on a day of their own (09:00, 09:15, …). */
const freshSlots = (date: string, count: number) =>
  Effect.gen(function* () {
    const slots = yield* Slots
    const closes = `${String(9 + Math.floor((count * 15) / 60)).padStart(2, "0")}:${String((count * 15) % 60).padStart(2, "0")}`
    yield* slots.generate("contention", { from: date, to: date }, [openDay(date, "special", "09:00", closes)])
    const list = yield* slots.list("contention", { from: date, to: date, channel: "staff" })
    assert.strictEqual(list.length, count)
    return list
  })

/** The slot's counters agree with its reservation rows, and it is not over capacity. */
const consistent = (slotId: string) =>
  Effect.gen(function* () {
    const db = yield* Database.Database
    const row = yield* db.use((k) =>
      sql<{ booked: number; capacity: number; seats: number; web: number }>`
        select s.booked, s.capacity,
          coalesce((select sum(r.seats) from reservation r where r.city_code = s.city_code and r.slot_id = s.id
            and r.occupies_seat), 0)::int as seats,
          coalesce((select sum(r.seats) from reservation r where r.city_code = s.city_code and r.slot_id = s.id
            and r.occupies_seat and r.channel = 'web'), 0)::int as web
        from booking_slot s where s.id = ${slotId}`.execute(k)
    )
    const r = row.rows[0]!
    assert.strictEqual(r.seats, r.booked, "booked counter equals the seats of the rows")
    assert.isAtMost(r.booked, r.capacity, "never over capacity")
    return r
  })

describeStorage("Contention", (it) => {
  const layer = services([city])

  it.effect(
    `${HEADLINE} concurrent attempts on one 4-seat slot: exactly 4 reservations, the rest SLOT_FULL (×${REPEAT})`,
    () =>
      Effect.gen(function* () {
        const reservations = yield* Reservations
        for (let rep = 0; rep < REPEAT; rep++) {
          const [slot] = yield* freshSlots(dayFromToday(100 + rep), 1)
          const exits = yield* Effect.forEach(
            Array.from({ length: HEADLINE }, (_, i) => i),
            (i) =>
              Effect.exit(
                reservations.create(
                  "contention",
                  { slotId: slot!.id, procedure: "card_issuance", ...person },
                  // Half the clients send an Idempotency-Key, as browsers retrying would.
                  i % 2 === 0 ? { idempotencyKey: `headline-${rep}-${i}` } : {}
                )
              ),
            { concurrency: "unbounded" }
          )
          assert.deepStrictEqual(tally(exits), { success: 4, SlotFull: HEADLINE - 4 })
          const r = yield* consistent(slot!.id)
          assert.strictEqual(r.booked, 4)
        }
      }).pipe(Effect.provide(layer)),
    TIMEOUT
  )

  it.effect(
    `group bookings race: each family gets every seat or none, never over capacity (×${REPEAT})`,
    () =>
      Effect.gen(function* () {
        const reservations = yield* Reservations
        const db = yield* Database.Database
        for (let rep = 0; rep < REPEAT; rep++) {
          const [a, b] = yield* freshSlots(dayFromToday(120 + rep), 2)
          const requests = Array.from({ length: RACE }, (_, i) => {
            // Parts in both orders, so two families lock the same slots from opposite ends.
            const parts = [
              { slotId: a!.id, procedure: "card_issuance" as const, seats: 1 + (i % 2) },
              { slotId: b!.id, procedure: "cert_renewal" as const, seats: 1 + ((i >> 1) % 2) }
            ]
            return i % 3 === 0 ? [{ ...parts[i % 2]!, seats: 3 }] : i % 2 === 0 ? parts : parts.reverse()
          })
          const exits = yield* Effect.forEach(
            requests,
            (parts) =>
              Effect.exit<unknown, { readonly _tag: string }, never>(
                parts.length === 1
                  ? reservations.create("contention", { ...parts[0]!, ...person })
                  : reservations.createParty("contention", { parts, ...person })
              ),
            { concurrency: "unbounded" }
          )
          const counts = tally(exits)
          assert.deepStrictEqual(Object.keys(counts).sort(), ["SlotFull", "success"])
          const ra = yield* consistent(a!.id)
          const rb = yield* consistent(b!.id)
          // Every success is whole: the seats booked are exactly the successful requests' seats.
          const booked = new Map([
            [a!.id, 0],
            [b!.id, 0]
          ])
          exits.forEach((exit, i) => {
            if (Exit.isSuccess(exit))
              for (const p of requests[i]!) booked.set(p.slotId, booked.get(p.slotId)! + p.seats)
          })
          assert.strictEqual(ra.booked, booked.get(a!.id))
          assert.strictEqual(rb.booked, booked.get(b!.id))
          // Seats are only taken during the race, so a request refused as full still does not fit now.
          const left = new Map([
            [a!.id, ra.capacity - ra.booked],
            [b!.id, rb.capacity - rb.booked]
          ])
          exits.forEach((exit, i) => {
            if (Exit.isFailure(exit)) assert.isTrue(requests[i]!.some((p) => p.seats > left.get(p.slotId)!))
          })
          // No family is split: every party in these slots has all its parts.
          const split = yield* db.use((k) =>
            sql<{ n: number }>`select count(*)::int as n from (
            select party_id from reservation where party_id is not null and slot_id in (${a!.id}, ${b!.id})
            group by party_id having count(*) <> 2) x`.execute(k)
          )
          assert.strictEqual(split.rows[0]!.n, 0)
        }
      }).pipe(Effect.provide(layer)),
    TIMEOUT
  )

  it.effect(
    `reschedules and new bookings race for one 4-seat slot: exactly 4 get in, nobody is lost (×${REPEAT})`,
    () =>
      Effect.gen(function* () {
        const reservations = yield* Reservations
        const db = yield* Database.Database
        for (let rep = 0; rep < REPEAT; rep++) {
          const [source, target] = yield* freshSlots(dayFromToday(140 + rep), 2)
          // Fixture: a big source slot already holding RACE confirmed reservations.
          const mine = yield* db
            .use((k) =>
              sql<{ id: string }>`
                with filled as (
                  update booking_slot set capacity = ${RACE}, planned_capacity = ${RACE}, quota_web = ${RACE},
                    booked = ${RACE}, booked_web = ${RACE}
                  where id = ${source!.id} returning city_code, id)
                insert into reservation (city_code, slot_id, seats, channel, procedure, status, name_kana, contact,
                  created_by, confirmed_at)
                select city_code, id, 1, 'web', 'card_issuance', 'confirmed', ${person.name}, ${person.contact},
                  'test', now()
                from filled, generate_series(1, ${RACE})
                returning id`.execute(k)
            )
            .pipe(Effect.map((r) => r.rows))
          const exits = yield* Effect.forEach(
            Array.from({ length: RACE * 2 }, (_, i) => i),
            (i) =>
              Effect.exit(
                i % 2 === 0
                  ? reservations.reschedule("contention", mine[i / 2]!.id, { slotId: target!.id })
                  : reservations.create("contention", { slotId: target!.id, procedure: "card_issuance", ...person })
              ),
            { concurrency: "unbounded" }
          )
          assert.deepStrictEqual(tally(exits), { success: 4, SlotFull: RACE * 2 - 4 })
          const moved = exits.filter((e, i) => i % 2 === 0 && Exit.isSuccess(e)).length
          assert.strictEqual((yield* consistent(target!.id)).booked, 4)
          assert.strictEqual((yield* consistent(source!.id)).booked, RACE - moved)
          // The reservations that could not move are untouched.
          const statuses = yield* Effect.forEach(mine, (r) => reservations.get("contention", r.id))
          assert.strictEqual(statuses.filter((r) => r.status === "confirmed").length, RACE - moved)
          assert.strictEqual(statuses.filter((r) => r.status === "rescheduled").length, moved)
          // Into a full slot, nothing moves.
          const refused = yield* Effect.forEach(
            mine.slice(0, 20),
            (r) => Effect.exit(reservations.reschedule("contention", r.id, { slotId: target!.id })),
            { concurrency: "unbounded" }
          )
          assert.strictEqual(refused.filter(Exit.isSuccess).length, 0)
          assert.strictEqual((yield* consistent(target!.id)).booked, 4)
        }
      }).pipe(Effect.provide(layer)),
    TIMEOUT
  )

  it.effect(
    `a freed seat goes to the waitlist even while new bookings race for it (×${REPEAT})`,
    () =>
      Effect.gen(function* () {
        const reservations = yield* Reservations
        const waitlist = yield* Waitlist
        for (let rep = 0; rep < REPEAT; rep++) {
          const [slot] = yield* freshSlots(dayFromToday(160 + rep), 1)
          const input = { slotId: slot!.id, procedure: "card_issuance" as const, ...person }
          const booked = yield* Effect.forEach([1, 2, 3, 4], () => reservations.create("contention", input))
          const first = yield* waitlist.join("contention", input)
          const second = yield* waitlist.join("contention", input)
          assert.strictEqual(first.status, "waiting")
          assert.strictEqual(first.position, 1)
          assert.strictEqual(second.position, 2)
          const exits = yield* Effect.forEach(
            Array.from({ length: RACE + 2 }, (_, i) => i),
            (i) =>
              Effect.exit<unknown, { readonly _tag: string }, never>(
                i === RACE / 2
                  ? reservations.cancel("contention", booked[0]!.id)
                  : i === RACE
                    ? reservations.cancel("contention", booked[1]!.id)
                    : reservations.create("contention", input)
              ),
            { concurrency: "unbounded" }
          )
          assert.deepStrictEqual(tally(exits), { success: 2, SlotFull: RACE })
          const offered = yield* Effect.forEach([first, second], (e) => waitlist.get("contention", e.id))
          assert.deepStrictEqual(
            offered.map((e) => e.status),
            ["offered", "offered"]
          )
          const r = yield* consistent(slot!.id)
          assert.strictEqual(r.booked, 4)
          // Accepting the offer confirms the held seat.
          const accepted = yield* waitlist.accept("contention", first.id)
          assert.strictEqual(accepted.status, "confirmed")
          assert.strictEqual((yield* waitlist.get("contention", first.id)).status, "accepted")
        }
      }).pipe(Effect.provide(layer)),
    TIMEOUT
  )
})
