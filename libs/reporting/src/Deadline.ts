/**
 * Report periods and deadlines. A report covers a day, a month or the contract; it is final once the
 * last day of its period has closed (the profile's `dayClosesAt`), and due on the day its form's rule
 * gives, counted in business days (weekends, holidays and 12/29–1/3 excluded) or calendar days.
 */
import type { Profile } from "@madoguchi/domain"
import type { Period, ReportForm } from "./Assemble.ts"
import * as BusinessDays from "./BusinessDays.ts"

/** Local date and time in the city (Asia/Tokyo). @category models */
export interface LocalNow {
  readonly date: string
  readonly time: string
}

/** @category constructors */
export const dayPeriod = (date: string): Period => ({ key: date, from: date, to: date })

/** @category constructors */
export const monthPeriod = (month: string): Period => ({ key: month, ...BusinessDays.monthRange(month) })

/** The contract, or a part of it. @category constructors */
export const contractPeriod = (profile: Profile.CityProfile, from?: string, to?: string): Period => {
  const f = from ?? profile.contract.from
  const t = to ?? profile.contract.to
  return { key: `${f}..${t}`, from: f, to: t }
}

/** The due date of a form's report for a period, or null when the specification sets none. @category constructors */
export const dueDate = (form: ReportForm, period: Period): string | null => {
  const rule = form.due
  if (rule === undefined) return null
  if ("businessDaysAfter" in rule) return BusinessDays.nthBusinessDayAfter(period.to, rule.businessDaysAfter)
  return BusinessDays.addDays(BusinessDays.lastBusinessDayOnOrBefore(period.to), rule.calendarDaysAfter)
}

/** The period's last day has closed: its figures are final. @category predicates */
export const isClosed = (period: Period, dayClosesAt: string, now: LocalNow): boolean =>
  now.date > period.to || (now.date === period.to && now.time >= dayClosesAt)

/** @category models */
export type DueState = "open" | "due" | "overdue" | "submitted"

/** One report the contract asks for, with its state today. @category models */
export interface DueItem {
  readonly form: string
  readonly title: { readonly ja: string; readonly en: string }
  readonly period: Period
  readonly due: string | null
  readonly dueNote: { readonly ja: string; readonly en: string } | null
  readonly state: DueState
  readonly version: number | null
}

/** @category models */
export interface DueListInput {
  readonly profile: Profile.CityProfile
  readonly now: LocalNow
  /** Days with activity (a holiday opening's day report is due too). */
  readonly activeDates: ReadonlyArray<string>
  /** `form|periodKey` → latest submitted version. */
  readonly submitted: ReadonlyMap<string, number>
  /** First day considered (default: the contract's first day). */
  readonly since?: string
}

const monthsBetween = (from: string, to: string): ReadonlyArray<string> => {
  const months: Array<string> = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`
    if (key > last) break
    months.push(key)
    if (m === 12) {
      y += 1
      m = 1
    } else m += 1
  }
  return months
}

/**
 * Every report of the contract whose period has begun by today: open (period not closed), due,
 * overdue, or submitted (with its latest version), oldest first.
 *
 * @category constructors
 */
export const dueList = (input: DueListInput): ReadonlyArray<DueItem> => {
  const { profile, now } = input
  const reports = profile.reports
  if (!reports) return []
  const start = input.since ?? profile.contract.from
  const end = profile.contract.to < now.date ? profile.contract.to : now.date
  const items: Array<DueItem> = []
  for (const form of reports.forms) {
    const periods: ReadonlyArray<Period> =
      form.period === "day"
        ? [
            ...new Set([
              ...(form.days === "active_days" ? [] : BusinessDays.businessDaysBetween(start, end)),
              ...input.activeDates
            ])
          ]
            .filter((d) => d >= start && d <= end)
            .sort()
            .map(dayPeriod)
        : form.period === "month"
          ? monthsBetween(start, end).map(monthPeriod)
          : start <= end
            ? [contractPeriod(profile)]
            : []
    for (const period of periods) {
      const due = dueDate(form, period)
      const version = input.submitted.get(`${form.id}|${period.key}`) ?? null
      const state: DueState =
        version !== null
          ? "submitted"
          : !isClosed(period, reports.dayClosesAt, now)
            ? "open"
            : due !== null && now.date > due
              ? "overdue"
              : "due"
      items.push({ form: form.id, title: form.title, period, due, dueNote: form.dueNote ?? null, state, version })
    }
  }
  return items.sort((a, b) => (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : 0))
}
