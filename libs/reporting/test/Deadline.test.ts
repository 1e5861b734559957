import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as BusinessDays from "../src/BusinessDays.ts"
import * as Deadline from "../src/Deadline.ts"
import { loadProfiles } from "./fixtures.ts"

const profiles = Object.fromEntries(Effect.runSync(loadProfiles).map((p) => [p.slug, p]))
const form = (city: string, id: string) => profiles[city]!.reports!.forms.find((f) => f.id === id)!

describe("BusinessDays", () => {
  it("excludes weekends, national holidays and 12/29–1/3", () => {
    assert.deepStrictEqual(BusinessDays.closedReason("2026-12-29"), { kind: "year_end" })
    assert.deepStrictEqual(BusinessDays.closedReason("2027-01-03"), { kind: "year_end" })
    assert.strictEqual(BusinessDays.closedReason("2027-01-01")?.kind, "holiday")
    assert.strictEqual(BusinessDays.closedReason("2027-01-11")?.kind, "holiday") // 成人の日
    assert.deepStrictEqual(BusinessDays.closedReason("2026-12-26"), { kind: "weekend" })
    assert.isTrue(BusinessDays.isBusinessDay("2026-12-28"))
    assert.isTrue(BusinessDays.isBusinessDay("2027-01-04"))
    // 2026-09-21 敬老の日, 09-22 国民の休日, 09-23 秋分の日
    assert.deepStrictEqual(BusinessDays.businessDaysBetween("2026-09-18", "2026-09-25"), [
      "2026-09-18",
      "2026-09-24",
      "2026-09-25"
    ])
  })

  it("counts the n-th business day after a date", () => {
    assert.strictEqual(BusinessDays.nthBusinessDayAfter("2026-12-25", 1), "2026-12-28")
    assert.strictEqual(BusinessDays.nthBusinessDayAfter("2026-12-28", 1), "2027-01-04")
    assert.strictEqual(BusinessDays.nthBusinessDayAfter("2027-01-08", 1), "2027-01-12")
    assert.strictEqual(BusinessDays.nthBusinessDayAfter("2027-01-08", 0), "2027-01-08")
  })
})

describe("Deadline", () => {
  it("Kawanishi monthly: within the first 7 business days of the next month (seeds/002 5(2)ウE)", () => {
    // 1/1–1/3 closed, 1/4–1/8 are days 1–5, 1/11 成人の日, 1/12 day 6, 1/13 day 7.
    assert.strictEqual(Deadline.dueDate(form("kawanishi", "monthly"), Deadline.monthPeriod("2026-12")), "2027-01-13")
    // October 2026: 11/3 文化の日 → 11/2, 4, 5, 6, 9, 10, 11.
    assert.strictEqual(Deadline.dueDate(form("kawanishi", "monthly"), Deadline.monthPeriod("2026-10")), "2026-11-11")
  })

  it("Kawanishi daily: during the next business day (seeds/002 5(2)ウE)", () => {
    const daily = form("kawanishi", "daily")
    assert.strictEqual(Deadline.dueDate(daily, Deadline.dayPeriod("2026-12-28")), "2027-01-04")
    assert.strictEqual(Deadline.dueDate(daily, Deadline.dayPeriod("2026-12-05")), "2026-12-07") // a holiday opening
  })

  it("Kanazawa: daily after closing the same day, monthly at month end (seeds/003 13)", () => {
    assert.strictEqual(Deadline.dueDate(form("kanazawa", "daily"), Deadline.dayPeriod("2026-01-30")), "2026-01-30")
    assert.strictEqual(Deadline.dueDate(form("kanazawa", "monthly"), Deadline.monthPeriod("2026-02")), "2026-02-28")
  })

  it("Ota completion: 30 days counted from the day after the last working day (seeds/001 11)", () => {
    const completion = form("ota", "completion")
    assert.strictEqual(Deadline.dueDate(completion, Deadline.contractPeriod(profiles.ota!)), "2027-04-30")
    // A contract ending on a Sunday: the last working day is the Friday before.
    assert.strictEqual(
      Deadline.dueDate(completion, Deadline.contractPeriod(profiles.ota!, "2026-04-01", "2027-03-28")),
      "2027-04-25"
    )
  })

  it("Koganei and Ota's daily and monthly forms set no deadline", () => {
    assert.isNull(Deadline.dueDate(form("koganei", "monthly"), Deadline.monthPeriod("2026-01")))
    assert.isNull(Deadline.dueDate(form("ota", "daily"), Deadline.dayPeriod("2026-12-01")))
  })

  it("a period is final only once its last day has closed", () => {
    const period = Deadline.monthPeriod("2026-12")
    assert.isFalse(Deadline.isClosed(period, "17:15", { date: "2026-12-31", time: "17:14" }))
    assert.isTrue(Deadline.isClosed(period, "17:15", { date: "2026-12-31", time: "17:15" }))
    assert.isTrue(Deadline.isClosed(period, "17:15", { date: "2027-01-01", time: "00:00" }))
  })

  it("the due list: session days only where the form says so (Koganei), business days and holiday openings elsewhere", () => {
    const koganei = Deadline.dueList({
      profile: profiles.koganei!,
      now: { date: "2026-02-01", time: "09:00" },
      activeDates: ["2026-01-07", "2026-01-10"],
      submitted: new Map([["daily|2026-01-07", 1]]),
      since: "2026-01-01"
    })
    assert.deepStrictEqual(
      koganei.filter((i) => i.form === "daily").map((i) => [i.period.key, i.state]),
      [
        ["2026-01-07", "submitted"],
        ["2026-01-10", "due"]
      ]
    )
    const monthly = koganei.filter((i) => i.form === "monthly")
    assert.deepStrictEqual(
      monthly.map((i) => [i.period.key, i.state, i.due]),
      [
        ["2026-01", "due", null],
        ["2026-02", "open", null]
      ]
    )
    const kawanishi = Deadline.dueList({
      profile: profiles.kawanishi!,
      now: { date: "2026-12-08", time: "09:00" },
      activeDates: ["2026-12-05"],
      submitted: new Map(),
      since: "2026-12-01"
    })
    assert.deepStrictEqual(
      kawanishi.filter((i) => i.form === "daily").map((i) => [i.period.key, i.due, i.state]),
      [
        ["2026-12-01", "2026-12-02", "overdue"],
        ["2026-12-02", "2026-12-03", "overdue"],
        ["2026-12-03", "2026-12-04", "overdue"],
        ["2026-12-04", "2026-12-07", "overdue"],
        ["2026-12-05", "2026-12-07", "overdue"],
        ["2026-12-07", "2026-12-08", "due"],
        ["2026-12-08", "2026-12-09", "open"]
      ]
    )
  })
})
