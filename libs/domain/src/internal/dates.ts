/**
 * Calendar arithmetic on `YYYY-MM-DD` strings for the rules' hot path. Temporal is correct but far
 * too slow for a million decisions a second, so the few operations the rules need (compare, add
 * days and months, legal age, "the n-th birthday after a date") are written here on integers and
 * cross-checked against Temporal in the tests. Inputs are already validated `LocalDate`s.
 */

/** Year, month (1–12) and day of an ISO date. */
export interface Ymd {
  readonly y: number
  readonly m: number
  readonly d: number
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

export const parse = (s: string): Ymd => ({
  y: digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3),
  m: digit(s, 5) * 10 + digit(s, 6),
  d: digit(s, 8) * 10 + digit(s, 9)
})

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`)

export const format = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!)

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`). */
export const toEpochDay = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export const fromEpochDay = (z0: number): string => {
  const z = z0 + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}

export const epochDay = (s: string): number => {
  const { d, m, y } = parse(s)
  return toEpochDay(y, m, d)
}

export const addDays = (s: string, n: number): string => fromEpochDay(epochDay(s) + n)

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: string, b: string): number => epochDay(b) - epochDay(a)

/**
 * The same day `n` months later (or earlier). When that day does not exist (the 31st, or 29 Feb in
 * a common year) `exists` is false and the date is clamped to the month's last day.
 */
export const addMonths = (s: string, n: number): { readonly date: string; readonly exists: boolean } => {
  const { d, m, y } = parse(s)
  const index = y * 12 + (m - 1) + n
  const ny = Math.floor(index / 12)
  const nm = (index % 12) + 1
  const last = daysInMonth(ny, nm)
  return { date: format(ny, nm, d <= last ? d : last), exists: d <= last }
}

/** The first day of the month after the one `s` is in. */
export const firstOfNextMonth = (s: string): string => {
  const { m, y } = parse(s)
  return m === 12 ? format(y + 1, 1, 1) : format(y, m + 1, 1)
}

/**
 * Age in completed years on `on` (年齢計算ニ関スル法律 with 民法143条: a person becomes one year older
 * at the end of the day before the birthday, so on the birthday itself; someone born on 29 February
 * becomes older on 1 March in a common year).
 */
export const ageOn = (birth: string, on: string): number => {
  // Read the digits in place: this runs for every decision.
  const by = digit(birth, 0) * 1000 + digit(birth, 1) * 100 + digit(birth, 2) * 10 + digit(birth, 3)
  let bm = digit(birth, 5) * 10 + digit(birth, 6)
  let bd = digit(birth, 8) * 10 + digit(birth, 9)
  const oy = digit(on, 0) * 1000 + digit(on, 1) * 100 + digit(on, 2) * 10 + digit(on, 3)
  const om = digit(on, 5) * 10 + digit(on, 6)
  const od = digit(on, 8) * 10 + digit(on, 9)
  if (bm === 2 && bd === 29 && !isLeapYear(oy)) {
    bm = 3
    bd = 1
  }
  const before = om < bm || (om === bm && od < bd)
  return oy - by - (before ? 1 : 0)
}

/** The date of the birthday in year `y` (29 February falls on 28 February in a common year). */
export const birthdayIn = (birth: string, y: number): string => {
  const b = parse(birth)
  return b.m === 2 && b.d === 29 && !isLeapYear(y) ? format(y, 2, 28) : format(y, b.m, b.d)
}

/**
 * The `n`-th birthday strictly after `date` ("発行日後の n 回目の誕生日"): a birthday falling on
 * `date` itself is not counted.
 */
export const nthBirthdayAfter = (birth: string, date: string, n: number): string => {
  const y = parse(date).y
  const first = birthdayIn(birth, y) > date ? y : y + 1
  return birthdayIn(birth, first + n - 1)
}

/** The birthday on which the person reaches `age` (the day from which `ageOn` reports it). */
export const dateOfAge = (birth: string, age: number): string => {
  const b = parse(birth)
  const y = b.y + age
  return b.m === 2 && b.d === 29 && !isLeapYear(y) ? format(y, 3, 1) : format(y, b.m, b.d)
}

export const min = (a: string, b: string): string => (a <= b ? a : b)
