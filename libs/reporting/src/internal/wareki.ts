/**
 * 和暦 (Japanese era) dates for report headers and date columns: 令和 from 2019-05-01, 平成 from
 * 1989-01-08; the first year of an era is 元年.
 */
const eras = [
  { name: "令和", start: "2019-05-01", year: 2019 },
  { name: "平成", start: "1989-01-08", year: 1989 }
] as const

const eraOf = (date: string) => eras.find((e) => date >= e.start)

const yearText = (date: string): string => {
  const era = eraOf(date)
  if (!era) return `${Number(date.slice(0, 4))}年`
  const n = Number(date.slice(0, 4)) - era.year + 1
  return `${era.name}${n === 1 ? "元" : n}年`
}

/** `令和8年12月1日` for `2026-12-01`. @category constructors */
export const date = (iso: string): string => `${yearText(iso)}${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

/** `令和8年12月` for `2026-12` (the era in force on the month's first day). @category constructors */
export const month = (yearMonth: string): string => `${yearText(`${yearMonth}-01`)}${Number(yearMonth.slice(5, 7))}月`

/** Days since 1899-12-30: an Excel date serial for a `YYYY-MM-DD` (no time zone involved). @category constructors */
export const excelSerial = (iso: string): number => {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const d = Number(iso.slice(8, 10))
  // Days from civil (Howard Hinnant's algorithm), relative to 1970-01-01, then shifted to 1899-12-30.
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468 + 25569
}
