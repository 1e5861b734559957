import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Temporal } from "temporal-polyfill"
import { LocalDate } from "../src/Values.ts"

const viaTemporal = (s: string): boolean => {
  try {
    return Temporal.PlainDate.from(s, { overflow: "reject" }).toString() === s
  } catch {
    return false
  }
}
const accepts = (s: string) => Result.isSuccess(Schema.decodeUnknownResult(LocalDate)(s))

describe("Values.LocalDate", () => {
  it("agrees with Temporal on date-shaped strings, valid or not", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
          assert.strictEqual(accepts(s), viaTemporal(s), s)
        }
      ),
      { numRuns: 3000 }
    ))
  it("agrees with Temporal on arbitrary strings", () =>
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => assert.strictEqual(accepts(s), viaTemporal(s), s)),
      { numRuns: 1000 }
    ))
  it("leap days", () => {
    assert.isTrue(accepts("2024-02-29"))
    assert.isFalse(accepts("2025-02-29"))
    assert.isTrue(accepts("2000-02-29"))
    assert.isFalse(accepts("1900-02-29"))
    assert.isFalse(accepts("2025-04-31"))
    assert.isFalse(accepts("2025-4-01"))
    assert.isFalse(accepts("+002025-04-01"))
  })
})
