import { Decode, MyNumber, Profile } from "@madoguchi/domain"
import { DbError } from "@madoguchi/db"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Schema } from "effect"
import { fromCause, fromError, registerStatuses } from "../src/Errors.ts"

class SlotFull extends Schema.TaggedError<SlotFull>()("SlotFull", { slotId: Schema.String }) {
  get ja() {
    return "この枠は満員です"
  }
  get en() {
    return "this slot is full"
  }
}

describe("Errors", () => {
  it("maps a decoding failure to 400 INVALID_INPUT with the first path and every problem", () => {
    const p = fromError(
      new Decode.DecodeError({
        problems: [
          { path: "applicant.birthDate", ja: "日付", en: "a date" },
          { path: "documents[1].type", ja: "種類", en: "a type" }
        ]
      })
    )
    assert.strictEqual(p.status, 400)
    assert.strictEqual(p.body.error.code, "INVALID_INPUT")
    assert.strictEqual(p.body.error.path, "applicant.birthDate")
    assert.strictEqual(p.body.error.problems?.length, 2)
  })

  it("derives the code from the tag and the status from the table", () => {
    registerStatuses({ SlotFull: { status: 409 } })
    const p = fromError(new SlotFull({ slotId: "s1" }))
    assert.deepStrictEqual(p, {
      status: 409,
      body: { error: { code: "SLOT_FULL", ja: "この枠は満員です", en: "this slot is full" } }
    })
    assert.strictEqual(fromError(new Profile.CityNotFound({ city: "x" })).status, 404)
    assert.strictEqual(
      fromError(new MyNumber.MyNumberDetected({ field: "note", occurrences: 1 })).body.error.code,
      "MY_NUMBER_DETECTED"
    )
  })

  it("never leaks internals: defects and unknown errors are a bare 500", () => {
    const p = fromCause(Cause.die(new Error("secret stack")))
    assert.strictEqual(p.status, 500)
    assert.notInclude(JSON.stringify(p.body), "secret")
    assert.strictEqual(fromError(new Error("boom")).status, 500)
  })

  it("maps database reasons: lost connection and contention are retryable 503s", () => {
    assert.strictEqual(
      fromError(DbError.fromUnknown({ code: "ECONNREFUSED", message: "refused" })).body.error.code,
      "DATABASE_UNAVAILABLE"
    )
    assert.strictEqual(fromError(DbError.fromUnknown({ code: "40001", message: "serialize" })).status, 503)
    assert.strictEqual(fromError(DbError.fromUnknown({ code: "23505", message: "dup" })).status, 500)
  })
})
