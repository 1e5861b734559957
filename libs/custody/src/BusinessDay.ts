/**
 * Business days for custody deadlines: the shared Japanese business calendar of `@madoguchi/domain`
 * (`JapaneseCalendar`: Monday to Friday, except national holidays — substitute and citizens' holidays
 * included — and the year-end closure 12/29–1/3 that all four seeds name), under the names the
 * custody deadlines use. Dates are `YYYY-MM-DD` strings.
 */
import { JapaneseCalendar } from "@madoguchi/domain"
import { Temporal } from "temporal-polyfill"

/** Why a day is not a business day: the year-end closure first, then the holiday, then the weekend. @category models */
export type ClosedReason = JapaneseCalendar.ClosedReason

/** @category constructors */
export const plainDate = (date: string): Temporal.PlainDate => Temporal.PlainDate.from(date, { overflow: "reject" })

/** @category constructors */
export const addDays = JapaneseCalendar.addDays

/** The national holiday on `date`, if any. @category constructors */
export const holiday = JapaneseCalendar.nationalHoliday

/** @category constructors */
export const closedReason = JapaneseCalendar.closedReason

/** @category predicates */
export const isBusinessDay = JapaneseCalendar.isBusinessDay

/** The first business day on or after `date`. @category constructors */
export const onOrAfter = JapaneseCalendar.onOrAfter

/**
 * The n-th business day after `date` (n = 0: `date` itself if it is a business day, else the next one).
 *
 * @category constructors
 */
export const addBusinessDays = JapaneseCalendar.addBusinessDays

/** Days from `from` to `to` (negative when `to` is earlier). @category constructors */
export const daysBetween = JapaneseCalendar.daysBetween
