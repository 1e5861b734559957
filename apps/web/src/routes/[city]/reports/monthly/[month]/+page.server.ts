/** 月報 / the monthly report of a month, with downloads and submission (see `#lib/server/reportScreen.ts`). */
import { loadReport, submitReport } from "#lib/server/reportScreen.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

export const load: PageServerLoad = (event) => loadReport(event, { period: "month", month: event.params.month })

export const actions: Actions = {
  submit: (event) => submitReport(event, { period: "month", month: event.params.month })
}
