/**
 * 台帳に記録 / Record a custody event: one form per event kind (`?event=received`, `handed_over`, …),
 * sent to `POST …/custody/events` with an `Idempotency-Key` made when the form is drawn. Items can
 * be brought in from the 台帳 list or an item's history (`?item=<id>`, repeatable). A refusal comes
 * back with every contradiction the API found and the form as it was typed.
 */
import { randomUUID } from "node:crypto"
import { fail } from "@sveltejs/kit"
import { eventOf, field, postEvent, valuesOf } from "#lib/custody/event.server.ts"
import { entryItems, unitsOf } from "#lib/custody/format.ts"
import { eventSpecs, isEventKind, receiptKinds, specOf } from "#lib/custody/labels.ts"
import { holderSuggestions, remember, remembered } from "#lib/custody/memory.server.ts"
import type { EventKind, ItemDetail, ItemKind, ItemState } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import { tokyoNow } from "#lib/tokyo.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Server-rendered forms: the page needs no script (works without JavaScript). */
export const csr = false

const MAX_PICKED = 100

/** The items picked on another screen, and the lines that name them (management numbers when one kind, else ids). */
const picked = async (fetch: typeof globalThis.fetch, city: string, ids: ReadonlyArray<string>) => {
  const found = await Promise.all(
    ids
      .slice(0, MAX_PICKED)
      .map((id) => getJson<ItemDetail>(fetch, cityPath(city, `custody/items/${encodeURIComponent(id)}`)))
  )
  const items: Array<ItemState> = found.flatMap((a) => (a.ok ? [a.value.item] : []))
  const kinds = new Set(items.map((i) => i.kind))
  const byReference = kinds.size === 1 && items.every((i) => i.reference !== undefined)
  return {
    items,
    missing: found.filter((a) => !a.ok).length,
    kind: byReference ? ([...kinds][0] as ItemKind) : undefined,
    lines: items.map((i) => (byReference ? i.reference! : i.id)).join("\n")
  }
}

export const load: PageServerLoad = async ({ params, url, fetch, cookies }) => {
  const asked = url.searchParams.get("event")
  const event: EventKind = isEventKind(asked) ? asked : "received"
  // An id the ledger does not know (or that is no id at all) is answered 404 and counted as not found.
  const ids = url.searchParams.getAll("item")
  const [pick, holders] = await Promise.all([
    ids.length > 0 ? picked(fetch, params.city, ids) : Promise.resolve(null),
    holderSuggestions(fetch, params.city)
  ])
  return {
    event,
    kinds: eventSpecs.map((e) => e.kind),
    idempotencyKey: randomUUID(),
    memory: remembered(cookies),
    now: tokyoNow(),
    holders,
    prefill: {
      itemKind: (pick?.kind ?? url.searchParams.get("itemKind") ?? "") as ItemKind | "",
      lines: pick?.lines ?? url.searchParams.get("items") ?? ""
    },
    picked: pick ? { items: pick.items, missing: pick.missing, more: Math.max(0, ids.length - MAX_PICKED) } : null
  }
}

export const actions: Actions = {
  record: async ({ request, params, fetch, cookies }) => {
    const form = await request.formData()
    const kind = field(form, "event")
    const values = valuesOf(form)
    if (!isEventKind(kind)) {
      return fail(400, {
        event: "received" as EventKind,
        values,
        error: {
          code: "INVALID_INPUT",
          ja: `記録の種類を選んでください: ${kind}`,
          en: `choose what to record, got ${JSON.stringify(kind)}`
        }
      })
    }
    const spec = specOf(kind)
    const built = eventOf(spec, form)
    if (!built.ok) return fail(400, { event: kind, values, error: built.error })
    const answer = await postEvent(fetch, params.city, built.value, field(form, "idempotencyKey"))
    if (!answer.ok) return fail(answer.status, { event: kind, values, error: answer.error })

    // The contractor's side of this event is the clerk: offer the name next time.
    const mine = spec.persons.find((p) => p.defaultOrganization === "contractor")
    if (mine && field(form, `${mine.role}.organization`) === "contractor") {
      const name = String(form.get(`${mine.role}.name`) ?? "").trim()
      const title = String(form.get(`${mine.role}.title`) ?? "").trim()
      if (name !== "") remember(cookies, params.city, { name, ...(title !== "" ? { title } : {}) })
    }
    const entry = answer.value
    return {
      event: kind,
      recorded: {
        created: answer.status === 201,
        seq: entry.seq,
        id: entry.id,
        kind: entry.kind,
        occurredAt: entry.occurredAt,
        hash: entry.hash,
        place: entry.body.place,
        fromPlace: entry.body.fromPlace,
        units: unitsOf(entry.body),
        items: entryItems(entry).slice(0, 50),
        itemCount: entryItems(entry).length,
        receipt: receiptKinds.includes(entry.kind)
      }
    }
  }
}
