/**
 * Calling the API from load functions and form actions with SvelteKit's in-process `fetch`: JSON in,
 * JSON out, and the API's `{ error: { code, ja, en, path?, problems? } }` kept intact so a page can
 * show it (and `fail(status, …)` with it) exactly as the API worded it.
 */
import type { ApiError } from "../apiError.ts"

export type { ApiError }

export type Answer<A> =
  | { readonly ok: true; readonly status: number; readonly value: A }
  | { readonly ok: false; readonly status: number; readonly error: ApiError }

type Fetch = typeof fetch

const unreadable = (status: number): ApiError => ({
  code: "UNREADABLE",
  ja: `API の応答を読めませんでした(HTTP ${status})`,
  en: `the API's answer could not be read (HTTP ${status})`
})

const read = async <A>(res: Response): Promise<Answer<A>> => {
  let parsed: unknown
  try {
    parsed = await res.json()
  } catch {
    return { ok: false, status: res.ok ? 502 : res.status, error: unreadable(res.status) }
  }
  if (res.ok) return { ok: true, status: res.status, value: parsed as A }
  const error = (parsed as { error?: ApiError } | null)?.error
  return {
    ok: false,
    status: res.status,
    error: error && typeof error.ja === "string" ? error : unreadable(res.status)
  }
}

/** `GET` a JSON resource of the API. */
export const getJson = async <A>(fetch: Fetch, path: string): Promise<Answer<A>> =>
  read<A>(await fetch(path, { headers: { accept: "application/json" } }))

/** `POST` a JSON body to the API. */
export const postJson = async <A>(fetch: Fetch, path: string, body: unknown): Promise<Answer<A>> =>
  read<A>(
    await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body)
    })
  )

/** `/api/v1/cities/<city>/<rest>` with the city escaped. */
export const cityPath = (city: string, rest: string): string => `/api/v1/cities/${encodeURIComponent(city)}/${rest}`
