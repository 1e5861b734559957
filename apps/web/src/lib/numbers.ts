/** Numbers as a clerk reads them: grouped digits, a fixed number of decimals, percentages. */
import type { Lang } from "./i18n.ts"

const locale = (lang: Lang) => (lang === "ja" ? "ja-JP" : "en-GB")

/** A count, rounded, with digit grouping (`1,234`). */
export const formatCount = (lang: Lang, n: number): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n)

/** A number with at most `digits` decimals. */
export const formatDecimal = (lang: Lang, n: number, digits = 1): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n)

/** A share 0–1 as a percentage (`78.8%`). */
export const formatPercent = (lang: Lang, share: number, digits = 1): string =>
  new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: digits }).format(share)

/** A count with its sign (`+132`, `−520`), for gaps. */
export const formatSigned = (lang: Lang, n: number): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(n)
