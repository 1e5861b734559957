/** Japanese first, English available: every visible text is a `{ ja, en }` pair. */
export type Lang = "ja" | "en"
export interface Label {
  readonly ja: string
  readonly en: string
}

export const t = (lang: Lang, label: Label): string => label[lang]

/** A date `YYYY-MM-DD` in the visitor's language, with the weekday (和暦 in Japanese). */
export const formatDate = (lang: Lang, iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return lang === "ja"
    ? new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
        era: "long",
        year: "numeric",
        month: "long",
        day: "numeric",
        weekday: "short",
        timeZone: "UTC"
      }).format(date)
    : new Intl.DateTimeFormat("en-GB", {
        year: "numeric",
        month: "short",
        day: "numeric",
        weekday: "short",
        timeZone: "UTC"
      }).format(date)
}
