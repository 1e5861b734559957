/**
 * Tables of @madoguchi/custody (owned by that lib; only its repositories use them).
 *
 * `custody_event` is the ledger: one hash-chained entry per event, insert-only (trigger, and grants for
 * the application role). Timestamps and the body are stored as the exact text that was hashed, so
 * `verify` can recompute every hash from the row. The other tables are projections of the ledger
 * (current state of items, the chain head, anchors, idempotency keys) kept in the same transaction.
 */
import type { ColumnType, Generated } from "kysely"

/** A `bigint` read back as a number (int8 parser), written as a number. */
export type Int8 = ColumnType<number, number, number>

export interface CustodyEventTable {
  city_code: string
  /** 1, 2, 3, … per city, without gaps. */
  seq: Int8
  id: string
  kind: string
  /** ISO 8601 UTC with milliseconds (`2026-04-01T00:12:00.000Z`), exactly as hashed. */
  occurred_at: string
  /** The local (Asia/Tokyo) calendar day of `occurred_at`. */
  occurred_on: string
  recorded_at: string
  recorded_by: string
  /** Canonical JSON of the event (sorted keys, no whitespace), exactly as hashed. */
  body: string
  prev_hash: string
  hash: string
}

export interface CustodyEventItemTable {
  city_code: string
  item_id: string
  seq: Int8
  count: number
}

export interface CustodyItemTable {
  city_code: string
  id: string
  kind: string
  reference: string | null
  description: string | null
  quantity: number
  batch_id: string | null
  declared_count: number | null
  /** `Holding[]` as JSON. */
  holdings: ColumnType<unknown, string, string>
  /** Units still with the contractor (held, returned mail, missing, pending disposal). */
  in_custody: number
  setup_done: boolean
  sealed: boolean
  /** Pending disposal (request, approval) as JSON, or null. */
  disposal: ColumnType<unknown, string | null, string | null>
  created_seq: Int8
  last_seq: Int8
  last_occurred_at: string
  /** When the description and holders' names were erased (`madoguchi purge`). */
  purged_at: ColumnType<Date | null, never, string | null>
}

/**
 * The personal part of a ledger entry (names, titles, notes, reasons, descriptions, holders) as the
 * canonical JSON whose SHA-256 the entry's body holds; null once erased.
 */
export interface CustodyEventPersonalTable {
  city_code: string
  seq: Int8
  personal: string | null
  purged_at: ColumnType<Date | null, never, string | null>
}

export interface CustodyChainHeadTable {
  city_code: string
  seq: Int8
  hash: string
}

export interface CustodyAnchorTable {
  city_code: string
  anchored_on: string
  seq: Int8
  hash: string
  created_at: Generated<Date>
}

export interface CustodyIdempotencyTable {
  city_code: string
  key: string
  request_sha256: string
  seq: Int8
}

export interface CustodyTables {
  custody_event: CustodyEventTable
  custody_event_item: CustodyEventItemTable
  custody_event_personal: CustodyEventPersonalTable
  custody_item: CustodyItemTable
  custody_chain_head: CustodyChainHeadTable
  custody_anchor: CustodyAnchorTable
  custody_idempotency: CustodyIdempotencyTable
}
