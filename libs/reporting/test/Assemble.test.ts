/**
 * Assembly is pure: a fifth city declared only in YAML gets its own report, with its own sections,
 * breakdowns and labels, from counted facts built by hand.
 */
import { assert, describe, it } from "@effect/vitest"
import { Profile } from "@madoguchi/domain"
import { Effect } from "effect"
import * as Aggregates from "../src/Aggregates.ts"
import { assemble } from "../src/Assemble.ts"
import * as Deadline from "../src/Deadline.ts"

const fifthCity = `
slug: sample
cityCode: "131016"
name: { ja: "見本区", en: "Sample Ward" }
prefecture: { ja: "東京都", en: "Tokyo" }
effectiveFrom: "2027-04-01"
contract:
  title: { ja: "見本区マイナンバーカード窓口業務", en: "Sample Ward counter services" }
  from: "2027-04-01"
  to: "2028-03-31"
sites:
  - id: main
    name: { ja: "区役所本庁舎", en: "Ward office" }
    kind: counter
reports:
  dayClosesAt: "17:00"
  labels:
    card_issuance: { ja: "交付(見本区の呼び方)", en: "Hand-over" }
  forms:
    - id: weekly_like_monthly
      period: month
      title: { ja: "月報", en: "Monthly" }
      due: { businessDaysAfter: 3 }
      sections:
        - kind: counts
          id: certs
          label: { ja: "電子証明書", en: "Certificates" }
          procedures: { include: [cert_issuance, cert_renewal] }
          breakdowns: [procedure, site]
        - kind: analysis
          id: analysis
          label: { ja: "分析", en: "Analysis" }
          waitingBuckets: [5, 10]
          top: 1
`

const cell = (procedure: string, outcome: string, count: number): Aggregates.VisitCell => ({
  procedure,
  channel: "walk_in",
  outcome,
  site: "main",
  date: "2027-05-10",
  count,
  serviceMinutesSum: count * 10,
  serviceMeasured: count
})

describe("assemble", () => {
  it.effect("a fifth city's form from its profile alone: sections, filters, labels, buckets, ranking", () =>
    Effect.gen(function* () {
      const profile = yield* Profile.parseYaml(fifthCity)
      const form = profile.reports!.forms[0]!
      const period = Deadline.monthPeriod("2027-05")
      const report = assemble({
        profile,
        form,
        period,
        aggregates: {
          ...Aggregates.empty,
          visits: [
            cell("card_issuance", "done", 7),
            cell("cert_renewal", "done", 4),
            cell("cert_issuance", "refused", 2)
          ],
          waiting: [
            { minutes: 3, count: 5 },
            { minutes: 7, count: 4 },
            { minutes: 40, count: 4 }
          ],
          reasons: [{ key: "missing_document", count: 2 }],
          missingDocuments: [
            { key: "issuance_notice", count: 1 },
            { key: "drivers_license", count: 1 }
          ]
        },
        status: "final",
        due: Deadline.dueDate(form, period),
        generatedAt: "2027-06-01T00:00:00Z"
      })
      assert.strictEqual(report.due, "2027-06-03")
      assert.strictEqual(report.period.label.ja, "令和9年5月(2027年5月)")
      const [certs, analysis] = report.sections
      assert.isTrue(certs!.kind === "counts")
      if (certs!.kind === "counts") {
        assert.strictEqual(certs.total, 6)
        assert.deepStrictEqual(
          certs.tables.map((t) => [t.by, t.rows.map((r) => [r.key, r.count])]),
          [
            [
              "procedure",
              [
                ["cert_issuance", 2],
                ["cert_renewal", 4]
              ]
            ],
            ["site", [["main", 6]]]
          ]
        )
        assert.strictEqual(certs.tables[1]!.rows[0]!.label.ja, "区役所本庁舎")
      }
      assert.isTrue(analysis!.kind === "analysis")
      if (analysis!.kind === "analysis") {
        assert.strictEqual(analysis.volumes.byProcedure.rows[0]!.label.ja, "交付(見本区の呼び方)")
        assert.deepStrictEqual(
          analysis.waiting.buckets.map((b) => [b.label.ja, b.count]),
          [
            ["0〜5分未満", 5],
            ["5〜10分未満", 4],
            ["10分以上", 4]
          ]
        )
        assert.strictEqual(analysis.waiting.medianMinutes, 7)
        assert.strictEqual(analysis.waiting.p90Minutes, 40)
        // top 1: the rest folds into one row, so the table still adds up.
        assert.deepStrictEqual(
          analysis.refusals.missingDocuments.rows.map((r) => [r.key, r.count]),
          [
            ["drivers_license", 1],
            ["_rest", 1]
          ]
        )
        assert.strictEqual(analysis.refusals.rate, Math.round((2 / 13) * 10_000) / 10_000)
        assert.strictEqual(analysis.volumes.businessDays, 18) // May 2027: 3–5 May are holidays
      }
    })
  )

  it.effect("a profile whose report form is wrong is refused with the path", () =>
    Effect.gen(function* () {
      const broken = fifthCity.replace("breakdowns: [procedure, site]", "breakdowns: [procedure, weather]")
      const error = yield* Effect.flip(Profile.parseYaml(broken))
      assert.include(error.problems.map((p) => p.path).join(" "), "reports.forms[0].sections[0].breakdowns[1]")
    })
  )
})
