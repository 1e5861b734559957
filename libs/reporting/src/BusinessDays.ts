/**
 * Business days for report deadlines: the shared Japanese business calendar of `@madoguchi/domain`
 * (`JapaneseCalendar`: Monday to Friday, except national holidays and the year-end closure 12/29–1/3
 * that every city's specification names), under the names and reason shape the report deadlines use.
 * Pure functions over `YYYY-MM-DD` strings.
 */
import { JapaneseCalendar } from "@madoguchi/domain"
import { Temporal } from "temporal-polyfill"

/** Why a day is not a business day. @category models */
export type ClosedReason =
  | { readonly kind: "weekend" }
  | { readonly kind: "holiday"; readonly name: string; readonly nameEn: string }
  | { readonly kind: "year_end" }

/** The year-end and new-year closure, 12/29–1/3. @category predicates */
export const isYearEnd = JapaneseCalendar.isYearEndClosure

/** Why `date` is closed, or undefined for a business day (a holiday is named even in the year-end closure). @category constructors */
export const closedReason = (date: string): ClosedReason | undefined => {
  const holiday = JapaneseCalendar.nationalHoliday(date)
  if (holiday) return { kind: "holiday", name: holiday.ja, nameEn: holiday.en }
  if (JapaneseCalendar.isYearEndClosure(date)) return { kind: "year_end" }
  return JapaneseCalendar.isWeekend(date) ? { kind: "weekend" } : undefined
}

/** @category predicates */
export const isBusinessDay = JapaneseCalendar.isBusinessDay

/** `date` plus `days` calendar days. @category constructors */
export const addDays = JapaneseCalendar.addDays

/**
 * The n-th business day after `date` (n ≥ 1); n = 0 is `date` itself.
 *
 * @category constructors
 */
export const nthBusinessDayAfter = JapaneseCalendar.nthBusinessDayAfter

/** The last business day on or before `date`. @category constructors */
export const lastBusinessDayOnOrBefore = JapaneseCalendar.lastBusinessDayOnOrBefore

/** Business days from `from` to `to`, both included. @category constructors */
export const businessDaysBetween = JapaneseCalendar.businessDaysBetween

/** First and last day of a `YYYY-MM`. @category constructors */
export const monthRange = (month: string): { readonly from: string; readonly to: string } => {
  const ym = Temporal.PlainYearMonth.from(month)
  return { from: ym.toPlainDate({ day: 1 }).toString(), to: ym.toPlainDate({ day: ym.daysInMonth }).toString() }
}
