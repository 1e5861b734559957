/**
 * How the 台帳 screens write what the ledger holds: instants in Japan time, persons with their
 * organisation, items by kind and management number (never anything else), and the API addresses of
 * the printable pages and downloads (預り証, certificate, 台帳 CSV/XLSX).
 */
import { t, type Label, type Lang } from "../i18n.ts"
import { kindLabel, organizationLabel } from "./labels.ts"
import type { Body, BodyItem, ItemKind, ItemState, LedgerEntry, StoredPerson } from "./types.ts"

/** `2026-04-01 09:12` in Asia/Tokyo, whatever the server's zone. */
export const formatInstant = (iso: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value])
  ) as Record<string, string>
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** `山田 太郎(市民課)・市` (`Yamada Taro (Citizens), city`); a resident is never named. */
export const personText = (L: Lang, p: StoredPerson | undefined): string => {
  if (!p) return "—"
  if (p.organization === "resident") return t(L, organizationLabel.resident)
  const title = p.title ? (L === "ja" ? `(${p.title})` : ` (${p.title})`) : ""
  return `${p.name ?? ""}${title}${L === "ja" ? "・" : ", "}${t(L, organizationLabel[p.organization])}`
}

/** `マイナンバーカード C-000123`: an item by its kind and management number (or the start of its id). */
export const itemText = (L: Lang, item: { kind: ItemKind; reference?: string | undefined; id: string }): string =>
  `${t(L, kindLabel[item.kind])} ${item.reference ?? `#${item.id.slice(0, 8)}`}`

/** Who the event names, as one line: `A → B`, or the person who did it, with approver and witness. */
export const whoText = (L: Lang, body: Body): string => {
  const parts: Array<string> = []
  if (body.from || body.to) parts.push(`${personText(L, body.from)} → ${personText(L, body.to)}`)
  if (body.by) parts.push(personText(L, body.by))
  if (body.approver) parts.push(`${t(L, { ja: "承認", en: "approved by" })} ${personText(L, body.approver)}`)
  if (body.witness) parts.push(`${t(L, { ja: "立会", en: "witness" })} ${personText(L, body.witness)}`)
  return parts.join(" / ")
}

/** Where: `A → B` for a move, else the event's place — each by its name when `name` knows it. */
export const whereText = (
  body: { readonly place?: string | undefined; readonly fromPlace?: string | undefined },
  name: (placeId: string) => string = (id) => id
): string =>
  body.fromPlace && body.place ? `${name(body.fromPlace)} → ${name(body.place)}` : body.place ? name(body.place) : ""

/** What the event touched, counted: new items by quantity, moved items by the units that moved. */
export const unitsOf = (body: Body): number =>
  (body.newItems ?? []).filter((n) => n.kind !== "batch").reduce((n, i) => n + i.quantity, 0) +
  (body.items ?? []).reduce((n, i) => n + i.count, 0)

/** The items of an entry, new and existing, as the screen lists them. */
export const entryItems = (
  entry: Pick<LedgerEntry, "body">
): ReadonlyArray<Pick<BodyItem, "id" | "kind" | "reference" | "count">> => [
  ...(entry.body.newItems ?? []).map((n) => ({
    id: n.id,
    kind: n.kind,
    ...(n.reference !== undefined ? { reference: n.reference } : {}),
    count: n.quantity
  })),
  ...(entry.body.items ?? [])
]

/** Units of an item per status, as one line (`保管中 3、交付済 1`). */
export const holdingsText = (L: Lang, item: Pick<ItemState, "holdings">, labels: Record<string, Label>): string =>
  item.holdings.length === 0
    ? "—"
    : item.holdings
        .map((h) => `${t(L, labels[h.status] ?? { ja: h.status, en: h.status })} ${h.count}`)
        .join(L === "ja" ? "、" : ", ")

/** API addresses the browser opens directly (printable HTML, downloads). */
export const custodyApi = (city: string, rest: string): string =>
  `/api/v1/cities/${encodeURIComponent(city)}/custody/${rest}`

export const receiptHref = (city: string, eventId: string): string =>
  custodyApi(city, `receipts/${encodeURIComponent(eventId)}`)

/** A query string of the non-empty values (repeated keys for arrays). */
export const queryOf = (values: Record<string, string | ReadonlyArray<string> | undefined>): string => {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    for (const v of typeof value === "string" ? [value] : (value ?? [])) if (v !== "") q.append(key, v)
  }
  const text = q.toString()
  return text === "" ? "" : `?${text}`
}
