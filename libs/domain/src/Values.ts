/**
 * Small value types shared by every lib: calendar dates and months as ISO strings (checked as ISO
 * calendar dates, never a JS `Date`), clock times, bilingual labels, city codes and slugs.
 */
import { Schema } from "effect"
import { bilingual } from "./Decode.ts"

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A real ISO calendar date `YYYY-MM-DD` — the same answer as
 * `Temporal.PlainDate.from(s, { overflow: "reject" }).toString() === s` (checked by a property test),
 * computed without Temporal because every API body decodes several dates.
 *
 * @category predicates
 */
export const isPlainDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const month = Number(m[2])
  const d = Number(m[3])
  if (month < 1 || month > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const last = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return d <= last
}

/** `YYYY-MM-DD`, a real calendar date. @category schemas */
export const LocalDate = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      isPlainDate(s) ||
      bilingual(`日付は YYYY-MM-DD で指定してください: ${s}`, `expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`),
    {
      identifier: "LocalDate",
      expected: "a date YYYY-MM-DD"
    }
  )
)
export type LocalDate = typeof LocalDate.Type

/** `YYYY-MM`. @category schemas */
export const YearMonth = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^\d{4}-(0[1-9]|1[0-2])$/.test(s) ||
      bilingual(`年月は YYYY-MM で指定してください: ${s}`, `expected a month YYYY-MM, got ${JSON.stringify(s)}`),
    { identifier: "YearMonth", expected: "a month YYYY-MM" }
  )
)
export type YearMonth = typeof YearMonth.Type

/** `HH:MM`, 00:00–24:00. @category schemas */
export const LocalTime = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(s) ||
      bilingual(`時刻は HH:MM で指定してください: ${s}`, `expected a time HH:MM, got ${JSON.stringify(s)}`),
    { identifier: "LocalTime", expected: "a time HH:MM" }
  )
)
export type LocalTime = typeof LocalTime.Type

/** Minutes since midnight of an `HH:MM`. @category constructors */
export const minutesOf = (time: LocalTime): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** A text in Japanese and English. @category schemas */
export const Label = Schema.Struct({ ja: Schema.String, en: Schema.String })
export type Label = typeof Label.Type

/**
 * Check digit of a 全国地方公共団体コード (JIS X 0402 + check digit): for the 5 digits d1..d5,
 * s = 6d1 + 5d2 + 4d3 + 3d4 + 2d5; check = (11 − s mod 11) mod 10.
 *
 * @category constructors
 */
export const cityCodeCheckDigit = (five: string): number => {
  const s = [6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * (five.charCodeAt(i) - 48), 0)
  return (11 - (s % 11)) % 10
}

/** 全国地方公共団体コード, 6 digits with a valid check digit. @category schemas */
export const CityCode = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      (/^\d{6}$/.test(s) && cityCodeCheckDigit(s.slice(0, 5)) === s.charCodeAt(5) - 48) ||
      bilingual(
        `全国地方公共団体コードは検査数字付きの6桁です: ${s}`,
        `expected a 6-digit local government code with a valid check digit, got ${JSON.stringify(s)}`
      ),
    { identifier: "CityCode", expected: "a 6-digit local government code" }
  )
).pipe(Schema.brand("CityCode"))
export type CityCode = typeof CityCode.Type

/** A city's short name in URLs and file names (`kawanishi`). @category schemas */
export const CitySlug = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9-]{1,40}$/.test(s) ||
      bilingual(
        `市の識別名は英小文字・数字・ハイフンです: ${s}`,
        `expected a lowercase slug, got ${JSON.stringify(s)}`
      ),
    { identifier: "CitySlug", expected: "a lowercase slug" }
  )
).pipe(Schema.brand("CitySlug"))
export type CitySlug = typeof CitySlug.Type
