/**
 * The custody state machine, as data and two pure functions.
 *
 * `rules` says, per event kind, which unit statuses it may take units from, which item kinds it
 * applies to and where the units go. `decide` checks an event against the current state of the
 * items it names and the city's profile and either refuses it — listing every contradiction in
 * Japanese and English (issuing a card that is in transit, disposing without approval, handing over
 * more than is held, …) — or returns the resolved ledger body: every item with the holdings its units
 * are taken from. `apply` replays a body onto item states; the append path and every replay (deadlines,
 * reconciliation, checks of the projection) use the same `apply`, so the ledger alone determines state.
 */
import type { CustodySection, DisposalMethod } from "@madoguchi/domain/profile/Custody"
import { Schema } from "effect"
import type { Actor, Body, BodyItem, BodyNewItem, EventInput, EventKind, ItemSelector, Move, NewItem } from "./Event.ts"
import { localDateOf, normalizeInstant } from "./Event.ts"
import {
  describe,
  type Holding,
  type ItemKind,
  type ItemState,
  isInCustody,
  kindLabel,
  sealableKinds,
  type Status,
  statusLabel
} from "./Item.ts"

// ---------------------------------------------------------------------------------------------------
// The rules

/** Per event kind: statuses units are taken from, item kinds it applies to, the status units end in. @category models */
export interface Rule {
  readonly from: ReadonlyArray<Status>
  readonly kinds?: ReadonlyArray<ItemKind>
  /** The status the units end in; `same` keeps each unit's status; `flag` changes no unit. */
  readonly to: Status | "same" | "flag"
  /** Units must not be at a transit place. */
  readonly notInTransit?: boolean
  /** New items may be registered by this event, born in this status. */
  readonly born?: Status
}

/** @category models */
export const rules: Readonly<Record<EventKind, Rule>> = {
  received: { from: ["handed_back"], to: "held", born: "held" },
  created: { from: [], to: "held", born: "held" },
  returned: { from: ["handed_back"], to: "returned", born: "returned" },
  setup_done: { from: ["held"], kinds: ["card"], to: "flag", notInTransit: true },
  sealed: { from: ["held", "returned"], kinds: sealableKinds, to: "flag", notInTransit: true },
  stored: { from: ["held", "returned"], to: "same" },
  moved: { from: ["held", "returned"], to: "same" },
  handed_over: { from: ["held", "returned"], to: "same" },
  issued: { from: ["held"], kinds: ["card"], to: "issued", notInTransit: true },
  transferred_to_city: { from: ["held", "returned"], to: "handed_back" },
  disposal_requested: { from: ["held", "returned"], to: "disposal_requested" },
  disposal_approved: { from: ["disposal_requested"], to: "disposal_approved" },
  disposal_rejected: { from: ["disposal_requested", "disposal_approved"], to: "held" },
  disposal_done: { from: ["disposal_approved"], to: "disposed" },
  reported_missing: { from: ["held", "returned"], to: "missing" },
  found: { from: ["missing"], to: "held" },
  counted: { from: [], to: "flag" },
  noted: { from: [], to: "flag" }
}

/** Statuses `disposal_done` may take units from when the city's profile asks for no prior approval. */
const disposalWithoutApproval: ReadonlyArray<Status> = ["held", "returned", "disposal_requested", "disposal_approved"]

/** @category constructors */
export const sourcesFor = (kind: EventKind, section: CustodySection): ReadonlyArray<Status> =>
  kind === "disposal_done" && !section.disposal.requiresApproval ? disposalWithoutApproval : rules[kind].from

// ---------------------------------------------------------------------------------------------------
// Refusals

/** One reason an event was refused. @category models */
export interface Problem {
  readonly code: string
  /** The item concerned, when there is one. */
  readonly itemId?: string | undefined
  readonly ja: string
  readonly en: string
}

/** An event contradicts the state of its items or the city's rules; nothing was written. @category errors */
export class CustodyEventRefused extends Schema.TaggedError<CustodyEventRefused>(
  "@madoguchi/custody/CustodyEventRefused"
)("CustodyEventRefused", {
  kind: Schema.String,
  problems: Schema.Array(
    Schema.Struct({ code: Schema.String, itemId: Schema.optional(Schema.String), ja: Schema.String, en: Schema.String })
  )
}) {
  get code(): string {
    return this.problems[0]?.code ?? "CUSTODY_EVENT_REFUSED"
  }
  get ja(): string {
    return `記録できません(${this.problems.length}件): ${this.problems.map((p) => p.ja).join(" / ")}`
  }
  get en(): string {
    return `event refused (${this.problems.length}): ${this.problems.map((p) => p.en).join(" / ")}`
  }
  override get message(): string {
    return this.en
  }
}

const statusList = (item: ItemState, lang: "ja" | "en") =>
  item.holdings.length === 0
    ? lang === "ja"
      ? "状態なし"
      : "no units"
    : item.holdings.map((h) => `${statusLabel[h.status][lang]} ${h.count}`).join(lang === "ja" ? "、" : ", ")

const problem = (code: string, ja: string, en: string, itemId?: string): Problem => ({
  code,
  ja,
  en,
  ...(itemId ? { itemId } : {})
})

// ---------------------------------------------------------------------------------------------------
// Replay

/** Normalise a name for comparing holders (full-width spaces, repeated spaces). @category constructors */
export const sameName = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a != null &&
  b != null &&
  a.normalize("NFKC").replace(/\s+/g, " ").trim() === b.normalize("NFKC").replace(/\s+/g, " ").trim()

const keyOf = (h: Pick<Holding, "status" | "place" | "holder">) =>
  `${h.status}\u0000${h.place ?? ""}\u0000${h.holder ?? ""}`

const statusOrder: ReadonlyArray<Status> = [
  "held",
  "returned",
  "disposal_requested",
  "disposal_approved",
  "missing",
  "issued",
  "handed_back",
  "disposed"
]

/** Merge holdings with the same status, place and holder; drop empty ones; stable order. */
const normalize = (holdings: ReadonlyArray<Holding>): ReadonlyArray<Holding> => {
  const merged = new Map<string, Holding>()
  for (const h of holdings) {
    if (h.count === 0) continue
    const key = keyOf(h)
    const found = merged.get(key)
    merged.set(key, found ? { ...found, count: found.count + h.count } : h)
  }
  return [...merged.values()].sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
      (a.place ?? "").localeCompare(b.place ?? "") ||
      (a.holder ?? "").localeCompare(b.holder ?? "")
  )
}

/** Where units taken from `move` go under `body`. @category constructors */
export const destination = (body: Body, move: Move): Omit<Holding, "count"> => {
  switch (body.kind) {
    case "received":
      return { status: "held", place: body.place ?? null, holder: body.to?.name ?? null }
    case "returned":
      return { status: "returned", place: body.place ?? null, holder: body.to?.name ?? null }
    case "stored":
    case "moved":
      return { status: move.status, place: body.place ?? null, holder: move.holder }
    case "handed_over":
      return { status: move.status, place: body.place ?? move.place, holder: body.to?.name ?? null }
    case "issued":
      return { status: "issued", place: null, holder: null }
    case "transferred_to_city":
      return { status: "handed_back", place: null, holder: body.to?.name ?? null }
    case "disposal_requested":
    case "disposal_approved":
    case "reported_missing":
      return { status: rules[body.kind].to as Status, place: move.place, holder: move.holder }
    case "disposal_rejected":
      return { status: "held", place: move.place, holder: move.holder }
    case "disposal_done":
      return { status: "disposed", place: null, holder: null }
    case "found":
      return { status: "held", place: body.place ?? null, holder: body.by?.name ?? null }
    default:
      return { status: move.status, place: move.place, holder: move.holder }
  }
}

const bornHolder = (body: Body): string | null => (body.kind === "created" ? body.by?.name : body.to?.name) ?? null

const pendingAfter = (item: ItemState, body: Body, seq: number, holdings: ReadonlyArray<Holding>) => {
  const stillPending = holdings.some((h) => h.status === "disposal_requested" || h.status === "disposal_approved")
  switch (body.kind) {
    case "disposal_requested":
      return { requestSeq: seq, method: body.method ?? "", plannedOn: body.plannedOn ?? "" }
    case "disposal_approved":
      return item.disposal
        ? {
            ...item.disposal,
            approvedSeq: seq,
            approver: body.approver?.name,
            witnessRequired: body.witnessRequired ?? false
          }
        : undefined
    case "disposal_rejected":
    case "disposal_done":
      return stillPending ? item.disposal : undefined
    default:
      return item.disposal
  }
}

/**
 * Apply a ledger body to item states (in place): register new items, move units, set flags. Items the
 * map does not hold are skipped, so a replay may follow a subset of items.
 *
 * @category constructors
 */
export const apply = (
  states: Map<string, ItemState>,
  entry: { readonly seq: number; readonly occurredAt: string; readonly body: Body }
): void => {
  const { body, seq, occurredAt } = entry
  const born = rules[body.kind].born
  for (const n of body.newItems ?? []) {
    const physical = n.kind !== "batch"
    states.set(n.id, {
      id: n.id,
      kind: n.kind,
      reference: n.reference,
      description: n.description,
      quantity: n.quantity,
      batchId: n.batchId,
      declaredCount: n.declaredCount,
      holdings:
        physical && born
          ? [{ status: born, place: body.place ?? null, holder: bornHolder(body), count: n.quantity }]
          : [],
      setupDone: false,
      sealed: false,
      createdSeq: seq,
      lastSeq: seq,
      lastOccurredAt: occurredAt
    })
  }
  for (const it of body.items ?? []) {
    const item = states.get(it.id)
    if (!item) continue
    const holdings = item.holdings.map((h) => ({ ...h }))
    for (const move of it.moves) {
      const source = holdings.find((h) => keyOf(h) === keyOf(move))
      if (source) source.count -= move.count
      holdings.push({ ...destination(body, move), count: move.count })
    }
    const next = normalize(holdings)
    states.set(it.id, {
      ...item,
      holdings: next,
      setupDone: item.setupDone || body.kind === "setup_done",
      sealed: item.sealed || body.kind === "sealed",
      disposal: pendingAfter(item, body, seq, next),
      lastSeq: seq,
      lastOccurredAt: occurredAt > item.lastOccurredAt ? occurredAt : item.lastOccurredAt
    })
  }
}

// ---------------------------------------------------------------------------------------------------
// Decide

/** What `decide` needs to know besides the event. @category models */
export interface DecideContext {
  readonly cityCode: string
  readonly section: CustodySection
  /** Site ids of the city profile. */
  readonly sites: ReadonlySet<string>
  readonly actor: Actor
  /** Now, ISO 8601. */
  readonly now: string
  /** Items already in the ledger that the event names (by id), and batches new items refer to. */
  readonly items: ReadonlyMap<string, ItemState>
  /** Existing items by `kind\u0000reference`. */
  readonly byReference: ReadonlyMap<string, ItemState>
  /** Units in custody at the counted place, per kind (for `counted`). */
  readonly stockAtPlace?: ReadonlyMap<string, number> | undefined
  /** A fresh id for each new item. */
  readonly newId: () => string
  /** The sequence number the entry will take in the ledger. */
  readonly seq: number
}

/** A decided event: the ledger body and the item states after it. @category models */
export interface Decision {
  readonly body: Body
  readonly occurredAt: string
  readonly occurredOn: string
  readonly states: ReadonlyMap<string, ItemState>
  /** Each touched item with the count the event moved (for the item index). */
  readonly touched: ReadonlyArray<{ readonly id: string; readonly count: number }>
}

/** The reference key of `byReference`. @category constructors */
export const referenceKey = (kind: string, reference: string): string => `${kind}\u0000${reference}`

/** Selector → a label for messages when the item is unknown. */
const selectorLabel = (s: ItemSelector, lang: "ja" | "en") =>
  s.id !== undefined
    ? `${lang === "ja" ? "ID" : "id"} ${s.id}`
    : `${s.kind ? kindLabel[s.kind][lang] : ""} ${s.reference ?? ""}`.trim()

/** The item a selector names, among those the context knows. @category constructors */
export const lookup = (
  s: {
    readonly id?: string | undefined
    readonly kind?: ItemKind | undefined
    readonly reference?: string | undefined
  },
  items: ReadonlyMap<string, ItemState>,
  byReference: ReadonlyMap<string, ItemState>
): ItemState | undefined =>
  s.id !== undefined
    ? items.get(s.id)
    : s.kind !== undefined && s.reference !== undefined
      ? byReference.get(referenceKey(s.kind, s.reference))
      : undefined

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

type Party = NonNullable<Body["from"]>

const party = (p: {
  readonly organization: string
  readonly name?: string
  readonly title?: string | undefined
}): Party =>
  ({
    organization: p.organization as Party["organization"],
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.title !== undefined ? { title: p.title } : {})
  }) as Party

/**
 * Check `input` against the items it names and the city's rules; refuse with every problem, or return
 * the resolved body and the resulting states.
 *
 * @category constructors
 */
export const decide = (
  input: EventInput,
  ctx: DecideContext
):
  | { readonly _tag: "Refused"; readonly problems: ReadonlyArray<Problem> }
  | ({ readonly _tag: "Decided" } & Decision) => {
  const problems: Array<Problem> = []
  const section = ctx.section
  const rule = rules[input.kind]
  const places = new Map(section.places.map((p) => [p.id, p]))
  const profileKinds = new Set<string>(section.itemKinds)
  const placeName = (id: string | null | undefined, lang: "ja" | "en") =>
    id ? (places.get(id)?.name[lang] ?? id) : lang === "ja" ? "—" : "-"
  const isTransit = (place: string | null) => place !== null && places.get(place)?.kind === "transit"

  // When
  const occurredAt = normalizeInstant(input.occurredAt ?? ctx.now)
  if (Date.parse(occurredAt) > Date.parse(ctx.now) + FUTURE_TOLERANCE_MS) {
    problems.push(
      problem(
        "OCCURRED_IN_FUTURE",
        `発生日時 ${input.occurredAt} が未来です`,
        `the event time ${input.occurredAt} is in the future`
      )
    )
  }

  // Where
  const checkPlace = (id: string | undefined, field: string) => {
    if (id === undefined) return
    if (!places.has(id)) {
      problems.push(
        problem(
          "UNKNOWN_PLACE",
          `${field}: 保管場所「${id}」はこの市のプロファイルにありません(${[...places.keys()].join(", ")})`,
          `${field}: place "${id}" is not in this city's profile (${[...places.keys()].join(", ")})`
        )
      )
    }
  }
  if ("place" in input) checkPlace(input.place, "place")
  if (input.kind === "moved") checkPlace(input.fromPlace, "fromPlace")
  if (input.kind === "stored" && places.get(input.place) && places.get(input.place)!.kind !== "storage") {
    problems.push(
      problem(
        "NOT_A_STORAGE_PLACE",
        `「${placeName(input.place, "ja")}」は保管庫ではありません。保管は施錠できる保管場所に記録してください`,
        `"${placeName(input.place, "en")}" is not a storage place; record storage in a lockable place`
      )
    )
  }

  // Who
  const requireOrg = (
    field: string,
    who: { readonly organization: string; readonly name?: string } | undefined,
    allowed: ReadonlyArray<string>
  ) => {
    if (who && !allowed.includes(who.organization)) {
      problems.push(
        problem(
          "WRONG_ORGANIZATION",
          `${field} は ${allowed.join(" / ")} の人でなければなりません(${who.organization})`,
          `${field} must be a person of ${allowed.join(" / ")} (got ${who.organization})`
        )
      )
    }
  }
  switch (input.kind) {
    case "received":
      requireOrg("from", input.from, ["city", "jlis", "other", "resident"])
      requireOrg("to", input.to, ["contractor"])
      break
    case "returned":
      requireOrg("from", input.from, ["city", "jlis", "other"])
      requireOrg("to", input.to, ["contractor"])
      break
    case "handed_over":
      requireOrg("from", input.from, ["contractor"])
      requireOrg("to", input.to, ["contractor"])
      if (sameName(input.from.name, input.to.name)) {
        problems.push(
          problem(
            "SAME_PERSON",
            "引継ぎの渡す人と受け取る人が同じです",
            "the person handing over and the person receiving are the same"
          )
        )
      }
      break
    case "transferred_to_city":
      requireOrg("from", input.from, ["contractor"])
      requireOrg("to", input.to, ["city"])
      break
    case "disposal_done":
      if (input.witness && sameName(input.witness.name, input.by.name)) {
        problems.push(
          problem(
            "WITNESS_IS_PERFORMER",
            "立会者は廃棄を行う人と別の人にしてください",
            "the witness must not be the person disposing"
          )
        )
      }
      break
    default:
      break
  }
  if (input.kind === "issued" && input.counter && !ctx.sites.has(input.counter.site)) {
    problems.push(
      problem(
        "UNKNOWN_SITE",
        `拠点「${input.counter.site}」はこの市のプロファイルにありません`,
        `site "${input.counter.site}" is not in this city's profile`
      )
    )
  }

  // Disposal policy
  const policy = section.disposal
  const checkMethod = (method: DisposalMethod) => {
    if (!policy.methods.includes(method)) {
      problems.push(
        problem(
          "METHOD_NOT_ALLOWED",
          `廃棄方法「${method}」はこの市では認められていません(${policy.methods.join(", ")})`,
          `disposal method "${method}" is not allowed in this city (${policy.methods.join(", ")})`
        )
      )
    }
  }
  if (input.kind === "disposal_requested" || input.kind === "disposal_done") checkMethod(input.method)
  if (input.kind === "disposal_approved" && !policy.approverRoles.includes(ctx.actor.role)) {
    problems.push(
      problem(
        "APPROVER_ROLE",
        `廃棄の承認を記録できるのは ${policy.approverRoles.join(" / ")} です(ログイン中: ${ctx.actor.role})`,
        `only ${policy.approverRoles.join(" / ")} may record a disposal approval (logged in as ${ctx.actor.role})`
      )
    )
  }

  // New items
  const newItems: Array<BodyNewItem> = []
  const newBatches = new Map<string, string>()
  const rawNew: ReadonlyArray<NewItem> = "newItems" in input ? (input.newItems ?? []) : []
  if (rawNew.length > 0 && !rule.born) {
    problems.push(
      problem("NO_NEW_ITEMS", "この記録では品目を新規登録できません", "this event cannot register new items")
    )
  }
  const seenRefs = new Set<string>()
  for (const n of rawNew) {
    const label = {
      ja: `${kindLabel[n.kind].ja} ${n.reference ?? ""}`.trim(),
      en: `${kindLabel[n.kind].en} ${n.reference ?? ""}`.trim()
    }
    if (!profileKinds.has(n.kind)) {
      problems.push(
        problem(
          "KIND_NOT_IN_PROFILE",
          `${label.ja}: この市の契約では「${kindLabel[n.kind].ja}」を扱いません`,
          `${label.en}: this city's contract does not involve ${kindLabel[n.kind].en}`
        )
      )
    }
    if ((n.kind === "card" || n.kind === "batch") && n.reference === undefined) {
      problems.push(
        problem(
          "REFERENCE_REQUIRED",
          `${kindLabel[n.kind].ja}には管理番号(シリアル番号・箱番号)が必要です`,
          `a ${kindLabel[n.kind].en} needs its management or serial number`
        )
      )
    }
    if ((n.kind === "card" || n.kind === "batch") && (n.quantity ?? 1) !== 1) {
      problems.push(
        problem(
          "QUANTITY_ONE",
          `${label.ja}: カード・納品単位は1件ずつ登録します(数量 ${n.quantity})`,
          `${label.en}: cards and batches are registered one by one (quantity ${n.quantity})`
        )
      )
    }
    if (n.declaredCount !== undefined && n.kind !== "batch") {
      problems.push(
        problem(
          "DECLARED_COUNT_BATCH_ONLY",
          `${label.ja}: 納品数は納品単位にだけ記録します`,
          `${label.en}: a declared count belongs to a batch`
        )
      )
    }
    if ((n.kind === "lent_material" || n.kind === "storage_media") && n.description === undefined) {
      problems.push(
        problem(
          "DESCRIPTION_REQUIRED",
          `${label.ja}: 内容(資料名・機器名)を記録してください(貸与物は日時と内容の一覧で管理します)`,
          `${label.en}: describe it (lent materials are listed with date and content)`
        )
      )
    }
    if (n.reference !== undefined) {
      const key = referenceKey(n.kind, n.reference)
      if (seenRefs.has(key)) {
        problems.push(
          problem(
            "DUPLICATE_REFERENCE",
            `${label.ja} がこの記録に2回あります`,
            `${label.en} appears twice in this event`
          )
        )
      } else if (ctx.byReference.has(key)) {
        problems.push(
          problem(
            "ALREADY_REGISTERED",
            `${label.ja} は既に台帳に登録されています`,
            `${label.en} is already in the ledger`,
            ctx.byReference.get(key)!.id
          )
        )
      }
      seenRefs.add(key)
    }
    const id = ctx.newId()
    if (n.kind === "batch" && n.reference !== undefined) newBatches.set(n.reference, id)
    newItems.push({
      id,
      kind: n.kind,
      quantity: n.quantity ?? 1,
      ...(n.reference !== undefined ? { reference: n.reference } : {}),
      ...(n.description !== undefined ? { description: n.description } : {}),
      ...(n.declaredCount !== undefined ? { declaredCount: n.declaredCount } : {})
    })
  }
  // Batches of new items (after all new batches are known).
  rawNew.forEach((n, i) => {
    if (!n.batch) return
    const ref = n.batch.reference
    const existing =
      n.batch.id !== undefined
        ? ctx.items.get(n.batch.id)
        : ref !== undefined
          ? ctx.byReference.get(referenceKey("batch", ref))
          : undefined
    const batchId = ref !== undefined && newBatches.has(ref) ? newBatches.get(ref) : existing?.id
    const named = ref ?? n.batch.id ?? ""
    if (n.kind === "batch") {
      problems.push(
        problem("BATCH_IN_BATCH", "納品単位を別の納品単位に入れることはできません", "a batch cannot belong to a batch")
      )
    } else if (batchId === undefined) {
      problems.push(problem("BATCH_NOT_FOUND", `納品単位 ${named} が見つかりません`, `batch ${named} not found`))
    } else if (existing && existing.kind !== "batch") {
      problems.push(
        problem(
          "NOT_A_BATCH",
          `${describe(existing, "ja")} は納品単位ではありません`,
          `${describe(existing, "en")} is not a batch`
        )
      )
    } else {
      newItems[i] = { ...newItems[i]!, batchId }
    }
  })

  // Existing items
  const selectors: ReadonlyArray<ItemSelector> = "items" in input ? (input.items ?? []) : []
  if ((input.kind === "received" || input.kind === "returned") && rawNew.length === 0 && selectors.length === 0) {
    problems.push(
      problem(
        "NO_ITEMS",
        "受け取った品目(newItems または items)を指定してください",
        "name what was received (newItems or items)"
      )
    )
  }
  const bodyItems: Array<BodyItem> = []
  const seen = new Set<string>()
  const sources = sourcesFor(input.kind, section)
  for (const s of selectors) {
    const item = lookup(s, ctx.items, ctx.byReference)
    if (!item) {
      problems.push(
        problem(
          "ITEM_NOT_FOUND",
          `${selectorLabel(s, "ja")} は台帳にありません`,
          `${selectorLabel(s, "en")} is not in the ledger`
        )
      )
      continue
    }
    const ja = describe(item, "ja")
    const en = describe(item, "en")
    if (seen.has(item.id)) {
      problems.push(
        problem("DUPLICATE_ITEM", `${ja} がこの記録に2回あります`, `${en} appears twice in this event`, item.id)
      )
      continue
    }
    seen.add(item.id)
    if (Date.parse(occurredAt) < Date.parse(item.lastOccurredAt)) {
      problems.push(
        problem(
          "OCCURRED_BEFORE_LAST",
          `${ja}: 発生日時が、この品目の直前の記録(${item.lastOccurredAt})より前です`,
          `${en}: the event time is before this item's last event (${item.lastOccurredAt})`,
          item.id
        )
      )
    }
    if (item.kind === "batch" && input.kind !== "noted") {
      problems.push(
        problem(
          "BATCH_NOT_PHYSICAL",
          `${ja}: 納品単位そのものは移動・交付できません。中の品目を指定してください`,
          `${en}: a batch itself does not move; name the items in it`,
          item.id
        )
      )
      continue
    }
    if (rule.kinds && !rule.kinds.includes(item.kind)) {
      problems.push(
        problem(
          "KIND_NOT_ALLOWED",
          `${ja}: 「${kindLabel[item.kind].ja}」には「${input.kind}」を記録できません`,
          `${en}: "${input.kind}" does not apply to a ${kindLabel[item.kind].en}`,
          item.id
        )
      )
      continue
    }
    if (input.kind === "noted") {
      bodyItems.push({
        id: item.id,
        kind: item.kind,
        ...(item.reference ? { reference: item.reference } : {}),
        count: 0,
        moves: []
      })
      continue
    }

    // Which units may move
    const inStatus = item.holdings.filter((h) => sources.includes(h.status))
    if (inStatus.length === 0) {
      if (
        input.kind === "disposal_done" &&
        policy.requiresApproval &&
        item.holdings.some((h) => isInCustody(h.status))
      ) {
        problems.push(
          problem(
            "APPROVAL_REQUIRED",
            `${ja}: 廃棄の承認がありません。廃棄は申請し、承認を得てから行います`,
            `${en}: disposal has not been approved; request it and wait for the approval`,
            item.id
          )
        )
      } else if (input.kind === "disposal_requested" && item.disposal) {
        problems.push(
          problem(
            "DISPOSAL_PENDING",
            `${ja}: 既に廃棄申請中です`,
            `${en}: a disposal request is already pending`,
            item.id
          )
        )
      } else {
        problems.push(
          problem(
            "WRONG_STATUS",
            `${ja} は「${statusList(item, "ja")}」のため「${input.kind}」を記録できません`,
            `${en} is ${statusList(item, "en")}; "${input.kind}" is not possible`,
            item.id
          )
        )
      }
      continue
    }
    if (input.kind === "disposal_requested" && item.disposal) {
      problems.push(
        problem(
          "DISPOSAL_PENDING",
          `${ja}: 既に廃棄申請中です`,
          `${en}: a disposal request is already pending`,
          item.id
        )
      )
      continue
    }
    let candidates = inStatus
    if (rule.notInTransit) {
      candidates = candidates.filter((h) => !isTransit(h.place))
      if (candidates.length === 0) {
        problems.push(
          problem(
            "IN_TRANSIT",
            `${ja} は移送中(${placeName(inStatus[0]!.place, "ja")})です。保管場所に着いてから記録してください`,
            `${en} is in transit (${placeName(inStatus[0]!.place, "en")}); record it once it has arrived`,
            item.id
          )
        )
        continue
      }
    }
    if (input.kind === "handed_over") {
      candidates = candidates.filter((h) => sameName(h.holder, input.from.name))
      if (candidates.length === 0) {
        problems.push(
          problem(
            "NOT_HELD_BY",
            `${ja} を持っているのは ${inStatus.map((h) => h.holder ?? "—").join("、")} で、${input.from.name} さんではありません`,
            `${en} is held by ${inStatus.map((h) => h.holder ?? "-").join(", ")}, not by ${input.from.name}`,
            item.id
          )
        )
        continue
      }
    }
    if (input.kind === "moved" && input.fromPlace !== undefined) {
      candidates = candidates.filter((h) => h.place === input.fromPlace)
      if (candidates.length === 0) {
        problems.push(
          problem(
            "NOT_AT_PLACE",
            `${ja} は「${placeName(input.fromPlace, "ja")}」にありません`,
            `${en} is not at "${placeName(input.fromPlace, "en")}"`,
            item.id
          )
        )
        continue
      }
    }
    if (input.kind === "moved" || input.kind === "stored") {
      const elsewhere = candidates.filter((h) => h.place !== input.place)
      if (elsewhere.length === 0) {
        problems.push(
          problem(
            "ALREADY_AT_PLACE",
            `${ja} は既に「${placeName(input.place, "ja")}」にあります`,
            `${en} is already at "${placeName(input.place, "en")}"`,
            item.id
          )
        )
        continue
      }
      candidates = elsewhere
    }
    if (input.kind === "disposal_rejected" && !item.disposal) {
      problems.push(
        problem("NO_DISPOSAL_PENDING", `${ja}: 廃棄申請がありません`, `${en}: no disposal is pending`, item.id)
      )
      continue
    }

    // Item-level conditions
    if (input.kind === "setup_done" && item.setupDone) {
      problems.push(
        problem(
          "SETUP_ALREADY_DONE",
          `${ja}: 交付前設定は記録済みです`,
          `${en}: the setup is already recorded`,
          item.id
        )
      )
      continue
    }
    if (input.kind === "sealed" && item.sealed) {
      problems.push(problem("ALREADY_SEALED", `${ja}: 封緘は記録済みです`, `${en}: it is already sealed`, item.id))
      continue
    }
    if (input.kind === "issued" && section.setupBeforeIssue && !item.setupDone) {
      problems.push(
        problem(
          "SETUP_REQUIRED",
          `${ja}: 交付前設定(統合端末)が記録されていないため交付できません`,
          `${en}: the pre-issuance setup has not been recorded, so it cannot be issued`,
          item.id
        )
      )
      continue
    }
    if (input.kind === "transferred_to_city" && section.sealBeforeTransfer.includes(item.kind) && !item.sealed) {
      problems.push(
        problem(
          "SEAL_REQUIRED",
          `${ja}: 封緘してから市へ引き渡してください`,
          `${en}: seal it before handing it back to the city`,
          item.id
        )
      )
      continue
    }
    if (input.kind === "disposal_done") {
      const pending = item.disposal
      if (
        pending &&
        pending.method !== input.method &&
        candidates.some((h) => h.status !== "held" && h.status !== "returned")
      ) {
        problems.push(
          problem(
            "METHOD_DIFFERS",
            `${ja}: 申請した方法(${pending.method})と異なる方法(${input.method})では廃棄できません`,
            `${en}: the method (${input.method}) differs from the one requested (${pending.method})`,
            item.id
          )
        )
        continue
      }
      const witnessNeeded = policy.witness === "always" || (pending?.witnessRequired ?? false)
      if (witnessNeeded && !input.witness) {
        problems.push(
          problem(
            "WITNESS_REQUIRED",
            `${ja}: 立会者を記録してください(${policy.witness === "always" ? "この市では常に立会いが必要です" : "承認時に立会いが求められています"})`,
            `${en}: name the witness (${policy.witness === "always" ? "this city always requires one" : "the approval asked for one"})`,
            item.id
          )
        )
        continue
      }
    }

    // How many
    const available = candidates.reduce((n, h) => n + h.count, 0)
    const isFlag = rule.to === "flag"
    const count = isFlag ? available : (s.count ?? available)
    if (!isFlag && s.count !== undefined && s.count > available) {
      problems.push(
        problem(
          "NOT_ENOUGH_HELD",
          `${ja}: ${s.count} 件を指定していますが、対象は ${available} 件しかありません(${statusList(item, "ja")})`,
          `${en}: ${s.count} requested but only ${available} can move (${statusList(item, "en")})`,
          item.id
        )
      )
      continue
    }
    const moves: Array<Move> = []
    if (!isFlag) {
      let left = count
      for (const h of candidates) {
        if (left === 0) break
        const take = Math.min(left, h.count)
        moves.push({ status: h.status, place: h.place, holder: h.holder, count: take })
        left -= take
      }
    }
    bodyItems.push({
      id: item.id,
      kind: item.kind,
      ...(item.reference ? { reference: item.reference } : {}),
      count,
      moves
    })
  }

  // Counts
  let counts: Body["counts"]
  if (input.kind === "counted") {
    const kinds = new Set<string>()
    for (const c of input.counts) {
      if (kinds.has(c.kind)) {
        problems.push(
          problem(
            "DUPLICATE_COUNT",
            `${kindLabel[c.kind].ja} の数量が2回あります`,
            `${kindLabel[c.kind].en} is counted twice`
          )
        )
      }
      if (!profileKinds.has(c.kind)) {
        problems.push(
          problem(
            "KIND_NOT_IN_PROFILE",
            `この市の契約では「${kindLabel[c.kind].ja}」を扱いません`,
            `this city's contract does not involve ${kindLabel[c.kind].en}`
          )
        )
      }
      kinds.add(c.kind)
    }
    counts = input.counts.map((c) => ({ kind: c.kind, counted: c.count, expected: ctx.stockAtPlace?.get(c.kind) ?? 0 }))
  }

  if (problems.length > 0) return { _tag: "Refused", problems }

  const body: Body = {
    kind: input.kind,
    ...("from" in input ? { from: party(input.from) } : {}),
    ...("to" in input ? { to: party(input.to) } : {}),
    ...("by" in input ? { by: party(input.by) } : {}),
    ...("approver" in input ? { approver: party(input.approver) } : {}),
    ...("witness" in input && input.witness ? { witness: party(input.witness) } : {}),
    ...("place" in input && input.place !== undefined ? { place: input.place } : {}),
    ...("fromPlace" in input && input.fromPlace !== undefined ? { fromPlace: input.fromPlace } : {}),
    ...("method" in input ? { method: input.method } : {}),
    ...("plannedOn" in input ? { plannedOn: input.plannedOn } : {}),
    ...("reason" in input ? { reason: input.reason } : {}),
    ...("witnessRequired" in input ? { witnessRequired: input.witnessRequired } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...("counter" in input && input.counter
      ? { counter: { site: input.counter.site, channel: input.counter.channel } }
      : {}),
    ...(counts ? { counts } : {}),
    ...(newItems.length > 0 ? { newItems } : {}),
    ...(bodyItems.length > 0 ? { items: bodyItems } : {})
  }
  const states = new Map<string, ItemState>()
  for (const it of bodyItems) states.set(it.id, ctx.items.get(it.id)!)
  apply(states, { seq: ctx.seq, occurredAt, body })
  return {
    _tag: "Decided",
    body,
    occurredAt,
    occurredOn: localDateOf(occurredAt),
    states,
    touched: [
      ...newItems.map((n) => ({ id: n.id, count: n.quantity })),
      ...bodyItems.map((b) => ({ id: b.id, count: b.count }))
    ]
  }
}

/**
 * Replay a whole ledger (or a slice of it, in sequence order) into item states.
 *
 * @category constructors
 */
export const replay = (
  entries: Iterable<{ readonly seq: number; readonly occurredAt: string; readonly body: Body }>,
  states: Map<string, ItemState> = new Map()
): Map<string, ItemState> => {
  for (const entry of entries) apply(states, entry)
  return states
}
