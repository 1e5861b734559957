/**
 * 品目の履歴 / One item: its kind and management number, where its units are and who holds them,
 * its batch, and every ledger entry that touched it — who, when, where (`GET …/custody/items/{id}`).
 * A batch also lists its members (`GET …/custody/items?batch={id}`).
 */
import { error } from "@sveltejs/kit"
import type { ItemDetail, ItemPage } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered tables: the page needs no script (printable, works without JavaScript). */
export const csr = false

export const load: PageServerLoad = async ({ params, fetch }) => {
  const detail = await getJson<ItemDetail>(
    fetch,
    cityPath(params.city, `custody/items/${encodeURIComponent(params.id)}`)
  )
  if (!detail.ok) {
    if (detail.status === 404 && detail.error.code === "CUSTODY_ITEM_NOT_FOUND")
      error(404, `${detail.error.ja} / ${detail.error.en}`)
    return { detail, members: null }
  }
  const members =
    detail.value.item.kind === "batch"
      ? await getJson<ItemPage>(
          fetch,
          cityPath(params.city, `custody/items?batch=${encodeURIComponent(detail.value.item.id)}&limit=1000`)
        )
      : null
  return {
    detail: { ok: true as const, value: { ...detail.value, history: [...detail.value.history].reverse() } },
    members: members
      ? members.ok
        ? { ok: true as const, items: members.value.items, more: members.value.next !== undefined }
        : members
      : null
  }
}
