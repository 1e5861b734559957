/**
 * Deadlines from the city's profile: by when an item must have left the contractor (Ota: notices
 * sealed and handed to city staff within 2 weeks of delivery; Koganei: outreach documents delivered the
 * same day on weekdays, by the next session after a Sunday; every city: nothing left at the end of the
 * contract). Pure: an item's history, the rules, today and the city's sessions in, the status of each
 * rule for the item out. The manager's overdue list is the open ones past their day.
 */
import type { DeadlineRule, DueLimit } from "@madoguchi/domain/profile/Custody"
import * as BusinessDay from "./BusinessDay.ts"
import type { Body, LedgerEntry } from "./Event.ts"
import type { ItemState } from "./Item.ts"
import { isInCustody } from "./Item.ts"
import { apply } from "./Transition.ts"

/** Where an item stands against one rule. @category models */
export type DeadlineState =
  /** Left the contractor by an end event, on or before the due day. */
  | "met"
  /** Left by an end event, after the due day. */
  | "met_late"
  /** Left the contractor some other way (issued, disposed of, …): the rule no longer applies. */
  | "closed"
  /** Still with the contractor (or missing), due later. */
  | "open"
  | "due_today"
  | "overdue"
  /** Still open, but the due day cannot be computed (the next session is not in the calendar). */
  | "undetermined"

/** @category models */
export interface DeadlineStatus {
  readonly rule: string
  readonly itemId: string
  readonly state: DeadlineState
  readonly startedOn: string
  readonly dueOn?: string | undefined
  /** When it left the contractor. */
  readonly closedOn?: string | undefined
  /** Days past the due day (today for open items, the day it left for late ones). */
  readonly daysLate?: number | undefined
  /** Units still with the contractor or missing. */
  readonly openUnits: number
}

/** What the rules need to know about the city. @category models */
export interface DeadlineContext {
  readonly today: string
  readonly contractEnd: string
  /** The first session strictly after a day, when the calendar knows it. */
  readonly nextSessionAfter: (date: string) => string | undefined
}

/** The due day for a clock started on `startedOn`, or undefined when it cannot be known. @category constructors */
export const dueDate = (
  limit: DueLimit,
  startedOn: string,
  ctx: Pick<DeadlineContext, "contractEnd" | "nextSessionAfter">
) => {
  switch (limit.kind) {
    case "calendar_days":
      return BusinessDay.addDays(startedOn, limit.days)
    case "business_days":
      return BusinessDay.addBusinessDays(startedOn, limit.days)
    case "same_day":
      return startedOn
    case "next_session":
      return ctx.nextSessionAfter(startedOn)
    case "contract_end":
      return ctx.contractEnd
  }
}

/** The limit that applies to a clock started on `startedOn`. @category constructors */
export const limitFor = (rule: DeadlineRule, startedOn: string): DueLimit =>
  rule.dueOnClosedDay && !BusinessDay.isBusinessDay(startedOn) ? rule.dueOnClosedDay : rule.due

/** @category predicates */
export const appliesTo = (rule: DeadlineRule, kind: ItemState["kind"]): boolean =>
  rule.kinds ? rule.kinds.includes(kind) : kind !== "batch"

const openUnits = (item: ItemState) =>
  item.holdings.reduce((n, h) => (isInCustody(h.status) || h.status === "missing" ? n + h.count : n), 0)

/** Entries of one item (and of its batch), in sequence order. @category models */
export interface ItemHistory {
  readonly item: ItemState
  readonly entries: ReadonlyArray<Pick<LedgerEntry, "seq" | "occurredAt" | "occurredOn"> & { readonly body: Body }>
  readonly batchEntries: ReadonlyArray<Pick<LedgerEntry, "seq" | "occurredOn"> & { readonly body: Body }>
}

/** Where the event put the item's units (the event's place, or where it was registered). */
const eventPlace = (body: Body) => body.place

/**
 * The status of one item against one rule, or undefined when the rule does not apply (other kind, no
 * start event). The clock starts at the first start event on the item — or, for an item registered
 * into a batch, at the batch's start event when that is earlier (Ota: 納品から) — and stops the first
 * time no unit is left with the contractor. A later start event (returned mail coming back) starts a
 * new cycle; the latest cycle is reported.
 *
 * @category constructors
 */
export const evaluate = (
  rule: DeadlineRule,
  history: ItemHistory,
  ctx: DeadlineContext
): DeadlineStatus | undefined => {
  const { item } = history
  if (!appliesTo(rule, item.kind)) return undefined
  const isStart = (body: Body) =>
    (rule.start as ReadonlyArray<string>).includes(body.kind) &&
    (rule.atPlaces === undefined || (eventPlace(body) !== undefined && rule.atPlaces.includes(eventPlace(body)!)))
  const batchStart = history.batchEntries
    .filter((e) => isStart(e.body))
    .map((e) => e.occurredOn)
    .sort()[0]

  const states = new Map<string, ItemState>()
  let open = false
  let startedOn: string | undefined
  let closedOn: string | undefined
  let closedByEnd = false
  for (const e of history.entries) {
    const born = e.body.newItems?.some((n) => n.id === item.id) ?? false
    apply(states, e)
    const now = states.get(item.id)
    if (!now) continue
    if (!open && (isStart(e.body) || (born && batchStart !== undefined))) {
      open = true
      const own = isStart(e.body) ? e.occurredOn : undefined
      startedOn = born && batchStart !== undefined && (own === undefined || batchStart < own) ? batchStart : own
      closedOn = undefined
    }
    if (open && now.holdings.length > 0 && openUnits(now) === 0) {
      open = false
      closedOn = e.occurredOn
      closedByEnd = (rule.end as ReadonlyArray<string>).includes(e.body.kind)
    }
  }
  if (startedOn === undefined) return undefined
  const dueOn = dueDate(limitFor(rule, startedOn), startedOn, ctx)
  const base = { rule: rule.id, itemId: item.id, startedOn, dueOn, openUnits: openUnits(item) }
  if (closedOn !== undefined) {
    if (!closedByEnd) return { ...base, state: "closed", closedOn }
    const late = dueOn !== undefined ? BusinessDay.daysBetween(dueOn, closedOn) : 0
    return late > 0 ? { ...base, state: "met_late", closedOn, daysLate: late } : { ...base, state: "met", closedOn }
  }
  if (dueOn === undefined) return { ...base, state: "undetermined" }
  const late = BusinessDay.daysBetween(dueOn, ctx.today)
  return late > 0
    ? { ...base, state: "overdue", daysLate: late }
    : { ...base, state: late === 0 ? "due_today" : "open" }
}

/** Every rule against every item; the open, due-today, overdue and undetermined ones first by due day. @category constructors */
export const evaluateAll = (
  rules: ReadonlyArray<DeadlineRule>,
  histories: ReadonlyArray<ItemHistory>,
  ctx: DeadlineContext
): ReadonlyArray<DeadlineStatus> => {
  const out: Array<DeadlineStatus> = []
  for (const history of histories) {
    for (const rule of rules) {
      const status = evaluate(rule, history, ctx)
      if (status) out.push(status)
    }
  }
  return out.sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.itemId.localeCompare(b.itemId))
}

/** Days the next-session rule needs looked up (clock starts on a closed day under a `next_session` limit). @category constructors */
export const sessionLookups = (
  rules: ReadonlyArray<DeadlineRule>,
  startDays: Iterable<string>
): ReadonlyArray<string> => {
  const needs = rules.some((r) => r.due.kind === "next_session" || r.dueOnClosedDay?.kind === "next_session")
  if (!needs) return []
  return [...new Set(startDays)].filter((d) => rules.some((r) => limitFor(r, d).kind === "next_session"))
}
