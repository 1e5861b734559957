import { assert } from "@effect/vitest"
import { LedgerAnchor, Profile } from "@madoguchi/domain"
import { describeStorage } from "@madoguchi/db/testing"
import { Clock, Effect, Layer, Option } from "effect"
import { Temporal } from "temporal-polyfill"
import * as Chain from "../src/Chain.ts"
import { Custody } from "../src/Custody.ts"
import * as DailyAnchor from "../src/DailyAnchor.ts"
import { cityStaff, clerk, operator, profiles } from "./fixtures.ts"

// A city that keeps no custody ledger (its profile has no custody section).
const noLedger = {
  ...profiles.kanazawa,
  slug: "no-ledger",
  cityCode: "999997",
  custody: undefined
} as unknown as Profile.CityProfile

const layer = DailyAnchor.layer.pipe(
  Layer.provideMerge(Layer.fresh(Custody.layer)),
  Layer.provide(Profile.layerStatic([profiles.ota, noLedger]))
)

describeStorage("Custody DailyAnchor (the LedgerAnchor port)", (it) => {
  it.effect("gives the chain head at a day's close, provisional until the day ends; none without a ledger", () =>
    Effect.gen(function* () {
      const port = yield* LedgerAnchor.LedgerAnchor
      const custody = yield* Custody
      const ota = profiles.ota.cityCode
      const now = yield* Clock.currentTimeMillis
      const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO("Asia/Tokyo").toPlainDate()
      const yesterday = today.subtract({ days: 1 }).toString()

      const closed = Option.getOrThrow(yield* port.daily(ota, yesterday))
      assert.deepInclude(closed, { cityCode: ota, date: yesterday, seq: 0, hash: Chain.genesis(ota), final: true })

      yield* custody.record(
        "ota",
        {
          kind: "received",
          from: cityStaff,
          to: clerk,
          place: "backoffice",
          newItems: [{ kind: "card", reference: "ANCHOR-1" }]
        },
        operator
      )
      const head = yield* custody.verify("ota")
      const open = Option.getOrThrow(yield* port.daily(ota, today.toString()))
      assert.deepInclude(open, { seq: head.headSeq, hash: head.headHash, final: false })
      assert.strictEqual(
        open.text,
        Chain.formatAnchor(ota, {
          date: today.toString(),
          seq: head.headSeq,
          hash: head.headHash,
          source: "stored"
        })
      )
      // The closed day keeps its anchor; the city's copy of it verifies.
      assert.strictEqual(Option.getOrThrow(yield* port.daily(ota, yesterday)).seq, 0)
      const parsed = Chain.parseAnchor(`${yesterday}:${closed.seq}:${closed.hash}`)!
      assert.isTrue((yield* custody.verify("ota", { anchors: [parsed] })).ok)

      assert.isTrue(Option.isNone(yield* port.daily(noLedger.cityCode, yesterday)))
      assert.isTrue(Option.isNone(yield* port.daily("000000", yesterday)))
    }).pipe(Effect.provide(layer))
  )
})
