/**
 * 台帳 / Custody: the items the contractor holds or held, filtered by kind, state, place, holder and
 * batch number and paged by the API's cursor (`GET …/custody/items`), today's latest ledger entries
 * (`GET …/custody/entries?order=desc`), the chain head so far today (`GET …/custody/anchors/{today}`)
 * and the deadline counts (`GET …/custody/deadlines`). Items are named by kind and management number
 * only; places by their names from the city's settings.
 */
import type { Scope } from "#lib/custody/filters.ts"
import { statuses } from "#lib/custody/labels.ts"
import type { DailyAnchor, DeadlineReport, EntryPage, ItemKind, ItemPage, Status } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import { tokyoNow } from "#lib/tokyo.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

/** Items shown at once; the next ones are a link away. */
const LIMIT = 200
/** Today's entries shown, newest first. */
const TODAY = 100

export const load: PageServerLoad = async ({ params, url, fetch, parent }) => {
  const { settings } = await parent()
  const today = tokyoNow().date
  const q = (name: string) => (url.searchParams.get(name) ?? "").normalize("NFKC").trim()
  const kindAsked = q("kind")
  const statusAsked = q("status")
  const scopeAsked = q("scope")
  const placeAsked = q("place")
  const filters = {
    kind: (settings.itemKinds.includes(kindAsked as ItemKind) ? kindAsked : "") as ItemKind | "",
    status: (statuses.some((s) => s.code === statusAsked) ? statusAsked : "") as Status | "",
    scope: (scopeAsked === "all" || scopeAsked === "gone" ? scopeAsked : "held") as Scope,
    place: settings.places.some((p) => p.id === placeAsked) ? placeAsked : "",
    holder: q("holder"),
    batch: q("batch"),
    reference: q("reference")
  }
  // Where this page of the list starts (the API's cursor of the previous page).
  const after = q("after")

  const query = new URLSearchParams()
  if (filters.kind) query.set("kind", filters.kind)
  if (filters.status) query.set("status", filters.status)
  if (filters.place) query.set("place", filters.place)
  if (filters.holder) query.set("holder", filters.holder)
  if (filters.batch) query.set("batchReference", filters.batch)
  if (filters.reference) query.set("reference", filters.reference)
  if (filters.scope !== "all") query.set("inCustody", filters.scope === "held" ? "true" : "false")
  query.set("limit", String(LIMIT))
  if (after) query.set("after", after)

  const [items, entries, anchor, deadlines] = await Promise.all([
    getJson<ItemPage>(fetch, cityPath(params.city, `custody/items?${query.toString()}`)),
    getJson<EntryPage>(
      fetch,
      cityPath(params.city, `custody/entries?from=${today}&to=${today}&order=desc&limit=${TODAY}`)
    ),
    getJson<DailyAnchor>(fetch, cityPath(params.city, `custody/anchors/${today}`)),
    getJson<DeadlineReport>(fetch, cityPath(params.city, `custody/deadlines?today=${today}`))
  ])

  // The same filters from the next page on.
  const nextHref = (cursor: string) => {
    const next = new URLSearchParams(url.searchParams)
    next.set("after", cursor)
    return `?${next.toString()}`
  }

  return {
    today,
    filters,
    paged: after !== "",
    items: items.ok
      ? {
          ok: true as const,
          // Within one event, items in the order of their numbers (the API breaks ties by id).
          items: [...items.value.items].sort(
            (a, b) =>
              a.createdSeq - b.createdSeq ||
              (a.reference ?? "").localeCompare(b.reference ?? "", "ja", { numeric: true }) ||
              a.id.localeCompare(b.id)
          ),
          next: items.value.next !== undefined ? nextHref(items.value.next) : null
        }
      : items,
    entries: entries.ok
      ? { ok: true as const, list: entries.value.entries, more: entries.value.next !== undefined }
      : entries,
    anchor: anchor.ok ? { ok: true as const, value: anchor.value } : anchor,
    deadlines: deadlines.ok
      ? {
          ok: true as const,
          overdue: deadlines.value.overdue,
          dueToday: deadlines.value.dueToday,
          undetermined: deadlines.value.undetermined,
          open: deadlines.value.lines.length
        }
      : deadlines
  }
}
