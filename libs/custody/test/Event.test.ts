import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Event from "../src/Event.ts"

const problems = (input: unknown) =>
  Effect.flip(Event.decodeEvent(input)).pipe(Effect.map((e) => e.problems.map((p) => [p.path, p.ja, p.en] as const)))

describe("Event decoding", () => {
  it.effect("an unknown kind is named with the kinds that exist", () =>
    Effect.gen(function* () {
      const [[path, ja, en]] = (yield* problems({ kind: "lost" })) as unknown as [[string, string, string]]
      assert.strictEqual(path, "kind")
      assert.include(en, "received")
      assert.include(ja, "disposal_done")
    })
  )

  it.effect("a 12-digit reference or a My Number in a note is refused, and unknown fields are errors", () =>
    Effect.gen(function* () {
      const found = yield* problems({
        kind: "noted",
        by: { name: "佐藤", organization: "contractor" },
        items: [{ kind: "card", reference: "123456789018" }],
        note: "番号 1234 5678 9018 を確認",
        extra: true
      })
      const paths = found.map(([p]) => p).sort()
      assert.deepStrictEqual(paths, ["extra", "items[0].reference", "note"])
      assert.match(found.find(([p]) => p === "items[0].reference")![1], /個人番号と区別できない/)
      assert.match(found.find(([p]) => p === "note")![2], /My Number/)
    })
  )

  it.effect("an item is named by id or by kind and reference, not both", () =>
    Effect.gen(function* () {
      const found = yield* problems({
        kind: "issued",
        by: { name: "佐藤", organization: "contractor" },
        items: [
          { id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", kind: "card", reference: "C-1" },
          { reference: "C-2" },
          {}
        ]
      })
      assert.deepStrictEqual(
        found.map(([p]) => p),
        ["items[0]", "items[1]", "items[2]"]
      )
    })
  )

  it.effect("a valid event decodes; a resident is never named", () =>
    Effect.gen(function* () {
      const ok = yield* Event.decodeEvent({
        kind: "received",
        occurredAt: "2025-10-26T10:15:00+09:00",
        from: { organization: "resident" },
        to: { name: "佐藤 一郎", organization: "contractor" },
        place: "venue",
        newItems: [{ kind: "pin_setting_request", quantity: 1 }]
      })
      assert.strictEqual(ok.kind, "received")
      const named = yield* problems({
        kind: "received",
        from: { organization: "resident", name: "住民 太郎" },
        to: { name: "佐藤 一郎", organization: "contractor" },
        place: "venue",
        newItems: [{ kind: "pin_setting_request" }]
      })
      assert.isAbove(named.length, 0)
      assert.deepStrictEqual(
        (yield* problems({
          kind: "issued",
          occurredAt: "2026-04-01 09:00",
          by: { name: "佐藤", organization: "contractor" },
          items: [{ kind: "card", reference: "C-1" }]
        })).map(([p]) => p),
        ["occurredAt"]
      )
    })
  )

  it("instants are stored in UTC with milliseconds and dated in Tokyo", () => {
    assert.strictEqual(Event.normalizeInstant("2026-04-01T08:59:00+09:00"), "2026-03-31T23:59:00.000Z")
    assert.strictEqual(Event.localDateOf("2026-03-31T23:59:00.000Z"), "2026-04-01")
    assert.strictEqual(Event.localDateOf("2026-03-31T14:59:59.999Z"), "2026-03-31")
    assert.strictEqual(Event.startOfDay("2026-04-01"), "2026-03-31T15:00:00.000Z")
  })
})
