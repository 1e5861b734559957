/**
 * The reservations a closure touches, listed for staff to contact (a closure never cancels anything
 * by itself).
 */
import { Database } from "@madoguchi/db"
import { Effect } from "effect"
import { formatInstant } from "./time.ts"

/** @category models */
export interface AffectedReservation {
  readonly id: string
  readonly slotId: string
  readonly start: string
  readonly status: string
  readonly procedure: string
  readonly seats: number
  readonly name: string | null
  readonly contact: string | null
}

/** Live reservations (held, confirmed, checked in) in the given slots. */
export const affectedIn = Effect.fn("Booking.affectedIn")(function* (cityCode: string, slotIds: ReadonlyArray<string>) {
  if (slotIds.length === 0) return [] as ReadonlyArray<AffectedReservation>
  const db = yield* Database.Database
  const rows = yield* db.use((k, signal) =>
    k
      .selectFrom("reservation as r")
      .innerJoin("booking_slot as s", (j) => j.onRef("s.city_code", "=", "r.city_code").onRef("s.id", "=", "r.slot_id"))
      .select(["r.id", "r.slot_id", "s.starts_at", "r.status", "r.procedure", "r.seats", "r.name_kana", "r.contact"])
      .where("r.city_code", "=", cityCode)
      .where("r.slot_id", "in", slotIds)
      .where("r.status", "in", ["held", "confirmed", "checked_in"])
      .orderBy("s.starts_at")
      .orderBy("r.created_at")
      .execute({ signal })
  )
  return rows.map((r): AffectedReservation => ({
    id: r.id,
    slotId: r.slot_id,
    start: formatInstant(r.starts_at),
    status: r.status,
    procedure: r.procedure,
    seats: r.seats,
    name: r.name_kana,
    contact: r.contact
  }))
})
