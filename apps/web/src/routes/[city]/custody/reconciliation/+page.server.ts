/**
 * 照合 / Reconciliation: counts that must add up, as the API works them out — per batch (registered =
 * issued + in stock + returned + disposed of + handed back + missing, against the slip count;
 * `GET …/custody/reconciliation/batches/{reference}`) and per day (opening + in − out = closing per
 * kind, the day's deliveries, stock-takes; `GET …/custody/reconciliation/days/{date}`). The latest
 * batches are reconciled together so a discrepancy stands out without opening each one.
 */
import type { BatchReconciliation, DailyReconciliation, ItemState } from "#lib/custody/types.ts"
import { type Answer, cityPath, getJson } from "#lib/server/call.ts"
import { isLocalDate, tokyoNow } from "#lib/tokyo.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered tables: the page needs no script (printable, works without JavaScript). */
export const csr = false

/** Batches reconciled at once in the overview (the latest registered). */
const OVERVIEW = 30

const batchPath = (city: string, reference: string) =>
  cityPath(city, `custody/reconciliation/batches/${encodeURIComponent(reference)}`)

export const load: PageServerLoad = async ({ params, url, fetch }) => {
  const askedDate = url.searchParams.get("date")
  const date = isLocalDate(askedDate) ? askedDate : tokyoNow().date
  const batch = (url.searchParams.get("batch") ?? "").normalize("NFKC").trim()

  const [batches, day, chosen] = await Promise.all([
    getJson<{ items: ReadonlyArray<ItemState> }>(fetch, cityPath(params.city, "custody/items?kind=batch&limit=1000")),
    getJson<DailyReconciliation>(fetch, cityPath(params.city, `custody/reconciliation/days/${date}`)),
    batch !== "" ? getJson<BatchReconciliation>(fetch, batchPath(params.city, batch)) : Promise.resolve(null)
  ])

  const overview = batches.ok
    ? await (async () => {
        const latest = batches.value.items
          .filter((b) => b.reference !== undefined)
          .slice(-OVERVIEW)
          .reverse()
        const rows = await Promise.all(
          latest.map((b) => getJson<BatchReconciliation>(fetch, batchPath(params.city, b.reference!)))
        )
        return {
          ok: true as const,
          total: batches.value.items.length,
          references: batches.value.items.flatMap((b) => (b.reference !== undefined ? [b.reference] : [])).reverse(),
          rows: rows.flatMap((r): Array<BatchReconciliation> => (r.ok ? [r.value] : [])),
          failed: rows.find((r): r is Extract<Answer<BatchReconciliation>, { ok: false }> => !r.ok)?.error ?? null
        }
      })()
    : batches

  return {
    date,
    batch,
    overview,
    chosen: chosen ? (chosen.ok ? { ok: true as const, value: chosen.value } : chosen) : null,
    day: day.ok ? { ok: true as const, value: day.value } : day
  }
}
