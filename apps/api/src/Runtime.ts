/**
 * The one composition of the application's layers: the database (PGlite or PostgreSQL), migrations at
 * start-up, the city profiles, and every feature lib's services. `apps/api`, `apps/web` and
 * `apps/cli serve` all run on a runtime made here.
 */
import { fileURLToPath } from "node:url"
import { DailyAnchor, Purge as CustodyPurge } from "@madoguchi/custody"
import { Database, Migrations, ProfileStore } from "@madoguchi/db"
import { PersonalData } from "@madoguchi/domain"
import { Purge as ReportingPurge, Reports } from "@madoguchi/reporting"
import { Booking, Purge as BookingPurge } from "@madoguchi/scheduling"
import { Layer, ManagedRuntime } from "effect"
import { custodyLayer } from "./routes/Custody.ts"

/** `profiles/` at the repository root, unless `MADOGUCHI_PROFILES` says otherwise. */
export const defaultProfilesDir = (): string =>
  process.env.MADOGUCHI_PROFILES ?? fileURLToPath(new URL("../../../profiles", import.meta.url))

/** @category models */
export interface AppOptions {
  readonly profilesDir?: string
  /** Defaults to `Database.layer` (PostgreSQL when DATABASE_URL is set, else PGlite on disk). */
  readonly database?: Layer.Layer<Database.Database, unknown>
}

const migrate = Layer.effectDiscard(Migrations.migrateToLatest())

/**
 * Every service the routes use. Feature libs add their layers to `features`.
 *
 * @category layers
 */
export const makeAppLayer = (options: AppOptions = {}) => {
  const database = options.database ?? Database.layer
  const profiles = ProfileStore.layer(options.profilesDir ?? defaultProfilesDir()).pipe(Layer.provide(migrate))
  const infra = profiles.pipe(Layer.provideMerge(database))
  const booking = Booking.layer.pipe(Layer.provide(Reports.layer))
  const features = Layer.mergeAll(
    Layer.empty,
    Reports.layer,
    booking,
    custodyLayer,
    // The custody ledger's daily anchor, printed on daily reports.
    DailyAnchor.layer.pipe(Layer.provide(custodyLayer)),
    // Every lib's part of the personal-data purge at the end of a contract (`madoguchi purge`).
    PersonalData.layer([BookingPurge.purger, ReportingPurge.purger, CustodyPurge.purger]).pipe(Layer.provide(booking))
  )
  return features.pipe(Layer.provideMerge(infra))
}

export type AppLayer = ReturnType<typeof makeAppLayer>
export type AppServices = Layer.Success<AppLayer>
export type AppRuntime = ManagedRuntime.ManagedRuntime<AppServices, unknown>

/** @category constructors */
export const makeRuntime = (options: AppOptions = {}): AppRuntime =>
  ManagedRuntime.make(makeAppLayer(options)) as AppRuntime
