/** Migrations of @madoguchi/reporting, named `03NN_reporting_<what>` in its own number range. */
import type { Migration } from "kysely/migration"
import * as m0300 from "./0300_reporting_activity.ts"
import * as m0301 from "./0301_reporting_purge.ts"

export const reportingMigrations: Record<string, Migration> = {
  "0300_reporting_activity": m0300,
  "0301_reporting_purge": m0301
}
