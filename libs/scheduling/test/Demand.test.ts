import { assert, describe, it } from "@effect/vitest"
import type { PlanningSection } from "@madoguchi/domain/profile/Planning"
import * as Demand from "../src/Demand.ts"
import { eachMonth } from "../src/internal/dates.ts"
import { kanazawa, kawanishi, koganei, ota } from "./profiles.ts"

const close = (a: number, b: number, tolerance = 1e-9) => assert.isAtMost(Math.abs(a - b), tolerance, `${a} vs ${b}`)
const visits = (d: Demand.MonthDemand) =>
  Object.values(d.byProcedure).reduce((a, v) => a + (v?.reserved ?? 0) + (v?.walkIn ?? 0) + (v?.outreach ?? 0), 0)

describe("Demand: months", () => {
  const planning = kawanishi.planning!

  it("Kawanishi 2026-10 by hand: card visits from Sep–Dec expiries, certificate visits from Oct–Jan (seeds/002, leadMonths defaults)", () => {
    const d = Demand.monthly(planning, "2026-10")
    // Cards: 0.2 × Dec 697 + 0.35 × Nov 658 + 0.3 × Oct 710 + 0.15 × Sep (not in the table: Oct's 710).
    const card = 0.2 * 697 + 0.35 * 658 + 0.3 * 710 + 0.15 * 710
    // Certificates: 0.1 × Jan 3058 + 0.25 × Dec 2275 + 0.35 × Nov 2101 + 0.3 × Oct 1972.
    const cert = 0.1 * 3058 + 0.25 * 2275 + 0.35 * 2101 + 0.3 * 1972
    close(d.byProcedure.card_issuance!.reserved + d.byProcedure.card_issuance!.walkIn, card)
    close(d.byProcedure.cert_renewal!.reserved + d.byProcedure.cert_renewal!.walkIn, cert)
    close(d.byProcedure.card_issuance!.reserved, card * 0.9)
    close(d.total, card + cert)
    close(d.coverage, 1 - (0.15 * 710) / (card + cert))
  })

  it("every expiry comes exactly once when the horizon covers the renewal windows", () => {
    const zero: PlanningSection = { ...planning, beyondForecast: "zero" }
    const total = eachMonth("2026-06", "2028-06").reduce((a, m) => a + visits(Demand.monthly(zero, m)), 0)
    // FY2026 (Oct–Mar) and FY2027: cards 4,473 + 8,352; certificates 15,640 + 31,722.
    close(total, 4473 + 8352 + 15640 + 31722, 1e-6)
  })

  it("Kanazawa takes the same month of 2024 (seeds/003 参考), phone calls included", () => {
    const d = Demand.monthly(kanazawa.planning!, "2025-12")
    close(d.byProcedure.card_issuance!.walkIn, 3087)
    close(d.byProcedure.cert_renewal!.walkIn, 1129)
    close(d.byProcedure.card_application!.walkIn, 2944)
    assert.strictEqual(d.phoneCalls, 626)
  })

  it("Ota spreads FY2024 over twelve months; Koganei's outreach takes 12 % of ~1,500 a month", () => {
    const o = Demand.monthly(ota.planning!, "2026-07")
    close(o.byProcedure.card_issuance!.reserved + o.byProcedure.card_issuance!.walkIn, 15000 / 12)
    close(o.byProcedure.card_application!.walkIn, 11000 / 12)
    const k = Demand.monthly(koganei.planning!, "2025-10")
    close(k.byProcedure.card_issuance!.outreach, 180)
  })
})

describe("Demand: sessions", () => {
  const planning = kawanishi.planning!
  const { sessions, days } = Demand.sessionsToPlan(kawanishi, planning, "2026-10", "2026-10")
  const demand = Demand.monthly(planning, "2026-10")
  const allocated = Demand.allocate(planning, demand, sessions, days)
  const at = (date: string) => allocated.find((a) => a.session.date === date && a.session.kind === "regular")!

  it("places two provisional holiday openings on weekends while the city has not designated dates", () => {
    const holiday = sessions.filter((s) => s.kind === "holiday_opening")
    assert.strictEqual(holiday.length, 2)
    assert.isTrue(
      holiday.every(
        (s) =>
          s.provisional &&
          [
            "2026-10-03",
            "2026-10-04",
            "2026-10-10",
            "2026-10-11",
            "2026-10-17",
            "2026-10-18",
            "2026-10-24",
            "2026-10-25",
            "2026-10-31"
          ].includes(s.date)
      )
    )
    assert.strictEqual(sessions.filter((s) => s.kind === "regular").length, 21)
  })

  it("keeps every visit: the sessions add up to the month", () => {
    const total = allocated.reduce((a, s) => a + Demand.totalOf(s.reserved) + Demand.totalOf(s.walkIn), 0)
    close(total, demand.total, 1e-6)
  })

  it("a holiday opening gets the observed volume and mix (Kawanishi 2026-04/05: 461 hand-overs, 90 renewals in 4)", () => {
    const h = allocated.find((a) => a.session.kind === "holiday_opening")!
    close(Demand.totalOf(h.reserved), 551 / 4)
    close(h.reserved.card_issuance!, 461 / 4)
    assert.deepStrictEqual(h.walkIn, {})
  })

  it("weights Monday 1.2 against Tuesday, and the first day after three closed days 1.3 (2026-10-13 after スポーツの日)", () => {
    close(Demand.totalOf(at("2026-10-19").walkIn) / Demand.totalOf(at("2026-10-20").walkIn), 1.2)
    assert.isTrue(at("2026-10-13").afterClosure)
    assert.isFalse(at("2026-10-19").afterClosure)
    close(Demand.totalOf(at("2026-10-13").walkIn) / Demand.totalOf(at("2026-10-20").walkIn), 1.3)
  })
})
