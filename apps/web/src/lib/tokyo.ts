/**
 * Dates as the counter sees them: today and now in Japan (Asia/Tokyo, whatever the server's zone),
 * and plain `YYYY-MM-DD` / `YYYY-MM` arithmetic without a JS `Date` leaking into the data.
 */

/** Today's date, the time (`HH:MM`) and the month in Japan. */
export const tokyoNow = (at: Date = new Date()): { date: string; time: string; month: string } => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  ) as Record<string, string>
  const date = `${parts.year}-${parts.month}-${parts.day}`
  return { date, time: `${parts.hour}:${parts.minute}`, month: date.slice(0, 7) }
}

export const isLocalDate = (s: string | null | undefined): s is string =>
  typeof s === "string" && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)

export const isYearMonth = (s: string | null | undefined): s is string =>
  typeof s === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(s)

/** `YYYY-MM` moved by `n` months. */
export const addMonths = (month: string, n: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`
}

/** Months from `a` to `b` inclusive (0 when reversed). */
export const monthsBetween = (a: string, b: string): number =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1

/** The number of days in a month. */
export const daysInMonth = (month: string): number =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()

/** Day of the week of a date, 0 = Sunday. */
export const weekday = (date: string): number =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay()

/** A month `YYYY-MM` in the visitor's language (和暦 in Japanese). */
export const formatMonth = (lang: "ja" | "en", month: string): string => {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1))
  return lang === "ja"
    ? new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", month: "long", timeZone: "UTC" })
        .format(date)
        .concat(` (${month})`)
    : new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", timeZone: "UTC" }).format(date)
}
