/**
 * Forecasts and volumes: reading the profile's series (the seeds' tables) month by month, and
 * importing a forecast CSV (`month,kind,count`) the way Japanese offices export it — UTF-8 with or
 * without BOM, or Shift_JIS (CP932) from Excel, comma- or tab-separated, Japanese or English
 * headers, months as `2026-10`, `2026/10`, `2026年10月` or `令和8年10月`, counts with thousands
 * separators. Every problem is reported with its line number, in Japanese and English, and nothing
 * is imported when anything is wrong.
 */
import type { Series, SeriesKind } from "@madoguchi/domain/profile/Planning"
import { SeriesKind as SeriesKindSchema } from "@madoguchi/domain/profile/Planning"
import { Effect, Schema } from "effect"
import iconv from "iconv-lite"
import { addMonths, fiscalYearOf, monthsBetween } from "./internal/dates.ts"

/** A count looked up in a series, and whether it came from the table or was extended from it. @category models */
export interface Lookup {
  readonly count: number
  readonly actual: boolean
}

/** The series of a kind (merged when a profile lists several for one kind). @category rules */
export const seriesOf = (series: ReadonlyArray<Series>, kind: SeriesKind): ReadonlyArray<Series> =>
  series.filter((s) => s.kind === kind)

/**
 * The count of `kind` in `month`. Outside the table's months, `hold_nearest` repeats the nearest
 * month's count (people come months before and after expiry, so the first and last months of a
 * plan need expiries the table does not list); `zero` counts nothing.
 *
 * @category rules
 */
export const monthCount = (
  series: ReadonlyArray<Series>,
  kind: SeriesKind,
  month: string,
  beyond: "hold_nearest" | "zero"
): Lookup => {
  let total = 0
  let found = false
  let nearest: { distance: number; count: number } | undefined
  for (const s of seriesOf(series, kind)) {
    const v = s.months[month]
    if (v !== undefined) {
      total += v
      found = true
      continue
    }
    for (const [m, c] of Object.entries(s.months)) {
      const distance = Math.abs(monthsBetween(m, month))
      if (nearest === undefined || distance < nearest.distance) nearest = { distance, count: c }
    }
  }
  if (found) return { count: total, actual: true }
  return { count: beyond === "hold_nearest" && nearest ? nearest.count : 0, actual: false }
}

/** The yearly total of `kind` for a fiscal year (年度), if the series lists it. @category rules */
export const fiscalYearCount = (series: ReadonlyArray<Series>, kind: SeriesKind, fiscalYear: number) => {
  let total: number | undefined
  for (const s of seriesOf(series, kind)) {
    const v = s.fiscalYears[String(fiscalYear)]
    if (v !== undefined) total = (total ?? 0) + v
  }
  return total
}

/** The months a series of `kind` covers, sorted. @category rules */
export const monthsOf = (series: ReadonlyArray<Series>, kind: SeriesKind): ReadonlyArray<string> =>
  [...new Set(seriesOf(series, kind).flatMap((s) => Object.keys(s.months)))].sort()

/** `month` shifted by whole years to `year` (the same month of a reference year). @category rules */
export const sameMonthIn = (month: string, year: number): string => `${String(year).padStart(4, "0")}${month.slice(4)}`

/** The fiscal year of a month, re-exported for callers. @category rules */
export const fiscalYear = fiscalYearOf

/** The month `n` months after `month`. @category rules */
export const shiftMonth = addMonths

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

/** One problem of an import, at a line (1-based, the header is line 1). @category models */
export interface ImportProblem {
  readonly line: number
  readonly column?: string
  readonly ja: string
  readonly en: string
}

/** A forecast file that could not be imported; every problem is listed. @category errors */
export class ForecastImportError extends Schema.TaggedError<ForecastImportError>(
  "@madoguchi/scheduling/ForecastImportError"
)("ForecastImportError", {
  file: Schema.String,
  problems: Schema.Array(
    Schema.Struct({ line: Schema.Number, column: Schema.optional(Schema.String), ja: Schema.String, en: Schema.String })
  )
}) {
  get ja(): string {
    return [
      `予測ファイル ${this.file} を取り込めません(${this.problems.length}件の誤り):`,
      ...this.problems.map((p) => `  ${p.line}行目${p.column ? `(${p.column})` : ""}: ${p.ja}`)
    ].join("\n")
  }
  get en(): string {
    return [
      `cannot import the forecast file ${this.file} (${this.problems.length} problem(s)):`,
      ...this.problems.map((p) => `  line ${p.line}${p.column ? ` (${p.column})` : ""}: ${p.en}`)
    ].join("\n")
  }
  override get message(): string {
    return this.en
  }
}

/** A decoded file: its text and the encoding it was read in. @category models */
export interface DecodedText {
  readonly text: string
  readonly encoding: "utf-8" | "shift_jis" | "utf-16le"
}

/**
 * Decode the bytes of a CSV: a UTF-8 or UTF-16LE byte-order mark decides; otherwise strict UTF-8,
 * and Shift_JIS (CP932, Excel's "CSV" in Japanese Windows) when that fails.
 *
 * @category import
 */
export const decodeBytes = (bytes: Uint8Array): DecodedText => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    return { text: iconv.decode(bytes, "cp932"), encoding: "shift_jis" }
  }
}

/** RFC 4180 records with the physical line each starts on (quoted cells may span lines). */
const records = (
  text: string,
  delimiter: string
): { rows: Array<{ line: number; cells: Array<string> }>; unterminated?: number } => {
  const rows: Array<{ line: number; cells: Array<string> }> = []
  let line = 1
  let i = 0
  while (i < text.length) {
    const start = line
    const cells: Array<string> = []
    let cell = ""
    let quoted = false
    let quoteLine = line
    for (;;) {
      if (i >= text.length) {
        if (quoted) return { rows, unterminated: quoteLine }
        cells.push(cell)
        break
      }
      const ch = text[i]!
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
          } else {
            quoted = false
            i++
          }
        } else {
          if (ch === "\n") line++
          cell += ch
          i++
        }
        continue
      }
      if (ch === '"' && cell.trim() === "") {
        quoted = true
        quoteLine = line
        cell = ""
        i++
      } else if (ch === delimiter) {
        cells.push(cell)
        cell = ""
        i++
      } else if (ch === "\r" || ch === "\n") {
        cells.push(cell)
        i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1
        line++
        break
      } else {
        cell += ch
        i++
      }
    }
    rows.push({ line: start, cells })
  }
  return { rows }
}

const HEADERS = {
  month: ["month", "年月", "月", "対象月"],
  kind: ["kind", "種別", "区分", "種類"],
  count: ["count", "件数", "数", "人数"],
  basis: ["basis", "予測/実績", "予実"]
} as const

/** Japanese names of the series kinds, as offices write them. @category constants */
export const kindAliases: Readonly<Record<string, SeriesKind>> = {
  カード有効期限切れ: "card_expiry",
  マイナンバーカード有効期限切れ: "card_expiry",
  カード有効期限切れ件数: "card_expiry",
  電子証明書有効期限切れ: "cert_expiry",
  電子証明書有効期限切れ件数: "cert_expiry",
  カード交付: "card_issuance",
  交付: "card_issuance",
  交付件数: "card_issuance",
  電子証明書発行更新: "cert_service",
  "電子証明書発行・更新": "cert_service",
  申請受付: "card_application",
  申請: "card_application",
  交付通知書: "issuance_notices",
  交付通知書発送: "issuance_notices",
  処理枚数: "cards_processed",
  電話: "phone_calls",
  電話対応: "phone_calls",
  電話対応件数: "phone_calls"
}

const ERAS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(令和|R)/i, 2018],
  [/^(平成|H)/i, 1988]
]

/** `2026-10`, `2026/10`, `2026/10/01`, `2026年10月`, `令和8年10月`, `R8.10` → `2026-10`. @category import */
export const parseMonth = (raw: string): string | undefined => {
  const s = raw.trim()
  let m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})(\s*月)?([-/.]\d{1,2}(日)?)?$/)
  if (m) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, "0")}` : undefined
  }
  for (const [era, offset] of ERAS) {
    if (!era.test(s)) continue
    m = s.replace(era, "").match(/^\s*(元|\d{1,2})\s*[年.]\s*(\d{1,2})\s*月?$/)
    if (!m) return undefined
    const year = (m[1] === "元" ? 1 : Number(m[1])) + offset
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, "0")}` : undefined
  }
  return undefined
}

const isKind = Schema.is(SeriesKindSchema)

/** The outcome of an import: series ready for `planning.series`, and how the file was read. @category models */
export interface Imported {
  readonly encoding: DecodedText["encoding"]
  readonly rows: number
  readonly series: ReadonlyArray<Series>
}

/**
 * Import a forecast CSV. `file` names it in errors.
 *
 * @category import
 */
export const importCsv = (
  bytes: Uint8Array,
  options: { readonly file: string; readonly source?: string }
): Effect.Effect<Imported, ForecastImportError> =>
  Effect.suspend(() => {
    const decoded = decodeBytes(bytes)
    const text = decoded.text
    const firstLine = text.slice(0, text.search(/\r|\n|$/))
    const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ","
    const problems: Array<ImportProblem> = []
    const fail = () => Effect.fail(new ForecastImportError({ file: options.file, problems }))
    const parsed = records(text, delimiter)
    if (parsed.unterminated !== undefined) {
      problems.push({
        line: parsed.unterminated,
        ja: '引用符(")が閉じられていません',
        en: "a quoted cell is never closed"
      })
      return fail()
    }
    // Full-width digits, letters and punctuation (２，１０１) are read as their ASCII forms, cell by cell.
    const rows = parsed.rows
      .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.normalize("NFKC")) }))
      .filter((r) => r.cells.some((c) => c.trim() !== ""))
    const header = rows[0]
    if (!header) {
      problems.push({ line: 1, ja: "ファイルが空です", en: "the file is empty" })
      return fail()
    }
    const names = header.cells.map((c) => c.trim().toLowerCase())
    const column = (key: keyof typeof HEADERS) =>
      names.findIndex((n) => (HEADERS[key] as ReadonlyArray<string>).includes(n))
    const at = { month: column("month"), kind: column("kind"), count: column("count"), basis: column("basis") }
    for (const key of ["month", "kind", "count"] as const)
      if (at[key] < 0)
        problems.push({
          line: header.line,
          column: key,
          ja: `見出し行に「${key}」(${HEADERS[key].slice(1).join("・")})の列がありません。1行目は month,kind,count としてください`,
          en: `the header has no "${key}" column; the first line must be month,kind,count`
        })
    if (problems.length > 0) return fail()
    const seen = new Map<string, number>()
    const bySeries = new Map<
      string,
      { kind: SeriesKind; basis: "forecast" | "actual"; months: Record<string, number> }
    >()
    for (const row of rows.slice(1)) {
      const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? "").trim() : "")
      const rawMonth = cell(at.month)
      const rawKind = cell(at.kind)
      const rawCount = cell(at.count)
      const rawBasis = cell(at.basis)
      const month = parseMonth(rawMonth)
      if (month === undefined)
        problems.push({
          line: row.line,
          column: "month",
          ja: `年月が読めません: 「${rawMonth}」(例: 2026-10、2026年10月、令和8年10月)`,
          en: `cannot read the month ${JSON.stringify(rawMonth)} (e.g. 2026-10)`
        })
      const kind = isKind(rawKind) ? rawKind : kindAliases[rawKind]
      if (kind === undefined)
        problems.push({
          line: row.line,
          column: "kind",
          ja: `種別が不明です: 「${rawKind}」(使える種別: ${SeriesKindSchema.literals.join(", ")})`,
          en: `unknown kind ${JSON.stringify(rawKind)} (expected one of ${SeriesKindSchema.literals.join(", ")})`
        })
      const digits = rawCount.replace(/[,\s]/g, "")
      const count = /^\d+$/.test(digits) ? Number(digits) : Number.NaN
      if (!Number.isSafeInteger(count))
        problems.push({
          line: row.line,
          column: "count",
          ja: `件数は0以上の整数で指定してください: 「${rawCount}」`,
          en: `the count must be a whole number ≥ 0, got ${JSON.stringify(rawCount)}`
        })
      const basis =
        rawBasis === "" || rawBasis === "forecast" || rawBasis === "予測"
          ? "forecast"
          : rawBasis === "actual" || rawBasis === "実績"
            ? "actual"
            : undefined
      if (basis === undefined)
        problems.push({
          line: row.line,
          column: "basis",
          ja: `予測/実績の区分が不明です: 「${rawBasis}」(forecast/予測 または actual/実績)`,
          en: `unknown basis ${JSON.stringify(rawBasis)} (forecast or actual)`
        })
      if (row.cells.length > names.length)
        problems.push({
          line: row.line,
          ja: `列が多すぎます(${row.cells.length}列、見出しは${names.length}列)`,
          en: `too many cells (${row.cells.length}, the header has ${names.length})`
        })
      if (month === undefined || kind === undefined || !Number.isSafeInteger(count) || basis === undefined) continue
      const key = `${kind}|${basis}|${month}`
      const previous = seen.get(key)
      if (previous !== undefined) {
        problems.push({
          line: row.line,
          ja: `${month} の ${kind} は ${previous}行目と重複しています`,
          en: `${kind} for ${month} repeats line ${previous}`
        })
        continue
      }
      seen.set(key, row.line)
      const group = bySeries.get(`${kind}|${basis}`) ?? { kind, basis, months: {} }
      group.months[month] = count
      bySeries.set(`${kind}|${basis}`, group)
    }
    if (problems.length > 0) return fail()
    if (bySeries.size === 0) {
      problems.push({ line: header.line, ja: "データ行がありません", en: "there are no data rows" })
      return fail()
    }
    const series: Array<Series> = [...bySeries.values()].map((g) => ({
      kind: g.kind,
      basis: g.basis,
      ...(options.source !== undefined ? { source: options.source } : { source: options.file }),
      months: Object.fromEntries(Object.entries(g.months).sort(([a], [b]) => (a < b ? -1 : 1))),
      fiscalYears: {}
    }))
    return Effect.succeed({ encoding: decoded.encoding, rows: rows.length - 1, series })
  })
