/**
 * Printable documents, as self-contained HTML ready for a browser's print or a PDF renderer (A4, no
 * external assets, page-break rules):
 * - the 預り証 of a hand-over (Koganei 特記事項 第16条: 個人情報の受渡しに関しては…預り証を提出), with
 *   both persons named and a signature line for each;
 * - the end-of-contract disposal / erasure certificate (Koganei 第17条5: 日時、担当者名及び内容を記録し、
 *   書面により報告; Kanazawa 17(6): 廃棄又は消去したことについて書面にて報告): what, how many, how, when,
 *   who, the witness and the approval, what went back to the city, and what is still held.
 * Each document cites the ledger entries and the chain head, so the paper can be checked against the
 * ledger later.
 */
import type { Profile } from "@madoguchi/domain"
import type { VerifyResult } from "./Chain.ts"
import { type Body, eventLabel, type LedgerEntry, organizationLabel } from "./Event.ts"
import { type ItemKind, type ItemState, kindLabel, statusLabel } from "./Item.ts"
import { localDateTime } from "./LedgerExport.ts"

const escape = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const style = `
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
  h1 { font-size: 18pt; text-align: center; letter-spacing: 0.3em; margin: 0 0 4mm; }
  h2 { font-size: 12pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; }
  p.sub { text-align: center; margin: 0 0 6mm; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
  th { background: #eee; font-weight: bold; text-align: left; }
  table.meta th { width: 28%; }
  td.num, th.num { text-align: right; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  .sign { display: flex; gap: 8mm; margin-top: 8mm; page-break-inside: avoid; }
  .sign > div { flex: 1; border: 1px solid #000; padding: 3mm; min-height: 32mm; }
  .sign .line { margin-top: 12mm; border-bottom: 1px solid #000; }
  .note { font-size: 9pt; color: #333; }
  .warn { border: 2px solid #000; padding: 3mm; margin: 4mm 0; font-weight: bold; }
  footer { margin-top: 8mm; font-size: 8pt; color: #333; word-break: break-all; }
  @media screen { body { max-width: 190mm; margin: 10mm auto; } }
`

const page = (title: string, content: string): string =>
  `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${style}</style>
</head>
<body>
${content}
</body>
</html>
`

const person = (p: Body["from"]): string =>
  p
    ? p.organization === "resident"
      ? "住民(氏名は記録しません)"
      : `${escape(p.name ?? "")}${p.title ? `(${escape(p.title)})` : ""}・${escape(organizationLabel[p.organization].ja)}`
    : "—"

/** Event kinds that hand items from one person to another and get a 預り証. @category models */
export const receiptKinds: ReadonlyArray<LedgerEntry["kind"]> = [
  "received",
  "returned",
  "handed_over",
  "transferred_to_city"
]

const receiptSubtitle: Partial<Record<LedgerEntry["kind"], string>> = {
  received: "市等から受託者への受渡し",
  returned: "返戻物の受渡し",
  handed_over: "受託者内の引継ぎ",
  transferred_to_city: "受託者から市への引渡し(返還)"
}

/** One line of a receipt. @category models */
export interface ReceiptLine {
  readonly kind: ItemKind
  readonly reference: string
  readonly description: string
  readonly count: number
}

/** The lines of a hand-over: new items and moved units (batches are listed with their declared count). @category constructors */
export const receiptLines = (entry: LedgerEntry, items: ReadonlyMap<string, ItemState>): ReadonlyArray<ReceiptLine> => [
  ...(entry.body.newItems ?? [])
    .filter((n) => n.kind !== "batch")
    .map((n) => ({ kind: n.kind, reference: n.reference ?? "", description: n.description ?? "", count: n.quantity })),
  ...(entry.body.items ?? []).map((it) => ({
    kind: it.kind,
    reference: it.reference ?? "",
    description: items.get(it.id)?.description ?? "",
    count: it.count
  }))
]

/**
 * The 預り証 of a hand-over entry.
 *
 * @category constructors
 */
export const receipt = (
  profile: Profile.CityProfile,
  entry: LedgerEntry,
  items: ReadonlyMap<string, ItemState>
): string => {
  const lines = receiptLines(entry, items)
  const total = lines.reduce((n, l) => n + l.count, 0)
  const byKind = new Map<ItemKind, number>()
  for (const l of lines) byKind.set(l.kind, (byKind.get(l.kind) ?? 0) + l.count)
  const places = new Map(profile.custody?.places.map((p) => [p.id, p.name.ja]) ?? [])
  const b = entry.body
  const resident = b.from?.organization === "resident"
  const content = `
<h1>預り証</h1>
<p class="sub">個人情報等の受渡し — ${escape(receiptSubtitle[entry.kind] ?? eventLabel[entry.kind].ja)}</p>
<table class="meta">
<tr><th>委託者</th><td>${escape(profile.name.ja)}(${escape(profile.cityCode)})</td></tr>
<tr><th>業務</th><td>${escape(profile.contract.title.ja)}</td></tr>
<tr><th>受渡し日時</th><td>${escape(localDateTime(entry.occurredAt))}</td></tr>
<tr><th>場所</th><td>${escape(b.place ? (places.get(b.place) ?? b.place) : "—")}</td></tr>
<tr><th>渡した人</th><td>${person(b.from)}</td></tr>
<tr><th>受け取った人</th><td>${person(b.to)}</td></tr>
<tr><th>台帳の記録</th><td>#${entry.seq}(記録者 ${escape(entry.recordedBy)}、${escape(localDateTime(entry.recordedAt))})</td></tr>
</table>
<p>下記の個人情報等を確かに受け渡しました。</p>
<table>
<thead><tr><th class="num">No.</th><th>品目</th><th>管理番号</th><th>内容</th><th class="num">数量</th></tr></thead>
<tbody>
${lines
  .map(
    (l, i) =>
      `<tr><td class="num">${i + 1}</td><td>${escape(kindLabel[l.kind].ja)}</td><td>${escape(l.reference)}</td><td>${escape(l.description)}</td><td class="num">${l.count}</td></tr>`
  )
  .join("\n")}
</tbody>
<tfoot><tr><th colspan="4">合計(${[...byKind].map(([k, n]) => `${escape(kindLabel[k].ja)} ${n}`).join("、")})</th><th class="num">${total}</th></tr></tfoot>
</table>
${b.note ? `<p>備考: ${escape(b.note)}</p>` : ""}
<div class="sign">
<div>渡した人<br>${person(b.from)}${resident ? "" : `<div class="line"></div>署名・押印`}</div>
<div>受け取った人<br>${person(b.to)}<div class="line"></div>署名・押印</div>
</div>
<footer>台帳 #${entry.seq} / 記録ID ${escape(entry.id)} / ハッシュ ${escape(entry.hash)}<br>
この預り証の内容は、台帳の上記記録(ハッシュ連鎖により改ざん検知)と照合できます。</footer>`
  return page(`預り証 #${entry.seq} ${profile.name.ja}`, content)
}

/** One disposal, with its request and approval. @category models */
export interface DisposalRecord {
  readonly doneSeq: number
  readonly doneAt: string
  readonly kind: ItemKind
  readonly reference: string
  readonly description: string
  readonly count: number
  readonly method: string
  readonly by: string
  readonly witness: string
  readonly requestSeq?: number | undefined
  readonly plannedOn?: string | undefined
  readonly reason?: string | undefined
  readonly approvalSeq?: number | undefined
  readonly approver?: string | undefined
  readonly approvedAt?: string | undefined
}

/**
 * Disposals found in `entries` (in sequence order), each with the request and approval that preceded it.
 *
 * @category constructors
 */
export const disposalRecords = (
  entries: Iterable<LedgerEntry>,
  items: ReadonlyMap<string, ItemState>
): ReadonlyArray<DisposalRecord> => {
  const requests = new Map<string, LedgerEntry>()
  const approvals = new Map<string, LedgerEntry>()
  const out: Array<DisposalRecord> = []
  for (const e of entries) {
    for (const it of e.body.items ?? []) {
      if (e.kind === "disposal_requested") {
        requests.set(it.id, e)
        approvals.delete(it.id)
      } else if (e.kind === "disposal_approved") approvals.set(it.id, e)
      else if (e.kind === "disposal_rejected") {
        requests.delete(it.id)
        approvals.delete(it.id)
      } else if (e.kind === "disposal_done") {
        const req = requests.get(it.id)
        const ok = approvals.get(it.id)
        out.push({
          doneSeq: e.seq,
          doneAt: e.occurredAt,
          kind: it.kind,
          reference: it.reference ?? "",
          description: items.get(it.id)?.description ?? "",
          count: it.count,
          method: e.body.method ?? "",
          by: person(e.body.by),
          witness: e.body.witness ? person(e.body.witness) : "—",
          ...(req ? { requestSeq: req.seq, plannedOn: req.body.plannedOn, reason: req.body.reason } : {}),
          ...(ok ? { approvalSeq: ok.seq, approver: person(ok.body.approver), approvedAt: ok.occurredAt } : {})
        })
      }
    }
  }
  return out
}

const methodLabel: Readonly<Record<string, string>> = {
  shredding: "裁断(シュレッダー)",
  dissolution: "溶解処理",
  incineration: "焼却",
  physical_destruction: "媒体の物理的破壊",
  data_erasure: "データ消去",
  degaussing: "磁気消去"
}

/** What the certificate covers. @category models */
export interface CertificateModel {
  readonly profile: Profile.CityProfile
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly disposals: ReadonlyArray<DisposalRecord>
  /** Units handed back to the city in the period, per kind. */
  readonly handedBack: ReadonlyMap<ItemKind, number>
  /** Items still with the contractor (or missing) now. */
  readonly remaining: ReadonlyArray<ItemState>
  readonly verification: VerifyResult
  readonly generatedAt: string
  /** The contractor's name, to print as the issuer. */
  readonly contractor?: string | undefined
}

/**
 * The disposal / erasure certificate.
 *
 * @category constructors
 */
export const certificate = (model: CertificateModel): string => {
  const { profile } = model
  const places = new Map(profile.custody?.places.map((p) => [p.id, p.name.ja]) ?? [])
  const period = `${model.from ?? profile.contract.from} 〜 ${model.to ?? profile.contract.to}`
  const summary = new Map<string, number>()
  for (const d of model.disposals) {
    const key = `${kindLabel[d.kind].ja}\u0000${methodLabel[d.method] ?? d.method}`
    summary.set(key, (summary.get(key) ?? 0) + d.count)
  }
  const remainingUnits = model.remaining.reduce(
    (n, item) =>
      n +
      item.holdings
        .filter((h) => h.status !== "issued" && h.status !== "handed_back" && h.status !== "disposed")
        .reduce((m, h) => m + h.count, 0),
    0
  )
  const v = model.verification
  const content = `
<h1>個人情報等の廃棄・消去証明書</h1>
<p class="sub">(兼 返還・廃棄の報告書)</p>
<table class="meta">
<tr><th>委託者</th><td>${escape(profile.name.ja)} 長 様</td></tr>
<tr><th>業務</th><td>${escape(profile.contract.title.ja)}(契約期間 ${escape(profile.contract.from)} 〜 ${escape(profile.contract.to)})</td></tr>
<tr><th>対象期間</th><td>${escape(period)}</td></tr>
<tr><th>受託者</th><td>${escape(model.contractor ?? "")}</td></tr>
<tr><th>作成日時</th><td>${escape(localDateTime(model.generatedAt))}</td></tr>
</table>
<p>本業務において取り扱った個人情報等について、下記のとおり廃棄又は消去し、又は委託者に返還したことを証明します。</p>

<h2>1. 廃棄・消去の集計</h2>
<table>
<thead><tr><th>品目</th><th>方法</th><th class="num">数量</th></tr></thead>
<tbody>
${
  [...summary.entries()]
    .sort()
    .map(([key, n]) => {
      const [kind, method] = key.split("\u0000")
      return `<tr><td>${escape(kind!)}</td><td>${escape(method!)}</td><td class="num">${n}</td></tr>`
    })
    .join("\n") || `<tr><td colspan="3">この期間の廃棄・消去はありません</td></tr>`
}
</tbody>
</table>

<h2>2. 廃棄・消去の記録(日時・担当者・内容)</h2>
<table>
<thead><tr><th>日時</th><th>品目・管理番号・内容</th><th class="num">数量</th><th>方法</th><th>実施者</th><th>立会者</th><th>申請・承認</th><th>台帳</th></tr></thead>
<tbody>
${
  model.disposals
    .map(
      (d) =>
        `<tr><td>${escape(localDateTime(d.doneAt))}</td><td>${escape(kindLabel[d.kind].ja)} ${escape(d.reference)}${d.description ? `<br>${escape(d.description)}` : ""}</td><td class="num">${d.count}</td><td>${escape(methodLabel[d.method] ?? d.method)}</td><td>${d.by}</td><td>${d.witness}</td><td>${
          d.requestSeq !== undefined ? `申請 #${d.requestSeq}(予定日 ${escape(d.plannedOn ?? "")})` : "申請なし"
        }<br>${d.approvalSeq !== undefined ? `承認 #${d.approvalSeq} ${d.approver ?? ""}` : "承認なし"}</td><td>#${d.doneSeq}</td></tr>`
    )
    .join("\n") || `<tr><td colspan="8">—</td></tr>`
}
</tbody>
</table>

<h2>3. 委託者へ返還したもの</h2>
<table>
<thead><tr><th>品目</th><th class="num">数量</th></tr></thead>
<tbody>
${
  [...model.handedBack.entries()]
    .map(([kind, n]) => `<tr><td>${escape(kindLabel[kind].ja)}</td><td class="num">${n}</td></tr>`)
    .join("\n") || `<tr><td colspan="2">—</td></tr>`
}
</tbody>
</table>

<h2>4. 受託者の手元に残っているもの</h2>
${
  remainingUnits === 0
    ? `<p>受託者の手元に残っている個人情報等はありません(台帳 #${v.headSeq} 時点)。</p>`
    : `<div class="warn">未処理の個人情報等が ${remainingUnits} 件あります。返還又は廃棄を完了してから証明書を提出してください。</div>
<table>
<thead><tr><th>品目</th><th>管理番号・内容</th><th>状態</th><th>場所</th><th>保管者</th><th class="num">数量</th></tr></thead>
<tbody>
${model.remaining
  .flatMap((item) =>
    item.holdings
      .filter((h) => h.status !== "issued" && h.status !== "handed_back" && h.status !== "disposed")
      .map(
        (h) =>
          `<tr><td>${escape(kindLabel[item.kind].ja)}</td><td>${escape(item.reference ?? "")}${item.description ? ` ${escape(item.description)}` : ""}</td><td>${escape(statusLabel[h.status].ja)}</td><td>${escape(h.place ? (places.get(h.place) ?? h.place) : "")}</td><td>${escape(h.holder ?? "")}</td><td class="num">${h.count}</td></tr>`
      )
  )
  .join("\n")}
</tbody>
</table>`
}

<div class="sign">
<div>受託者 業務責任者<div class="line"></div>署名・押印</div>
<div>委託者 確認者(立会者)<div class="line"></div>署名・押印</div>
</div>
<footer>台帳の検証: ${v.ok ? "正常" : `異常 — #${v.firstBrokenAt?.seq ?? ""} ${escape(v.firstBrokenAt?.ja ?? "")}`}(記録 ${v.entries} 件、先頭 #${v.headSeq} ${escape(v.headHash)})</footer>`
  return page(`廃棄・消去証明書 ${profile.name.ja} ${period}`, content)
}
