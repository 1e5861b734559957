/**
 * The 台帳 for the city: who held what, where and when (Koganei 特記事項 第7条⑸: 個人情報の利用者、保管場所
 * その他の取扱いの状況; Kawanishi 1.4(2): 貸与物の日時内容の一覧). One row per item per event, Japanese
 * headers, as CSV (UTF-8 with BOM and CRLF, for Excel) or XLSX (exceljs: the ledger, the items still
 * held, and the verification of the chain with its anchor, so the printout can be checked later).
 */
import type { CustodySection } from "@madoguchi/domain/profile/Custody"
import { Effect, Schema } from "effect"
import ExcelJS from "exceljs"
import type { Anchor, VerifyResult } from "./Chain.ts"
import { type Body, eventLabel, type LedgerEntry, organizationLabel } from "./Event.ts"
import { type ItemState, kindLabel, type Status, statusLabel, unitsByStatus } from "./Item.ts"
import { destination, rules } from "./Transition.ts"

/** One row of the 台帳. @category models */
export interface LedgerRow {
  readonly seq: number
  readonly occurredAt: string
  readonly event: string
  readonly kind: string
  readonly reference: string
  readonly description: string
  readonly count: number | ""
  readonly from: string
  readonly to: string
  readonly by: string
  readonly witness: string
  readonly place: string
  readonly status: string
  readonly method: string
  readonly note: string
  readonly recordedBy: string
  readonly recordedAt: string
  readonly hash: string
}

/** Column keys and their Japanese headers, in order. @category models */
export const columns: ReadonlyArray<readonly [keyof LedgerRow, string]> = [
  ["seq", "連番"],
  ["occurredAt", "日時"],
  ["event", "区分"],
  ["kind", "品目"],
  ["reference", "管理番号"],
  ["description", "内容"],
  ["count", "数量"],
  ["from", "渡した人"],
  ["to", "受け取った人"],
  ["by", "担当者"],
  ["witness", "立会者"],
  ["place", "保管場所"],
  ["status", "状態"],
  ["method", "方法"],
  ["note", "備考・理由"],
  ["recordedBy", "記録者"],
  ["recordedAt", "記録日時"],
  ["hash", "ハッシュ(先頭16桁)"]
]

/** `2026-04-01 09:12` in Asia/Tokyo. @category constructors */
export const localDateTime = (iso: string): string =>
  new Date(iso).toLocaleString("sv-SE", { timeZone: "Asia/Tokyo", hour12: false }).slice(0, 16)

const person = (p: Body["from"]): string =>
  p
    ? p.organization === "resident"
      ? "住民"
      : `${p.name ?? ""}(${organizationLabel[p.organization].ja}${p.title ? `・${p.title}` : ""})`
    : ""

/**
 * The rows of the ledger: one per item touched by each entry (a count line per kind for a stock-take).
 *
 * @category constructors
 */
export const ledgerRows = (
  entries: Iterable<LedgerEntry>,
  items: ReadonlyMap<string, ItemState>,
  section: CustodySection,
  /** Only these item kinds (Kawanishi 1.4(2): the list of lent materials). */
  itemKinds?: ReadonlyArray<string>
): ReadonlyArray<LedgerRow> => {
  const wanted = (kind: string) => itemKinds === undefined || itemKinds.includes(kind)
  const places = new Map(section.places.map((p) => [p.id, p.name.ja]))
  const placeName = (id: string | null | undefined) => (id ? (places.get(id) ?? id) : "")
  const out: Array<LedgerRow> = []
  for (const e of entries) {
    const b = e.body
    const base = {
      seq: e.seq,
      occurredAt: localDateTime(e.occurredAt),
      event: eventLabel[e.kind].ja,
      from: person(b.from),
      to: person(b.to),
      by: person(b.by ?? b.approver),
      witness: person(b.witness),
      method: b.method ?? "",
      note: [b.reason, b.note].filter((s) => s !== undefined).join(" / "),
      recordedBy: e.recordedBy,
      recordedAt: localDateTime(e.recordedAt),
      hash: e.hash.slice(0, 16)
    }
    const born = rules[e.kind].born
    for (const n of (b.newItems ?? []).filter((n) => wanted(n.kind))) {
      out.push({
        ...base,
        kind: kindLabel[n.kind].ja,
        reference: n.reference ?? "",
        description: n.description ?? "",
        count: n.kind === "batch" ? (n.declaredCount ?? "") : n.quantity,
        place: n.kind === "batch" ? "" : placeName(b.place),
        status: n.kind === "batch" ? "登録" : born ? statusLabel[born].ja : ""
      })
    }
    for (const it of (b.items ?? []).filter((i) => wanted(i.kind))) {
      const statuses = [...new Set(it.moves.map((m) => destination(b, m).status))] as Array<Status>
      const places = [...new Set(it.moves.map((m) => placeName(destination(b, m).place)))].filter((p) => p !== "")
      out.push({
        ...base,
        kind: kindLabel[it.kind].ja,
        reference: it.reference ?? "",
        description: items.get(it.id)?.description ?? "",
        count: it.moves.length > 0 ? it.count : "",
        place: places.join("、") || placeName(b.place),
        status: statuses.map((s) => statusLabel[s].ja).join("、")
      })
    }
    for (const c of (b.counts ?? []).filter((c) => wanted(c.kind))) {
      out.push({
        ...base,
        kind: kindLabel[c.kind].ja,
        reference: "",
        description: `台帳上 ${c.expected}`,
        count: c.counted,
        place: placeName(b.place),
        status:
          c.counted === c.expected ? "一致" : `差異 ${c.counted - c.expected > 0 ? "+" : ""}${c.counted - c.expected}`
      })
    }
  }
  return out
}

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised so Excel does not run it. */
const csvCell = (value: string | number): string => {
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The ledger as CSV for Excel: UTF-8 with BOM, CRLF. @category constructors */
export const toCsv = (rows: ReadonlyArray<LedgerRow>): string =>
  "\ufeff" +
  [columns.map(([, h]) => h), ...rows.map((r) => columns.map(([k]) => r[k]))]
    .map((line) => line.map(csvCell).join(","))
    .join("\r\n") +
  "\r\n"

/** The XLSX could not be written. @category errors */
export class LedgerExportFailed extends Schema.TaggedError<LedgerExportFailed>("@madoguchi/custody/LedgerExportFailed")(
  "LedgerExportFailed",
  { cause: Schema.Defect() }
) {
  get ja(): string {
    return "台帳のExcelファイルを作成できませんでした"
  }
  get en(): string {
    return "the ledger workbook could not be written"
  }
}

/** What goes into the workbook. @category models */
export interface Workbook {
  readonly cityName: string
  readonly cityCode: string
  readonly period: { readonly from?: string | undefined; readonly to?: string | undefined }
  readonly rows: ReadonlyArray<LedgerRow>
  /** Items still with the contractor. */
  readonly holdings: ReadonlyArray<ItemState>
  readonly section: CustodySection
  readonly verification: VerifyResult
  readonly anchor?: Anchor | undefined
  readonly generatedAt: string
}

/** The ledger as XLSX: 台帳, 保管状況 (what is still held), 検証 (the chain check and anchor). @category constructors */
export const toXlsx = (model: Workbook): Effect.Effect<Uint8Array, LedgerExportFailed> =>
  Effect.tryPromise({
    try: async () => {
      const workbook = new ExcelJS.Workbook()
      workbook.creator = "Madoguchi"
      workbook.created = new Date(model.generatedAt)
      const title = `${model.cityName} 個人情報等の管理台帳${model.period.from || model.period.to ? `(${model.period.from ?? ""}〜${model.period.to ?? ""})` : ""}`

      const ledger = workbook.addWorksheet("台帳", { views: [{ state: "frozen", ySplit: 2 }] })
      ledger.addRow([title])
      ledger.getRow(1).font = { bold: true, size: 12 }
      const header = ledger.addRow(columns.map(([, h]) => h))
      header.font = { bold: true }
      header.eachCell((cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } }
        cell.border = { bottom: { style: "thin" } }
      })
      for (const r of model.rows) ledger.addRow(columns.map(([k]) => r[k]))
      ledger.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + model.rows.length, column: columns.length } }
      const widths: Partial<Record<keyof LedgerRow, number>> = {
        occurredAt: 17,
        recordedAt: 17,
        kind: 18,
        reference: 16,
        description: 24,
        from: 22,
        to: 22,
        by: 22,
        witness: 18,
        place: 18,
        status: 14,
        note: 30,
        hash: 18
      }
      columns.forEach(([k], i) => {
        ledger.getColumn(i + 1).width = widths[k] ?? 10
      })

      const places = new Map(model.section.places.map((p) => [p.id, p.name.ja]))
      const held = workbook.addWorksheet("保管状況", { views: [{ state: "frozen", ySplit: 1 }] })
      held.addRow(["品目", "管理番号", "内容", "数量", "状態", "保管場所", "保管者", "最終記録"]).font = { bold: true }
      for (const item of model.holdings) {
        for (const h of item.holdings) {
          held.addRow([
            kindLabel[item.kind].ja,
            item.reference ?? "",
            item.description ?? "",
            h.count,
            statusLabel[h.status].ja,
            h.place ? (places.get(h.place) ?? h.place) : "",
            h.holder ?? "",
            localDateTime(item.lastOccurredAt)
          ])
        }
      }
      held.columns.forEach((c, i) => {
        c.width = [18, 16, 24, 8, 14, 20, 16, 17][i] ?? 12
      })
      const totals = new Map<string, number>()
      for (const item of model.holdings) {
        for (const [status, n] of Object.entries(unitsByStatus(item))) {
          totals.set(
            `${kindLabel[item.kind].ja}\u0000${statusLabel[status as Status].ja}`,
            (totals.get(`${kindLabel[item.kind].ja}\u0000${statusLabel[status as Status].ja}`) ?? 0) + (n ?? 0)
          )
        }
      }

      const check = workbook.addWorksheet("検証")
      const v = model.verification
      check.addRow(["市", `${model.cityName}(${model.cityCode})`])
      check.addRow(["作成日時", localDateTime(model.generatedAt)])
      check.addRow(["台帳の検証", v.ok ? "正常(改ざんなし)" : "異常"])
      check.addRow(["記録数", v.entries])
      check.addRow(["先頭", `#${v.headSeq} ${v.headHash}`])
      check.addRow(["照合したアンカー数", v.anchorsChecked])
      if (v.firstBrokenAt) check.addRow(["最初の不整合", `#${v.firstBrokenAt.seq} ${v.firstBrokenAt.ja}`])
      if (model.anchor)
        check.addRow(["アンカー", `${model.anchor.date ?? ""} #${model.anchor.seq} ${model.anchor.hash}`])
      check.addRow([])
      check.addRow(["品目", "状態", "数量"]).font = { bold: true }
      for (const [key, n] of [...totals.entries()].sort()) {
        const [kind, status] = key.split("\u0000")
        check.addRow([kind, status, n])
      }
      check.getColumn(1).width = 20
      check.getColumn(2).width = 80
      return new Uint8Array(await workbook.xlsx.writeBuffer())
    },
    catch: (cause) => new LedgerExportFailed({ cause })
  })
