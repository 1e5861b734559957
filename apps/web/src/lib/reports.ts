/**
 * The report model the 報告 screens read from `GET …/reports/daily|monthly|completion` (the model of
 * `@madoguchi/reporting`'s `Report`, as JSON), the due list of `GET …/reports/due`, and the links
 * between them.
 */
import type { Label } from "./i18n.ts"

export interface Row {
  readonly key: string
  readonly label: Label
  readonly count: number
}

export interface Table {
  readonly by: string
  readonly label: Label
  readonly total: number
  readonly rows: ReadonlyArray<Row>
}

interface Head {
  readonly id: string
  readonly label: Label
}

export type Section =
  | (Head & { readonly kind: "counts"; readonly total: number; readonly tables: ReadonlyArray<Table> })
  | (Head & {
      readonly kind: "phone_calls"
      readonly total: number
      readonly transferred: number
      readonly byCategory: Table
      readonly calls: ReadonlyArray<{
        readonly date: string
        readonly time: string | null
        readonly site: string
        readonly category: Label
        readonly content: string
        readonly answer: string
        readonly transferred: boolean
      }> | null
    })
  | (Head & {
      readonly kind: "complaints"
      readonly total: number
      readonly escalated: number
      readonly byCategory: Table
      readonly items: ReadonlyArray<{
        readonly date: string
        readonly time: string | null
        readonly site: string
        readonly category: Label
        readonly what: string
        readonly handling: string
        readonly escalated: boolean
      }>
    })
  | (Head & {
      readonly kind: "outreach"
      readonly sessions: number
      readonly handled: number
      readonly inquiries: number
      readonly byProcedure: Table
      readonly items: ReadonlyArray<{
        readonly date: string
        readonly time: string | null
        readonly site: string
        readonly venue: string
        readonly tallied: number
        readonly inquiries: number
      }>
    })
  | (Head & {
      readonly kind: "inquiries"
      readonly total: number
      readonly atCounter: number
      readonly byPhone: number
      readonly atOutreach: number
      readonly topics: Table
    })
  | (Head & {
      readonly kind: "progress"
      readonly from: string
      readonly to: string
      readonly total: number
      readonly byProcedure: Table
    })
  | (Head & {
      readonly kind: "analysis"
      readonly volumes: {
        readonly total: number
        readonly businessDays: number
        readonly perBusinessDay: number
        readonly capacityVisits: number | null
        readonly utilisation: number | null
        readonly byProcedure: Table
        readonly byChannel: Table
        readonly averageServiceMinutes: ReadonlyArray<{
          readonly key: string
          readonly label: Label
          readonly minutes: number
          readonly measured: number
        }>
      }
      readonly waiting: {
        readonly measured: number
        readonly meanMinutes: number | null
        readonly medianMinutes: number | null
        readonly p90Minutes: number | null
        readonly maxMinutes: number | null
        readonly buckets: ReadonlyArray<{
          readonly label: Label
          readonly fromMinutes: number
          readonly toMinutes: number | null
          readonly count: number
        }>
      }
      readonly refusals: {
        readonly total: number
        readonly secondVisits: number
        readonly rate: number
        readonly reasons: Table
        readonly missingDocuments: Table
      }
      readonly phoneTopics: Table
      readonly complaints: Table
    })
  | (Head & { readonly kind: "narrative"; readonly required: boolean; readonly text: string | null })

export type ReportStatus = "preliminary" | "final" | "submitted"

export interface Report {
  readonly city: { readonly code: string; readonly slug: string; readonly name: Label }
  readonly form: { readonly id: string; readonly title: Label; readonly period: "day" | "month" | "contract" }
  readonly period: { readonly key: string; readonly from: string; readonly to: string; readonly label: Label }
  readonly due: string | null
  readonly dueNote: Label | null
  readonly status: ReportStatus
  readonly version: number | null
  readonly submittedAt: string | null
  readonly submittedBy: string | null
  readonly correctionReason: string | null
  readonly generatedAt: string
  readonly sections: ReadonlyArray<Section>
}

export type DueState = "open" | "due" | "overdue" | "submitted"

export interface DueItem {
  readonly form: string
  readonly title: Label
  readonly period: { readonly key: string; readonly from: string; readonly to: string }
  readonly due: string | null
  readonly dueNote: Label | null
  readonly state: DueState
  readonly version: number | null
}

export const statusLabels: Record<ReportStatus, Label> = {
  preliminary: { ja: "速報(期間中)", en: "preliminary (period open)" },
  final: { ja: "確定(未提出)", en: "final (not submitted)" },
  submitted: { ja: "提出済", en: "submitted" }
}

export const dueStateLabels: Record<DueState, Label> = {
  open: { ja: "期間中", en: "open" },
  due: { ja: "提出待ち", en: "due" },
  overdue: { ja: "期限超過", en: "overdue" },
  submitted: { ja: "提出済", en: "submitted" }
}

/** The period kind of a due item, from its key (`YYYY-MM-DD`, `YYYY-MM`, or `from..to`). */
export const periodKind = (key: string): "day" | "month" | "contract" =>
  key.includes("..") ? "contract" : key.length === 7 ? "month" : "day"

/** The screen of a report: `/<city>/reports/daily/<date>`, `/monthly/<month>` or `/completion?from&to`. */
export const reportHref = (city: string, form: string, key: string, extra: Record<string, string> = {}): string => {
  const kind = periodKind(key)
  const params = new URLSearchParams({ form, ...extra })
  if (kind === "contract") {
    const [from, to] = key.split("..")
    params.set("from", from ?? "")
    params.set("to", to ?? "")
    return `/${city}/reports/completion?${params.toString()}`
  }
  return `/${city}/reports/${kind === "day" ? "daily" : "monthly"}/${key}?${params.toString()}`
}
