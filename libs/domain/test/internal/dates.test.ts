import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Temporal } from "temporal-polyfill"
import * as Dates from "../../src/internal/dates.ts"

const plainDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe("dates (cross-checked with Temporal)", () => {
  it("addDays and daysBetween agree with Temporal", () =>
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -4000, max: 4000 }), (s, n) => {
        const expected = Temporal.PlainDate.from(s).add({ days: n }).toString()
        assert.strictEqual(Dates.addDays(s, n), expected)
        assert.strictEqual(Dates.daysBetween(s, expected), n)
      })
    ))

  it("addMonths clamps like Temporal and says whether the day exists", () =>
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -120, max: 120 }), (s, n) => {
        const t = Temporal.PlainDate.from(s)
        const expected = t.add({ months: n }).toString()
        const r = Dates.addMonths(s, n)
        assert.strictEqual(r.date, expected)
        assert.strictEqual(r.exists, Temporal.PlainDate.from(expected).day === t.day)
      })
    ))

  it("ageOn matches the year difference with the Temporal birthday (29 Feb → 1 Mar)", () =>
    fc.assert(
      fc.property(plainDate, plainDate, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a]
        const bt = Temporal.PlainDate.from(birth)
        const ot = Temporal.PlainDate.from(on)
        let years = ot.year - bt.year
        const birthdayThisYear =
          bt.month === 2 && bt.day === 29 && !ot.inLeapYear
            ? Temporal.PlainDate.from({ year: ot.year, month: 3, day: 1 })
            : Temporal.PlainDate.from({ year: ot.year, month: bt.month, day: bt.day })
        if (Temporal.PlainDate.compare(ot, birthdayThisYear) < 0) years -= 1
        assert.strictEqual(Dates.ageOn(birth, on), years)
      })
    ))

  it("legal age: older on the birthday itself, not the day before [LAW-age]", () => {
    assert.strictEqual(Dates.ageOn("2010-06-15", "2025-06-14"), 14)
    assert.strictEqual(Dates.ageOn("2010-06-15", "2025-06-15"), 15)
    assert.strictEqual(Dates.ageOn("2008-02-29", "2026-02-28"), 17)
    assert.strictEqual(Dates.ageOn("2008-02-29", "2026-03-01"), 18)
    assert.strictEqual(Dates.ageOn("2008-02-29", "2028-02-29"), 20)
  })

  it("nthBirthdayAfter does not count a birthday on the date itself", () => {
    assert.strictEqual(Dates.nthBirthdayAfter("1990-04-01", "2020-04-01", 1), "2021-04-01")
    assert.strictEqual(Dates.nthBirthdayAfter("1990-04-01", "2020-03-31", 1), "2020-04-01")
    assert.strictEqual(Dates.nthBirthdayAfter("1990-04-01", "2020-04-02", 10), "2030-04-01")
    assert.strictEqual(Dates.nthBirthdayAfter("2000-02-29", "2021-01-10", 1), "2021-02-28")
    assert.strictEqual(Dates.nthBirthdayAfter("2000-02-29", "2023-03-01", 1), "2024-02-29")
  })

  it("nthBirthdayAfter is always after the date and falls on the birthday", () =>
    fc.assert(
      fc.property(plainDate, plainDate, fc.integer({ min: 1, max: 10 }), (birth, date, n) => {
        const r = Dates.nthBirthdayAfter(birth, date, n)
        assert.isTrue(r > date)
        const first = Dates.nthBirthdayAfter(birth, date, 1)
        assert.isTrue(Dates.daysBetween(date, first) <= 366)
        assert.strictEqual(Dates.parse(r).y - Dates.parse(first).y, n - 1)
      })
    ))
})
