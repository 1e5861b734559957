/**
 * The booking sweeper: the unattended half of booking. Holds lapse and cancelled seats reopen by
 * themselves — every read already counts a seat free once its release time has passed — but someone
 * has to act on it: release the seats for good, offer them to the waitlist (writing the outbox),
 * record no-shows once the profile's minutes have passed, and erase personal data after the city's
 * retention period. `sweep` does one round; `layer` runs it every few seconds for as long as the app
 * runs. Every step is idempotent and each slot is settled in its own transaction, so two app instances
 * sweeping at once only repeat each other's no-ops.
 */
import { Database, type DbError } from "@madoguchi/db"
import { Profile } from "@madoguchi/domain"
import { bookingSettings } from "@madoguchi/domain/profile/Booking"
import { Cause, Config, Context, Duration, Effect, Layer } from "effect"
import { sql } from "kysely"
import * as Seats from "./internal/seats.ts"
import { lateFrom } from "./Reservation.ts"
import { addDays, localDate } from "./internal/time.ts"

/** What one round did. @category models */
export interface SweepResult {
  /** Seats given back (lapsed holds, cancellations past their reopen delay). */
  readonly released: number
  /** Waitlist offers made (each with an outbox notification). */
  readonly offers: number
  readonly noShows: number
  /** Bookings, waitlist entries and tickets whose personal data was erased. */
  readonly purged: number
}

/** @category models */
export interface PurgeResult {
  readonly reservations: number
  readonly waitlist: number
  readonly tickets: number
  readonly notifications: number
  readonly idempotencyKeys: number
}

/** @category services */
export class Sweeper extends Context.Service<
  Sweeper,
  {
    readonly sweep: Effect.Effect<SweepResult, DbError.DbError>
    /**
     * Erase the personal data of a city's bookings whose day is before `before` (name, contact,
     * 交付通知書 number, pre-check), keeping the counts the reports need. Live bookings are kept.
     */
    readonly purge: (city: string, before: string) => Effect.Effect<PurgeResult, Profile.CityNotFound | DbError.DbError>
  }
>()("@madoguchi/scheduling/Sweeper") {}

const make = Effect.gen(function* () {
  const db = yield* Database.Database
  const profiles = yield* Profile.Profiles

  const settingsOf = Effect.fn("Sweeper.settingsOf")(function* () {
    const all = yield* profiles.all
    return new Map(
      all.filter((p) => p.booking !== undefined).map((p) => [p.cityCode as string, bookingSettings(p.booking!)])
    )
  })

  const purge = Effect.fn("Sweeper.purge")(function* (city: string, before: string) {
    const profile = yield* profiles.get(city)
    const cityCode = profile.cityCode
    return yield* db.withTransaction(
      Effect.gen(function* () {
        const reservations = yield* db.use((k, signal) =>
          k
            .updateTable("reservation as r")
            .set({
              name_kana: null,
              contact: null,
              issuance_notice_number: null,
              precheck: null,
              purged_at: sql`now()`
            })
            .from("booking_slot as s")
            .whereRef("s.city_code", "=", "r.city_code")
            .whereRef("s.id", "=", "r.slot_id")
            .where("r.city_code", "=", cityCode)
            .where("s.day", "<", before)
            .where("r.purged_at", "is", null)
            .where("r.status", "not in", ["held", "confirmed", "checked_in"])
            .executeTakeFirst({ signal })
        )
        const waitlist = yield* db.use((k, signal) =>
          k
            .updateTable("waitlist_entry as w")
            .set({ name_kana: null, contact: null, issuance_notice_number: null, purged_at: sql`now()` })
            .from("booking_slot as s")
            .whereRef("s.city_code", "=", "w.city_code")
            .whereRef("s.id", "=", "w.slot_id")
            .where("w.city_code", "=", cityCode)
            .where("s.day", "<", before)
            .where("w.purged_at", "is", null)
            .where("w.status", "not in", ["waiting", "offered"])
            .executeTakeFirst({ signal })
        )
        const tickets = yield* db.use((k, signal) =>
          k
            .updateTable("queue_ticket")
            .set({ issuance_notice_number: null, purged_at: sql`now()` })
            .where("city_code", "=", cityCode)
            .where("day", "<", before)
            .where("purged_at", "is", null)
            .executeTakeFirst({ signal })
        )
        const notifications = yield* db.use((k, signal) =>
          k
            .updateTable("booking_outbox")
            .set({ recipient: null, payload: "{}" })
            .where("city_code", "=", cityCode)
            .where("created_at", "<", sql<Date>`${before}::date`)
            .where("recipient", "is not", null)
            .executeTakeFirst({ signal })
        )
        const keys = yield* db.use((k, signal) =>
          k
            .deleteFrom("booking_request")
            .where("city_code", "=", cityCode)
            .where("created_at", "<", sql<Date>`${before}::date`)
            .executeTakeFirst({ signal })
        )
        return {
          reservations: Number(reservations.numUpdatedRows),
          waitlist: Number(waitlist.numUpdatedRows),
          tickets: Number(tickets.numUpdatedRows),
          notifications: Number(notifications.numUpdatedRows),
          idempotencyKeys: Number(keys.numDeletedRows)
        } satisfies PurgeResult
      }),
      { retries: 3 }
    )
  })

  const sweep = Effect.gen(function* () {
    const settings = yield* settingsOf()
    let released = 0
    let offers = 0

    // Per city (every query names its city): slots with seats due back, and slots with free seats
    // and people waiting (e.g. capacity raised by a new plan).
    for (const [cityCode, s] of settings) {
      const due = yield* db.use((k, signal) =>
        k
          .selectFrom("reservation")
          .select("slot_id")
          .distinct()
          .where("city_code", "=", cityCode)
          .where("occupies_seat", "=", true)
          .where("release_at", "<=", sql<Date>`now()`)
          .limit(1000)
          .execute({ signal })
      )
      const waiting = yield* db.use((k, signal) =>
        k
          .selectFrom("waitlist_entry as w")
          .innerJoin("booking_slot as s", (j) =>
            j.onRef("s.city_code", "=", "w.city_code").onRef("s.id", "=", "w.slot_id")
          )
          .select("w.slot_id")
          .distinct()
          .where("w.city_code", "=", cityCode)
          .where("w.status", "=", "waiting")
          .where("s.status", "=", "open")
          .where("s.starts_at", ">", sql<Date>`now()`)
          .whereRef("s.booked", "<", "s.capacity")
          .limit(1000)
          .execute({ signal })
      )
      for (const slotId of new Set([...due, ...waiting].map((r) => r.slot_id))) {
        const settled = yield* Seats.settle(cityCode, slotId, s.holdMinutes * 60_000)
        released += settled.freed
        offers += settled.offers.length
      }
    }

    let noShows = 0
    let purged = 0
    for (const [cityCode, s] of settings) {
      const marked = yield* db.use((k, signal) =>
        k
          .updateTable("reservation as r")
          .set({ status: "no_show", no_show_at: sql`now()` })
          .from("booking_slot as s")
          .whereRef("s.city_code", "=", "r.city_code")
          .whereRef("s.id", "=", "r.slot_id")
          .where("r.city_code", "=", cityCode)
          .where("r.status", "=", "confirmed")
          .where(sql<boolean>`${lateFrom} + ${s.noShowAfterMinutes}::int * interval '1 minute' < now()`)
          .executeTakeFirst({ signal })
      )
      noShows += Number(marked.numUpdatedRows)
      const cutoff = addDays(localDate(new Date()), -s.retainPersonalDataDays)
      const result = yield* purge(cityCode, cutoff).pipe(
        Effect.catchTag("CityNotFound", () => Effect.succeed(undefined))
      )
      if (result !== undefined) purged += result.reservations + result.waitlist + result.tickets
    }
    return { released, offers, noShows, purged } satisfies SweepResult
  }).pipe(Effect.provideService(Database.Database, db), Effect.withSpan("Sweeper.sweep"))

  return Sweeper.of({ sweep, purge })
})

/** The service alone (sweep on demand: the CLI, tests). @category layers */
export const layerService: Layer.Layer<Sweeper, never, Database.Database | Profile.Profiles> = Layer.effect(
  Sweeper,
  make
)

/**
 * The service, and a background fiber sweeping every `BOOKING_SWEEP_INTERVAL` (default 15 seconds)
 * while the layer lives. A failed round is logged and the next one runs as planned.
 *
 * @category layers
 */
export const layer: Layer.Layer<Sweeper, Config.ConfigError, Database.Database | Profile.Profiles> = Layer.effect(
  Sweeper,
  Effect.gen(function* () {
    const sweeper = yield* make
    const every = yield* Config.withDefault(Config.Duration("BOOKING_SWEEP_INTERVAL"), Duration.seconds(15))
    // First round after one interval: a one-shot command that builds this layer is long gone by then.
    yield* sweeper.sweep.pipe(
      Effect.catchCause((cause) => Effect.logWarning("booking sweep failed", Cause.pretty(cause))),
      Effect.delay(every),
      Effect.forever,
      Effect.forkScoped
    )
    return sweeper
  })
)
