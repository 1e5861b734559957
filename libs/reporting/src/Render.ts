/**
 * Renderers of the report model: JSON; CSV for Excel (UTF-8 with BOM, or Shift_JIS — Windows-31J —
 * for older Japanese office setups), blocks separated by blank lines; XLSX (one sheet per section,
 * Japanese headers, dates in 西暦 as real dates and in 和暦 as text, totals as SUM formulas); and a
 * print-ready HTML page with SVG charts.
 */
import ExcelJS from "exceljs"
import { Effect, Schema } from "effect"
import iconv from "iconv-lite"
import { anchorLines, type Block, type Cell, cover, groups, statusJa } from "./internal/blocks.ts"
import * as Svg from "./internal/svg.ts"
import * as Wareki from "./internal/wareki.ts"
import type * as Report from "./Report.ts"

/** @category models */
export type Format = "json" | "csv" | "csv-sjis" | "xlsx" | "html"

/** @category models */
export interface Rendered {
  readonly contentType: string
  readonly extension: string
  readonly body: Uint8Array | string
}

/** The renderer failed (exceljs could not write the workbook). @category errors */
export class RenderFailed extends Schema.TaggedError<RenderFailed>("@madoguchi/reporting/RenderFailed")(
  "RenderFailed",
  { format: Schema.String, cause: Schema.Defect() }
) {
  get ja(): string {
    return `報告書を ${this.format} 形式で出力できませんでした`
  }
  get en(): string {
    return `the report could not be rendered as ${this.format}`
  }
}

/** @category constructors */
export const toJson = (report: Report.Report): string => JSON.stringify(report, null, 2)

const csvCell = (cell: Cell): string => {
  const text = typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell : cell.date
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

const csvBlock = (block: Block): ReadonlyArray<ReadonlyArray<Cell>> => [
  [`■ ${block.title}`],
  block.header,
  ...block.rows,
  ...(block.total !== undefined ? [["合計", ...block.header.slice(2).map(() => ""), block.total]] : [])
]

/** The CSV text (blocks separated by blank lines, CRLF line ends). @category constructors */
export const toCsvText = (report: Report.Report): string => {
  const lines: Array<string> = []
  const blocks = [cover(report), ...groups(report).flatMap((g) => g.blocks)]
  for (const block of blocks) {
    for (const row of csvBlock(block)) lines.push(row.map(csvCell).join(","))
    lines.push("")
  }
  return lines.join("\r\n")
}

/** UTF-8 with a byte-order mark (Excel opens it as UTF-8). @category constructors */
export const toCsvUtf8 = (report: Report.Report): Uint8Array =>
  new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsvText(report), "utf8")]))

/** Unicode dashes and tildes that Windows-31J writes with its own code points. */
const WINDOWS_31J: Readonly<Record<string, string>> = {
  "\u301c": "\uff5e", // 〜 → ～
  "\u2014": "\u2015", // — → ―
  "\u2013": "\uff0d", // – → －
  "\u2212": "\uff0d", // − → －
  "\u00b7": "\u30fb", // · → ・
  "\u00a0": " "
}
const mapWindows31J = (text: string) => text.replace(/[\u301c\u2014\u2013\u2212\u00b7\u00a0]/g, (c) => WINDOWS_31J[c]!)

/**
 * Text as it reads back from Windows-31J: dashes and tildes mapped to the code points Excel uses; any
 * other character outside the set (an emoji, a rare kanji) becomes "?".
 *
 * @category constructors
 */
export const toWindows31J = (text: string): string => iconv.decode(iconv.encode(mapWindows31J(text), "cp932"), "cp932")

/** Shift_JIS (Windows-31J, which Excel in Japanese writes and reads). @category constructors */
export const toCsvShiftJis = (report: Report.Report): Uint8Array =>
  new Uint8Array(iconv.encode(mapWindows31J(toCsvText(report)), "cp932"))

const sheetName = (title: string, used: Set<string>): string => {
  const base = title.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "sheet"
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}_${i}`
  used.add(name)
  return name
}

const writeBlock = (sheet: ExcelJS.Worksheet, start: number, block: Block): number => {
  let r = start
  const title = sheet.getRow(r++)
  title.getCell(1).value = block.title
  title.getCell(1).font = { bold: true }
  const header = sheet.getRow(r++)
  block.header.forEach((h, i) => {
    const cell = header.getCell(i + 1)
    cell.value = h
    cell.font = { bold: true }
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } }
    cell.border = { bottom: { style: "thin" } }
  })
  const first = r
  for (const row of block.rows) {
    const xrow = sheet.getRow(r++)
    row.forEach((value, i) => {
      const cell = xrow.getCell(i + 1)
      if (typeof value === "object") {
        cell.value = Wareki.excelSerial(value.date)
        cell.numFmt = "yyyy/mm/dd"
      } else cell.value = value
    })
  }
  if (block.total !== undefined) {
    const column = block.header.length
    const letter = sheet.getColumn(column).letter
    const totalRow = sheet.getRow(r++)
    totalRow.getCell(1).value = "合計"
    totalRow.getCell(1).font = { bold: true }
    const cell = totalRow.getCell(column)
    cell.value =
      r - 1 > first
        ? { formula: `SUM(${letter}${first}:${letter}${r - 2})`, result: block.total }
        : { formula: "0", result: 0 }
    cell.font = { bold: true }
    cell.border = { top: { style: "thin" } }
  }
  return r + 1
}

/** The XLSX workbook. @category constructors */
export const toXlsx = (report: Report.Report): Effect.Effect<Uint8Array, RenderFailed> =>
  Effect.tryPromise({
    try: async () => {
      const workbook = new ExcelJS.Workbook()
      workbook.creator = "Madoguchi"
      const used = new Set<string>()
      const sheets: Array<readonly [ExcelJS.Worksheet, ReadonlyArray<Block>]> = [
        [workbook.addWorksheet(sheetName("表紙", used)), [cover(report)]],
        ...groups(report).map((g) => [workbook.addWorksheet(sheetName(g.title, used)), g.blocks] as const)
      ]
      for (const [sheet, blocks] of sheets) {
        let row = 1
        for (const block of blocks) row = writeBlock(sheet, row, block)
        sheet.columns.forEach((column, i) => {
          column.width = i === 0 ? 14 : i === 1 ? 28 : 16
        })
      }
      return new Uint8Array(await workbook.xlsx.writeBuffer())
    },
    catch: (cause) => new RenderFailed({ format: "xlsx", cause })
  })

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const cellHtml = (cell: Cell) =>
  typeof cell === "number"
    ? `<td class="n">${cell.toLocaleString("ja-JP")}</td>`
    : typeof cell === "string"
      ? `<td>${esc(cell)}</td>`
      : `<td>${esc(cell.date)}</td>`

const blockHtml = (block: Block) =>
  `<table><caption>${esc(block.title)}</caption><thead><tr>${block.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>` +
  block.rows.map((row) => `<tr>${row.map(cellHtml).join("")}</tr>`).join("") +
  (block.total !== undefined
    ? `<tr class="total"><th colspan="${block.header.length - 1}">合計</th><td class="n">${block.total.toLocaleString("ja-JP")}</td></tr>`
    : "") +
  `</tbody></table>`

const charts = (s: Report.SectionModel): ReadonlyArray<string> => {
  const bars = (t: Report.Table) =>
    t.rows.map((r) => ({ label: t.by === "date" && r.key !== "_rest" ? r.key.slice(5) : r.label.ja, value: r.count }))
  switch (s.kind) {
    case "counts":
      return s.tables
        .filter((t) => t.rows.length > 0)
        .map((t) =>
          t.by === "date"
            ? Svg.verticalBars(`${s.label.ja}(${t.label.ja})`, bars(t))
            : Svg.horizontalBars(`${s.label.ja}(${t.label.ja})`, bars(t))
        )
    case "phone_calls":
      return s.byCategory.rows.length > 0 ? [Svg.horizontalBars(`${s.label.ja}(内容別)`, bars(s.byCategory))] : []
    case "analysis":
      return [
        Svg.horizontalBars("手続別の処理件数", bars(s.volumes.byProcedure)),
        Svg.horizontalBars("来庁経路別の処理件数", bars(s.volumes.byChannel)),
        Svg.verticalBars(
          "待ち時間の分布",
          s.waiting.buckets.map((b) => ({ label: b.label.ja, value: b.count }))
        ),
        ...(s.refusals.reasons.rows.length > 0
          ? [Svg.horizontalBars("受付不可・再来庁の理由", bars(s.refusals.reasons))]
          : []),
        ...(s.refusals.missingDocuments.rows.length > 0
          ? [Svg.horizontalBars("不足していた書類", bars(s.refusals.missingDocuments))]
          : []),
        ...(s.phoneTopics.rows.length > 0 ? [Svg.horizontalBars("電話の内容", bars(s.phoneTopics))] : [])
      ]
    default:
      return []
  }
}

/** A print-ready HTML page (A4, Japanese), with SVG charts. @category constructors */
export const toHtml = (report: Report.Report): string => {
  const sectionsHtml = report.sections
    .map((s, i) => {
      const group = groups(report)[i]!
      const narrative =
        s.kind === "narrative"
          ? `<div class="narrative">${s.text ? esc(s.text).replace(/\n/g, "<br>") : s.required ? "(未記入)" : ""}</div>`
          : ""
      return (
        `<section><h2>${esc(s.label.ja)}</h2>${narrative}` +
        `<div class="charts">${charts(s).join("")}</div>` +
        (s.kind === "narrative" ? "" : group.blocks.map(blockHtml).join("")) +
        `</section>`
      )
    })
    .join("")
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<title>${esc(report.city.name.ja)} ${esc(report.form.title.ja)} ${esc(report.period.label.ja)}</title>
<style>
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12.5pt; border-left: 4px solid #2f6f9f; padding-left: 6px; margin: 6mm 0 3mm; }
table { border-collapse: collapse; margin: 0 0 4mm; min-width: 60%; }
caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
th, td { border: 1px solid #999; padding: 2px 6px; vertical-align: top; }
th { background: #ddebf7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; background: #f2f2f2; }
.meta td:first-child { background: #f2f2f2; width: 8em; }
.meta td.anchor { font-family: ui-monospace, "BIZ UDGothic", monospace; font-size: 9pt; word-break: break-all; }
.narrative { white-space: normal; border: 1px solid #999; padding: 3mm; min-height: 20mm; }
section { break-inside: avoid-page; }
svg { display: block; margin: 2mm 0; max-width: 100%; height: auto; }
@media print { .charts { break-inside: avoid; } }
</style></head>
<body>
<h1>${esc(report.city.name.ja)} ${esc(report.form.title.ja)}</h1>
<table class="meta"><tbody>
<tr><td>対象期間</td><td>${esc(report.period.label.ja)}</td></tr>
<tr><td>提出期限</td><td>${report.due ? `${esc(Wareki.date(report.due))}(${esc(report.due)})` : esc(report.dueNote?.ja ?? "定めなし")}</td></tr>
<tr><td>状態</td><td>${esc(statusJa(report))}</td></tr>
<tr><td>作成日時</td><td>${esc(report.generatedAt)}</td></tr>
${anchorLines(report)
  .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="anchor">${esc(v)}</td></tr>`)
  .join("\n")}
</tbody></table>
${sectionsHtml}
</body></html>`
}

/** Render in a format. @category constructors */
export const render = (report: Report.Report, format: Format): Effect.Effect<Rendered, RenderFailed> => {
  switch (format) {
    case "json":
      return Effect.succeed({ contentType: "application/json; charset=utf-8", extension: "json", body: toJson(report) })
    case "csv":
      return Effect.succeed({ contentType: "text/csv; charset=utf-8", extension: "csv", body: toCsvUtf8(report) })
    case "csv-sjis":
      return Effect.succeed({
        contentType: "text/csv; charset=Shift_JIS",
        extension: "csv",
        body: toCsvShiftJis(report)
      })
    case "xlsx":
      return Effect.map(toXlsx(report), (body) => ({
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
        body
      }))
    case "html":
      return Effect.succeed({ contentType: "text/html; charset=utf-8", extension: "html", body: toHtml(report) })
  }
}

/** A file name for a rendered report: `kawanishi_monthly_2026-12_v2.xlsx`. @category constructors */
export const fileName = (report: Report.Report, rendered: Rendered): string =>
  `${report.city.slug}_${report.form.id}_${report.period.key.replace("..", "_")}${report.version ? `_v${report.version}` : ""}.${rendered.extension}`
