/**
 * The counter screens' calls to the API through SvelteKit's in-process `fetch`: JSON in and out,
 * the API's `{ error: { code, ja, en, … } }` kept as worded so a page can show it and `fail(status, …)`
 * with it, an `Idempotency-Key` header on creates, and — for the public booking page — the visitor's
 * cookies left out, so a staff session in the same browser never books as staff.
 */
import type { ApiError } from "./types.ts"

export type Answer<A> =
  | { readonly ok: true; readonly status: number; readonly value: A; readonly replayed: boolean }
  | { readonly ok: false; readonly status: number; readonly error: ApiError }

export interface CallOptions {
  readonly body?: unknown
  readonly idempotencyKey?: string | undefined
  /** Call as the public (no staff session). */
  readonly anonymous?: boolean
}

const unreadable = (status: number): ApiError => ({
  code: "UNREADABLE",
  ja: `API の応答を読めませんでした(HTTP ${status})`,
  en: `the API's answer could not be read (HTTP ${status})`
})

/** Call `method path` of the API and read its JSON answer. */
export const call = async <A>(
  fetch: typeof globalThis.fetch,
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: CallOptions = {}
): Promise<Answer<A>> => {
  const headers: Record<string, string> = { accept: "application/json" }
  if (options.body !== undefined) headers["content-type"] = "application/json"
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey
  // A staff screen's call (the API's demo mode lets it act as the demo manager without a login).
  if (!options.anonymous) headers["x-madoguchi-screen"] = "staff"
  const res = await fetch(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.anonymous ? { credentials: "omit" as const } : {})
  })
  let parsed: unknown
  try {
    parsed = await res.json()
  } catch {
    return { ok: false, status: res.ok ? 502 : res.status, error: unreadable(res.status) }
  }
  if (res.ok) {
    return {
      ok: true,
      status: res.status,
      value: parsed as A,
      replayed: res.headers.get("idempotent-replayed") === "true"
    }
  }
  const error = (parsed as { error?: ApiError } | null)?.error
  return {
    ok: false,
    status: res.status,
    error: error && typeof error.ja === "string" ? error : unreadable(res.status)
  }
}

/** `/api/v1/cities/<city>/<rest>`, the city escaped. */
export const cityApi = (city: string, rest: string): string => `/api/v1/cities/${encodeURIComponent(city)}/${rest}`

export { queryOf } from "./query.ts"
