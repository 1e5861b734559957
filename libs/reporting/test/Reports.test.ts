import { assert } from "@effect/vitest"
import { type ActivityLog, MyNumber, Profile } from "@madoguchi/domain"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Layer } from "effect"
import ExcelJS from "exceljs"
import iconv from "iconv-lite"
import { sql } from "kysely"
import { groups } from "../src/internal/blocks.ts"
import * as Render from "../src/Render.ts"
import { ActivityStore } from "../src/ActivityStore.ts"
import type * as Report from "../src/Report.ts"
import { Reports } from "../src/Reports.ts"
import { Submissions } from "../src/Submissions.ts"
import { at } from "./clock.ts"
import { expectedCounts, loadProfiles, seedMonth } from "./fixtures.ts"

const profiles = Effect.runSync(loadProfiles)
const bySlug = Object.fromEntries(profiles.map((p) => [p.slug, p]))

const seeds = {
  ota: seedMonth({ profile: bySlug.ota!, month: "2026-12", counterSite: "honcho", outreachSite: "outreach", seed: 1 }),
  kawanishi: seedMonth({
    profile: bySlug.kawanishi!,
    month: "2026-12",
    counterSite: "special",
    holidayOpenings: ["2026-12-05", "2026-12-19"],
    seed: 2
  }),
  kanazawa: seedMonth({
    profile: bySlug.kanazawa!,
    month: "2026-01",
    counterSite: "sogo",
    outreachSite: "outreach",
    seed: 3
  }),
  // Wednesdays and the 2nd/4th Sundays; 1/11 moves to Saturday 1/10 before the Monday holiday (seeds/004 5(1)イ).
  koganei: seedMonth({
    profile: bySlug.koganei!,
    month: "2026-01",
    counterSite: "outreach",
    outreachSite: "outreach",
    outreachOnly: ["2026-01-07", "2026-01-10", "2026-01-14", "2026-01-21", "2026-01-25", "2026-01-28"],
    seed: 4
  })
}

const TestLayer = Reports.layerNoDeps.pipe(
  Layer.provideMerge(Layer.merge(ActivityStore.layer, Submissions.layer)),
  Layer.provideMerge(Profile.layerStatic(profiles))
)

const AFTER = "2027-02-01T00:00:00Z" // 09:00 in Japan, after every seeded month

const sections = (report: Report.Report) => Object.fromEntries(report.sections.map((s) => [s.id, s]))

/** Every table of every counts section adds up to its section's total. */
const assertTablesAddUp = (report: Report.Report) => {
  for (const s of report.sections) {
    const tables =
      s.kind === "counts"
        ? s.tables.map((t) => [t, s.total] as const)
        : s.kind === "phone_calls"
          ? [[s.byCategory, s.total] as const]
          : s.kind === "complaints"
            ? [[s.byCategory, s.total] as const]
            : s.kind === "outreach"
              ? [[s.byProcedure, s.handled] as const]
              : s.kind === "inquiries"
                ? [[s.topics, s.total] as const]
                : s.kind === "analysis"
                  ? [
                      [s.volumes.byProcedure, s.volumes.total] as const,
                      [s.volumes.byChannel, s.volumes.total] as const,
                      [s.refusals.reasons, s.refusals.total + s.refusals.secondVisits] as const
                    ]
                  : []
    for (const [table, total] of tables) {
      assert.strictEqual(table.total, total, `${report.form.id}/${s.id}/${table.by}: table total`)
      assert.strictEqual(
        table.rows.reduce((n, r) => n + r.count, 0),
        total,
        `${report.form.id}/${s.id}/${table.by}: rows add up`
      )
    }
  }
}

/** A 12-digit number with a valid check digit, made here so no such number is written in the source. */
const fakeIndividualNumber = () => {
  const first = "31415926535"
  return `${first}${MyNumber.checkDigit(first)}`
}

describeStorage("Reports", (it) => {
  it.effect("records the seeded month once, however often it is sent", () =>
    Effect.gen(function* () {
      const log = yield* ActivityStore
      for (const activities of Object.values(seeds)) {
        for (const a of activities) assert.strictEqual((yield* log.record(a)).status, "recorded")
      }
      // Sent again (a retried request, a ticket and its reservation both reporting): no double count.
      for (const a of seeds.kawanishi.slice(0, 20)) assert.strictEqual((yield* log.record(a)).status, "duplicate")
      const db = yield* Database.Database
      const rows = yield* db.use((k) =>
        k
          .selectFrom("activity")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      )
      assert.strictEqual(
        rows.n,
        Object.values(seeds).reduce((n, s) => n + s.length, 0)
      )
    }).pipe(Effect.provide(TestLayer))
  )

  it.effect("refuses a different activity under a used key, and bad input with every problem", () =>
    Effect.gen(function* () {
      const log = yield* ActivityStore
      const first = seeds.ota[0]!
      assert.strictEqual(first.kind, "counter_visit")
      const changed = { ...first, site: "outreach" }
      const conflict = yield* Effect.flip(log.record(changed))
      assert.strictEqual(conflict._tag, "ActivitySourceConflict")
      const bad = yield* Effect.flip(
        log.record({
          kind: "phone_call",
          cityCode: bySlug.ota!.cityCode,
          site: "honcho",
          date: "2026-12-32",
          key: { source: "manual", sourceId: "bad-1" },
          category: "pin",
          content: `番号は ${fakeIndividualNumber()} です`,
          answer: "案内した",
          transferred: false
        } as ActivityLog.Activity)
      )
      assert.strictEqual(bad._tag, "DecodeError")
      if (bad._tag === "DecodeError") {
        assert.deepStrictEqual(bad.problems.map((p) => p.path).sort(), ["content", "date"])
        assert.notInclude(JSON.stringify(bad), fakeIndividualNumber())
      }
      const wrongSite = yield* Effect.flip(
        log.record({ ...first, key: { source: "manual", sourceId: "x-site" }, site: "annex" })
      )
      assert.strictEqual(wrongSite._tag, "DecodeError")
      if (wrongSite._tag === "DecodeError") {
        assert.strictEqual(wrongSite.problems[0]!.path, "site")
        assert.include(wrongSite.problems[0]!.ja, "honcho")
      }
    }).pipe(Effect.provide(TestLayer))
  )

  for (const [slug, activities] of Object.entries(seeds)) {
    it.effect(`${slug}: daily and monthly reports equal the log, and every breakdown adds up`, () =>
      Effect.gen(function* () {
        const reports = yield* Reports
        const month = activities[0]!.date.slice(0, 7)
        const monthly = yield* reports.get(slug, { period: "month", month })
        assert.strictEqual(monthly.status, "final")
        assertTablesAddUp(monthly)
        const expected = expectedCounts(activities)
        const phoneCalls = activities.filter((a) => a.kind === "phone_call")
        const complaints = activities.filter((a) => a.kind === "complaint")
        const sessions = activities.filter((a) => a.kind === "outreach_session")
        const visits = activities.filter((a) => a.kind === "counter_visit")
        const form = bySlug[slug]!.reports!.forms.find((f) => f.period === "month")!
        for (const s of monthly.sections) {
          const declared = form.sections.find((d) => d.id === s.id)!
          if (s.kind === "counts" && declared.kind === "counts") {
            const keep = (p: string) =>
              (declared.procedures?.include?.includes(p) ?? true) && !(declared.procedures?.exclude ?? []).includes(p)
            const want = [...expected.byProcedure].filter(([p]) => keep(p)).reduce((n, [, c]) => n + c, 0)
            assert.strictEqual(s.total, want, `${slug} ${s.id}`)
            const byProcedure = s.tables.find((t) => t.by === "procedure")
            if (byProcedure) {
              for (const row of byProcedure.rows) assert.strictEqual(row.count, expected.byProcedure.get(row.key))
            }
          }
          if (s.kind === "phone_calls") {
            assert.strictEqual(s.total, phoneCalls.length)
            assert.strictEqual(s.transferred, phoneCalls.filter((p) => p.kind === "phone_call" && p.transferred).length)
            if (s.calls) assert.strictEqual(s.calls.length, phoneCalls.length)
          }
          if (s.kind === "complaints") {
            assert.strictEqual(s.total, complaints.length)
            assert.strictEqual(s.items.length, complaints.length)
          }
          if (s.kind === "outreach") assert.strictEqual(s.sessions, sessions.length)
          if (s.kind === "analysis") {
            assert.strictEqual(s.volumes.total, expected.total)
            assert.strictEqual(s.waiting.measured, visits.length)
            assert.strictEqual(
              s.waiting.buckets.reduce((n, b) => n + b.count, 0),
              visits.length
            )
            assert.strictEqual(
              s.refusals.total,
              visits.filter((v) => v.kind === "counter_visit" && v.outcome === "refused").length
            )
            const missing = visits.reduce(
              (n, v) => n + (v.kind === "counter_visit" ? (v.missingDocuments?.length ?? 0) : 0),
              0
            )
            assert.strictEqual(s.refusals.missingDocuments.total, missing)
          }
        }

        // The busiest day's report equals that day of the log.
        const days = [...new Set(activities.map((a) => a.date))].sort()
        const date = days.reduce((best, d) =>
          expectedCounts(activities, d).total > expectedCounts(activities, best).total ? d : best
        )
        const daily = yield* reports.get(slug, { period: "day", date })
        assertTablesAddUp(daily)
        const counts = daily.sections.filter((s) => s.kind === "counts")
        const dayExpected = expectedCounts(activities, date)
        const dailyForm = bySlug[slug]!.reports!.forms.find((f) => f.period === "day")!
        const unfiltered = counts.find((s) => {
          const d = dailyForm.sections.find((x) => x.id === s.id)!
          return d.kind === "counts" && d.procedures === undefined
        })
        if (unfiltered) assert.strictEqual(unfiltered.total, dayExpected.total)
        else
          assert.strictEqual(
            counts.reduce((n, s) => n + (s.kind === "counts" ? s.total : 0), 0),
            dayExpected.total
          )
      }).pipe(at(AFTER), Effect.provide(TestLayer))
    )
  }

  it.effect("Ota: (ア) and (イ) together are every visit and tally; phone calls carry content and answer", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const monthly = sections(yield* reports.get("ota", { period: "month", month: "2026-12" }))
      const a = monthly.issuance_support!
      const b = monthly.other_handling!
      assert.isTrue(a.kind === "counts" && b.kind === "counts")
      if (a.kind === "counts" && b.kind === "counts") {
        assert.strictEqual(a.total + b.total, expectedCounts(seeds.ota).total)
      }
      const phone = monthly.phone!
      assert.isTrue(phone.kind === "phone_calls" && phone.calls !== null && phone.calls.length > 0)
      if (phone.kind === "phone_calls") {
        for (const call of phone.calls!) {
          assert.isAbove(call.content.length, 0)
          assert.strictEqual(call.answer, "必要書類と受付時間を案内した")
        }
      }
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )

  it.effect("a voided entry leaves every count", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const log = yield* ActivityStore
      const visit = seeds.kanazawa.find((a) => a.kind === "counter_visit")!
      const before = yield* reports.get("kanazawa", { period: "day", date: visit.date })
      const voided = yield* log.void({ cityCode: visit.cityCode, key: visit.key, reason: "二重入力" })
      assert.strictEqual(voided.status, "voided")
      assert.strictEqual(
        (yield* log.void({ cityCode: visit.cityCode, key: visit.key, reason: "再送" })).status,
        "already_voided"
      )
      const after = yield* reports.get("kanazawa", { period: "day", date: visit.date })
      const total = (r: Report.Report) => {
        const s = r.sections.find((x) => x.id === "counter")!
        return s.kind === "counts" ? s.total : -1
      }
      assert.strictEqual(total(after), total(before) - 1)
      const missing = yield* Effect.flip(
        log.void({ cityCode: visit.cityCode, key: { source: "manual", sourceId: "never-recorded" }, reason: "x" })
      )
      assert.strictEqual(missing._tag, "ActivityNotFound")
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )

  it.effect("the daily rollups equal the log itself, voids taken away", () =>
    Effect.gen(function* () {
      const db = yield* Database.Database
      const direct = yield* db.use((k) =>
        sql<{ key: string; n: number; svc: number }>`
          select concat_ws('|', city_code, date, kind, site, coalesce(procedure, ''), coalesce(channel, ''),
                 coalesce(outcome, ''), coalesce(reason, ''), coalesce(category, ''), coalesce(transferred, false),
                 coalesce(escalated, false)) as key, count(*)::int as n, coalesce(sum(service_minutes), 0)::int as svc
          from activity a
          where not exists (select 1 from activity_void v where v.city_code = a.city_code and v.activity_id = a.id)
          group by 1 order by 1`.execute(k)
      )
      const rollup = yield* db.use((k) =>
        sql<{ key: string; n: number; svc: number }>`
          select concat_ws('|', city_code, date, kind, site, procedure, channel, outcome, reason, category,
                 transferred, escalated) as key, n::int as n, service_sum::int as svc
          from activity_daily where n <> 0 order by 1`.execute(k)
      )
      assert.isAbove(direct.rows.length, 100)
      assert.deepStrictEqual(rollup.rows, direct.rows)
      const waitingDirect = yield* db.use((k) =>
        sql<{ n: number }>`
          select count(*)::int as n from activity a where kind = 'counter_visit' and waiting_minutes is not null
            and not exists (select 1 from activity_void v where v.city_code = a.city_code and v.activity_id = a.id)`.execute(
          k
        )
      )
      const waitingRollup = yield* db.use((k) =>
        sql<{ n: number }>`select coalesce(sum(n), 0)::int as n from activity_waiting_daily`.execute(k)
      )
      assert.strictEqual(waitingRollup.rows[0]!.n, waitingDirect.rows[0]!.n)
    }).pipe(Effect.provide(TestLayer))
  )

  it.effect("a submitted report is frozen; a correction is a new version with a reason", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const log = yield* ActivityStore
      const request = { period: "month", month: "2026-01" } as const
      const missing = yield* Effect.flip(reports.submit("kanazawa", request, { by: "manager" }))
      assert.strictEqual(missing._tag, "ReportNarrativeMissing")
      const v1 = yield* reports.submit("kanazawa", request, {
        by: "manager",
        narratives: { improvements: "受付で持ち物を事前確認し、書類不足による再来庁を減らす" }
      })
      assert.strictEqual(v1.status, "submitted")
      assert.strictEqual(v1.version, 1)
      const total = (r: Report.Report) => {
        const s = r.sections.find((x) => x.id === "counter")!
        return s.kind === "counts" ? s.total : -1
      }
      // A late entry for the month: the submitted report does not move; the live one does.
      yield* log.record({
        kind: "counter_visit",
        cityCode: bySlug.kanazawa!.cityCode,
        site: "sogo",
        date: "2026-01-30",
        key: { source: "manual", sourceId: "late-entry-1" },
        procedure: "cert_renewal",
        channel: "walk_in",
        outcome: "done"
      })
      const frozen = yield* reports.get("kanazawa", request)
      assert.strictEqual(frozen.version, 1)
      assert.strictEqual(total(frozen), total(v1))
      assert.strictEqual(total(yield* reports.get("kanazawa", request, { live: true })), total(v1) + 1)
      const again = yield* Effect.flip(
        reports.submit("kanazawa", request, { by: "manager", narratives: { improvements: "x" } })
      )
      assert.strictEqual(again._tag, "ReportAlreadySubmitted")
      const v2 = yield* reports.submit("kanazawa", request, {
        by: "manager",
        narratives: { improvements: "同上" },
        reason: "1/30 の入力漏れを追加"
      })
      assert.strictEqual(v2.version, 2)
      assert.strictEqual(v2.correctionReason, "1/30 の入力漏れを追加")
      assert.strictEqual(total(v2), total(v1) + 1)
      assert.strictEqual(total(yield* reports.get("kanazawa", request, { version: 1 })), total(v1))
      // Frozen in the database too.
      const db = yield* Database.Database
      const refused = yield* Effect.flip(db.use((k) => sql`update report_submission set version = 9`.execute(k)))
      assert.strictEqual(refused.reason._tag, "RaisedException")
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )

  it.effect("a report cannot be submitted before its period has closed", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      // 2026-12-25 17:00 in Japan: Kawanishi closes at 17:15.
      const open = yield* Effect.flip(
        reports
          .submit("kawanishi", { period: "day", date: "2026-12-25" }, { by: "manager" })
          .pipe(at("2026-12-25T08:00:00Z"))
      )
      assert.strictEqual(open._tag, "ReportPeriodOpen")
      const preliminary = yield* reports
        .get("kawanishi", { period: "day", date: "2026-12-25" })
        .pipe(at("2026-12-25T08:00:00Z"))
      assert.strictEqual(preliminary.status, "preliminary")
      const closed = yield* reports
        .submit("kawanishi", { period: "day", date: "2026-12-25" }, { by: "manager" })
        .pipe(at("2026-12-25T08:20:00Z"))
      assert.strictEqual(closed.version, 1)
      assert.strictEqual(closed.due, "2026-12-28")
    }).pipe(Effect.provide(TestLayer))
  )

  it.effect("the due list: Kawanishi's December monthly is overdue after the 7th business day of January", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const onDue = yield* reports.due("kawanishi").pipe(at("2027-01-13T03:00:00Z"))
      const december = onDue.find((i) => i.form === "monthly" && i.period.key === "2026-12")!
      assert.strictEqual(december.due, "2027-01-13")
      assert.strictEqual(december.state, "due")
      const after = yield* reports.due("kawanishi").pipe(at("2027-01-14T03:00:00Z"))
      assert.strictEqual(after.find((i) => i.form === "monthly" && i.period.key === "2026-12")!.state, "overdue")
      // Holiday openings have day reports too; the submitted one says so.
      const saturday = after.find((i) => i.form === "daily" && i.period.key === "2026-12-05")!
      assert.strictEqual(saturday.due, "2026-12-07")
      assert.strictEqual(after.find((i) => i.form === "daily" && i.period.key === "2026-12-25")!.state, "submitted")
      assert.strictEqual(after.find((i) => i.form === "monthly" && i.period.key === "2027-01")!.state, "open")
    }).pipe(Effect.provide(TestLayer))
  )

  it.effect("a city without the report, and bad periods, are refused with the reason", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const none = yield* Effect.flip(reports.get("kawanishi", { period: "contract" }))
      assert.strictEqual(none._tag, "ReportFormNotFound")
      const badMonth = yield* Effect.flip(reports.get("kawanishi", { period: "month", month: "2026-13" }))
      assert.strictEqual(badMonth._tag, "DecodeError")
      const backwards = yield* Effect.flip(
        reports.get("ota", { period: "contract", from: "2027-01-01", to: "2026-12-01" })
      )
      assert.strictEqual(backwards._tag, "ReportPeriodInvalid")
      const city = yield* Effect.flip(reports.get("nowhere", { period: "month", month: "2026-12" }))
      assert.strictEqual(city._tag, "CityNotFound")
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )

  it.effect("Ota's completion report: counts, inquiries and the three narratives, due 30 days after the last day", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const report = yield* reports.get("ota", { period: "contract" })
      assert.strictEqual(report.due, "2027-04-30")
      assertTablesAddUp(report)
      const s = sections(report)
      const results = s.results!
      assert.isTrue(results.kind === "counts" && results.total === expectedCounts(seeds.ota).total)
      const inquiries = s.inquiries!
      if (inquiries.kind === "inquiries") {
        assert.strictEqual(inquiries.byPhone, seeds.ota.filter((a) => a.kind === "phone_call").length)
      }
      const missing = yield* Effect.flip(
        reports.submit("ota", { period: "contract" }, { by: "manager" }).pipe(at("2027-04-02T00:00:00Z"))
      )
      assert.strictEqual(missing._tag, "ReportNarrativeMissing")
      if (missing._tag === "ReportNarrativeMissing")
        assert.deepStrictEqual(missing.sections, ["business", "opinions", "reactions"])
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )

  it.effect("XLSX reads back with the same numbers and SUM formulas; Shift_JIS CSV round-trips", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const report = yield* reports.get("kawanishi", { period: "month", month: "2026-12" })
      const bytes = yield* Render.toXlsx(report)
      const workbook = new ExcelJS.Workbook()
      yield* Effect.promise(() => workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer))
      const blockGroups = groups(report)
      assert.strictEqual(workbook.worksheets.length, blockGroups.length + 1)
      assert.include(String(workbook.worksheets[0]!.getCell("B5").value), "令和8年12月")
      let formulas = 0
      blockGroups.forEach((group, i) => {
        const sheet = workbook.worksheets[i + 1]!
        // exceljs reads a date-formatted cell back as a JS Date (UTC midnight of the serial).
        const read: Array<number | string> = []
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value
            if (typeof v === "number") read.push(v)
            else if (v instanceof Date) read.push(v.toISOString().slice(0, 10))
            else if (v !== null && typeof v === "object" && "formula" in v) {
              formulas++
              assert.match(v.formula, /^SUM\(|^0$/)
              read.push(Number(v.result))
            }
          })
        )
        const expected = group.blocks.flatMap((b) => [
          ...b.rows.flatMap((r) =>
            r.flatMap((c): Array<number | string> =>
              typeof c === "number" ? [c] : typeof c === "object" ? [c.date] : []
            )
          ),
          ...(b.total !== undefined ? [b.total] : [])
        ])
        assert.deepStrictEqual(read, expected, group.title)
      })
      assert.isAbove(formulas, 5)
      const reception = report.sections.find((s) => s.id === "reception")!
      assert.isTrue(reception.kind === "counts" && reception.total > 0)

      const text = Render.toCsvText(report)
      const sjis = Render.toCsvShiftJis(report)
      assert.strictEqual(iconv.decode(Buffer.from(sjis), "cp932"), Render.toWindows31J(text))
      assert.include(text, "〜") // the waiting buckets' range sign, written as ～ in Shift_JIS
      assert.notInclude(Render.toWindows31J(text), "?")
      assert.notDeepEqual(Buffer.from(sjis), Buffer.from(text, "utf8"))
      const utf8 = Render.toCsvUtf8(report)
      assert.deepStrictEqual([...utf8.slice(0, 3)], [0xef, 0xbb, 0xbf])
      assert.strictEqual(Buffer.from(utf8.slice(3)).toString("utf8"), text)
      // The reception total reads back from the Shift_JIS file.
      const lines = iconv.decode(Buffer.from(sjis), "cp932").split("\r\n")
      const at = lines.indexOf("■ 受付件数")
      assert.strictEqual(lines[at + 2], `合計,${reception.kind === "counts" ? reception.total : -1}`)

      const html = Render.toHtml(report)
      assert.include(html, "<h2>受付件数</h2>")
      assert.strictEqual(html.split("<svg").length, html.split("</svg>").length)
      assert.isAbove(html.split("<svg").length, 3)
    }).pipe(at(AFTER), Effect.provide(TestLayer))
  )
})
