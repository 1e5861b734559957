/**
 * 呼出表示 / Call display for the waiting room: the city and site, and the queue's state
 * (`GET …/queue?site`). The page itself then follows the queue's server-sent events; without
 * JavaScript it reloads itself every few seconds.
 */
import { error } from "@sveltejs/kit"
import { call, cityApi, queryOf } from "#lib/counter/api.server.ts"
import { counterSites } from "#lib/counter/booking.server.ts"
import type { QueueState, Site } from "#lib/counter/types.ts"
import type { PageServerLoad } from "./$types"

interface CitySummary {
  readonly slug: string
  readonly name: { ja: string; en: string }
  readonly sites: ReadonlyArray<Site>
}

export const load: PageServerLoad = async ({ url, fetch, params }) => {
  const city = await call<CitySummary>(fetch, "GET", `/api/v1/cities/${encodeURIComponent(params.city)}`)
  if (!city.ok) error(city.status, `${city.error.ja} / ${city.error.en}`)
  const sites = counterSites(city.value.sites)
  const asked = url.searchParams.get("site")
  const site = sites.find((s) => s.id === asked) ?? sites[0]
  const state = site
    ? await call<QueueState>(fetch, "GET", cityApi(params.city, `queue${queryOf({ site: site.id })}`))
    : null
  return {
    city: { slug: city.value.slug, name: city.value.name },
    site: site ? { id: site.id, name: site.name } : null,
    state: state?.ok ? state.value : null,
    stateError: state && !state.ok ? state.error : null
  }
}
