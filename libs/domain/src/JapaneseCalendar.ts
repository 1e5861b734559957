/**
 * The Japanese business calendar that every city's specification assumes: offices open Monday to
 * Friday, closed on national holidays (国民の祝日に関する法律: 祝日, 振替休日 under 第3条2項 and 国民の休日
 * under 第3条3項, from `@holiday-jp/holiday_jp`, which covers 1970–2050) and during the year-end
 * closure 12/29–1/3 (行政機関の休日に関する法律 第1条, named by all four seeds). Pure functions over
 * `YYYY-MM-DD` strings (valid `Values.LocalDate`s); integer day arithmetic, never a JS `Date`.
 *
 * Custody deadlines, report deadlines and the booking calendar all count on this one calendar; a
 * city's own openings and closures (holiday openings, ad-hoc closures) are layered on top by the
 * profile's `calendar` section in `@madoguchi/scheduling`.
 */
import holidayJp from "@holiday-jp/holiday_jp"
import { addDays as plusDays, daysBetween as between, epochDay, fromEpochDay } from "./internal/dates.ts"
import type { Label } from "./Values.ts"

const holidays = holidayJp.holidays as unknown as Readonly<
  Record<string, { readonly name: string; readonly name_en: string }>
>

/** Why a day is not a business day. @category models */
export interface ClosedReason {
  readonly code: "weekend" | "national_holiday" | "year_end"
  readonly ja: string
  readonly en: string
}

/** `date` plus `days` calendar days (negative goes back). @category constructors */
export const addDays = (date: string, days: number): string => plusDays(date, days)

/** Calendar days from `from` to `to` (negative when `to` is earlier). @category constructors */
export const daysBetween = (from: string, to: string): number => between(from, to)

/** 1 = Monday … 7 = Sunday (ISO 8601). @category constructors */
export const isoWeekday = (date: string): number => ((((epochDay(date) + 3) % 7) + 7) % 7) + 1

/**
 * The national holiday of a date — 祝日, 振替休日 (e.g. 2026-05-06, こどもの日 振替休日) or 国民の休日
 * (e.g. 2026-09-22, between 敬老の日 and 秋分の日) — by its name in Japanese and English.
 *
 * @category constructors
 */
export const nationalHoliday = (date: string): Label | undefined => {
  const found = holidays[date]
  return found ? { ja: found.name, en: found.name_en } : undefined
}

/** Whether `date` falls in the year-end closure, 12/29 to 1/3. @category predicates */
export const isYearEndClosure = (date: string): boolean => {
  const md = date.slice(5)
  return md >= "12-29" || md <= "01-03"
}

/** Saturday or Sunday. @category predicates */
export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6

const YEAR_END: ClosedReason = {
  code: "year_end",
  ja: "年末年始(12月29日〜1月3日)",
  en: "year-end closure (12/29–1/3)"
}
const SATURDAY: ClosedReason = { code: "weekend", ja: "土曜日", en: "Saturday" }
const SUNDAY: ClosedReason = { code: "weekend", ja: "日曜日", en: "Sunday" }

/**
 * Why offices are closed on `date`, or undefined on a business day. A day closed for several reasons
 * gives the strongest: the year-end closure (1/1 is also 元日), then the holiday, then the weekend.
 *
 * @category constructors
 */
export const closedReason = (date: string): ClosedReason | undefined => {
  if (isYearEndClosure(date)) return YEAR_END
  const holiday = nationalHoliday(date)
  if (holiday) return { code: "national_holiday", ja: holiday.ja, en: holiday.en }
  const weekday = isoWeekday(date)
  return weekday === 6 ? SATURDAY : weekday === 7 ? SUNDAY : undefined
}

/** @category predicates */
export const isBusinessDay = (date: string): boolean =>
  !isYearEndClosure(date) && !isWeekend(date) && holidays[date] === undefined

/** The first business day on or after `date`. @category constructors */
export const onOrAfter = (date: string): string => {
  let day = date
  while (!isBusinessDay(day)) day = addDays(day, 1)
  return day
}

/** The first business day strictly after `date`. @category constructors */
export const nextBusinessDay = (date: string): string => onOrAfter(addDays(date, 1))

/** The last business day on or before `date`. @category constructors */
export const lastBusinessDayOnOrBefore = (date: string): string => {
  let day = date
  while (!isBusinessDay(day)) day = addDays(day, -1)
  return day
}

/**
 * The n-th business day after `date`, counting from the day after it (n = 0 is `date` itself, open or
 * not): the "within n business days" of a report deadline.
 *
 * @category constructors
 */
export const nthBusinessDayAfter = (date: string, n: number): string => {
  let day = date
  for (let found = 0; found < n;) {
    day = addDays(day, 1)
    if (isBusinessDay(day)) found++
  }
  return day
}

/**
 * `date` moved on by n business days, where a closed `date` counts as the business day after it: n = 0
 * is the first business day on or after `date`; n ≥ 1 is the n-th business day after `date`.
 *
 * @category constructors
 */
export const addBusinessDays = (date: string, n: number): string =>
  n <= 0 ? onOrAfter(date) : nthBusinessDayAfter(date, n)

/** The business days from `from` to `to`, both included, in order. @category constructors */
export const businessDaysBetween = (from: string, to: string): ReadonlyArray<string> => {
  const days: Array<string> = []
  const end = epochDay(to)
  for (let n = epochDay(from); n <= end; n++) {
    const day = fromEpochDay(n)
    if (isBusinessDay(day)) days.push(day)
  }
  return days
}

/** How many business days from `from` to `to`, both included. @category constructors */
export const countBusinessDays = (from: string, to: string): number => businessDaysBetween(from, to).length
