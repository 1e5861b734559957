/**
 * Query strings for the screens' links and form actions: the view's parameters (date, site, window …)
 * kept on every link, empty ones left out, repeated ones as repeated keys.
 */

export type QueryParams = Readonly<Record<string, string | ReadonlyArray<string> | null | undefined>>

/** `a=1&b=2&b=3`, without the leading `?`; null, undefined and empty values are left out. */
export const queryString = (params: QueryParams): string =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      (typeof value === "string" ? [value] : (value ?? [])).filter((v) => v !== "").map((v) => [key, v])
    )
  ).toString()

/** The same with a leading `?`, or "" when nothing is left. */
export const queryOf = (params: QueryParams): string => {
  const s = queryString(params)
  return s === "" ? "" : `?${s}`
}
