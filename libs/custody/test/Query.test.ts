/**
 * Reading the ledger back as the screens do: the city's custody settings, the item list filtered by
 * holder and batch number and paged by its sort key, entries paged both ways, and malformed selectors
 * (an id that is not a UUID, a sequence number beyond any ledger, an unknown place, an anchor copied
 * from another city's report) answered as "not found" or an input problem, never a database error.
 */
import { assert } from "@effect/vitest"
import { Decode, Profile } from "@madoguchi/domain"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Layer } from "effect"
import * as Chain from "../src/Chain.ts"
import { AnchorOfAnotherCity, Custody, CustodyEventNotFound, CustodyItemNotFound } from "../src/Custody.ts"
import type { EventInput } from "../src/Event.ts"
import { cursorOf, type ItemCursor, type ItemState } from "../src/Item.ts"
import { cityStaff, clerk, clerk2, operator, profiles } from "./fixtures.ts"

const custodyLayer = Layer.fresh(Custody.layer).pipe(Layer.provide(Profile.layerStatic(Object.values(profiles))))

const withCustody = <A, E, R>(f: (custody: Custody["Service"]) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    return yield* f(yield* Custody)
  }).pipe(Effect.provide(custodyLayer))

/** A box of `n` cards received by `to`: one entry registering n + 1 items (ties on the entry's seq). */
const delivery = (
  box: string,
  n: number,
  to: { readonly name: string; readonly organization: "contractor" } = clerk
): EventInput => ({
  kind: "received",
  from: cityStaff,
  to,
  place: "backoffice",
  newItems: [
    { kind: "batch", reference: box, declaredCount: n },
    ...Array.from({ length: n }, (_, i) => ({
      kind: "card" as const,
      reference: `${box}-C${i}`,
      batch: { reference: box }
    }))
  ]
})

const ids = (items: ReadonlyArray<ItemState>) => items.map((i) => i.id)

describeStorage("Custody queries", (it) => {
  it.effect("settings: the profile's custody section with the city code, place names and disposal policy", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const koganei = yield* custody.settings("koganei")
        assert.strictEqual(koganei.cityCode, profiles.koganei.cityCode)
        assert.deepInclude(koganei.places[0], { id: "venue", name: { ja: "出張交付会場", en: "Outreach venue" } })
        assert.notInclude(koganei.itemKinds, "card")
        assert.deepInclude(koganei.disposal, { requiresApproval: true, approverRoles: ["city_staff"] })
        const kanazawa = yield* custody.settings("kanazawa")
        assert.isFalse(kanazawa.disposal.requiresApproval)
        assert.deepStrictEqual(kanazawa.disposal.methods, [
          "shredding",
          "dissolution",
          "data_erasure",
          "physical_destruction"
        ])
      })
    )
  )

  it.effect("pages through a long list by its sort key: no gap, no repeat, whatever the random ids", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        // 12 entries of 10 items each: within an entry the ids are random, so an id cursor would skip.
        for (let b = 0; b < 12; b++) yield* custody.record("kawanishi", delivery(`PG-${b}`, 9), operator)
        const all = yield* custody.items("kawanishi", {})
        assert.strictEqual(all.length, 120)
        const paged: Array<ItemState> = []
        let after: ItemCursor | undefined
        for (let pages = 0; pages < 100; pages++) {
          const page = yield* custody.items("kawanishi", { limit: 7, after })
          paged.push(...page)
          if (page.length < 7) break
          after = cursorOf(page[page.length - 1]!)
        }
        assert.deepStrictEqual(ids(paged), ids(all))
        assert.strictEqual(new Set(ids(paged)).size, 120)
        // The order is the sort key: by the registering entry, then by id.
        for (let i = 1; i < all.length; i++) {
          const [a, b] = [all[i - 1]!, all[i]!]
          assert.isTrue(a.createdSeq < b.createdSeq || (a.createdSeq === b.createdSeq && a.id < b.id))
        }
        // Filters page the same way.
        const cards: Array<ItemState> = []
        after = undefined
        for (;;) {
          const page = yield* custody.items("kawanishi", { kind: "card", limit: 25, after })
          cards.push(...page)
          if (page.length < 25) break
          after = cursorOf(page[page.length - 1]!)
        }
        assert.strictEqual(cards.length, 108)
        assert.deepStrictEqual(ids(cards), ids(all.filter((i) => i.kind === "card")))
      })
    )
  )

  it.effect("filters by holder (part of the name; spaces, case and full-width forms ignored) and by batch number", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        yield* custody.record("ota", delivery("HB-1", 2, clerk), operator)
        yield* custody.record("ota", delivery("HB-2", 3, clerk2), operator)
        yield* custody.record(
          "ota",
          {
            kind: "handed_over",
            from: clerk2,
            to: { name: "TANAKA Mie", organization: "contractor" },
            items: [{ kind: "card", reference: "HB-2-C0" }]
          },
          operator
        )
        const refs = (items: ReadonlyArray<ItemState>) => items.map((i) => i.reference).sort()
        assert.deepStrictEqual(refs(yield* custody.items("ota", { kind: "card", holder: "鈴木" })), [
          "HB-2-C1",
          "HB-2-C2"
        ])
        // 「佐藤　一郎」 typed with a full-width space; the ledger has 「佐藤 一郎」.
        assert.deepStrictEqual(refs(yield* custody.items("ota", { kind: "card", holder: "佐藤\u3000一郎" })), [
          "HB-1-C0",
          "HB-1-C1"
        ])
        assert.deepStrictEqual(refs(yield* custody.items("ota", { holder: "ｔａｎａｋａmie" })), ["HB-2-C0"])
        assert.deepStrictEqual(yield* custody.items("ota", { holder: "高橋" }), [])
        assert.deepStrictEqual(refs(yield* custody.items("ota", { batchReference: "HB-2" })), [
          "HB-2-C0",
          "HB-2-C1",
          "HB-2-C2"
        ])
        assert.deepStrictEqual(refs(yield* custody.items("ota", { batchReference: "HB-2", holder: "鈴木 次郎" })), [
          "HB-2-C1",
          "HB-2-C2"
        ])
        assert.deepStrictEqual(yield* custody.items("ota", { batchReference: "HB-404" }), [])
        assert.deepStrictEqual(yield* custody.items("ota", { batchId: "HB-2" }), [])
        const place = yield* Effect.flip(custody.items("ota", { place: "basement" }))
        assert.instanceOf(place, Decode.DecodeError)
        assert.strictEqual((place as Decode.DecodeError).problems[0]!.path, "place")
        assert.match((place as Decode.DecodeError).problems[0]!.en, /cabinet, backoffice/)
      })
    )
  )

  it.effect("entries come in bounded pages with a cursor, oldest or newest first", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        for (let i = 0; i < 7; i++) {
          yield* custody.record(
            "kanazawa",
            {
              kind: "received",
              from: cityStaff,
              to: clerk,
              place: "cabinet",
              newItems: [{ kind: "application_form", reference: `EP-${i}`, quantity: 2 }]
            },
            operator
          )
        }
        const everything = (yield* custody.entries("kanazawa", { limit: 1000 })).entries.map((e) => e.seq)
        assert.strictEqual(everything.length, 7)
        const walk = (order: "asc" | "desc") =>
          Effect.gen(function* () {
            const seen: Array<number> = []
            let after: number | undefined
            for (let pages = 0; pages < 10; pages++) {
              const page = yield* custody.entries("kanazawa", { limit: 3, order, after })
              seen.push(...page.entries.map((e) => e.seq))
              if (page.next === undefined) break
              assert.strictEqual(page.entries.length, 3)
              after = page.next
            }
            return seen
          })
        assert.deepStrictEqual(yield* walk("asc"), everything)
        assert.deepStrictEqual(yield* walk("desc"), [...everything].reverse())
        const last = yield* custody.entries("kanazawa", { limit: 7 })
        assert.isUndefined(last.next, "no next page when everything fitted")
        const capped = yield* custody.entries("kanazawa", { limit: 1_000_000 })
        assert.strictEqual(capped.entries.length, 7)
      })
    )
  )

  it.effect("malformed selectors are 'not found', never a database error; another city's anchor is refused", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const notUuid = yield* Effect.flip(custody.item("ota", { id: "not-a-uuid" }))
        assert.instanceOf(notUuid, CustodyItemNotFound)
        const hugeSeq = yield* Effect.flip(custody.entry("ota", "99999999999999999999"))
        assert.instanceOf(hugeSeq, CustodyEventNotFound)
        const receipt = yield* Effect.flip(custody.receipt("ota", "'; drop table custody_event; --"))
        assert.instanceOf(receipt, CustodyEventNotFound)

        const head = yield* custody.verify("ota")
        const printed = Chain.formatAnchor(profiles.ota.cityCode, {
          date: "2026-04-01",
          seq: head.headSeq,
          hash: head.headHash,
          source: "stored"
        })
        const own = Chain.parseAnchor(printed)!
        assert.isTrue((yield* custody.verify("ota", { anchors: [own] })).ok)
        const foreign = yield* Effect.flip(custody.verify("kawanishi", { anchors: [own] }))
        assert.instanceOf(foreign, AnchorOfAnotherCity)
        assert.match((foreign as AnchorOfAnotherCity).ja, new RegExp(`${profiles.ota.cityCode}`))
      })
    )
  )
})
