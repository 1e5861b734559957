/**
 * The report model flattened into titled blocks of rows, shared by the CSV and XLSX renderers: one
 * group of blocks per section (one XLSX sheet), each table with a header and, for counts, a total row.
 */
import type * as Report from "../Report.ts"
import * as Wareki from "./wareki.ts"

/** A cell: text, a count, or a calendar date (written as a date where the format has one). @category models */
export type Cell = string | number | { readonly date: string }

/** @category models */
export interface Block {
  readonly title: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  /** The last column is summed in a final 合計 row (a formula in XLSX). */
  readonly total?: number
}

/** @category models */
export interface Group {
  readonly id: string
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

const yesNo = (b: boolean) => (b ? "はい" : "いいえ")
const nullable = (n: number | null) => (n === null ? "—" : n)

const table = (title: string, t: Report.Table): Block => ({
  title: `${title}(${t.label.ja})`,
  header: t.by === "date" ? ["日付", "日付(和暦)", "件数"] : ["コード", "項目", "件数"],
  rows: t.rows.map((r) =>
    t.by === "date" && r.key !== "_rest" ? [{ date: r.key }, Wareki.date(r.key), r.count] : [r.key, r.label.ja, r.count]
  ),
  total: t.total
})

const kv = (title: string, entries: ReadonlyArray<readonly [string, Cell]>): Block => ({
  title,
  header: ["項目", "値"],
  rows: entries.map(([k, v]) => [k, v])
})

const dated = (date: string): ReadonlyArray<Cell> => [{ date }, Wareki.date(date)]

const section = (s: Report.SectionModel): ReadonlyArray<Block> => {
  const title = s.label.ja
  switch (s.kind) {
    case "counts":
      return [kv(title, [["合計", s.total]]), ...s.tables.map((t) => table(title, t))]
    case "phone_calls":
      return [
        kv(title, [
          ["電話対応件数", s.total],
          ["職員への取次件数", s.transferred]
        ]),
        table(title, s.byCategory),
        ...(s.calls
          ? [
              {
                title: `${title}(内容・回答)`,
                header: ["日付", "日付(和暦)", "時刻", "拠点", "分類", "内容", "回答", "取次"],
                rows: s.calls.map((c) => [
                  ...dated(c.date),
                  c.time ?? "",
                  c.site,
                  c.category.ja,
                  c.content,
                  c.answer,
                  yesNo(c.transferred)
                ])
              }
            ]
          : [])
      ]
    case "complaints":
      return [
        kv(title, [
          ["件数", s.total],
          ["市へ報告・引継ぎ", s.escalated]
        ]),
        table(title, s.byCategory),
        {
          title: `${title}(一覧)`,
          header: ["日付", "日付(和暦)", "時刻", "拠点", "分類", "内容", "対応", "市へ報告"],
          rows: s.items.map((c) => [
            ...dated(c.date),
            c.time ?? "",
            c.site,
            c.category.ja,
            c.what,
            c.handling,
            yesNo(c.escalated)
          ])
        }
      ]
    case "outreach":
      return [
        kv(title, [
          ["実施回数", s.sessions],
          ["対応件数", s.handled],
          ["問い合わせ件数", s.inquiries]
        ]),
        table(title, s.byProcedure),
        {
          title: `${title}(実施日時・会場)`,
          header: ["日付", "日付(和暦)", "開始", "拠点", "会場", "集計件数", "問い合わせ"],
          rows: s.items.map((x) => [...dated(x.date), x.time ?? "", x.site, x.venue, x.tallied, x.inquiries])
        }
      ]
    case "inquiries":
      return [
        kv(title, [
          ["問い合わせ対応件数", s.total],
          ["窓口", s.atCounter],
          ["電話", s.byPhone],
          ["出張窓口", s.atOutreach]
        ]),
        table(`${title} 主な内容`, s.topics)
      ]
    case "progress":
      return [
        kv(title, [
          ["集計期間", `${Wareki.date(s.from)}〜${Wareki.date(s.to)}(${s.from}〜${s.to})`],
          ["累計", s.total]
        ]),
        table(title, s.byProcedure)
      ]
    case "analysis":
      return [
        kv(`${title} 処理量`, [
          ["処理件数", s.volumes.total],
          ["開庁日数", s.volumes.businessDays],
          ["1開庁日あたり", s.volumes.perBusinessDay],
          ["計画上の処理能力", nullable(s.volumes.capacityVisits)],
          ["稼働率", nullable(s.volumes.utilisation)]
        ]),
        table(`${title} 処理量`, s.volumes.byProcedure),
        table(`${title} 処理量`, s.volumes.byChannel),
        {
          title: `${title} 平均処理時間(分)`,
          header: ["コード", "手続", "平均(分)", "計測件数"],
          rows: s.volumes.averageServiceMinutes.map((m) => [m.key, m.label.ja, m.minutes, m.measured])
        },
        kv(`${title} 待ち時間`, [
          ["計測件数", s.waiting.measured],
          ["平均(分)", nullable(s.waiting.meanMinutes)],
          ["中央値(分)", nullable(s.waiting.medianMinutes)],
          ["90パーセンタイル(分)", nullable(s.waiting.p90Minutes)],
          ["最大(分)", nullable(s.waiting.maxMinutes)]
        ]),
        {
          title: `${title} 待ち時間の分布`,
          header: ["区分", "件数"],
          rows: s.waiting.buckets.map((b) => [b.label.ja, b.count]),
          total: s.waiting.measured
        },
        kv(`${title} 受付不可・再来庁`, [
          ["受付不可", s.refusals.total],
          ["再来庁", s.refusals.secondVisits],
          ["不成立率", s.refusals.rate]
        ]),
        table(`${title} 受付不可・再来庁`, s.refusals.reasons),
        table(`${title} 不足書類`, s.refusals.missingDocuments),
        table(`${title} 電話の内容`, s.phoneTopics),
        table(`${title} 苦情`, s.complaints)
      ]
    case "narrative":
      return [kv(title, [["記述", s.text ?? (s.required ? "(未記入)" : "")]])]
  }
}

/**
 * The custody ledger's anchor as printed on a daily report: the chain head as shown by `custody anchor`,
 * and the form `custody verify --anchor` reads back (`YYYY-MM-DD:SEQ:HASH`).
 *
 * @category constructors
 */
export const anchorLines = (report: Report.Report): ReadonlyArray<readonly [string, string]> => {
  const anchor = report.ledgerAnchor
  if (!anchor) return []
  return [
    [
      "保管台帳アンカー",
      `${anchor.text}${anchor.final ? "" : "(暫定: 当日の締め前の値 / provisional, before the day's close)"}`
    ],
    ["アンカー照合用", `${anchor.date}:${anchor.seq}:${anchor.hash}`]
  ]
}

/** The report's header facts. @category constructors */
export const cover = (report: Report.Report): Block =>
  kv(report.form.title.ja, [
    ["市区町村", report.city.name.ja],
    ["報告書", report.form.title.ja],
    ["対象期間", report.period.label.ja],
    ["提出期限", report.due ? `${Wareki.date(report.due)}(${report.due})` : (report.dueNote?.ja ?? "定めなし")],
    ["状態", statusJa(report)],
    ["作成日時", report.generatedAt],
    ...anchorLines(report)
  ])

/** @category constructors */
export const statusJa = (report: Report.Report): string =>
  report.status === "submitted"
    ? `提出済み 第${report.version}版${report.correctionReason ? `(訂正理由: ${report.correctionReason})` : ""}`
    : report.status === "final"
      ? "確定(未提出)"
      : "速報(期間未締め)"

/** Every section as a group of blocks. @category constructors */
export const groups = (report: Report.Report): ReadonlyArray<Group> =>
  report.sections.map((s) => ({ id: s.id, title: s.label.ja, blocks: section(s) }))
