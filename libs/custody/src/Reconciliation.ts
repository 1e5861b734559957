/**
 * Reconciliation: counts that must add up, and the discrepancies when they do not.
 *
 * - Per batch (a delivery box): units registered = issued + in stock + returned mail + disposed of +
 *   handed back (+ missing), against the count on the delivery slip; every member's state in the items
 *   table is checked against a replay of its ledger entries.
 * - Per day: opening stock + what came in − what went out = closing stock, per item kind (from the
 *   ledger alone); what happened to the units that came in that day (the same equation as a batch);
 *   and each physical count (棚卸) that day against what the ledger expected at that moment.
 *
 * Pure: entries and states in, a report out.
 */
import type { Body, LedgerEntry } from "./Event.ts"
import type { ItemKind, ItemState, Status } from "./Item.ts"
import { describe, isInCustody, kindLabel } from "./Item.ts"
import { destination } from "./Transition.ts"

/** @category models */
export interface Discrepancy {
  readonly code:
    | "DECLARED_MISMATCH"
    | "MISSING_UNITS"
    | "PROJECTION_MISMATCH"
    | "UNITS_MISMATCH"
    | "COUNT_MISMATCH"
    | "PENDING_DISPOSAL"
  readonly itemId?: string | undefined
  readonly ja: string
  readonly en: string
}

/** Where a set of units is now. `registered` = the sum of the others. @category models */
export interface Breakdown {
  readonly registered: number
  readonly issued: number
  /** Held by the contractor (pending disposal included). */
  readonly inStock: number
  readonly returned: number
  readonly disposed: number
  readonly handedBack: number
  readonly missing: number
}

const category: Readonly<Record<Status, keyof Omit<Breakdown, "registered">>> = {
  held: "inStock",
  disposal_requested: "inStock",
  disposal_approved: "inStock",
  returned: "returned",
  missing: "missing",
  issued: "issued",
  handed_back: "handedBack",
  disposed: "disposed"
}

/** @category constructors */
export const breakdown = (items: Iterable<ItemState>): Breakdown => {
  const b = { registered: 0, issued: 0, inStock: 0, returned: 0, disposed: 0, handedBack: 0, missing: 0 }
  for (const item of items) {
    if (item.kind === "batch") continue
    b.registered += item.quantity
    for (const h of item.holdings) b[category[h.status]] += h.count
  }
  return b
}

/** @category predicates */
export const balances = (b: Breakdown): boolean =>
  b.registered === b.issued + b.inStock + b.returned + b.disposed + b.handedBack + b.missing

const sameHoldings = (a: ItemState, b: ItemState) =>
  JSON.stringify([a.holdings, a.setupDone, a.sealed]) === JSON.stringify([b.holdings, b.setupDone, b.sealed])

/** Discrepancies common to any set of units: units that do not add up, missing units, projection ≠ ledger. */
const itemChecks = (items: ReadonlyArray<ItemState>, replayed: ReadonlyMap<string, ItemState>) => {
  const out: Array<Discrepancy> = []
  for (const item of items) {
    const sum = item.holdings.reduce((n, h) => n + h.count, 0)
    if (item.kind !== "batch" && sum !== item.quantity) {
      out.push({
        code: "UNITS_MISMATCH",
        itemId: item.id,
        ja: `${describe(item, "ja")}: 数量 ${item.quantity} に対し状態の合計が ${sum} です`,
        en: `${describe(item, "en")}: quantity ${item.quantity} but its states add up to ${sum}`
      })
    }
    const missing = item.holdings.filter((h) => h.status === "missing").reduce((n, h) => n + h.count, 0)
    if (missing > 0) {
      out.push({
        code: "MISSING_UNITS",
        itemId: item.id,
        ja: `${describe(item, "ja")}: ${missing} 件が所在不明です`,
        en: `${describe(item, "en")}: ${missing} missing`
      })
    }
    const ledger = replayed.get(item.id)
    if (!ledger || !sameHoldings(item, ledger)) {
      out.push({
        code: "PROJECTION_MISMATCH",
        itemId: item.id,
        ja: `${describe(item, "ja")}: 品目表の状態が台帳の記録と一致しません`,
        en: `${describe(item, "en")}: the items table does not match the ledger`
      })
    }
  }
  return out
}

/** @category models */
export interface BatchReconciliation extends Breakdown {
  readonly batchId: string
  readonly reference?: string | undefined
  readonly declaredCount?: number | undefined
  readonly members: number
  readonly balanced: boolean
  readonly discrepancies: ReadonlyArray<Discrepancy>
}

/**
 * A batch: its members' states (items table) and the same members replayed from the ledger.
 *
 * @category constructors
 */
export const reconcileBatch = (
  batch: ItemState,
  members: ReadonlyArray<ItemState>,
  replayed: ReadonlyMap<string, ItemState>
): BatchReconciliation => {
  const b = breakdown(members)
  const discrepancies = itemChecks(members, replayed)
  if (batch.declaredCount !== undefined && batch.declaredCount !== b.registered) {
    discrepancies.unshift({
      code: "DECLARED_MISMATCH",
      itemId: batch.id,
      ja: `${describe(batch, "ja")}: 納品数 ${batch.declaredCount} に対し登録は ${b.registered} 件です`,
      en: `${describe(batch, "en")}: ${batch.declaredCount} on the delivery slip, ${b.registered} registered`
    })
  }
  return {
    batchId: batch.id,
    reference: batch.reference,
    declaredCount: batch.declaredCount,
    members: members.length,
    ...b,
    balanced: balances(b) && discrepancies.length === 0,
    discrepancies
  }
}

/** The flows of one kind over one day. `closing = opening + in − out`. @category models */
export interface DayFlow {
  readonly kind: ItemKind
  readonly opening: number
  readonly received: number
  readonly created: number
  readonly returned: number
  readonly found: number
  readonly issued: number
  readonly handedBack: number
  readonly disposed: number
  readonly missing: number
  readonly closing: number
}

type Flow = Omit<DayFlow, "kind" | "opening" | "closing">

/** The custody flows of one entry, per kind: units in (positive fields) and out. @category constructors */
export const flowsOf = (body: Body): ReadonlyMap<ItemKind, Flow> => {
  const flows = new Map<ItemKind, { -readonly [K in keyof Flow]: number }>()
  const at = (kind: ItemKind) => {
    let f = flows.get(kind)
    if (!f) {
      f = { received: 0, created: 0, returned: 0, found: 0, issued: 0, handedBack: 0, disposed: 0, missing: 0 }
      flows.set(kind, f)
    }
    return f
  }
  for (const n of body.newItems ?? []) {
    if (n.kind === "batch") continue
    const f = at(n.kind)
    if (body.kind === "created") f.created += n.quantity
    else if (body.kind === "returned") f.returned += n.quantity
    else f.received += n.quantity
  }
  for (const it of body.items ?? []) {
    for (const move of it.moves) {
      const before = isInCustody(move.status)
      const to = destination(body, move).status
      const after = isInCustody(to)
      if (before === after) continue
      const f = at(it.kind)
      if (after) {
        if (move.status === "missing") f.found += move.count
        else if (body.kind === "returned") f.returned += move.count
        else f.received += move.count
      } else if (to === "issued") f.issued += move.count
      else if (to === "handed_back") f.handedBack += move.count
      else if (to === "disposed") f.disposed += move.count
      else if (to === "missing") f.missing += move.count
    }
  }
  return flows
}

const net = (f: Flow) =>
  f.received + f.created + f.returned + f.found - f.issued - f.handedBack - f.disposed - f.missing

/** A physical count against the ledger. @category models */
export interface CountCheck {
  readonly seq: number
  readonly place: string
  readonly kind: ItemKind
  readonly counted: number
  readonly expected: number
  readonly difference: number
}

/** @category models */
export interface DailyReconciliation {
  readonly date: string
  readonly flows: ReadonlyArray<DayFlow>
  /** What happened since to the units that came in that day. */
  readonly cohort: Breakdown & { readonly balanced: boolean }
  readonly counts: ReadonlyArray<CountCheck>
  readonly balanced: boolean
  readonly discrepancies: ReadonlyArray<Discrepancy>
}

/**
 * One day. `entries`: the ledger up to the end of that day (by `occurredOn`), in sequence order;
 * `cohort`: the items that came in that day, as they stand now, with the same items replayed from the
 * ledger.
 *
 * @category constructors
 */
export const reconcileDay = (
  date: string,
  entries: Iterable<Pick<LedgerEntry, "seq" | "occurredOn"> & { readonly body: Body }>,
  cohort: { readonly items: ReadonlyArray<ItemState>; readonly replayed: ReadonlyMap<string, ItemState> }
): DailyReconciliation => {
  const opening = new Map<ItemKind, number>()
  const today = new Map<ItemKind, { -readonly [K in keyof Flow]: number }>()
  const counts: Array<CountCheck> = []
  for (const e of entries) {
    if (e.occurredOn > date) continue
    for (const [kind, f] of flowsOf(e.body)) {
      if (e.occurredOn < date) opening.set(kind, (opening.get(kind) ?? 0) + net(f))
      else {
        const t = today.get(kind) ?? {
          received: 0,
          created: 0,
          returned: 0,
          found: 0,
          issued: 0,
          handedBack: 0,
          disposed: 0,
          missing: 0
        }
        for (const k of Object.keys(t) as Array<keyof Flow>) t[k] += f[k]
        today.set(kind, t)
      }
    }
    if (e.occurredOn === date && e.body.kind === "counted") {
      for (const c of e.body.counts ?? []) {
        counts.push({
          seq: e.seq,
          place: e.body.place ?? "",
          kind: c.kind,
          counted: c.counted,
          expected: c.expected,
          difference: c.counted - c.expected
        })
      }
    }
  }
  const kinds = [...new Set([...opening.keys(), ...today.keys()])].sort()
  const flows: Array<DayFlow> = kinds.map((kind) => {
    const f = today.get(kind) ?? {
      received: 0,
      created: 0,
      returned: 0,
      found: 0,
      issued: 0,
      handedBack: 0,
      disposed: 0,
      missing: 0
    }
    const open = opening.get(kind) ?? 0
    return { kind, opening: open, ...f, closing: open + net(f) }
  })
  const discrepancies: Array<Discrepancy> = [
    ...counts
      .filter((c) => c.difference !== 0)
      .map((c): Discrepancy => ({
        code: "COUNT_MISMATCH",
        ja: `#${c.seq} ${c.place} の${kindLabel[c.kind].ja}: 実数 ${c.counted}、台帳 ${c.expected}(差 ${c.difference > 0 ? "+" : ""}${c.difference})`,
        en: `#${c.seq} ${c.place}, ${kindLabel[c.kind].en}: counted ${c.counted}, ledger ${c.expected} (${c.difference > 0 ? "+" : ""}${c.difference})`
      })),
    ...itemChecks(cohort.items, cohort.replayed)
  ]
  const b = breakdown(cohort.items)
  return {
    date,
    flows,
    cohort: { ...b, balanced: balances(b) },
    counts,
    balanced: discrepancies.length === 0 && balances(b),
    discrepancies
  }
}
