/**
 * `GET /api/v1/vocabulary`, read once per server process (the API builds it once and it never changes
 * while the process runs), and the slices of it a page needs: the screens choose from these lists and
 * label every code with them, so no list of codes is written into the web app.
 */
import { call } from "./api.server.ts"
import type { ApiError, Entry, SourceEntry, VocabularyDocument } from "./types.ts"

let cached: VocabularyDocument | undefined

export const vocabulary = async (
  fetch: typeof globalThis.fetch
): Promise<{ ok: true; value: VocabularyDocument } | { ok: false; status: number; error: ApiError }> => {
  if (cached) return { ok: true, value: cached }
  const answer = await call<VocabularyDocument>(fetch, "GET", "/api/v1/vocabulary")
  if (!answer.ok) return answer
  cached = answer.value
  return { ok: true, value: answer.value }
}

/** Labels by code, for the lists a page shows (a record is smaller to ship than the whole vocabulary). */
export const labelsOf = (entries: ReadonlyArray<Entry>): Record<string, { ja: string; en: string }> =>
  Object.fromEntries(entries.map((e) => [e.code, { ja: e.ja, en: e.en }]))

/** The sources named in `basis` strings (`"M-Hagi, M-Kyoto"`), by code. */
export const sourcesFor = (
  voc: VocabularyDocument,
  bases: ReadonlyArray<string>
): Record<string, Pick<SourceEntry, "title" | "url">> => {
  const wanted = new Set(bases.flatMap((b) => b.split(",").map((s) => s.trim())).filter((s) => s !== ""))
  return Object.fromEntries(
    voc.sources.filter((s) => wanted.has(s.code)).map((s) => [s.code, { title: s.title, url: s.url }])
  )
}
