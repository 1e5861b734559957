import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import iconv from "iconv-lite"
import * as Forecast from "../src/Forecast.ts"
import { kawanishi } from "./profiles.ts"

const utf8 = (text: string) => new TextEncoder().encode(text)
const sjis = (text: string) => new Uint8Array(iconv.encode(text, "cp932"))

const imported = (bytes: Uint8Array) => Effect.runSync(Forecast.importCsv(bytes, { file: "forecast.csv" }))
const failure = (bytes: Uint8Array) => {
  const exit = Effect.runSyncExit(Forecast.importCsv(bytes, { file: "forecast.csv" }))
  assert.isTrue(Exit.isFailure(exit))
  const error = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail") : undefined
  assert.isDefined(error)
  return (error as unknown as { error: Forecast.ForecastImportError }).error
}

describe("Forecast: CSV import", () => {
  it("reads UTF-8 month,kind,count with quoted thousands and a BOM", () => {
    const r = imported(utf8('\uFEFFmonth,kind,count\r\n2026-10,card_expiry,710\r\n2026-10,cert_expiry,"1,972"\r\n'))
    assert.strictEqual(r.encoding, "utf-8")
    assert.strictEqual(r.rows, 2)
    assert.deepStrictEqual(
      r.series.map((s) => [s.kind, s.basis, s.months]),
      [
        ["card_expiry", "forecast", { "2026-10": 710 }],
        ["cert_expiry", "forecast", { "2026-10": 1972 }]
      ]
    )
  })

  it("reads Shift_JIS from Excel with Japanese headers, kinds, 和暦 months and full-width digits", () => {
    const text =
      "年月,種別,件数\r\n令和8年10月,カード有効期限切れ,710\r\n2026年11月,電子証明書有効期限切れ,２，１０１\r\nR8.12,電話対応,90\r\n"
    const r = imported(sjis(text))
    assert.strictEqual(r.encoding, "shift_jis")
    const byKind = Object.fromEntries(r.series.map((s) => [s.kind, s.months]))
    assert.deepStrictEqual(byKind, {
      card_expiry: { "2026-10": 710 },
      cert_expiry: { "2026-11": 2101 },
      phone_calls: { "2026-12": 90 }
    })
  })

  it("reads tab-separated text and a basis column", () => {
    const r = imported(
      utf8("month\tkind\tcount\tbasis\n2024/01\tcard_issuance\t739\t実績\n2024/02/01\tcard_issuance\t774\tactual\n")
    )
    assert.deepStrictEqual(r.series, [
      {
        kind: "card_issuance",
        basis: "actual",
        source: "forecast.csv",
        months: { "2024-01": 739, "2024-02": 774 },
        fiscalYears: {}
      }
    ])
  })

  it("reports every bad line with its number, in Japanese and English, and imports nothing", () => {
    const e = failure(
      utf8(
        [
          "month,kind,count",
          "2026-10,card_expiry,710",
          "2026-13,card_expiry,5",
          "2026-11,card_expiries,5",
          "2026-12,card_expiry,-3",
          "2026-10,card_expiry,711",
          '2027-01,cert_expiry,"12,x"'
        ].join("\n")
      )
    )
    assert.deepStrictEqual(
      e.problems.map((p) => [p.line, p.column ?? ""]),
      [
        [3, "month"],
        [4, "kind"],
        [5, "count"],
        [6, ""],
        [7, "count"]
      ]
    )
    assert.include(e.problems[3]!.en, "repeats line 2")
    assert.include(e.problems[3]!.ja, "2行目と重複")
    assert.include(e.ja, "3行目(month)")
    assert.include(e.en, "line 4 (kind)")
  })

  it("counts lines across quoted cells that span lines", () => {
    const e = failure(utf8('month,kind,count\n2026-10,"card\nexpiry",1\n2026-1x,card_expiry,1\n'))
    assert.deepStrictEqual(
      e.problems.map((p) => p.line),
      [2, 4]
    )
  })

  it("refuses a missing header column, an empty file and an unclosed quote", () => {
    assert.deepStrictEqual(
      failure(utf8("date,kind,number\n2026-10,card_expiry,1\n")).problems.map((p) => [p.line, p.column]),
      [
        [1, "month"],
        [1, "count"]
      ]
    )
    assert.include(failure(utf8("")).problems[0]!.en, "empty")
    assert.include(failure(utf8("month,kind,count\n")).problems[0]!.en, "no data rows")
    assert.deepStrictEqual(failure(utf8('month,kind,count\n2026-10,card_expiry,"710\n')).problems[0]!.line, 2)
  })

  it("round-trips the Kawanishi tables of seed 002", () => {
    const rows = kawanishi.planning!.series.flatMap((s) =>
      Object.entries(s.months).map(([m, n]) => `${m},${s.kind},${n}`)
    )
    const r = imported(sjis(["month,kind,count", ...rows].join("\r\n")))
    assert.deepStrictEqual(
      r.series.map((s) => s.months),
      kawanishi.planning!.series.map((s) => s.months)
    )
  })
})

describe("Forecast: series lookups", () => {
  const series = kawanishi.planning!.series
  it("reads a month of the table and extends past it by the nearest month or not at all", () => {
    assert.deepStrictEqual(Forecast.monthCount(series, "card_expiry", "2027-07", "hold_nearest"), {
      count: 925,
      actual: true
    })
    assert.deepStrictEqual(Forecast.monthCount(series, "card_expiry", "2026-08", "hold_nearest"), {
      count: 710,
      actual: false
    })
    assert.deepStrictEqual(Forecast.monthCount(series, "card_expiry", "2028-06", "hold_nearest"), {
      count: 350,
      actual: false
    })
    assert.deepStrictEqual(Forecast.monthCount(series, "card_expiry", "2028-06", "zero"), { count: 0, actual: false })
  })

  it("parses the month notations of Japanese offices", () => {
    assert.strictEqual(Forecast.parseMonth("令和10年3月"), "2028-03")
    assert.strictEqual(Forecast.parseMonth("平成31年4月"), "2019-04")
    assert.strictEqual(Forecast.parseMonth("令和元年5月"), "2019-05")
    assert.strictEqual(Forecast.parseMonth("2026/7"), "2026-07")
    assert.isUndefined(Forecast.parseMonth("2026-00"))
    assert.isUndefined(Forecast.parseMonth("October"))
  })
})
