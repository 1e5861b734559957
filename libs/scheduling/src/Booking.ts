/**
 * Booking as one piece for the apps to wire: slots, reservations, the waitlist, the walk-in queue,
 * outreach sessions and the sweeper, over the `Database`, the city `Profiles` and the `ActivityLog`
 * port (implemented by `@madoguchi/reporting`).
 */
import type { Database } from "@madoguchi/db"
import type { ActivityLog, Profile } from "@madoguchi/domain"
import { type Config, Effect, Layer } from "effect"
import { resolve } from "./internal/city.ts"
import * as Outreach from "./Outreach.ts"
import * as Reservation from "./Reservation.ts"
import * as Slot from "./Slot.ts"
import * as Sweeper from "./Sweeper.ts"
import * as Waitlist from "./Waitlist.ts"
import * as WalkIn from "./WalkIn.ts"

/** @category models */
export type Services =
  Slot.Slots | Reservation.Reservations | Waitlist.Waitlist | WalkIn.Queue | Outreach.Outreach | Sweeper.Sweeper

type Requirements = Database.Database | Profile.Profiles | ActivityLog.ActivityLog

/** Every booking service, without the background sweeper (tests, one-shot commands). @category layers */
export const layerServices: Layer.Layer<Services, never, Requirements> = Layer.mergeAll(
  Slot.layer,
  Reservation.layer,
  Waitlist.layer,
  WalkIn.layer,
  Outreach.layer,
  Sweeper.layerService
)

/** Every booking service, and the sweeper running in the background (servers). @category layers */
export const layer: Layer.Layer<Services, Config.ConfigError, Requirements> = Layer.mergeAll(
  Slot.layer,
  Reservation.layer,
  Waitlist.layer,
  WalkIn.layer,
  Outreach.layer,
  Sweeper.layer
)

/**
 * A city's booking settings as resolved from its profile, defaults filled in (slot length, hold and
 * re-open minutes, no-show minutes, seats per booking, channel shares, whether the 交付通知書 number is
 * asked, procedure groups, walk-ins per session kind, personal-data retention): what a booking page or
 * an embedding system needs to know before it books. Nothing in it is personal.
 *
 * @category constructors
 */
export const settings = (city: string) =>
  Effect.map(resolve(city), (c) => ({ city: c.profile.slug, cityCode: c.cityCode, ...c.settings }))
