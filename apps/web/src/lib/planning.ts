/**
 * The shapes the 計画 screen reads from `GET …/calendar` and `GET …/capacity-plan` (DESIGN.md
 * "Contracts"), trimmed to what the screen shows, and the labels of their codes.
 */
import type { Label } from "./i18n.ts"

export interface CalendarSession {
  readonly site: string
  readonly kind: "regular" | "holiday_opening" | "outreach"
  readonly opens: string
  readonly closes: string
}

export interface CalendarDay {
  readonly date: string
  readonly open: boolean
  readonly closedReason?: "closure" | "year_end" | "national_holiday" | "no_opening"
  readonly sessions: ReadonlyArray<CalendarSession>
}

export interface MonthPlan {
  readonly month: string
  readonly businessDays: number
  readonly demandVisits: number
  readonly capacityVisits: number
  readonly gapVisits: number
  readonly windowsRecommended: number
  readonly phoneLinesRecommended: number
  readonly walkInWaitP90Minutes: number | null
  readonly utilisation: number
}

export interface WeekPlan extends Omit<MonthPlan, "month"> {
  readonly week: string
}

/** One session of the plan, as the API gives it (only the fields the screen reads). */
export interface DayPlan {
  readonly date: string
  readonly site: string
  readonly kind: CalendarSession["kind"]
  readonly provisional: boolean
  readonly opens: string
  readonly closes: string
  readonly demand: { readonly total: number }
  readonly windowsAvailable?: number
  readonly windowsRecommended: number
  readonly capacityVisits: number
  readonly utilisation: number
  readonly walkInWait: { readonly p90Minutes: number | null }
  readonly phone?: { readonly linesRecommended: number }
  readonly staffing: { readonly total: number; readonly constrained: ReadonlyArray<string> }
}

export interface PlanTargets {
  readonly walkInWaitP90Minutes: number
  readonly minUtilisation: number
  readonly maxUtilisation: number
}

export interface CapacityPlanAnswer {
  readonly months: ReadonlyArray<MonthPlan>
  readonly weeks: ReadonlyArray<WeekPlan>
  readonly days: ReadonlyArray<DayPlan>
  readonly assumptions: {
    readonly sites: ReadonlyArray<string>
    readonly extendedForecast: ReadonlyArray<{ readonly month: string; readonly coverage: number }>
    readonly series: ReadonlyArray<{ readonly kind: string; readonly basis: string; readonly source?: string }>
    readonly serviceMinutes: Readonly<Record<string, number>>
    readonly parameters: {
      readonly targets: PlanTargets
      readonly phone: { readonly requestedLines?: number }
    }
  }
}

/** What the screen keeps of a month beyond the public row: the busiest day's staff. */
export interface MonthRow extends MonthPlan {
  readonly peakStaff: number
  readonly sessions: number
}

/** A session that is not a regular counter day: holiday openings and outreach, which staff plan one by one. */
export interface SpecialSession {
  readonly date: string
  readonly site: string
  readonly kind: CalendarSession["kind"]
  readonly provisional: boolean
  readonly opens: string
  readonly closes: string
  readonly demand: number
  readonly windowsRecommended: number
  readonly windowsAvailable: number | null
  readonly capacityVisits: number
  readonly p90: number | null
}

export const sessionKinds: Record<CalendarSession["kind"], Label> = {
  regular: { ja: "通常", en: "regular" },
  holiday_opening: { ja: "休日開庁", en: "holiday opening" },
  outreach: { ja: "出張", en: "outreach" }
}

export const closedReasons: Record<NonNullable<CalendarDay["closedReason"]>, Label> = {
  closure: { ja: "臨時閉庁", en: "Closed (closure)" },
  year_end: { ja: "年末年始", en: "Year-end closure" },
  national_holiday: { ja: "祝日", en: "National holiday" },
  no_opening: { ja: "開設なし", en: "No opening" }
}

/** A site's name without its parenthesised detail, for a calendar cell. */
export const shortName = (label: Label): Label => ({
  ja: label.ja.replace(/[((].*$/, "").trim() || label.ja,
  en: label.en.replace(/\s*\(.*$/, "").trim() || label.en
})
