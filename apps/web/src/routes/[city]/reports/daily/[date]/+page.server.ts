/** 日報 / the daily report of a date, with downloads and submission (see `#lib/server/reportScreen.ts`). */
import { loadReport, submitReport } from "#lib/server/reportScreen.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

export const load: PageServerLoad = (event) => loadReport(event, { period: "day", date: event.params.date })

export const actions: Actions = {
  submit: (event) => submitReport(event, { period: "day", date: event.params.date })
}
