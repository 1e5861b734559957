import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import * as MyNumber from "../src/MyNumber.ts"

// Numbers are built from 11 digits and the 施行令第8条 check digit, so no real 個人番号 sits here.
const withCheck = (first11: string) => `${first11}${MyNumber.checkDigit(first11)}`
const wrongCheck = (first11: string) => `${first11}${(MyNumber.checkDigit(first11) + 1) % 10}`
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const EXAMPLE = withCheck("12345678901") // the textbook example, check digit 8

describe("MyNumber.checkDigit (施行令第8条)", () => {
  it("the textbook example has check digit 8", () => {
    assert.strictEqual(MyNumber.checkDigit("12345678901"), 8)
    assert.isTrue(MyNumber.isValid(EXAMPLE))
  })
  it("remainders 0 and 1 give check digit 0", () => {
    // Σ = 0 → r = 0
    assert.strictEqual(MyNumber.checkDigit("00000000000"), 0)
    // Σ = 6 × 2 = 12 → r = 1
    assert.strictEqual(MyNumber.checkDigit("00000000006"), 0)
    // Σ = 1 × 2 = 2 → r = 2 → 9
    assert.strictEqual(MyNumber.checkDigit("00000000001"), 9)
  })
  it("every other check digit is rejected", () => {
    for (let d = 0; d <= 9; d++) {
      const s = `12345678901${d}`
      assert.strictEqual(MyNumber.isValid(s), d === 8)
    }
  })
})

describe("MyNumber.findMyNumbers", () => {
  it("finds half-width digits", () => assert.strictEqual(MyNumber.findMyNumbers(`番号は${EXAMPLE}です`).length, 1))
  it("finds full-width digits", () =>
    assert.strictEqual(MyNumber.findMyNumbers(`番号は${fullWidth(EXAMPLE)}です`).length, 1))
  it("finds numbers split by spaces (half and full width)", () => {
    assert.strictEqual(
      MyNumber.findMyNumbers(`${EXAMPLE.slice(0, 4)} ${EXAMPLE.slice(4, 8)} ${EXAMPLE.slice(8)}`).length,
      1
    )
    assert.strictEqual(
      MyNumber.findMyNumbers(`${EXAMPLE.slice(0, 4)}\u3000${EXAMPLE.slice(4, 8)}\u3000${EXAMPLE.slice(8)}`).length,
      1
    )
  })
  it("finds numbers split by hyphens and dashes", () => {
    for (const sep of ["-", "‐", "－", "ー", "−"]) {
      const text = `${EXAMPLE.slice(0, 4)}${sep}${EXAMPLE.slice(4, 8)}${sep}${EXAMPLE.slice(8)}`
      assert.strictEqual(MyNumber.findMyNumbers(text).length, 1, sep)
    }
  })
  it("mixed full- and half-width with separators", () => {
    const text = `${fullWidth(EXAMPLE.slice(0, 6))}-${EXAMPLE.slice(6)}`
    assert.strictEqual(MyNumber.findMyNumbers(text).length, 1)
  })
  it("ignores a wrong check digit", () => assert.deepStrictEqual(MyNumber.findMyNumbers(wrongCheck("12345678901")), []))
  it("ignores 12 digits inside a longer number", () => {
    assert.deepStrictEqual(MyNumber.findMyNumbers(`9${EXAMPLE}`), [])
    assert.deepStrictEqual(MyNumber.findMyNumbers(`${EXAMPLE}0`), [])
  })
  it("ignores phone numbers and 11-digit strings", () => {
    assert.deepStrictEqual(MyNumber.findMyNumbers("電話 03-1234-5678、携帯 090-1234-5678"), [])
    assert.deepStrictEqual(MyNumber.findMyNumbers("12345678901"), [])
  })
  it("reports positions only, never the digits", () => {
    const [f] = MyNumber.findMyNumbers(`abc ${EXAMPLE}`)
    assert.deepStrictEqual(f, { index: 4, length: 12 })
  })
  it("masks every occurrence", () => {
    const masked = MyNumber.mask(`A ${EXAMPLE} B ${fullWidth(EXAMPLE)}`)
    assert.strictEqual(masked, `A ${"＊".repeat(12)} B ${"＊".repeat(12)}`)
  })
  it("every valid number is found, whatever the separators; every wrong check digit is not", () =>
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{11}$/),
        fc.array(fc.constantFrom("", " ", "-", "－"), { minLength: 11, maxLength: 11 }),
        fc.boolean(),
        (first11, seps, wide) => {
          const join = (digits: string) =>
            digits
              .split("")
              .map((d, i) => (i < 11 ? d + seps[i] : d))
              .join("")
          const good = join(withCheck(first11))
          const bad = join(wrongCheck(first11))
          assert.strictEqual(MyNumber.findMyNumbers(wide ? fullWidth(good) : good).length, 1)
          assert.strictEqual(MyNumber.findMyNumbers(wide ? fullWidth(bad) : bad).length, 0)
        }
      ),
      { numRuns: 500 }
    ))
})

describe("MyNumber.FreeText and assertNone", () => {
  const decode = Schema.decodeUnknownResult(MyNumber.FreeText)
  it("accepts ordinary notes", () => assert.isTrue(Result.isSuccess(decode("本人確認済み。電話 03-1234-5678"))))
  it("refuses a note containing a number, telling the clerk not to record it", () => {
    const r = Schema.decodeUnknownExit(MyNumber.FreeText)(`メモ ${EXAMPLE}`)
    assert.isTrue(r._tag === "Failure")
    assert.include(String(r), "記録しないでください")
  })
  it("assertNone searches nested values and counts occurrences", () => {
    const e = MyNumber.assertNone("body", { note: `x ${EXAMPLE}`, list: ["ok", fullWidth(EXAMPLE)] })
    assert.strictEqual(e?.occurrences, 2)
    assert.include(e!.ja, "body")
    assert.isUndefined(MyNumber.assertNone("body", { note: "fine", n: 123456789018 }))
  })
})
