/**
 * 受付判定 / Counter check: the form's lists come from `GET /api/v1/vocabulary` (procedures first as
 * the city's sites offer them), the decision from `POST /api/v1/eligibility/check` with the city's
 * profile applied. The action answers the decision with the sources its reasons cite, and echoes
 * the form so it stays filled in (with or without JavaScript).
 */
import { fail } from "@sveltejs/kit"
import { call } from "#lib/counter/api.server.ts"
import { counterSites } from "#lib/counter/booking.server.ts"
import { todayInJapan } from "#lib/counter/dates.ts"
import { formValues, toEligibilityInput } from "#lib/counter/eligibilityForm.ts"
import type { DocumentCategory, EligibilityResult } from "#lib/counter/types.ts"
import { sourcesFor, vocabulary } from "#lib/counter/vocabulary.server.ts"
import type { Actions, PageServerLoad } from "./$types"

export const load: PageServerLoad = async ({ fetch, parent }) => {
  const { city } = await parent()
  const voc = await vocabulary(fetch)
  if (!voc.ok) return { vocabulary: null, error: voc.error, today: todayInJapan(), offered: [], sites: [] }
  const sites = counterSites(city.sites)
  const offered = [...new Set(sites.flatMap((s) => s.procedures ?? []))]
  const { sources: _sources, ...lists } = voc.value
  return {
    vocabulary: lists,
    error: null,
    today: todayInJapan(),
    /** Procedures the city's sites list (shown first); empty when no site narrows them. */
    offered,
    sites: sites.map((s) => ({ id: s.id, name: s.name }))
  }
}

export const actions: Actions = {
  default: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const voc = await vocabulary(fetch)
    if (!voc.ok) return fail(voc.status, { values, error: voc.error })
    const categories: Record<string, DocumentCategory> = Object.fromEntries(
      voc.value.documentTypes.map((d) => [d.code, d.category])
    )
    const input = toEligibilityInput(values, params.city, categories)
    const answer = await call<EligibilityResult>(fetch, "POST", "/api/v1/eligibility/check", { body: input })
    if (!answer.ok) return fail(answer.status, { values, error: answer.error })
    const result = answer.value
    const sources = sourcesFor(voc.value, [...result.reasons.map((r) => r.basis), result.fee.basis])
    return { values, result, sources, documents: input["documents"] as ReadonlyArray<{ type: string; holder: string }> }
  }
}
