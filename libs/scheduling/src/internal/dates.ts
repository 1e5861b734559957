/**
 * Calendar arithmetic on `YYYY-MM-DD` and `YYYY-MM` strings (proleptic Gregorian, never a JS
 * `Date`): dates become day numbers with the days-from-civil algorithm (H. Hinnant) and back. The
 * planner calls these tens of thousands of times per plan, so they avoid parsing through Temporal;
 * the tests hold them to Temporal over several years.
 */

/** Days since 1970-01-01 of a civil date. */
export const toDayNumber = (date: string): number => {
  let y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** The civil date of a day number. */
export const fromDayNumber = (n: number): string => {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
}

/** `YYYY-MM-DD` + n days. */
export const addDays = (date: string, n: number): string => fromDayNumber(toDayNumber(date) + n)

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (date: string): number => ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1

/** Every date from `from` to `to`, inclusive. */
export const eachDay = (from: string, to: string): Array<string> => {
  const out: Array<string> = []
  const end = toDayNumber(to)
  for (let n = toDayNumber(from); n <= end; n++) out.push(fromDayNumber(n))
  return out
}

/** `YYYY-MM` + n months. */
export const addMonths = (month: string, n: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`
}

/** Every month from `from` to `to`, inclusive. */
export const eachMonth = (from: string, to: string): Array<string> => {
  const out: Array<string> = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

/** Months from `a` to `b` (b − a). */
export const monthsBetween = (a: string, b: string): number =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7))

export const firstDayOf = (month: string): string => `${month}-01`

export const lastDayOf = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1)

/** The fiscal year (年度, April–March) of a month, named by the year it starts. */
export const fiscalYearOf = (month: string): number => {
  const year = Number(month.slice(0, 4))
  return Number(month.slice(5, 7)) >= 4 ? year : year - 1
}

/** Monday of the ISO week of a date. */
export const weekStartOf = (date: string): string => addDays(date, 1 - isoWeekday(date))

/** Days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string): number => toDayNumber(b) - toDayNumber(a)
