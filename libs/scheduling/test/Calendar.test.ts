import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Temporal } from "temporal-polyfill"
import * as Calendar from "../src/Calendar.ts"
import { addDays, eachMonth, fromDayNumber, isoWeekday, lastDayOf, toDayNumber } from "../src/internal/dates.ts"
import { kanazawa, kawanishi, koganei, ota, withCalendar } from "./profiles.ts"

const day = (profile: Parameters<typeof Calendar.days>[0], date: string) => Calendar.days(profile, date, date)[0]!

describe("Calendar: closures", () => {
  it("2027-01-01..03 are closed for the year end (seeds/002 6(1): 12月29日から翌年1月3日を除く)", () => {
    for (const date of ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]) {
      const d = day(kawanishi, date)
      assert.isFalse(d.open, date)
      assert.strictEqual(d.closedReason, "year_end", date)
    }
    // The last business day before and the first after.
    assert.isTrue(day(kawanishi, "2026-12-28").open)
    assert.isTrue(day(kawanishi, "2027-01-04").open)
  })

  it("national holidays close regular days and name the holiday (2026-11-03 文化の日, 2027-03-22 振替休日)", () => {
    const culture = day(kawanishi, "2026-11-03")
    assert.isFalse(culture.open)
    assert.strictEqual(culture.closedReason, "national_holiday")
    assert.deepStrictEqual(culture.holiday, { ja: "文化の日", en: "National Culture Day" })
    assert.strictEqual(culture.cancelled[0]?.reason, "national_holiday")
    const substitute = day(kawanishi, "2027-03-22")
    assert.isFalse(substitute.open)
    assert.strictEqual(substitute.holiday?.ja, "春分の日 振替休日")
  })

  it("a weekend without an opening is closed for no opening", () => {
    const d = day(kawanishi, "2026-10-03")
    assert.isFalse(d.open)
    assert.strictEqual(d.closedReason, "no_opening")
    assert.strictEqual(d.weekday, "sat")
  })

  it("regular days carry the profile's hours: Kawanishi 9–17 with staff 8:45–17:15, Ota 8:30–17:15 ready 8:20, Kanazawa 9–17:45", () => {
    const k = day(kawanishi, "2026-10-01").sessions[0]!
    assert.deepInclude(k, {
      site: "special",
      kind: "regular",
      opens: "09:00",
      closes: "17:00",
      staffFrom: "08:45",
      staffUntil: "17:15",
      windows: 4
    })
    const o = day(ota, "2026-04-01").sessions[0]!
    assert.deepInclude(o, { site: "honcho", opens: "08:30", closes: "17:15", staffFrom: "08:20" })
    const z = day(kanazawa, "2025-09-01").sessions[0]!
    assert.deepInclude(z, { site: "sogo", opens: "09:00", closes: "17:45", windows: 5, reservation: "none" })
    assert.strictEqual(Calendar.serviceMinutes(z), 525)
  })

  it("openings apply only within their from–to (Kawanishi from 2026-10-01)", () => {
    assert.isFalse(day(kawanishi, "2026-09-30").open)
    assert.isTrue(day(kawanishi, "2026-10-01").open)
    assert.isFalse(day(kawanishi, "2028-04-03").open)
  })
})

describe("Calendar: Koganei outreach (seeds/004 5(1))", () => {
  const koganeiSessions = (from: string, to: string) => Calendar.sessions(koganei, from, to)

  it("every Wednesday 9–13, except national holidays and the year end", () => {
    const s = koganeiSessions("2025-10-01", "2025-10-31").filter((x) => x.opening === "wednesday")
    assert.deepStrictEqual(
      s.map((x) => x.date),
      ["2025-10-01", "2025-10-08", "2025-10-15", "2025-10-22", "2025-10-29"]
    )
    assert.deepInclude(s[0]!, { opens: "09:00", closes: "13:00", capacity: 30, kind: "outreach" })
    const foundation = day(koganei, "2026-02-11") // 建国記念の日, a Wednesday
    assert.isFalse(foundation.open)
    assert.strictEqual(foundation.closedReason, "national_holiday")
    const newYearsEve = day(koganei, "2025-12-31")
    assert.strictEqual(newYearsEve.closedReason, "year_end")
  })

  it("a 4th Sunday before a Monday holiday moves to the Saturday (2026-02-22 → 2026-02-21, 天皇誕生日 2026-02-23)", () => {
    assert.isFalse(day(koganei, "2026-02-22").open)
    const saturday = day(koganei, "2026-02-21")
    assert.isTrue(saturday.open)
    assert.deepInclude(saturday.sessions[0]!, { opening: "sunday", movedFrom: "2026-02-22", opens: "09:00" })
  })

  it("a 2nd Sunday before a Monday holiday moves too (2026-01-11 → 2026-01-10, 成人の日); a 2nd Sunday of a normal week stays (2026-03-08)", () => {
    assert.isFalse(day(koganei, "2026-01-11").open)
    assert.strictEqual(day(koganei, "2026-01-10").sessions[0]?.movedFrom, "2026-01-11")
    assert.isTrue(day(koganei, "2026-03-08").open)
    assert.isUndefined(day(koganei, "2026-03-08").sessions[0]?.movedFrom)
    assert.isFalse(day(koganei, "2026-03-07").open)
  })

  it("a 4th Sunday that is itself a holiday before a substitute Monday moves (2025-11-23 勤労感謝の日 → 2025-11-22)", () => {
    assert.isFalse(day(koganei, "2025-11-23").open)
    assert.strictEqual(day(koganei, "2025-11-22").sessions[0]?.movedFrom, "2025-11-23")
  })

  it("only the 2nd and 4th Sundays: 48 sessions in all, as the seed plans (30 × 48 = 1,440)", () => {
    const all = koganeiSessions("2025-08-01", "2026-03-31")
    const sundays = all.filter((s) => s.opening === "sunday")
    assert.strictEqual(sundays.length, 16)
    assert.strictEqual(all.length, 48)
  })
})

describe("Calendar: precedence", () => {
  const designated = withCalendar(kawanishi, (c) => ({
    ...c,
    openings: c.openings.map((o) =>
      o.id === "holiday-opening" ? { ...o, dates: ["2027-02-13", "2027-03-21", "2027-01-03"] } : o
    )
  }))

  it("a designated holiday opening opens with its own hours, procedures and reservation policy", () => {
    const d = day(designated, "2027-02-13")
    assert.isTrue(d.open)
    assert.deepInclude(d.sessions[0]!, {
      kind: "holiday_opening",
      designated: true,
      reservation: "required",
      procedures: ["card_issuance", "cert_renewal"]
    })
  })

  it("a date the city designates opens even on a national holiday (2027-03-21 春分の日, a Sunday)", () => {
    const d = day(designated, "2027-03-21")
    assert.isTrue(d.open)
    assert.strictEqual(d.holiday?.ja, "春分の日")
  })

  it("the year-end closure beats a designated holiday opening (2027-01-03)", () => {
    const d = day(designated, "2027-01-03")
    assert.isFalse(d.open)
    assert.strictEqual(d.closedReason, "year_end")
    assert.strictEqual(d.cancelled[0]?.reason, "year_end")
  })

  it("a closure beats a holiday opening (J-LIS maintenance on a designated Saturday)", () => {
    const closed = withCalendar(designated, (c) => ({
      ...c,
      closures: [
        {
          from: "2027-02-13",
          kind: "system_maintenance",
          reason: { ja: "J-LIS システムメンテナンス", en: "J-LIS maintenance" }
        }
      ]
    }))
    const d = day(closed, "2027-02-13")
    assert.isFalse(d.open)
    assert.strictEqual(d.closedReason, "closure")
    assert.strictEqual(d.cancelled[0]?.session.kind, "holiday_opening")
    assert.strictEqual(d.cancelled[0]?.closure?.kind, "system_maintenance")
  })

  it("a recurring opening never reopens a closed day: a building closure over a week closes every regular day, and only its site", () => {
    const closed = withCalendar(kawanishi, (c) => ({
      ...c,
      closures: [
        {
          from: "2027-02-15",
          to: "2027-02-19",
          sites: ["special"],
          kind: "building",
          reason: { ja: "庁舎点検", en: "Building inspection" }
        }
      ]
    }))
    for (const date of ["2027-02-15", "2027-02-16", "2027-02-17", "2027-02-18", "2027-02-19"]) {
      const d = day(closed, date)
      assert.isFalse(d.open, date)
      assert.strictEqual(d.closedReason, "closure", date)
    }
    assert.isTrue(day(closed, "2027-02-22").open)
    // A closure of another site leaves the special counter open.
    const elsewhere = withCalendar(kawanishi, (c) => ({
      ...c,
      closures: [
        { from: "2027-02-15", sites: ["existing"], kind: "building", reason: { ja: "点検", en: "Inspection" } }
      ]
    }))
    assert.isTrue(day(elsewhere, "2027-02-15").open)
  })

  it("a moved Koganei session still yields to a closure on the day it moved to", () => {
    const closed = withCalendar(koganei, (c) => ({
      ...c,
      closures: [{ from: "2026-02-21", kind: "building", reason: { ja: "会場休館", en: "Venue closed" } }]
    }))
    const d = day(closed, "2026-02-21")
    assert.isFalse(d.open)
    assert.strictEqual(d.cancelled[0]?.session.movedFrom, "2026-02-22")
  })

  it("with `nationalHolidays: ignored` holidays close nothing", () => {
    const ignoring = withCalendar(kawanishi, (c) => ({ ...c, nationalHolidays: "ignored" }))
    assert.isTrue(day(ignoring, "2026-11-03").open)
  })
})

describe("Calendar: ranges and checks", () => {
  it("refuses a reversed or too long range with a message in ja and en", () => {
    const reversed = Calendar.checkRange("2027-02-01", "2027-01-01")
    assert.strictEqual(reversed?.problem, "reversed")
    assert.include(reversed!.ja, "2027-02-01")
    assert.include(reversed!.en, "after its end")
    assert.strictEqual(Calendar.checkRange("2026-01-01", "2030-01-01")?.problem, "too_long")
    assert.isUndefined(Calendar.checkRange("2026-10-01", "2028-03-31"))
  })

  it("finds openings and closures that name unknown sites", () => {
    assert.deepStrictEqual(Calendar.unknownSites(kawanishi), [])
    const broken = withCalendar(kawanishi, (c) => ({
      ...c,
      openings: [{ ...c.openings[0]!, site: "nowhere" }],
      closures: [{ from: "2027-01-05", sites: ["gone"], kind: "other", reason: { ja: "x", en: "x" } }]
    }))
    assert.deepStrictEqual(Calendar.unknownSites(broken), [
      { path: "calendar.openings[0].site", site: "nowhere" },
      { path: "calendar.closures[0].sites[0]", site: "gone" }
    ])
  })

  it("a profile without a calendar has no open day", () => {
    const { calendar: _, ...bare } = kawanishi
    assert.isTrue(Calendar.days(bare, "2026-10-01", "2026-10-07").every((d) => !d.open))
  })

  it("date arithmetic agrees with Temporal (1990–2060)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 7305, max: 32873 }), fc.integer({ min: -800, max: 800 }), (n, k) => {
        const date = fromDayNumber(n)
        const t = Temporal.PlainDate.from(date)
        assert.strictEqual(toDayNumber(date), n)
        assert.strictEqual(addDays(date, k), t.add({ days: k }).toString())
        assert.strictEqual(isoWeekday(date), t.dayOfWeek)
        assert.strictEqual(lastDayOf(date.slice(0, 7)), t.with({ day: t.daysInMonth }).toString())
      })
    )
    assert.deepStrictEqual(eachMonth("2026-11", "2027-02"), ["2026-11", "2026-12", "2027-01", "2027-02"])
  })
})

describe("Calendar: validation", () => {
  it("names every unknown site in a bilingual error", () => {
    assert.isUndefined(Calendar.validate(kawanishi))
    const broken = withCalendar(koganei, (c) => ({ ...c, openings: c.openings.map((o) => ({ ...o, site: "hall" })) }))
    const error = Calendar.validate(broken)!
    assert.strictEqual(error.problems.length, 2)
    assert.include(error.ja, "calendar.openings[0].site")
    assert.include(error.en, "koganei")
  })
})
