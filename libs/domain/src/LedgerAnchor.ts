/**
 * The ledger anchor port: the head of a city's custody ledger (hash chain) at the close of a day — its
 * last sequence number and hash — for printing on that day's daily report, so the city holds a copy
 * outside the contractor's database and a ledger rewritten afterwards no longer matches it (custody
 * issue 6). `@madoguchi/custody` implements it over the ledger; `@madoguchi/reporting` prints it when
 * the app provides it, and reports without it otherwise.
 */
import { Context, type Effect, type Option, Schema } from "effect"

/**
 * A daily anchor. `final` once the day has closed (the anchor is then stored with the ledger and never
 * changes); before that it is the head so far, printed as provisional.
 *
 * @category schemas
 */
export const DailyAnchor = Schema.Struct({
  cityCode: Schema.String,
  date: Schema.String,
  seq: Schema.Int,
  hash: Schema.String,
  final: Schema.Boolean,
  /** As printed (`012050 2026-04-01 #123 9f3a1b2c …`), for reading back with `custody verify --anchor`. */
  text: Schema.String
})
export type DailyAnchor = typeof DailyAnchor.Type

/** @category services */
export class LedgerAnchor extends Context.Service<
  LedgerAnchor,
  {
    /** The anchor of a city's ledger at the close of `date`, or none when the city keeps no ledger. */
    readonly daily: (cityCode: string, date: string) => Effect.Effect<Option.Option<DailyAnchor>>
  }
>()("@madoguchi/domain/LedgerAnchor") {}
