/**
 * SQL of the custody ledger: the chain head lock, entries, the items projection and its index,
 * anchors and idempotency keys. Rows are decoded here; Kysely types do not leave this module.
 */
import { Database, type DB } from "@madoguchi/db"
import { Effect, Schema } from "effect"
import { type QueryCreator, sql } from "kysely"
import type { ChainRow } from "../Chain.ts"
import { Body, type LedgerEntry } from "../Event.ts"
import { cursorKey, type ItemCursor, type ItemState, Status } from "../Item.ts"
import { ItemKind } from "@madoguchi/domain/profile/Custody"
import * as Personal from "./personal.ts"

/** A stored row does not decode: the ledger or its projection was altered outside the application. @category errors */
export class LedgerCorrupted extends Schema.TaggedError<LedgerCorrupted>("@madoguchi/custody/LedgerCorrupted")(
  "LedgerCorrupted",
  { cityCode: Schema.String, where: Schema.String, detail: Schema.String }
) {
  get ja(): string {
    return `台帳のデータが壊れています(${this.where})。custody verify で確認してください`
  }
  get en(): string {
    return `the custody ledger data is corrupt (${this.where}): ${this.detail}; run custody verify`
  }
  override get message(): string {
    return this.en
  }
}

const HoldingSchema = Schema.Struct({
  status: Status,
  place: Schema.NullOr(Schema.String),
  holder: Schema.NullOr(Schema.String),
  count: Schema.Int
})
const Holdings = Schema.Array(HoldingSchema)
const Pending = Schema.NullOr(
  Schema.Struct({
    requestSeq: Schema.Int,
    method: Schema.String,
    plannedOn: Schema.String,
    approvedSeq: Schema.optional(Schema.Int),
    approver: Schema.optional(Schema.String),
    witnessRequired: Schema.optional(Schema.Boolean)
  })
)
const decodeHoldings = Schema.decodeUnknownResult(Holdings)
const decodePending = Schema.decodeUnknownResult(Pending)
const decodeKind = Schema.decodeUnknownResult(ItemKind)
const decodeBody = Schema.decodeUnknownResult(Schema.fromJsonString(Body))

const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value)

interface ItemRow {
  readonly city_code: string
  readonly id: string
  readonly kind: string
  readonly reference: string | null
  readonly description: string | null
  readonly quantity: number
  readonly batch_id: string | null
  readonly declared_count: number | null
  readonly holdings: unknown
  readonly setup_done: boolean
  readonly sealed: boolean
  readonly disposal: unknown
  readonly created_seq: number
  readonly last_seq: number
  readonly last_occurred_at: string
}

const toItem = (row: ItemRow): Effect.Effect<ItemState, LedgerCorrupted> => {
  const holdings = decodeHoldings(json(row.holdings))
  const disposal = decodePending(json(row.disposal))
  const kind = decodeKind(row.kind)
  if (holdings._tag === "Failure" || disposal._tag === "Failure" || kind._tag === "Failure") {
    return Effect.fail(
      new LedgerCorrupted({ cityCode: row.city_code, where: `custody_item ${row.id}`, detail: "undecodable row" })
    )
  }
  return Effect.succeed({
    id: row.id,
    kind: kind.success,
    ...(row.reference !== null ? { reference: row.reference } : {}),
    ...(row.description !== null ? { description: row.description } : {}),
    quantity: row.quantity,
    ...(row.batch_id !== null ? { batchId: row.batch_id } : {}),
    ...(row.declared_count !== null ? { declaredCount: row.declared_count } : {}),
    holdings: holdings.success,
    setupDone: row.setup_done,
    sealed: row.sealed,
    ...(disposal.success !== null ? { disposal: disposal.success } : {}),
    createdSeq: row.created_seq,
    lastSeq: row.last_seq,
    lastOccurredAt: row.last_occurred_at
  })
}

interface EventRow {
  readonly city_code: string
  readonly seq: number
  readonly id: string
  readonly kind: string
  readonly occurred_at: string
  readonly occurred_on: string
  readonly recorded_at: string
  readonly recorded_by: string
  readonly body: string
  readonly prev_hash: string
  readonly hash: string
}

const toChainRow = (r: EventRow): ChainRow => ({
  cityCode: r.city_code,
  seq: r.seq,
  id: r.id,
  kind: r.kind,
  occurredAt: r.occurred_at,
  occurredOn: r.occurred_on,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  body: r.body,
  prevHash: r.prev_hash,
  hash: r.hash
})

const toEntry = (r: EventRow, personal: string | null = null): Effect.Effect<LedgerEntry, LedgerCorrupted> => {
  const body = decodeBody(r.body)
  if (body._tag === "Failure" || body.success.kind !== r.kind) {
    return Effect.fail(new LedgerCorrupted({ cityCode: r.city_code, where: `#${r.seq}`, detail: "undecodable body" }))
  }
  // The personal part merged back (or read as erased) where the body keeps only its digest.
  const merged = Personal.digestOf(r.body) === undefined ? body.success : Personal.merge(body.success, personal)
  if (merged === undefined) {
    return Effect.fail(
      new LedgerCorrupted({ cityCode: r.city_code, where: `#${r.seq} personal`, detail: "undecodable personal part" })
    )
  }
  return Effect.succeed({
    cityCode: r.city_code,
    seq: r.seq,
    id: r.id,
    kind: body.success.kind,
    occurredAt: r.occurred_at,
    occurredOn: r.occurred_on,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    body: merged,
    prevHash: r.prev_hash,
    hash: r.hash
  })
}

/** Entries with their personal parts: one more query, for the rows whose body names one. */
const toEntries = Effect.fnUntraced(function* (cityCode: string, rows: ReadonlyArray<EventRow>) {
  const seqs = rows.filter((r) => Personal.digestOf(r.body) !== undefined).map((r) => r.seq)
  const parts = new Map<number, string | null>()
  if (seqs.length > 0) {
    const db = yield* Database.Database
    const found = yield* db.use((k, signal) =>
      k
        .selectFrom("custody_event_personal")
        .select(["seq", "personal"])
        .where("city_code", "=", cityCode)
        .where("seq", "=", sql<number>`any(${seqs}::bigint[])`)
        .execute({ signal })
    )
    for (const p of found) parts.set(p.seq, p.personal)
  }
  return yield* Effect.forEach(rows, (r) => toEntry(r, parts.get(r.seq) ?? null))
})

/**
 * Lock the city's chain head (creating it at genesis) and read it, in one statement: the upsert takes
 * the row lock that serializes appends until the transaction ends.
 */
export const lockHead = Effect.fn("Custody.lockHead")(function* (cityCode: string, genesis: string) {
  const db = yield* Database.Database
  return yield* db.use((k, signal) =>
    k
      .insertInto("custody_chain_head")
      .values({ city_code: cityCode, seq: 0, hash: genesis })
      .onConflict((oc) => oc.column("city_code").doUpdateSet((eb) => ({ city_code: eb.ref("excluded.city_code") })))
      .returning(["seq", "hash"])
      .executeTakeFirstOrThrow({ signal })
  )
})

export const readHead = Effect.fn("Custody.readHead")(function* (cityCode: string) {
  const db = yield* Database.Database
  return yield* db.use((k, signal) =>
    k
      .selectFrom("custody_chain_head")
      .select(["seq", "hash"])
      .where("city_code", "=", cityCode)
      .executeTakeFirst({ signal })
  )
})

/** Items by id or by (kind, reference). */
export const findItems = Effect.fn("Custody.findItems")(function* (
  cityCode: string,
  ids: ReadonlyArray<string>,
  refs: ReadonlyArray<readonly [string, string]>
) {
  if (ids.length === 0 && refs.length === 0) return []
  const db = yield* Database.Database
  const rows = yield* db.use((k, signal) =>
    k
      .selectFrom("custody_item")
      .selectAll()
      .where("city_code", "=", cityCode)
      .where((eb) =>
        eb.or([
          ...(ids.length > 0 ? [eb("id", "in", ids)] : []),
          ...(refs.length > 0
            ? [
                eb(
                  eb.refTuple("kind", "reference"),
                  "in",
                  refs.map(([kind, ref]) => eb.tuple(kind, ref))
                )
              ]
            : [])
        ])
      )
      .execute({ signal })
  )
  return yield* Effect.forEach(rows, toItem)
})

/** Units in custody at a place, per kind. */
export const stockAtPlace = Effect.fn("Custody.stockAtPlace")(function* (cityCode: string, place: string) {
  const db = yield* Database.Database
  const rows = yield* db.use((k, signal) =>
    k
      .selectFrom("custody_item")
      .selectAll()
      .where("city_code", "=", cityCode)
      .where("in_custody", ">", 0)
      .where(sql<boolean>`holdings @> ${JSON.stringify([{ place }])}::jsonb`)
      .execute({ signal })
  )
  const items = yield* Effect.forEach(rows, toItem)
  const stock = new Map<string, number>()
  for (const item of items) {
    for (const h of item.holdings) {
      if (h.place === place && ["held", "returned", "disposal_requested", "disposal_approved"].includes(h.status)) {
        stock.set(item.kind, (stock.get(item.kind) ?? 0) + h.count)
      }
    }
  }
  return stock
})

/**
 * Append an entry, index it, project its items, record its idempotency key and move the head — one
 * statement (data-modifying CTEs), inside the caller's transaction.
 */
export const writeEntry = Effect.fn("Custody.writeEntry")(function* (
  row: ChainRow,
  touched: ReadonlyArray<{ readonly id: string; readonly count: number }>,
  states: ReadonlyMap<string, ItemState>,
  inCustody: (item: ItemState) => number,
  idempotency?: { readonly key: string; readonly requestSha256: string } | undefined,
  /** The entry's personal part (names, notes…), whose digest the body holds. */
  personal?: string | undefined
) {
  const db = yield* Database.Database
  yield* db.use((k, signal) => {
    // Each CTE is a write of its own; the builder's types do not follow a conditional chain.
    let q = k.with("e", (w) =>
      w.insertInto("custody_event").values({
        city_code: row.cityCode,
        seq: row.seq,
        id: row.id,
        kind: row.kind,
        occurred_at: row.occurredAt,
        occurred_on: row.occurredOn,
        recorded_at: row.recordedAt,
        recorded_by: row.recordedBy,
        body: row.body,
        prev_hash: row.prevHash,
        hash: row.hash
      })
    ) as unknown as QueryCreator<DB>
    if (touched.length > 0) {
      q = q.with("ei", (w) =>
        w
          .insertInto("custody_event_item")
          .values(touched.map((t) => ({ city_code: row.cityCode, item_id: t.id, seq: row.seq, count: t.count })))
      ) as unknown as QueryCreator<DB>
    }
    const items = [...states.values()]
    if (items.length > 0) {
      q = q.with("it", (w) =>
        w
          .insertInto("custody_item")
          .values(
            items.map((item) => ({
              city_code: row.cityCode,
              id: item.id,
              kind: item.kind,
              reference: item.reference ?? null,
              description: item.description ?? null,
              quantity: item.quantity,
              batch_id: item.batchId ?? null,
              declared_count: item.declaredCount ?? null,
              holdings: JSON.stringify(item.holdings),
              in_custody: inCustody(item),
              setup_done: item.setupDone,
              sealed: item.sealed,
              disposal: item.disposal ? JSON.stringify(item.disposal) : null,
              created_seq: item.createdSeq,
              last_seq: item.lastSeq,
              last_occurred_at: item.lastOccurredAt
            }))
          )
          .onConflict((oc) =>
            oc.columns(["city_code", "id"]).doUpdateSet((eb) => ({
              holdings: eb.ref("excluded.holdings"),
              in_custody: eb.ref("excluded.in_custody"),
              setup_done: eb.ref("excluded.setup_done"),
              sealed: eb.ref("excluded.sealed"),
              disposal: eb.ref("excluded.disposal"),
              last_seq: eb.ref("excluded.last_seq"),
              last_occurred_at: eb.ref("excluded.last_occurred_at")
            }))
          )
      ) as unknown as QueryCreator<DB>
    }
    if (personal !== undefined) {
      q = q.with("ep", (w) =>
        w.insertInto("custody_event_personal").values({ city_code: row.cityCode, seq: row.seq, personal })
      ) as unknown as QueryCreator<DB>
    }
    if (idempotency) {
      q = q.with("ik", (w) =>
        w.insertInto("custody_idempotency").values({
          city_code: row.cityCode,
          key: idempotency.key,
          request_sha256: idempotency.requestSha256,
          seq: row.seq
        })
      ) as unknown as QueryCreator<DB>
    }
    return q
      .updateTable("custody_chain_head")
      .set({ seq: row.seq, hash: row.hash })
      .where("city_code", "=", row.cityCode)
      .execute({ signal })
  })
})

export const findIdempotency = Effect.fn("Custody.findIdempotency")(function* (cityCode: string, key: string) {
  const db = yield* Database.Database
  return yield* db.use((k, signal) =>
    k
      .selectFrom("custody_idempotency")
      .select(["request_sha256", "seq"])
      .where("city_code", "=", cityCode)
      .where("key", "=", key)
      .executeTakeFirst({ signal })
  )
})

/** Raw chain rows after `afterSeq`, in order (for verification and export). */
export const chainPage = Effect.fn("Custody.chainPage")(function* (cityCode: string, afterSeq: number, limit: number) {
  const db = yield* Database.Database
  const rows = yield* db.use((k, signal) =>
    k
      .selectFrom("custody_event")
      .selectAll()
      .where("city_code", "=", cityCode)
      .where("seq", ">", afterSeq)
      .orderBy("seq")
      .limit(limit)
      .execute({ signal })
  )
  const chain = rows.map((r) => toChainRow(r as EventRow))
  if (chain.length === 0) return chain
  // Each entry's personal part: the text, null once erased, absent (undefined) if the row is missing.
  const parts = yield* db.use((k, signal) =>
    k
      .selectFrom("custody_event_personal")
      .select(["seq", "personal"])
      .where("city_code", "=", cityCode)
      .where("seq", ">", afterSeq)
      .where("seq", "<=", chain[chain.length - 1]!.seq)
      .execute({ signal })
  )
  const bySeq = new Map(parts.map((p) => [p.seq, p.personal]))
  return chain.map((r) => (bySeq.has(r.seq) ? { ...r, personal: bySeq.get(r.seq)! } : r))
})

/** Decoded entries, filtered. */
export const entries = Effect.fn("Custody.entries")(function* (
  cityCode: string,
  filter: {
    readonly fromDate?: string | undefined
    readonly toDate?: string | undefined
    readonly seqs?: ReadonlyArray<number> | undefined
    readonly ids?: ReadonlyArray<string> | undefined
    readonly kinds?: ReadonlyArray<string> | undefined
    /** Newest first (default: in sequence order). */
    readonly order?: "asc" | "desc" | undefined
    /** Only entries past this sequence number in the chosen order (the last one of the previous page). */
    readonly afterSeq?: number | undefined
    readonly limit?: number | undefined
  }
) {
  const db = yield* Database.Database
  if (filter.seqs?.length === 0 || filter.ids?.length === 0) return []
  const desc = filter.order === "desc"
  const rows = yield* db.use((k, signal) => {
    let q = k.selectFrom("custody_event").selectAll().where("city_code", "=", cityCode)
    if (filter.fromDate) q = q.where("occurred_on", ">=", filter.fromDate)
    if (filter.toDate) q = q.where("occurred_on", "<=", filter.toDate)
    if (filter.seqs) q = q.where("seq", "in", filter.seqs)
    if (filter.ids) q = q.where("id", "in", filter.ids)
    if (filter.kinds) q = q.where("kind", "in", filter.kinds)
    if (filter.afterSeq !== undefined) q = q.where("seq", desc ? "<" : ">", filter.afterSeq)
    q = q.orderBy("seq", desc ? "desc" : "asc")
    if (filter.limit !== undefined) q = q.limit(filter.limit)
    return q.execute({ signal })
  })
  return yield* toEntries(cityCode, rows as ReadonlyArray<EventRow>)
})

/** Entries that touch any of the items, in order. */
export const entriesOfItems = Effect.fn("Custody.entriesOfItems")(function* (
  cityCode: string,
  itemIds: ReadonlyArray<string>
) {
  if (itemIds.length === 0) return []
  const db = yield* Database.Database
  const rows = yield* db.use((k, signal) =>
    k
      .selectFrom("custody_event")
      .selectAll()
      .where("city_code", "=", cityCode)
      .where(
        "seq",
        "in",
        k
          .selectFrom("custody_event_item")
          .select("seq")
          .where("city_code", "=", cityCode)
          .where("item_id", "in", itemIds)
      )
      .orderBy("seq")
      .execute({ signal })
  )
  return yield* toEntries(cityCode, rows as ReadonlyArray<EventRow>)
})

/** @category models */
export interface ItemQuery {
  readonly kind?: string | undefined
  readonly status?: string | undefined
  readonly place?: string | undefined
  /** Units held by a person whose name contains this text (spaces, case and full-width forms ignored). */
  readonly holder?: string | undefined
  readonly batchId?: string | undefined
  /** Members of the batch with this number (箱番号). */
  readonly batchReference?: string | undefined
  readonly reference?: string | undefined
  readonly inCustody?: boolean | undefined
  readonly ids?: ReadonlyArray<string> | undefined
  readonly limit?: number | undefined
  /** Only items after this point of the list's order (the `next` of the previous page). */
  readonly after?: ItemCursor | undefined
}

/** A name as compared by the holder filter: NFKC, without whitespace, lower case (the SQL below does the same). */
export const comparableName = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase()

/** Items in the list's order: the entry that registered them, then their id. */
export const queryItems = Effect.fn("Custody.queryItems")(function* (cityCode: string, query: ItemQuery) {
  const db = yield* Database.Database
  if (query.ids?.length === 0) return []
  const rows = yield* db.use((k, signal) => {
    let q = k.selectFrom("custody_item").selectAll().where("city_code", "=", cityCode)
    if (query.kind) q = q.where("kind", "=", query.kind)
    if (query.batchId) q = q.where("batch_id", "=", query.batchId)
    if (query.batchReference) {
      q = q.where(
        "batch_id",
        "in",
        k
          .selectFrom("custody_item as b")
          .select("b.id")
          .where("b.city_code", "=", cityCode)
          .where("b.kind", "=", "batch")
          .where("b.reference", "=", query.batchReference)
      )
    }
    if (query.reference) q = q.where("reference", "=", query.reference)
    if (query.inCustody === true) q = q.where("in_custody", ">", 0)
    if (query.inCustody === false) q = q.where("in_custody", "=", 0)
    if (query.ids) q = q.where("id", "in", query.ids)
    if (query.status) q = q.where(sql<boolean>`holdings @> ${JSON.stringify([{ status: query.status }])}::jsonb`)
    if (query.place) q = q.where(sql<boolean>`holdings @> ${JSON.stringify([{ place: query.place }])}::jsonb`)
    if (query.holder) {
      q = q.where(
        sql<boolean>`exists (select 1 from jsonb_array_elements(holdings) as h(v) where strpos(lower(regexp_replace(normalize(coalesce(h.v->>'holder', ''), NFKC), '\\s', '', 'g')), ${comparableName(query.holder)}) > 0)`
      )
    }
    if (query.after) {
      const after = cursorKey(query.after)
      q = q.where((eb) => eb(eb.refTuple("created_seq", "id"), ">", eb.tuple(after.createdSeq, after.id)))
    }
    q = q.orderBy("created_seq").orderBy("id")
    if (query.limit !== undefined) q = q.limit(query.limit)
    return q.execute({ signal })
  })
  return yield* Effect.forEach(rows, (r) => toItem(r as ItemRow))
})

export const anchors = Effect.fn("Custody.anchors")(function* (cityCode: string) {
  const db = yield* Database.Database
  return yield* db.use((k, signal) =>
    k
      .selectFrom("custody_anchor")
      .select(["anchored_on", "seq", "hash"])
      .where("city_code", "=", cityCode)
      .orderBy("anchored_on")
      .execute({ signal })
  )
})

/** The chain head as of an instant: the last entry recorded before it. */
export const headBefore = Effect.fn("Custody.headBefore")(function* (cityCode: string, before: string) {
  const db = yield* Database.Database
  return yield* db.use((k, signal) =>
    k
      .selectFrom("custody_event")
      .select(["seq", "hash"])
      .where("city_code", "=", cityCode)
      .where("recorded_at", "<", before)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst({ signal })
  )
})

export const storeAnchor = Effect.fn("Custody.storeAnchor")(function* (
  cityCode: string,
  date: string,
  seq: number,
  hash: string
) {
  const db = yield* Database.Database
  yield* db.use((k, signal) =>
    k
      .insertInto("custody_anchor")
      .values({ city_code: cityCode, anchored_on: date, seq, hash })
      .onConflict((oc) => oc.columns(["city_code", "anchored_on"]).doNothing())
      .execute({ signal })
  )
  return yield* db.use((k, signal) =>
    k
      .selectFrom("custody_anchor")
      .select(["seq", "hash"])
      .where("city_code", "=", cityCode)
      .where("anchored_on", "=", date)
      .executeTakeFirstOrThrow({ signal })
  )
})

/** Run the migration's grant function for the application role (PostgreSQL). */
export const grant = Effect.fn("Custody.grant")(function* (role: string) {
  const db = yield* Database.Database
  yield* db.use((k, signal) => sql`select madoguchi_custody_grant(${role})`.execute(k, { signal }))
})
