/**
 * Every migration. Names are `NNNN_<lib>_<what>`; each lib keeps its own list and number range
 * (0001–0099 foundation, 0100– scheduling, 0200– custody, 0300– reporting) so parallel work never
 * collides; unordered application is allowed for databases that already ran a later range.
 */
import type { Migration } from "kysely/migration"
import * as m0001 from "./0001_foundation.ts"
import * as m0002 from "./0002_foundation_purge.ts"
import { custodyMigrations } from "./custody/index.ts"
import { reportingMigrations } from "./reporting/index.ts"
import { schedulingMigrations } from "./scheduling/index.ts"

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_foundation_purge": m0002,
  ...schedulingMigrations,
  ...custodyMigrations,
  ...reportingMigrations
}
