import { assert, describe, it } from "@effect/vitest"
import { Temporal } from "temporal-polyfill"
import * as JapaneseCalendar from "../src/JapaneseCalendar.ts"

const C = JapaneseCalendar

describe("JapaneseCalendar", () => {
  it("names national holidays, 振替休日 and 国民の休日 (国民の祝日に関する法律 第2条, 第3条2項・3項)", () => {
    assert.deepStrictEqual(C.nationalHoliday("2026-01-01"), { ja: "元日", en: "New Year's Day" })
    assert.strictEqual(C.nationalHoliday("2027-01-11")?.ja, "成人の日") // 2nd Monday of January
    // 振替休日: こどもの日 5/5 is a Tuesday in 2026, but 憲法記念日 5/3 is a Sunday → 5/6.
    assert.strictEqual(C.nationalHoliday("2026-05-06")?.ja, "こどもの日 振替休日")
    assert.strictEqual(C.nationalHoliday("2024-02-12")?.ja, "建国記念の日 振替休日") // 2/11 was a Sunday
    assert.strictEqual(C.nationalHoliday("2027-03-22")?.ja, "春分の日 振替休日") // 3/21 is a Sunday
    // 国民の休日: a day between two holidays (敬老の日 9/21 and 秋分の日 9/23).
    assert.deepStrictEqual(C.nationalHoliday("2026-09-22"), { ja: "休日", en: "Citizen's Holiday" })
    assert.strictEqual(C.nationalHoliday("2032-09-21")?.en, "Citizen's Holiday")
    // Moved by special law for the 2020 Games.
    assert.strictEqual(C.nationalHoliday("2020-07-24")?.ja, "スポーツの日")
    assert.isUndefined(C.nationalHoliday("2020-10-12"))
    assert.isUndefined(C.nationalHoliday("2026-04-01"))
  })

  it("closes weekends, holidays and 12/29–1/3, the year-end closure first", () => {
    assert.deepStrictEqual(C.closedReason("2026-04-04"), { code: "weekend", ja: "土曜日", en: "Saturday" })
    assert.deepStrictEqual(C.closedReason("2026-04-05"), { code: "weekend", ja: "日曜日", en: "Sunday" })
    assert.deepStrictEqual(C.closedReason("2025-10-13"), {
      code: "national_holiday",
      ja: "スポーツの日",
      en: "Health and Sports Day"
    })
    assert.strictEqual(C.closedReason("2026-12-29")?.code, "year_end") // a Tuesday
    assert.strictEqual(C.closedReason("2027-01-01")?.code, "year_end") // also 元日
    assert.strictEqual(C.closedReason("2027-01-03")?.code, "year_end") // also a Sunday
    assert.isUndefined(C.closedReason("2026-12-28"))
    assert.isUndefined(C.closedReason("2027-01-04"))
    assert.isTrue(C.isYearEndClosure("2026-12-31"))
    assert.isFalse(C.isYearEndClosure("2026-12-28"))
    assert.isFalse(C.isYearEndClosure("2027-01-04"))
    assert.isTrue(C.isBusinessDay("2026-09-24"))
    assert.isFalse(C.isBusinessDay("2026-09-22"))
  })

  it("moves across Golden Week, the Silver Week of 2026 and the year end", () => {
    assert.strictEqual(C.nextBusinessDay("2026-04-28"), "2026-04-30") // 4/29 昭和の日
    assert.strictEqual(C.nextBusinessDay("2026-05-01"), "2026-05-07") // 5/2–5/6
    assert.strictEqual(C.nextBusinessDay("2026-09-18"), "2026-09-24") // 9/19–9/23
    assert.strictEqual(C.nextBusinessDay("2026-12-28"), "2027-01-04")
    assert.strictEqual(C.onOrAfter("2026-05-03"), "2026-05-07")
    assert.strictEqual(C.onOrAfter("2026-05-07"), "2026-05-07")
    assert.strictEqual(C.lastBusinessDayOnOrBefore("2027-01-03"), "2026-12-28")
    assert.strictEqual(C.lastBusinessDayOnOrBefore("2026-09-23"), "2026-09-18")
    // Kawanishi monthly report: the 7th business day of January 2027 (1/11 成人の日).
    assert.strictEqual(C.nthBusinessDayAfter("2026-12-31", 7), "2027-01-13")
    assert.strictEqual(C.nthBusinessDayAfter("2027-01-09", 0), "2027-01-09")
    assert.strictEqual(C.addBusinessDays("2026-04-05", 0), "2026-04-06") // a closed start moves on
    assert.strictEqual(C.addBusinessDays("2026-04-05", 1), "2026-04-06")
    assert.strictEqual(C.addBusinessDays("2026-04-05", 2), "2026-04-07")
    assert.strictEqual(C.addBusinessDays("2026-04-28", 0), "2026-04-28")
  })

  it("counts business days of a period, both ends included", () => {
    assert.deepStrictEqual(C.businessDaysBetween("2026-09-18", "2026-09-25"), [
      "2026-09-18",
      "2026-09-24",
      "2026-09-25"
    ])
    // FY2026 April: 22 weekdays, 4/29 昭和の日 is a Wednesday → 21.
    assert.strictEqual(C.countBusinessDays("2026-04-01", "2026-04-30"), 21)
    // December 2026: 23 weekdays, 12/29–12/31 closed → 20.
    assert.strictEqual(C.countBusinessDays("2026-12-01", "2026-12-31"), 20)
    assert.strictEqual(C.countBusinessDays("2026-04-02", "2026-04-01"), 0)
  })

  it("agrees with Temporal on weekdays and day arithmetic over four years", () => {
    let date = Temporal.PlainDate.from("2020-01-01")
    for (let i = 0; i < 1461; i++) {
      const iso = date.toString()
      assert.strictEqual(C.isoWeekday(iso), date.dayOfWeek, iso)
      assert.strictEqual(C.addDays(iso, 40), date.add({ days: 40 }).toString(), iso)
      assert.strictEqual(C.daysBetween("2020-01-01", iso), i)
      date = date.add({ days: 1 })
    }
  })
})
