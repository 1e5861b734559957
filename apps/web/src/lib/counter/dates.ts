/**
 * Dates and times as the counter sees them: today in Japan (every city is in Asia/Tokyo, whatever the
 * server's zone), `YYYY-MM-DD` arithmetic without a JS `Date` in the data, and the wall-clock time of
 * the API's instants (`2026-10-05T09:00:00+09:00`).
 */

/** Today's date in Japan. */
export const todayInJapan = (at: Date = new Date()): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).format(at)

export const isLocalDate = (s: string | null | undefined): s is string =>
  typeof s === "string" && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)

/** `date` plus `days` (negative to go back). */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** `HH:MM` of an instant the API wrote in Japan time (`…T09:00:00+09:00`). */
export const clockOf = (instant: string): string => instant.slice(11, 16)

/** `YYYY-MM-DD` of such an instant. */
export const dateOf = (instant: string): string => instant.slice(0, 10)
