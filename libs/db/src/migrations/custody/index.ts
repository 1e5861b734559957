/** Migrations of @madoguchi/custody, named `02NN_custody_<what>` in its own number range. */
import type { Migration } from "kysely/migration"
import * as m0200 from "./0200_custody_ledger.ts"
import * as m0201 from "./0201_custody_personal.ts"

export const custodyMigrations: Record<string, Migration> = {
  "0200_custody_ledger": m0200,
  "0201_custody_personal": m0201
}
