/**
 * The `LedgerAnchor` port of `@madoguchi/domain` over the custody ledger: a city's daily anchor (the
 * chain head at the close of a day) for the daily report, so the city holds a copy outside the
 * database (issue 6). A city whose profile keeps no ledger has no anchor. Once a day has closed, the
 * anchor stored for it is what is printed: if the chain no longer matches it, `verify` names the break.
 */
import { LedgerAnchor } from "@madoguchi/domain"
import { Effect, Layer, Option } from "effect"
import * as Chain from "./Chain.ts"
import { Custody } from "./Custody.ts"

/** @category layers */
export const layer: Layer.Layer<LedgerAnchor.LedgerAnchor, never, Custody> = Layer.effect(
  LedgerAnchor.LedgerAnchor,
  Effect.gen(function* () {
    const custody = yield* Custody
    const daily = Effect.fn("Custody.DailyAnchor.daily")(function* (cityCode: string, date: string) {
      const anchor = yield* custody.anchor(cityCode, date).pipe(
        Effect.map(Option.some),
        Effect.catchTags({
          CustodyNotConfigured: () => Effect.succeedNone,
          CityNotFound: () => Effect.succeedNone
        }),
        Effect.orDie
      )
      if (Option.isNone(anchor)) return Option.none()
      const a = anchor.value
      const { seq, hash } = a.storedMismatch ?? a
      return Option.some({
        cityCode: a.cityCode,
        date: a.date,
        seq,
        hash,
        final: a.final,
        text: Chain.formatAnchor(a.cityCode, { date: a.date, seq, hash, source: "stored" })
      } satisfies LedgerAnchor.DailyAnchor)
    })
    return LedgerAnchor.LedgerAnchor.of({ daily })
  })
)
