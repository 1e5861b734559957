/**
 * The hash chain of a city's custody ledger. Entry n stores `hash = SHA-256(prevHash ‖ header ‖ body)`
 * where `prevHash` is entry n−1's hash (entry 1 links to a genesis hash derived from the city code, so
 * chains of two cities cannot be swapped), `header` is the JSON array of every other column and `body`
 * is the canonical JSON of the event. Changing any byte of any entry, deleting or reordering entries
 * breaks a link; `verify` recomputes every link and names the first broken one.
 *
 * A forger who rewrites an entry and re-hashes everything after it gets an internally consistent
 * chain. The daily anchor defeats that: the chain head at the close of each day (sequence number and
 * hash) is printed on the daily report, so the city holds a copy outside the database; an anchor that
 * no longer matches the chain is a broken link.
 *
 * Personal text (names, notes, descriptions, holders) is not in the hashed body: the body names the
 * SHA-256 of the entry's separately stored personal part, which `verify` checks when it reads the rows
 * with their parts. A part erased at the end of a contract leaves the chain intact (`personalErased`);
 * a changed or missing one is a broken link.
 */
import { createHash, hash } from "node:crypto"
import * as Personal from "./internal/personal.ts"

/** The columns of one ledger entry, exactly as stored and hashed. @category models */
export interface ChainRow {
  readonly cityCode: string
  readonly seq: number
  readonly id: string
  readonly kind: string
  readonly occurredAt: string
  readonly occurredOn: string
  readonly recordedAt: string
  readonly recordedBy: string
  readonly body: string
  readonly prevHash: string
  readonly hash: string
  /**
   * The entry's personal part, when read with it: the text (whose SHA-256 the body names), or null once
   * erased. Not hashed itself: the body's digest binds it.
   */
  readonly personal?: string | null | undefined
}

/** The chain head at a point: the last sequence number and its hash (seq 0 = genesis). @category models */
export interface Anchor {
  /** The day whose close this anchor records, when it is a daily anchor. */
  readonly date?: string | undefined
  readonly seq: number
  readonly hash: string
  /** Where the anchor comes from: the database's own record, or a copy held outside (the printed report). */
  readonly source: "stored" | "external"
  /** The city the copy names (a printed anchor starts with the city code); checked against the ledger's city. */
  readonly cityCode?: string | undefined
}

/** Why a link is broken. @category models */
export type BreakReason =
  | "hash_mismatch"
  | "prev_hash_mismatch"
  | "missing_entry"
  | "unexpected_entry"
  | "wrong_city"
  | "anchor_mismatch"
  | "anchor_beyond_end"
  | "head_mismatch"
  | "personal_mismatch"
  | "personal_missing"

/** The first broken link. @category models */
export interface BrokenLink {
  readonly seq: number
  readonly reason: BreakReason
  /** The entry's event id, when there is an entry at `seq`. */
  readonly id?: string | undefined
  readonly ja: string
  readonly en: string
}

/** @category models */
export interface VerifyResult {
  readonly ok: boolean
  /** Entries read and checked. */
  readonly entries: number
  readonly headSeq: number
  readonly headHash: string
  readonly anchorsChecked: number
  readonly firstBrokenAt?: BrokenLink | undefined
  /** Entries whose personal part was erased (`madoguchi purge`): still linked, by the digest their body keeps. */
  readonly personalErased?: number | undefined
}

const VERSION = "madoguchi-custody-v1"

/** The hash entry 1 links to, per city. @category constructors */
export const genesis = (cityCode: string): string =>
  createHash("sha256").update(`${VERSION}/genesis/${cityCode}`).digest("hex")

/**
 * The header: every column except the body and the hashes, as a JSON array
 * `["madoguchi-custody-v1","<city>",<seq>,"<id>","<kind>","<occurredAt>","<occurredOn>","<recordedAt>","<recordedBy>"]`.
 * The ledger only writes these columns without `"`, `\\` or control characters (database CHECK
 * constraints, the `Actor` schema), so in a genuine entry every `","` is a delimiter and the body —
 * canonical JSON, which never contains a raw newline — starts right after the header's `"]\n`. A
 * forged row can therefore only produce the same bytes with the same column values: the header is
 * unambiguous without escaping.
 *
 * @category constructors
 */
export const header = (row: Omit<ChainRow, "body" | "prevHash" | "hash">): string =>
  `["${VERSION}","${row.cityCode}",${row.seq},"${row.id}","${row.kind}","${row.occurredAt}","${row.occurredOn}","${row.recordedAt}","${row.recordedBy}"]`

/**
 * The hash of an entry from its columns and its predecessor's hash: SHA-256 over the UTF-8 bytes of
 * `prevHash ‖ "\n" ‖ header ‖ "\n" ‖ body` (one string handed to the one-shot digest: the fastest
 * path Node offers for text).
 *
 * @category constructors
 */
export const hashOf = (row: Omit<ChainRow, "hash">): string =>
  hash(
    "sha256",
    `${row.prevHash}\n["${VERSION}","${row.cityCode}",${row.seq},"${row.id}","${row.kind}","${row.occurredAt}","${row.occurredOn}","${row.recordedAt}","${row.recordedBy}"]\n${row.body}`,
    "hex"
  )

/** The bytes `hashOf` digests, for measuring raw SHA-256 over the same input. @category constructors */
export const hashedBytes = (row: Omit<ChainRow, "hash">): Buffer =>
  Buffer.from(`${row.prevHash}\n${header(row)}\n${row.body}`, "utf8")

const link = (seq: number, reason: BreakReason, id: string | undefined, ja: string, en: string): BrokenLink => ({
  seq,
  reason,
  id,
  ja,
  en
})

/**
 * An incremental verifier: feed the entries in sequence order (`push`, page by page for a large
 * ledger), then `finish` with the head the database claims. Stops checking at the first broken link.
 *
 * @category constructors
 */
export const verifier = (
  cityCode: string,
  anchors: ReadonlyArray<Anchor> = [],
  /** Resume after a trusted point (an anchor) instead of the genesis. */
  from?: { readonly seq: number; readonly hash: string },
  /** Rows carry their personal parts (`personal`): a part the body names must be there, erased or matching. */
  options: { readonly personalParts?: boolean } = {}
) => {
  const bySeq = new Map<number, Array<Anchor>>()
  for (const anchor of anchors) bySeq.set(anchor.seq, [...(bySeq.get(anchor.seq) ?? []), anchor])
  const none: ReadonlyArray<Anchor> = []
  let expectedSeq = (from?.seq ?? 0) + 1
  let prevHash = from?.hash ?? genesis(cityCode)
  let entries = 0
  let anchorsChecked = 0
  let personalErased = 0
  let broken: BrokenLink | undefined

  const checkAnchors = (seq: number, hash: string, id: string | undefined): BrokenLink | undefined => {
    for (const anchor of bySeq.get(seq) ?? none) {
      anchorsChecked++
      if (anchor.hash !== hash) {
        const day = anchor.date ? `${anchor.date} の` : ""
        const dayEn = anchor.date ? ` of ${anchor.date}` : ""
        return link(
          seq,
          "anchor_mismatch",
          id,
          `${day}アンカー(#${seq})と台帳が一致しません。#${seq} 以前の記録が書き換えられています(${anchor.source === "external" ? "市の控え" : "データベースの記録"}と照合)`,
          `the anchor${dayEn} (#${seq}) does not match the ledger: entries up to #${seq} were rewritten (checked against ${anchor.source === "external" ? "the city's copy" : "the stored anchor"})`
        )
      }
    }
    return undefined
  }
  // An anchor at seq 0 records the empty ledger (a day that closed before the first entry).
  const atStart = checkAnchors(expectedSeq - 1, prevHash, undefined)
  if (atStart) broken = atStart

  const push = (row: ChainRow): boolean => {
    if (broken) return false
    entries++
    if (row.cityCode !== cityCode) {
      broken = link(
        row.seq,
        "wrong_city",
        row.id,
        `#${row.seq} は別の市(${row.cityCode})の記録です`,
        `#${row.seq} belongs to another city (${row.cityCode})`
      )
      return false
    }
    if (row.seq !== expectedSeq) {
      broken =
        row.seq > expectedSeq
          ? link(
              expectedSeq,
              "missing_entry",
              undefined,
              `#${expectedSeq} の記録がありません(削除されています)。次の記録は #${row.seq} です`,
              `entry #${expectedSeq} is missing (deleted); the next entry is #${row.seq}`
            )
          : link(
              row.seq,
              "unexpected_entry",
              row.id,
              `#${expectedSeq} の位置に #${row.seq} があります(順序の入れ替え・重複)`,
              `found #${row.seq} where #${expectedSeq} was expected (reordered or duplicated)`
            )
      return false
    }
    if (row.prevHash !== prevHash) {
      broken = link(
        row.seq,
        "prev_hash_mismatch",
        row.id,
        `#${row.seq} が直前の記録 #${row.seq - 1} とつながっていません(前の記録が書き換え・削除・入れ替えされています)`,
        `#${row.seq} does not link to #${row.seq - 1} (an earlier entry was rewritten, deleted or swapped)`
      )
      return false
    }
    const hash = hashOf(row)
    if (hash !== row.hash) {
      broken = link(
        row.seq,
        "hash_mismatch",
        row.id,
        `#${row.seq} の内容がハッシュと一致しません(記録が書き換えられています)`,
        `#${row.seq} does not match its hash (the entry was modified)`
      )
      return false
    }
    if (options.personalParts || row.personal !== undefined) {
      const digest = Personal.digestOf(row.body)
      if (digest !== undefined) {
        if (row.personal === undefined) {
          broken = link(
            row.seq,
            "personal_missing",
            row.id,
            `#${row.seq} の個人情報部分がありません(削除されています)`,
            `the personal part of #${row.seq} is missing (deleted)`
          )
          return false
        }
        if (row.personal === null) personalErased++
        else if (Personal.digest(row.personal) !== digest) {
          broken = link(
            row.seq,
            "personal_mismatch",
            row.id,
            `#${row.seq} の個人情報部分(氏名・備考など)が記録時と一致しません(書き換えられています)`,
            `the personal part of #${row.seq} (names, notes) does not match its digest (it was modified)`
          )
          return false
        }
      }
    }
    if (bySeq.has(row.seq)) {
      const anchorBroken = checkAnchors(row.seq, hash, row.id)
      if (anchorBroken) {
        broken = anchorBroken
        return false
      }
    }
    prevHash = hash
    expectedSeq++
    return true
  }

  const finish = (head?: { readonly seq: number; readonly hash: string }): VerifyResult => {
    const lastSeq = expectedSeq - 1
    if (!broken) {
      const beyond = anchors.filter((a) => a.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0]
      if (beyond) {
        broken = link(
          beyond.seq,
          "anchor_beyond_end",
          undefined,
          `アンカー${beyond.date ? `(${beyond.date})` : ""}は #${beyond.seq} まで記録があったことを示していますが、台帳は #${lastSeq} で終わっています(末尾が削除されています)`,
          `the anchor${beyond.date ? ` of ${beyond.date}` : ""} shows entries up to #${beyond.seq}, but the ledger ends at #${lastSeq} (entries at the end were deleted)`
        )
      } else if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
        broken = link(
          Math.min(head.seq, lastSeq) + 1,
          "head_mismatch",
          undefined,
          `台帳の先頭情報(#${head.seq})と記録(#${lastSeq})が一致しません(末尾の削除または不正な追記)`,
          `the chain head (#${head.seq}) does not match the entries (#${lastSeq}): entries were deleted at the end or appended outside the ledger`
        )
      }
    }
    return {
      ok: broken === undefined,
      entries,
      headSeq: lastSeq,
      headHash: prevHash,
      anchorsChecked,
      ...(broken ? { firstBrokenAt: broken } : {}),
      ...(personalErased > 0 ? { personalErased } : {})
    }
  }

  return { push, finish }
}

/**
 * Verify a whole chain in memory (an export, a test, a benchmark).
 *
 * @category constructors
 */
export const verify = (
  cityCode: string,
  rows: Iterable<ChainRow>,
  options: { readonly anchors?: ReadonlyArray<Anchor>; readonly head?: { seq: number; hash: string } } = {}
): VerifyResult => {
  const v = verifier(cityCode, options.anchors)
  for (const row of rows) if (!v.push(row)) break
  return v.finish(options.head)
}

/** `2026-04-01 #123 9f3a 1b2c …` — an anchor as printed on the daily report. @category constructors */
export const formatAnchor = (cityCode: string, anchor: Anchor): string =>
  `${cityCode} ${anchor.date ?? ""} #${anchor.seq} ${anchor.hash.match(/.{1,8}/g)?.join(" ") ?? anchor.hash}`.replace(
    /\s+/g,
    " "
  )

const COLON = /^(?:(\d{4}-\d{2}-\d{2}):)?#?(\d{1,15}):([0-9a-f ]{64,})$/
const PRINTED = /^(?:(\d{6}) )?(?:(\d{4}-\d{2}-\d{2}) )?#(\d{1,15}) ([0-9a-f ]{64,})$/

const isCalendarDate = (date: string): boolean => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * Read an anchor copied from a report, in either form:
 * - as printed by `formatAnchor` (the daily report, `custody anchor`): `102059 2026-04-01 #12 9f3a1b2c …`
 *   — the city code and the date may be left out, the hash may be split by spaces;
 * - compact: `[YYYY-MM-DD:]SEQ:HASH`.
 *
 * Full-width characters (a copy typed by hand) are read as their plain forms. A printed city code is
 * kept in `cityCode`, for the caller to check against the ledger's city.
 *
 * @category constructors
 */
export const parseAnchor = (text: string): Anchor | undefined => {
  const plain = text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase()
  const colon = COLON.exec(plain)
  const printed = colon ? undefined : PRINTED.exec(plain)
  if (!colon && !printed) return undefined
  const [cityCode, date, seq, spaced] = colon
    ? [undefined, colon[1], colon[2]!, colon[3]!]
    : [printed![1], printed![2], printed![3]!, printed![4]!]
  const hash = spaced.replace(/ /g, "")
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined
  if (date !== undefined && !isCalendarDate(date)) return undefined
  return {
    ...(date !== undefined ? { date } : {}),
    seq: Number(seq),
    hash,
    source: "external",
    ...(cityCode !== undefined ? { cityCode } : {})
  }
}
