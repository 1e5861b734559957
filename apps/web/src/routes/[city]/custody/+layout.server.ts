/**
 * Every 台帳 screen reads the city's custody settings once (`GET …/custody/settings`: item kinds,
 * places with their names, disposal policy): places are shown by name, and only the city's kinds and
 * methods are offered. A city whose profile keeps no ledger has no 台帳 screens.
 */
import { error } from "@sveltejs/kit"
import type { CustodySettings } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import type { LayoutServerLoad } from "./$types"

export const load: LayoutServerLoad = async ({ params, fetch }) => {
  const answer = await getJson<CustodySettings>(fetch, cityPath(params.city, "custody/settings"))
  if (!answer.ok) error(answer.status, `${answer.error.ja} / ${answer.error.en}`)
  return { settings: answer.value }
}
