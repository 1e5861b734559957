import { assert, describe, it } from "@effect/vitest"
import * as BusinessDay from "../src/BusinessDay.ts"

describe("BusinessDay", () => {
  it("weekends, national holidays (with substitute holidays) and 12/29–1/3 are closed (all four seeds)", () => {
    assert.strictEqual(BusinessDay.closedReason("2026-04-04")?.code, "weekend") // Saturday
    assert.strictEqual(BusinessDay.closedReason("2026-05-06")?.code, "national_holiday") // 憲法記念日の振替休日
    assert.strictEqual(BusinessDay.closedReason("2025-10-13")?.ja, "スポーツの日")
    assert.strictEqual(BusinessDay.closedReason("2026-12-29")?.code, "year_end")
    assert.strictEqual(BusinessDay.closedReason("2027-01-04"), undefined) // Monday after the closure
    assert.strictEqual(BusinessDay.closedReason("2027-01-01")?.code, "year_end")
    assert.isTrue(BusinessDay.isBusinessDay("2026-04-01"))
  })

  it("adds business days across Golden Week and the year end", () => {
    assert.strictEqual(BusinessDay.addBusinessDays("2026-04-28", 0), "2026-04-28")
    assert.strictEqual(BusinessDay.addBusinessDays("2026-04-28", 1), "2026-04-30") // 4/29 昭和の日
    assert.strictEqual(BusinessDay.addBusinessDays("2026-05-01", 1), "2026-05-07") // 5/2–5/6
    assert.strictEqual(BusinessDay.addBusinessDays("2026-12-28", 1), "2027-01-04")
    assert.strictEqual(BusinessDay.addBusinessDays("2026-04-05", 0), "2026-04-06") // Sunday → Monday
    assert.strictEqual(BusinessDay.addBusinessDays("2026-04-05", 1), "2026-04-06")
    assert.strictEqual(BusinessDay.addBusinessDays("2026-04-05", 2), "2026-04-07")
    assert.strictEqual(BusinessDay.addDays("2026-04-01", 14), "2026-04-15")
    assert.strictEqual(BusinessDay.daysBetween("2026-04-15", "2026-04-17"), 2)
    assert.strictEqual(BusinessDay.daysBetween("2026-04-17", "2026-04-15"), -2)
  })
})
