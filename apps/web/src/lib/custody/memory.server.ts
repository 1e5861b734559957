/**
 * What the record form offers again: the clerk's own name and title (per city, in a cookie, so the
 * contractor's side of the next event is filled in), and the holders the ledger already knows
 * (`GET …/custody/items?inCustody=true`), as suggestions for the name fields.
 */
import type { Cookies } from "@sveltejs/kit"
import { cityPath, getJson } from "../server/call.ts"
import type { ItemPage } from "./types.ts"

const COOKIE = "madoguchi_custody"

export interface Remembered {
  readonly name?: string
  readonly title?: string
}

export const remembered = (cookies: Cookies): Remembered => {
  try {
    const parsed: unknown = JSON.parse(cookies.get(COOKIE) ?? "{}")
    if (parsed === null || typeof parsed !== "object") return {}
    const { name, title } = parsed as Record<string, unknown>
    return {
      ...(typeof name === "string" ? { name } : {}),
      ...(typeof title === "string" ? { title } : {})
    }
  } catch {
    return {}
  }
}

export const remember = (cookies: Cookies, city: string, value: Remembered) =>
  cookies.set(COOKIE, JSON.stringify(value), {
    path: `/${city}/custody`,
    httpOnly: true,
    sameSite: "lax",
    maxAge: 180 * 24 * 3600
  })

/** The holders of the items in custody, sorted, for the name fields' suggestion list (the places come from the settings). */
export const holderSuggestions = async (fetch: typeof globalThis.fetch, city: string): Promise<Array<string>> => {
  const answer = await getJson<ItemPage>(fetch, cityPath(city, "custody/items?inCustody=true&limit=1000"))
  if (!answer.ok) return []
  const holdings = answer.value.items.flatMap((i) => i.holdings)
  return [...new Set(holdings.flatMap((h) => (h.holder ? [h.holder] : [])))].sort()
}
