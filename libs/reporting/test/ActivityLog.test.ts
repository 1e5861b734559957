/**
 * The ActivityLog port's contract, run against the in-memory layer of `@madoguchi/domain` and the
 * stored implementation: idempotent on (city, source, sourceId), a different activity under a used
 * key refused, voids by key, bad input refused with its paths.
 */
import { assert, describe, it } from "@effect/vitest"
import { ActivityLog } from "@madoguchi/domain"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Layer } from "effect"
import { ActivityStore } from "../src/ActivityStore.ts"

const KAWANISHI = "282171" as ActivityLog.Activity["cityCode"]

const call = (sourceId: string, answer = "予約方法を案内した"): ActivityLog.Activity => ({
  kind: "phone_call",
  cityCode: KAWANISHI,
  site: "backoffice",
  date: "2026-12-01",
  key: { source: "manual", sourceId },
  category: "reservation",
  content: "休日交付の予約について",
  answer,
  transferred: false
})

const contract = Effect.gen(function* () {
  const log = yield* ActivityLog.ActivityLog
  const first = yield* log.record(call("c-1"))
  assert.strictEqual(first.status, "recorded")
  // The same activity with its keys in another order is the same activity.
  const reordered = Object.fromEntries(Object.entries(call("c-1")).reverse()) as unknown as ActivityLog.Activity
  assert.deepStrictEqual(yield* log.record(reordered), { id: first.id, status: "duplicate" })
  const conflict = yield* Effect.flip(log.record(call("c-1", "別の回答")))
  assert.strictEqual(conflict._tag, "ActivitySourceConflict")
  // Another city may use the same source id.
  const ota = yield* log.record({
    ...call("c-1"),
    cityCode: "102059" as ActivityLog.Activity["cityCode"],
    site: "honcho"
  })
  assert.strictEqual(ota.status, "recorded")
  assert.strictEqual(
    (yield* log.void({ cityCode: KAWANISHI, key: call("c-1").key, reason: "誤登録" })).status,
    "voided"
  )
  assert.strictEqual(
    (yield* log.void({ cityCode: KAWANISHI, key: call("c-1").key, reason: "誤登録" })).status,
    "already_voided"
  )
  const notFound = yield* Effect.flip(
    log.void({ cityCode: KAWANISHI, key: { source: "ticket", sourceId: "t-404" }, reason: "x" })
  )
  assert.strictEqual(notFound._tag, "ActivityNotFound")
  const bad = yield* Effect.flip(
    log.record({ ...call("c-2"), key: { source: "scanner", sourceId: "bad id!" } } as unknown as ActivityLog.Activity)
  )
  assert.strictEqual(bad._tag, "DecodeError")
  if (bad._tag === "DecodeError") {
    assert.deepStrictEqual(bad.problems.map((p) => p.path).sort(), ["key.source", "key.sourceId"])
  }
  const visit = yield* Effect.flip(
    log.record({
      kind: "counter_visit",
      cityCode: KAWANISHI,
      site: "special",
      date: "2026-12-01",
      key: { source: "ticket", sourceId: "t-1" },
      procedure: "card_issuance",
      channel: "walk_in",
      outcome: "done",
      reason: "missing_document"
    })
  )
  assert.strictEqual(visit._tag, "DecodeError")
})

describe("ActivityLog (in memory)", () => {
  it.effect("keeps the contract", () => contract.pipe(Effect.provide(ActivityLog.layerMemory)))
})

const stored = ActivityStore.layerActivityLog.pipe(Layer.provide(ActivityStore.layer))

describeStorage("ActivityLog (stored)", (it) => {
  it.effect("keeps the contract", () => contract.pipe(Effect.provide(stored)))

  it.effect("the same activity sent 20 times at once is recorded once", () =>
    Effect.gen(function* () {
      const log = yield* ActivityLog.ActivityLog
      const results = yield* Effect.forEach(
        Array.from({ length: 20 }, () => call("race-1")),
        (a) => log.record(a),
        { concurrency: "unbounded" }
      )
      assert.strictEqual(results.filter((r) => r.status === "recorded").length, 1)
      assert.strictEqual(results.filter((r) => r.status === "duplicate").length, 19)
      assert.strictEqual(new Set(results.map((r) => r.id)).size, 1)
    }).pipe(Effect.provide(stored))
  )
})
