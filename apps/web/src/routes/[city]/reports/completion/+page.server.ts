/**
 * 完了報告 / the completion report over the contract (or `from`..`to`), with downloads and submission
 * (see `#lib/server/reportScreen.ts`).
 */
import { loadReport, submitReport, type ReportTarget } from "#lib/server/reportScreen.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

const target = (url: URL): ReportTarget => {
  const from = url.searchParams.get("from")
  const to = url.searchParams.get("to")
  return { period: "contract", ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

export const load: PageServerLoad = (event) => loadReport(event, target(event.url))

export const actions: Actions = {
  submit: (event) => submitReport(event, target(event.url))
}
