/** Migrations of @madoguchi/scheduling, named `01NN_scheduling_<what>` in its own number range. */
import type { Migration } from "kysely/migration"
import * as m0100 from "./0100_scheduling_booking.ts"
import * as m0101 from "./0101_scheduling_take_seats.ts"
import * as m0102 from "./0102_scheduling_generated_days.ts"
import * as m0103 from "./0103_scheduling_take_seats_recheck_key.ts"
import * as m0104 from "./0104_scheduling_take_seats_lean.ts"
import * as m0105 from "./0105_scheduling_reservation_code.ts"

export const schedulingMigrations: Record<string, Migration> = {
  "0100_scheduling_booking": m0100,
  "0101_scheduling_take_seats": m0101,
  "0102_scheduling_generated_days": m0102,
  "0103_scheduling_take_seats_recheck_key": m0103,
  "0104_scheduling_take_seats_lean": m0104,
  "0105_scheduling_reservation_code": m0105
}
