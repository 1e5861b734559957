/**
 * 改ざん検証 / Chain check: the API recomputes every link of the city's hash chain and checks it
 * against the stored daily anchors and the copies the city holds, typed in here as printed on the
 * daily report or as `date:seq:hash` (`GET …/custody/verify?anchor=…`; another city's is refused):
 * ok, or the first broken link. The anchor of a day (`GET …/custody/anchors/{date}`) is shown to
 * print on the daily report, so the city keeps a copy.
 */
import type { DailyAnchor, VerifyResult } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import { isLocalDate, tokyoNow } from "#lib/tokyo.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered: the page needs no script (printable, works without JavaScript). */
export const csr = false

/** Anchors typed in, one a line: as printed on the daily report, or `[YYYY-MM-DD:]SEQ:HASH` (the API reads both). */
const MAX_ANCHORS = 60

export const load: PageServerLoad = async ({ params, url, fetch }) => {
  const today = tokyoNow().date
  const asked = url.searchParams.get("date")
  const date = isLocalDate(asked) ? asked : today
  const anchorsText = url.searchParams.get("anchors") ?? ""
  const anchors = anchorsText
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .slice(0, MAX_ANCHORS)
  const query = new URLSearchParams(anchors.map((a) => ["anchor", a]))
  const [verify, anchor] = await Promise.all([
    getJson<VerifyResult>(
      fetch,
      cityPath(params.city, `custody/verify${anchors.length > 0 ? `?${query.toString()}` : ""}`)
    ),
    getJson<DailyAnchor>(fetch, cityPath(params.city, `custody/anchors/${date}`))
  ])
  return {
    today,
    date,
    anchorsText,
    anchorsGiven: anchors.length,
    verify: verify.ok ? { ok: true as const, value: verify.value } : verify,
    anchor: anchor.ok ? { ok: true as const, value: anchor.value } : anchor
  }
}
