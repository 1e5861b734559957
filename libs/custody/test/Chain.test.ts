import { assert, describe, it } from "@effect/vitest"
import { createHash } from "node:crypto"
import fc from "fast-check"
import * as Chain from "../src/Chain.ts"
import { otaScenario } from "./scenario.ts"

const ledger = otaScenario(12)
const rows: ReadonlyArray<Chain.ChainRow> = ledger.rows
const city = rows[0]!.cityCode
const n = rows.length
/** Daily-style anchors every 20 entries, and the head. */
const anchors: ReadonlyArray<Chain.Anchor> = [
  ...rows.filter((r) => r.seq % 20 === 0).map((r) => ({ seq: r.seq, hash: r.hash, source: "external" as const })),
  { seq: n, hash: rows[n - 1]!.hash, source: "external" }
]
const firstAnchorAtOrAfter = (seq: number) =>
  anchors
    .map((a) => a.seq)
    .filter((s) => s >= seq)
    .sort((a, b) => a - b)[0]!

const rehash = (list: Array<Chain.ChainRow>, from: number) => {
  for (let i = from; i < list.length; i++) {
    const prevHash = i === 0 ? Chain.genesis(city) : list[i - 1]!.hash
    const row = { ...list[i]!, prevHash }
    list[i] = { ...row, hash: Chain.hashOf(row) }
  }
}

const editable = [
  "id",
  "kind",
  "occurredAt",
  "occurredOn",
  "recordedAt",
  "recordedBy",
  "body",
  "prevHash",
  "hash"
] as const

/** Change one character of a string (never to the same string). */
const mutate = (s: string, at: number, to: string) => {
  const i = at % s.length
  const c = s[i] === to ? (to === "0" ? "1" : "0") : to
  return s.slice(0, i) + c + s.slice(i + 1)
}

type Tamper =
  | {
      readonly op: "edit"
      readonly index: number
      readonly field: (typeof editable)[number]
      readonly at: number
      readonly to: string
    }
  | { readonly op: "delete"; readonly index: number }
  | { readonly op: "swap"; readonly i: number; readonly j: number; readonly keepSeq: boolean }
  | { readonly op: "rehash"; readonly index: number; readonly at: number; readonly to: string }
  | { readonly op: "truncate"; readonly keep: number }

const tamper = fc.oneof(
  fc.record({
    op: fc.constant("edit" as const),
    index: fc.integer({ min: 0, max: n - 1 }),
    field: fc.constantFrom(...editable),
    at: fc.nat(),
    to: fc.constantFrom("0", "1", "a", "f", "x", "9", " ")
  }),
  fc.record({ op: fc.constant("delete" as const), index: fc.integer({ min: 0, max: n - 1 }) }),
  fc
    .record({
      op: fc.constant("swap" as const),
      i: fc.integer({ min: 0, max: n - 1 }),
      j: fc.integer({ min: 0, max: n - 1 }),
      keepSeq: fc.boolean()
    })
    .filter((t) => t.i !== t.j),
  fc.record({
    op: fc.constant("rehash" as const),
    index: fc.integer({ min: 0, max: n - 1 }),
    at: fc.nat(),
    to: fc.constantFrom("0", "1", "a", "x", " ")
  }),
  fc.record({ op: fc.constant("truncate" as const), keep: fc.integer({ min: 0, max: n - 1 }) })
) as fc.Arbitrary<Tamper>

const applyTamper = (t: Tamper): Array<Chain.ChainRow> => {
  const list = rows.map((r) => ({ ...r }))
  switch (t.op) {
    case "edit": {
      const row = list[t.index]!
      list[t.index] = { ...row, [t.field]: mutate(row[t.field], t.at, t.to) }
      return list
    }
    case "delete":
      list.splice(t.index, 1)
      return list
    case "swap": {
      const a = list[t.i]!
      const b = list[t.j]!
      list[t.i] = t.keepSeq ? { ...b, seq: a.seq } : b
      list[t.j] = t.keepSeq ? { ...a, seq: b.seq } : a
      return list
    }
    case "rehash": {
      const row = list[t.index]!
      list[t.index] = { ...row, body: mutate(row.body, t.at, t.to) }
      rehash(list, t.index)
      return list
    }
    case "truncate":
      return list.slice(0, t.keep)
  }
}

describe("Chain", () => {
  it("an untouched ledger verifies, with its anchors and head", () => {
    const result = Chain.verify(city, rows, { anchors, head: { seq: n, hash: rows[n - 1]!.hash } })
    assert.isTrue(result.ok)
    assert.strictEqual(result.entries, n)
    assert.strictEqual(result.headSeq, n)
    assert.strictEqual(result.anchorsChecked, anchors.length)
    assert.isAbove(n, 100)
  })

  it("1,000 random tamperings (edit a field, delete, swap, re-hash a suffix, truncate) are all detected", () => {
    let rehashed = 0
    fc.assert(
      fc.property(tamper, (t) => {
        const tampered = applyTamper(t)
        const result = Chain.verify(city, tampered, { anchors })
        assert.isFalse(result.ok, JSON.stringify(t))
        const broken = result.firstBrokenAt!
        assert.isString(broken.ja)
        assert.isString(broken.en)
        switch (t.op) {
          case "edit":
            // The edited entry is the first broken link.
            assert.strictEqual(broken.seq, t.index + 1)
            break
          case "delete":
            assert.strictEqual(broken.seq, t.index + 1)
            break
          case "swap":
            assert.strictEqual(broken.seq, Math.min(t.i, t.j) + 1)
            break
          case "rehash":
            rehashed++
            // Internally consistent again: only an anchor taken before the forgery exposes it.
            assert.isTrue(Chain.verify(city, tampered).ok)
            assert.strictEqual(broken.reason, "anchor_mismatch")
            assert.strictEqual(broken.seq, firstAnchorAtOrAfter(t.index + 1))
            break
          case "truncate":
            assert.strictEqual(broken.reason, "anchor_beyond_end")
            break
        }
      }),
      { numRuns: 1000, seed: 20260401 }
    )
    assert.isAbove(rehashed, 50)
  })

  it("a ledger of another city, or a truncated one against the database head, is refused", () => {
    const other = Chain.verify("131016", rows)
    assert.strictEqual(other.firstBrokenAt?.reason, "wrong_city")
    const short = Chain.verify(city, rows.slice(0, n - 3), { head: { seq: n, hash: rows[n - 1]!.hash } })
    assert.strictEqual(short.firstBrokenAt?.reason, "head_mismatch")
    assert.match(short.firstBrokenAt!.ja, /末尾の削除/)
    const shifted = rows.slice(1).map((r) => ({ ...r, seq: r.seq - 1 }))
    assert.strictEqual(Chain.verify(city, shifted).firstBrokenAt?.reason, "prev_hash_mismatch")
  })

  it("the hash is SHA-256 over exactly the bytes `hashedBytes` names, header included", () => {
    for (const row of rows.slice(0, 20)) {
      assert.strictEqual(Chain.hashOf(row), createHash("sha256").update(Chain.hashedBytes(row)).digest("hex"))
      assert.strictEqual(Chain.hashedBytes(row).toString("utf8"), `${row.prevHash}\n${Chain.header(row)}\n${row.body}`)
      assert.deepStrictEqual(JSON.parse(Chain.header(row)), [
        "madoguchi-custody-v1",
        row.cityCode,
        row.seq,
        row.id,
        row.kind,
        row.occurredAt,
        row.occurredOn,
        row.recordedAt,
        row.recordedBy
      ])
    }
  })

  it("the genesis differs per city; an empty ledger verifies and anchors at seq 0", () => {
    assert.notStrictEqual(Chain.genesis("102059"), Chain.genesis("132101"))
    const empty = Chain.verify(city, [], {
      anchors: [{ seq: 0, hash: Chain.genesis(city), source: "stored" }],
      head: { seq: 0, hash: Chain.genesis(city) }
    })
    assert.deepStrictEqual(empty, {
      ok: true,
      entries: 0,
      headSeq: 0,
      headHash: Chain.genesis(city),
      anchorsChecked: 1
    })
    const wrongGenesis = Chain.verify(city, [], {
      anchors: [{ seq: 0, hash: Chain.genesis("131016"), source: "stored" }]
    })
    assert.strictEqual(wrongGenesis.firstBrokenAt?.reason, "anchor_mismatch")
  })

  it("anchors print for the daily report and read back", () => {
    const anchor: Chain.Anchor = { date: "2026-04-01", seq: 42, hash: rows[41]!.hash, source: "stored" }
    const text = Chain.formatAnchor(city, anchor)
    assert.match(text, /^102059 2026-04-01 #42 [0-9a-f]{8}( [0-9a-f]{8}){7}$/)
    const copied = `2026-04-01:42:${text.split(" ").slice(3).join(" ")}`
    assert.deepStrictEqual(Chain.parseAnchor(copied), {
      date: "2026-04-01",
      seq: 42,
      hash: anchor.hash,
      source: "external"
    })
    assert.deepStrictEqual(Chain.parseAnchor(`42:${anchor.hash.toUpperCase()}`), {
      seq: 42,
      hash: anchor.hash,
      source: "external"
    })
    assert.isUndefined(Chain.parseAnchor("42:abc"))
    assert.isUndefined(Chain.parseAnchor("2026-04-01:x:" + anchor.hash))
  })

  it("reads an anchor as printed on the daily report, with or without the city code and date", () => {
    const anchor: Chain.Anchor = { date: "2026-04-01", seq: 12, hash: rows[11]!.hash, source: "stored" }
    const printed = Chain.formatAnchor(city, anchor)
    assert.deepStrictEqual(Chain.parseAnchor(printed), {
      date: "2026-04-01",
      seq: 12,
      hash: anchor.hash,
      source: "external",
      cityCode: city
    })
    // The hash in one piece, as the brief of issue 6 writes it.
    assert.deepStrictEqual(Chain.parseAnchor(`${city} 2026-04-01 #12 ${anchor.hash}`), Chain.parseAnchor(printed))
    // Typed by hand from paper: full-width digits and spaces, extra spaces, upper case.
    const typed = `  ${printed.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/ /g, "\u3000 ")}  `
    assert.deepStrictEqual(Chain.parseAnchor(typed.toUpperCase()), Chain.parseAnchor(printed))
    assert.deepStrictEqual(Chain.parseAnchor(`2026-04-01 #12 ${anchor.hash}`), {
      date: "2026-04-01",
      seq: 12,
      hash: anchor.hash,
      source: "external"
    })
    assert.deepStrictEqual(Chain.parseAnchor(Chain.formatAnchor(city, { ...anchor, date: undefined })), {
      seq: 12,
      hash: anchor.hash,
      source: "external",
      cityCode: city
    })
    // A printed anchor needs its "#"; a short hash, a wrong date or a 7-digit code are not anchors.
    assert.isUndefined(Chain.parseAnchor(`${city} 2026-04-01 12 ${anchor.hash}`))
    assert.isUndefined(Chain.parseAnchor(`${city} 2026-04-01 #12 ${anchor.hash.slice(1)}`))
    assert.isUndefined(Chain.parseAnchor(`${city} 2026-02-30 #12 ${anchor.hash}`))
    assert.isUndefined(Chain.parseAnchor(`2026-02-30:12:${anchor.hash}`))
    assert.isUndefined(Chain.parseAnchor(`1020591 2026-04-01 #12 ${anchor.hash}`))
    assert.isUndefined(Chain.parseAnchor(`${city} 2026-04-01 #1234567890123456 ${anchor.hash}`))
  })
})
