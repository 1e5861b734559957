import { randomBytes } from "node:crypto"
import { assert } from "@effect/vitest"
import { ActivityLog, Profile } from "@madoguchi/domain"
import { Database, DbError } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Clock, Effect, Exit, Layer } from "effect"
import ExcelJS from "exceljs"
import { sql } from "kysely"
import * as Chain from "../src/Chain.ts"
import { Custody, grantApplicationRole, IdempotencyKeyReused } from "../src/Custody.ts"
import type { EventInput } from "../src/Event.ts"
import { unitsByStatus } from "../src/Item.ts"
import { SessionCalendar } from "../src/SessionCalendar.ts"
import { CustodyEventRefused } from "../src/Transition.ts"
import {
  cityActor,
  cityStaff,
  cityStaff2,
  clerk,
  clerk2,
  manager,
  managerActor,
  operator,
  profiles
} from "./fixtures.ts"

const OTA = profiles.ota.cityCode
const KAWANISHI = profiles.kawanishi.cityCode

const koganeiSessions = [
  "2025-10-01",
  "2025-10-08",
  "2025-10-11",
  "2025-10-15",
  "2025-10-22",
  "2025-10-26",
  "2025-10-29"
]

const custodyLayer = Layer.fresh(Custody.layer).pipe(
  Layer.provide(Profile.layerStatic(Object.values(profiles))),
  Layer.provide(SessionCalendar.layerDates({ [profiles.koganei.cityCode]: koganeiSessions }))
)

/** Run with the custody service (and an in-memory activity log) over the suite's database. */
const withCustody = <A, E>(f: (custody: Custody["Service"]) => Effect.Effect<A, E, Database.Database>) =>
  Effect.gen(function* () {
    const custody = yield* Custody
    return yield* f(custody)
  }).pipe(Effect.provide(custodyLayer))

/** A clock that reads `iso` now and runs on from there (for entries recorded on past days). */
const at =
  (iso: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.gen(function* () {
      const live = yield* Clock.Clock
      const offset = Date.parse(iso) - live.currentTimeMillisUnsafe()
      const shifted: Clock.Clock = {
        currentTimeMillisUnsafe: () => live.currentTimeMillisUnsafe() + offset,
        currentTimeMillis: Effect.sync(() => live.currentTimeMillisUnsafe() + offset),
        currentTimeNanosUnsafe: () => live.currentTimeNanosUnsafe() + BigInt(offset) * 1_000_000n,
        currentTimeNanos: Effect.sync(() => live.currentTimeNanosUnsafe() + BigInt(offset) * 1_000_000n),
        monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
        monotonicTimeNanos: live.monotonicTimeNanos,
        sleep: (d) => live.sleep(d)
      }
      return yield* Effect.provideService(effect, Clock.Clock, shifted)
    })

const count = (table: "custody_event" | "custody_item" | "custody_event_item", city: string) =>
  Effect.flatMap(Database.Database, (db) =>
    db.use((k) =>
      k
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("city_code", "=", city)
        .executeTakeFirstOrThrow()
    )
  ).pipe(Effect.map((r) => Number(r.n)))

const reasonOf = <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  Effect.flip(effect).pipe(
    Effect.map((e) => (e instanceof DbError.DbError ? e.reason._tag : `not a DbError: ${String(e)}`))
  )

const refusedCodes = <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  Effect.flip(effect).pipe(
    Effect.map((e) =>
      e instanceof CustodyEventRefused ? [...new Set(e.problems.map((p) => p.code))].sort() : [`${e}`]
    )
  )

const delivery = (box: string, cards: ReadonlyArray<string>, occurredAt?: string): EventInput => ({
  kind: "received",
  ...(occurredAt ? { occurredAt } : {}),
  from: cityStaff,
  to: clerk,
  place: "backoffice",
  newItems: [
    { kind: "batch", reference: box, declaredCount: cards.length },
    ...cards.map((reference) => ({ kind: "card" as const, reference, batch: { reference: box } }))
  ]
})

describeStorage("Custody", (it, backend) => {
  it.effect("records Ota's back office: delivery, setup, storage, issuance; items, history and the chain", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const before = yield* custody.verify("ota")
        const received = yield* custody.record(
          "ota",
          delivery("OTA-BOX-1", ["OTA-C-1", "OTA-C-2", "OTA-C-3"]),
          operator
        )
        assert.isTrue(received.created)
        assert.strictEqual(received.entry.seq, before.headSeq + 1)
        const cards = [1, 2, 3].map((i) => ({ kind: "card" as const, reference: `OTA-C-${i}` }))
        yield* custody.record("ota", { kind: "setup_done", by: clerk, items: cards }, operator)
        yield* custody.record("ota", { kind: "stored", by: clerk, place: "cabinet", items: cards }, operator)
        yield* custody.record("ota", { kind: "moved", by: clerk, place: "counter", items: [cards[0]!] }, operator)
        const issued = yield* custody.record("ota", { kind: "issued", by: clerk2, items: [cards[0]!] }, operator)
        assert.strictEqual(issued.entry.body.items?.[0]?.moves[0]?.place, "counter")

        const held = yield* custody.items("ota", { kind: "card", status: "held" })
        assert.deepStrictEqual(
          held
            .map((i) => i.reference ?? "")
            .filter((r) => r.startsWith("OTA-C-"))
            .sort(),
          ["OTA-C-2", "OTA-C-3"]
        )
        const atCabinet = yield* custody.items("ota", { place: "cabinet", inCustody: true })
        assert.isTrue(atCabinet.some((i) => i.reference === "OTA-C-2"))
        const detail = yield* custody.item("ota", { kind: "card", reference: "OTA-C-1" })
        assert.deepStrictEqual(unitsByStatus(detail.item), { issued: 1 })
        assert.strictEqual(detail.batch?.reference, "OTA-BOX-1")
        assert.deepStrictEqual(
          detail.history.map((e) => e.kind),
          ["received", "setup_done", "stored", "moved", "issued"]
        )
        const result = yield* custody.verify(OTA)
        assert.isTrue(result.ok)
        assert.strictEqual(result.entries, before.entries + 5)
        assert.strictEqual(result.headHash, issued.entry.hash)
      })
    )
  )

  it.effect("a refused event writes nothing: no entry, no item change, no head move", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        yield* custody.record("kawanishi", delivery("KW-BOX-R", ["KW-R-1", "KW-R-2"]), operator)
        const events = yield* count("custody_event", KAWANISHI)
        const items = yield* count("custody_item", KAWANISHI)
        const index = yield* count("custody_event_item", KAWANISHI)
        const head = (yield* custody.verify("kawanishi")).headHash
        const before = yield* custody.item("kawanishi", { kind: "card", reference: "KW-R-1" })
        // KW-R-1 could be handed over, KW-R-2 is unknown: the whole event is refused.
        const codes = yield* refusedCodes(
          custody.record(
            "kawanishi",
            {
              kind: "handed_over",
              from: clerk,
              to: clerk2,
              items: [
                { kind: "card", reference: "KW-R-1" },
                { kind: "card", reference: "KW-R-9" }
              ]
            },
            operator
          )
        )
        assert.deepStrictEqual(codes, ["ITEM_NOT_FOUND"])
        // Registering new items alongside a contradiction registers none of them.
        assert.deepStrictEqual(
          yield* refusedCodes(
            custody.record(
              "kawanishi",
              {
                kind: "received",
                from: cityStaff,
                to: clerk,
                place: "backoffice",
                newItems: [{ kind: "card", reference: "KW-R-3" }],
                items: [{ kind: "card", reference: "KW-R-1" }]
              },
              operator
            )
          ),
          ["WRONG_STATUS"]
        )
        assert.strictEqual(yield* count("custody_event", KAWANISHI), events)
        assert.strictEqual(yield* count("custody_item", KAWANISHI), items)
        assert.strictEqual(yield* count("custody_event_item", KAWANISHI), index)
        assert.strictEqual((yield* custody.verify("kawanishi")).headHash, head)
        assert.deepStrictEqual(
          (yield* custody.item("kawanishi", { kind: "card", reference: "KW-R-1" })).item,
          before.item
        )
        const error = yield* Effect.flip(
          custody.record(
            "kawanishi",
            { kind: "issued", by: clerk, items: [{ kind: "card", reference: "KW-R-1" }] },
            operator
          )
        )
        assert.instanceOf(error, CustodyEventRefused)
        assert.match((error as CustodyEventRefused).ja, /交付前設定/)
        assert.match((error as CustodyEventRefused).en, /pre-issuance setup/)
      })
    )
  )

  it.effect("an idempotency key returns the first entry; reused for another event it is refused", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const input = delivery("KW-BOX-I", ["KW-I-1"])
        const first = yield* custody.record("kawanishi", input, operator, { idempotencyKey: "req-1" })
        const again = yield* custody.record("kawanishi", input, operator, { idempotencyKey: "req-1" })
        assert.isTrue(first.created)
        assert.isFalse(again.created)
        assert.strictEqual(again.entry.id, first.entry.id)
        assert.strictEqual(again.entry.hash, first.entry.hash)
        const other = yield* Effect.flip(
          custody.record("kawanishi", delivery("KW-BOX-J", ["KW-J-1"]), operator, { idempotencyKey: "req-1" })
        )
        assert.instanceOf(other, IdempotencyKeyReused)
      })
    )
  )

  it.effect("8 concurrent writers never fork or break the chain; racing contradictions let exactly one through", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const before = yield* custody.verify("kawanishi")
        const writers = 8
        const perWriter = 12
        yield* Effect.forEach(
          Array.from({ length: writers }, (_, w) => w),
          (w) =>
            Effect.forEach(
              Array.from({ length: perWriter }, (_, i) => i),
              (i) =>
                custody.record(
                  "kawanishi",
                  {
                    kind: "received",
                    from: cityStaff,
                    to: clerk,
                    place: "backoffice",
                    newItems: [{ kind: "application_form", reference: `KW-W${w}-${i}`, quantity: 3 }]
                  },
                  operator
                ),
              { discard: true }
            ),
          { concurrency: "unbounded", discard: true }
        )
        const after = yield* custody.verify("kawanishi")
        assert.isTrue(after.ok, after.firstBrokenAt?.en)
        assert.strictEqual(after.entries, before.entries + writers * perWriter)
        const db = yield* Database.Database
        const links = yield* db.use((k) =>
          k
            .selectFrom("custody_event")
            .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("prev_hash").distinct().as("prev")])
            .where("city_code", "=", KAWANISHI)
            .executeTakeFirstOrThrow()
        )
        assert.strictEqual(Number(links.n), Number(links.prev))

        // Eight clerks try to issue the same card at once: one succeeds, seven are refused.
        yield* custody.record("kawanishi", delivery("KW-BOX-RACE", ["KW-RACE-1"]), operator)
        yield* custody.record(
          "kawanishi",
          { kind: "setup_done", by: clerk, items: [{ kind: "card", reference: "KW-RACE-1" }] },
          operator
        )
        const exits = yield* Effect.forEach(
          Array.from({ length: 8 }, (_, i) => i),
          () =>
            Effect.exit(
              custody.record(
                "kawanishi",
                { kind: "issued", by: clerk, items: [{ kind: "card", reference: "KW-RACE-1" }] },
                operator
              )
            ),
          { concurrency: "unbounded" }
        )
        assert.strictEqual(exits.filter(Exit.isSuccess).length, 1)
        assert.strictEqual(exits.filter(Exit.isFailure).length, 7)
        assert.isTrue((yield* custody.verify("kawanishi")).ok)
      })
    )
  )

  it.effect("a card issued with `counter` is counted once in the activity log", () =>
    Effect.gen(function* () {
      const memory = yield* ActivityLog.makeMemory
      const layer = Layer.fresh(Custody.layer).pipe(
        Layer.provide(Profile.layerStatic(Object.values(profiles))),
        Layer.provide(Layer.succeed(ActivityLog.ActivityLog, memory.service))
      )
      yield* Effect.gen(function* () {
        const custody = yield* Custody
        yield* custody.record("ota", delivery("OTA-BOX-A", ["OTA-A-1"]), operator)
        yield* custody.record(
          "ota",
          { kind: "setup_done", by: clerk, items: [{ kind: "card", reference: "OTA-A-1" }] },
          operator
        )
        const issued = yield* custody.record(
          "ota",
          {
            kind: "issued",
            by: clerk,
            items: [{ kind: "card", reference: "OTA-A-1" }],
            counter: { site: "honcho", channel: "reservation" }
          },
          operator
        )
        const entries = yield* memory.entries
        assert.strictEqual(entries.length, 1)
        assert.deepInclude(entries[0]!.activity, {
          kind: "counter_visit",
          cityCode: OTA,
          site: "honcho",
          procedure: "card_issuance",
          outcome: "done",
          channel: "reservation"
        })
        assert.strictEqual(entries[0]!.activity.key.sourceId, `${issued.entry.id}/${issued.entry.body.items![0]!.id}`)
        assert.deepStrictEqual(
          yield* refusedCodes(
            custody.record(
              "ota",
              {
                kind: "issued",
                by: clerk,
                items: [{ kind: "card", reference: "OTA-A-1" }],
                counter: { site: "nowhere", channel: "walk_in" }
              },
              operator
            )
          ),
          ["UNKNOWN_SITE", "WRONG_STATUS"]
        )
      }).pipe(Effect.provide(layer))
    })
  )

  it.effect("daily anchors: a closed day is stored and checked; a wrong copy held by the city is a broken link", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        // Kanazawa's entries of 2026-03-02 and 03-03, recorded on those days.
        yield* at("2026-03-02T01:00:00.000Z")(
          custody.record(
            "kanazawa",
            {
              kind: "received",
              from: cityStaff,
              to: clerk,
              place: "cabinet",
              newItems: [{ kind: "lent_material", reference: "KZ-L-1", description: "窓口マニュアル(市貸与)" }]
            },
            operator
          )
        )
        const second = yield* at("2026-03-03T01:00:00.000Z")(
          custody.record(
            "kanazawa",
            { kind: "moved", by: clerk, place: "counter", items: [{ kind: "lent_material", reference: "KZ-L-1" }] },
            operator
          )
        )
        const anchor = yield* custody.anchor("kanazawa", "2026-03-02")
        assert.isTrue(anchor.final)
        assert.strictEqual(anchor.seq, second.entry.seq - 1)
        assert.isUndefined(anchor.storedMismatch)
        assert.match(anchor.text, /^172014 2026-03-02 #\d+ /)
        const provisional = yield* custody.anchor("kanazawa", "2099-01-01")
        assert.isFalse(provisional.final)
        const ok = yield* custody.verify("kanazawa", {
          anchors: [{ date: "2026-03-02", seq: anchor.seq, hash: anchor.hash, source: "external" }]
        })
        assert.isTrue(ok.ok)
        assert.strictEqual(ok.anchorsChecked, 2)
        const wrong = yield* custody.verify("kanazawa", {
          anchors: [{ date: "2026-03-02", seq: anchor.seq, hash: "0".repeat(64), source: "external" }]
        })
        assert.deepInclude(wrong.firstBrokenAt, { seq: anchor.seq, reason: "anchor_mismatch" })
        assert.match(wrong.firstBrokenAt!.ja, /市の控え/)
      })
    )
  )

  it.effect("deadlines: Koganei's Sunday documents are due at the next session; the list names what and where", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        yield* at("2025-10-26T05:00:00.000Z")(
          custody.record(
            "koganei",
            {
              kind: "received",
              from: { organization: "resident" },
              to: clerk,
              place: "venue",
              newItems: [
                { kind: "pin_setting_request", reference: "KG-P-1026", quantity: 21 },
                { kind: "issuance_notice", reference: "KG-N-1026", quantity: 21 }
              ]
            },
            operator
          )
        )
        yield* at("2025-10-29T01:00:00.000Z")(
          custody.record(
            "koganei",
            {
              kind: "received",
              from: { organization: "resident" },
              to: clerk2,
              place: "venue",
              newItems: [{ kind: "pin_setting_request", reference: "KG-P-1029", quantity: 25 }]
            },
            operator
          )
        )
        yield* at("2025-10-29T05:00:00.000Z")(
          custody.record(
            "koganei",
            {
              kind: "transferred_to_city",
              from: clerk,
              to: cityStaff,
              items: [{ kind: "issuance_notice", reference: "KG-N-1026" }]
            },
            operator
          )
        )
        const report = yield* custody.deadlines("koganei", "2025-10-30")
        const line = (ref: string) =>
          report.lines.find((l) => l.reference === ref && l.rule === "outreach_documents_to_city")
        assert.deepInclude(line("KG-P-1026"), {
          state: "overdue",
          dueOn: "2025-10-29",
          daysLate: 1,
          places: ["venue"],
          holders: [clerk.name]
        })
        assert.deepInclude(line("KG-P-1029"), { state: "overdue", dueOn: "2025-10-29" })
        assert.isUndefined(line("KG-N-1026"))
        assert.strictEqual(report.overdue, 2)
        const earlier = yield* custody.deadlines("koganei", "2025-10-28")
        assert.deepInclude(
          earlier.lines.find((l) => l.reference === "KG-P-1026" && l.rule === "outreach_documents_to_city"),
          { state: "open" }
        )
        // Without a session calendar the same item is undetermined.
        const bare = yield* Effect.gen(function* () {
          const c = yield* Custody
          return yield* c.deadlines("koganei", "2025-10-30")
        }).pipe(
          Effect.provide(Layer.fresh(Custody.layer).pipe(Layer.provide(Profile.layerStatic(Object.values(profiles)))))
        )
        assert.strictEqual(
          bare.lines.find((l) => l.reference === "KG-P-1026" && l.rule === "outreach_documents_to_city")?.state,
          "undetermined"
        )
      })
    )
  )

  it.effect("reconciliation per batch and per day adds up, and names the discrepancies", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const day = "2026-05-11"
        yield* at(`${day}T00:30:00.000Z`)(
          custody.record(
            "ota",
            {
              kind: "received",
              from: cityStaff,
              to: clerk,
              place: "backoffice",
              newItems: [
                { kind: "batch", reference: "OTA-BOX-Q", declaredCount: 5 },
                ...["OTA-Q-1", "OTA-Q-2", "OTA-Q-3", "OTA-Q-4"].map((reference) => ({
                  kind: "card" as const,
                  reference,
                  batch: { reference: "OTA-BOX-Q" }
                }))
              ]
            },
            operator
          )
        )
        const q = (i: number) => ({ kind: "card" as const, reference: `OTA-Q-${i}` })
        yield* at(`${day}T01:00:00.000Z`)(
          custody.record("ota", { kind: "setup_done", by: clerk, items: [q(1), q(2)] }, operator)
        )
        yield* at(`${day}T02:00:00.000Z`)(custody.record("ota", { kind: "issued", by: clerk, items: [q(1)] }, operator))
        yield* at(`${day}T03:00:00.000Z`)(
          custody.record("ota", { kind: "transferred_to_city", from: clerk, to: cityStaff, items: [q(2)] }, operator)
        )
        yield* at(`${day}T04:00:00.000Z`)(
          custody.record(
            "ota",
            { kind: "reported_missing", by: clerk, items: [q(4)], note: "保管庫で所在不明、捜索中" },
            operator
          )
        )
        yield* at(`${day}T05:00:00.000Z`)(
          custody.record(
            "ota",
            { kind: "counted", by: clerk, place: "backoffice", counts: [{ kind: "card", count: 2 }] },
            operator
          )
        )
        const batch = yield* custody.reconcileBatch("ota", { reference: "OTA-BOX-Q" })
        assert.deepInclude(batch, {
          declaredCount: 5,
          registered: 4,
          issued: 1,
          inStock: 1,
          returned: 0,
          disposed: 0,
          handedBack: 1,
          missing: 1,
          balanced: false
        })
        assert.deepStrictEqual(
          batch.discrepancies.map((d) => d.code),
          ["DECLARED_MISMATCH", "MISSING_UNITS"]
        )
        const daily = yield* custody.reconcileDay("ota", day)
        const cards = daily.flows.find((f) => f.kind === "card")!
        assert.deepInclude(cards, { opening: 0, received: 4, issued: 1, handedBack: 1, missing: 1, closing: 1 })
        assert.deepStrictEqual(
          daily.counts.map((c) => [c.kind, c.counted, c.expected, c.difference]),
          [["card", 2, 1, 1]]
        )
        assert.deepStrictEqual(
          daily.discrepancies.map((d) => d.code),
          ["COUNT_MISMATCH", "MISSING_UNITS"]
        )
        assert.deepInclude(daily.cohort, {
          registered: 4,
          issued: 1,
          inStock: 1,
          handedBack: 1,
          missing: 1,
          balanced: true
        })

        // The items table is a projection: altered behind the ledger's back, reconciliation says so.
        const db = yield* Database.Database
        yield* db.use((k) =>
          k
            .updateTable("custody_item")
            .set({ holdings: JSON.stringify([{ status: "held", place: "cabinet", holder: clerk.name, count: 1 }]) })
            .where("city_code", "=", OTA)
            .where("reference", "=", "OTA-Q-4")
            .execute()
        )
        const altered = yield* custody.reconcileBatch("ota", { reference: "OTA-BOX-Q" })
        assert.isTrue(altered.discrepancies.some((d) => d.code === "PROJECTION_MISMATCH"))
      })
    )
  )

  it.effect("the 台帳 exports as CSV and XLSX; receipts and the certificate print what happened", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const media = { kind: "storage_media" as const, reference: "KW-PC-1" }
        yield* custody.record(
          "kawanishi",
          {
            kind: "received",
            from: cityStaff,
            to: clerk,
            place: "cabinet",
            newItems: [
              { ...media, description: "受託者PC(予約システム用)" },
              { kind: "lent_material", reference: "KW-L-1", description: "事務処理要領 1冊" }
            ]
          },
          operator
        )
        const handedBack = yield* custody.record(
          "kawanishi",
          {
            kind: "transferred_to_city",
            from: clerk,
            to: cityStaff,
            items: [{ kind: "lent_material", reference: "KW-L-1" }]
          },
          operator
        )
        yield* custody.record(
          "kawanishi",
          {
            kind: "disposal_requested",
            by: manager,
            items: [media],
            method: "data_erasure",
            plannedOn: "2028-03-31",
            reason: "履行期間終了後、PC内部に個人情報を残さないため(1.5(5))"
          },
          managerActor
        )
        yield* custody.record(
          "kawanishi",
          { kind: "disposal_approved", approver: cityStaff, items: [media], witnessRequired: true },
          cityActor
        )
        yield* custody.record(
          "kawanishi",
          { kind: "disposal_done", by: manager, items: [media], method: "data_erasure", witness: cityStaff2 },
          managerActor
        )

        const csv = yield* custody.exportLedger("kawanishi", { format: "csv" })
        const text = csv.body as string
        assert.isTrue(text.startsWith("\ufeff連番,日時,区分,品目,管理番号"))
        assert.include(text, "事務処理要領 1冊")
        assert.include(text, "市へ引渡し")
        assert.include(text, "廃棄・消去")
        assert.include(text, "\r\n")

        const lent = (yield* custody.exportLedger("kawanishi", { format: "csv", itemKinds: ["lent_material"] }))
          .body as string
        assert.include(lent, "事務処理要領 1冊")
        assert.notInclude(lent, "KW-PC-1")
        assert.strictEqual(lent.trim().split("\r\n").length, 1 + 2) // registered, handed back

        const xlsx = yield* custody.exportLedger("kawanishi", { format: "xlsx" })
        const book = new ExcelJS.Workbook()
        yield* Effect.promise(() => book.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer))
        const sheet = book.getWorksheet("台帳")!
        assert.strictEqual(sheet.getRow(2).getCell(1).value, "連番")
        const refs = sheet.getColumn(5).values.filter((v) => typeof v === "string")
        assert.include(refs, "KW-PC-1")
        assert.include(refs, "KW-L-1")
        assert.strictEqual(book.getWorksheet("検証")!.getRow(3).getCell(2).value, "正常(改ざんなし)")

        const receipt = yield* custody.receipt("kawanishi", handedBack.entry.id)
        assert.include(receipt, "<h1>預り証</h1>")
        assert.include(receipt, "事務処理要領 1冊")
        assert.include(receipt, `${cityStaff.name}(${cityStaff.title})`)
        assert.include(receipt, `${clerk.name}(${clerk.title})`)
        assert.include(receipt, handedBack.entry.hash)
        assert.include(receipt, "@page { size: A4")
        const bySeq = yield* custody.receipt("kawanishi", String(handedBack.entry.seq))
        assert.strictEqual(bySeq, receipt)
        const notHandover = yield* Effect.flip(custody.receipt("kawanishi", String(handedBack.entry.seq + 1)))
        assert.strictEqual(notHandover._tag, "NotAHandover")

        const certificate = yield* custody.certificate("kawanishi", { contractor: "株式会社窓口サービス" })
        assert.include(certificate, "個人情報等の廃棄・消去証明書")
        assert.include(certificate, "データ消去")
        assert.include(certificate, "受託者PC(予約システム用)")
        assert.include(certificate, `${cityStaff2.name}`)
        assert.match(certificate, /承認 #\d+/)
        assert.include(certificate, "株式会社窓口サービス")
        // Kawanishi still holds delivered cards from other tests: the certificate says so.
        assert.include(certificate, "未処理の個人情報等が")
        assert.include(certificate, "台帳の検証: 正常")
      })
    )
  )

  it.effect("the ledger is append-only for everyone (trigger, on PGlite too)", () =>
    Effect.gen(function* () {
      const db = yield* Database.Database
      for (const table of ["custody_event", "custody_event_item", "custody_anchor", "custody_idempotency"] as const) {
        assert.strictEqual(
          yield* reasonOf(db.use((k) => sql`update ${sql.table(table)} set city_code = city_code`.execute(k))),
          "RaisedException"
        )
        assert.strictEqual(
          yield* reasonOf(db.use((k) => sql`delete from ${sql.table(table)}`.execute(k))),
          "RaisedException"
        )
        assert.strictEqual(
          // cascade: custody_event is referenced by the item index, whose own trigger refuses too
          yield* reasonOf(db.use((k) => sql`truncate ${sql.table(table)} cascade`.execute(k))),
          "RaisedException"
        )
      }
      assert.isAbove(yield* count("custody_event", OTA), 0)
    })
  )

  if (backend === "postgres") {
    it.effect("the application role may read and append the ledger but never UPDATE, DELETE or TRUNCATE it", () =>
      Effect.gen(function* () {
        const db = yield* Database.Database
        const role = `custody_app_${randomBytes(4).toString("hex")}`
        const schema = yield* db.use((k) => sql<{ s: string }>`select current_schema() as s`.execute(k))
        yield* Effect.acquireRelease(
          db
            .use(async (k) => {
              await sql`create role ${sql.id(role)} nologin`.execute(k)
              await sql`grant usage on schema ${sql.id(schema.rows[0]!.s)} to ${sql.id(role)}`.execute(k)
            })
            .pipe(Effect.andThen(grantApplicationRole(role))),
          () =>
            db
              .use(async (k) => {
                await sql`drop owned by ${sql.id(role)}`.execute(k)
                await sql`drop role ${sql.id(role)}`.execute(k)
              })
              .pipe(Effect.ignore)
        )
        const asApp = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
          db.withTransaction(
            Effect.andThen(
              db.use((k) => sql`set local role ${sql.id(role)}`.execute(k)),
              effect
            )
          )
        for (const table of ["custody_event", "custody_event_item", "custody_anchor", "custody_idempotency"] as const) {
          assert.strictEqual(
            yield* reasonOf(asApp(db.use((k) => sql`update ${sql.table(table)} set city_code = city_code`.execute(k)))),
            "InsufficientPrivilege"
          )
          assert.strictEqual(
            yield* reasonOf(asApp(db.use((k) => sql`delete from ${sql.table(table)}`.execute(k)))),
            "InsufficientPrivilege"
          )
          assert.strictEqual(
            yield* reasonOf(asApp(db.use((k) => sql`truncate ${sql.table(table)}`.execute(k)))),
            "InsufficientPrivilege"
          )
        }
        // Even with the append-only trigger gone, the role cannot rewrite history.
        yield* db.use((k) => sql`alter table custody_event disable trigger custody_event_append_only`.execute(k))
        const withoutTrigger = yield* reasonOf(
          asApp(db.use((k) => sql`update custody_event set recorded_by = 'forged'`.execute(k)))
        )
        yield* db.use((k) => sql`alter table custody_event enable trigger custody_event_append_only`.execute(k))
        assert.strictEqual(withoutTrigger, "InsufficientPrivilege")
        // What the application does need works under the role.
        const recorded = yield* asApp(
          withCustody((custody) => custody.record("ota", delivery("OTA-BOX-ROLE", ["OTA-ROLE-1"]), operator))
        )
        const asRole = yield* asApp(db.use((k) => sql<{ r: string }>`select current_user as r`.execute(k)))
        assert.strictEqual(asRole.rows[0]!.r, role)
        const stored = yield* withCustody((custody) => custody.entry("ota", recorded.entry.id))
        assert.strictEqual(stored.hash, recorded.entry.hash)
        assert.isTrue((yield* withCustody((custody) => custody.verify("ota"))).ok)
      })
    )
  }
})

describeStorage("Custody tampering at the SQL level", (it) => {
  const city = "kanazawa"
  const code = profiles.kanazawa.cityCode

  it.effect("edits, deletions, swaps and re-hashed suffixes made behind the trigger are all detected", () =>
    withCustody((custody) =>
      Effect.gen(function* () {
        const db = yield* Database.Database
        for (let i = 0; i < 20; i++) {
          yield* custody.record(
            city,
            {
              kind: "received",
              from: cityStaff,
              to: clerk,
              place: "cabinet",
              newItems: [{ kind: "application_form", reference: `KZ-T-${i}`, quantity: 2 }]
            },
            operator
          )
        }
        const head = yield* custody.verify(city)
        assert.isTrue(head.ok)
        const anchor: Chain.Anchor = { seq: head.headSeq, hash: head.headHash, source: "external" }
        const original = yield* db.use((k) =>
          k.selectFrom("custody_event").selectAll().where("city_code", "=", code).orderBy("seq").execute()
        )
        const originalHead = yield* db.use((k) =>
          k.selectFrom("custody_chain_head").selectAll().where("city_code", "=", code).executeTakeFirstOrThrow()
        )
        const n = original.length
        const unlocked = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
          Effect.acquireUseRelease(
            // As the superuser: the append-only trigger and the foreign keys of the item index are off.
            db.use((k) => sql`alter table custody_event disable trigger all`.execute(k)),
            () => effect,
            () => db.use((k) => sql`alter table custody_event enable trigger all`.execute(k)).pipe(Effect.orDie)
          )
        const restore = unlocked(
          db.use(async (k) => {
            await sql`delete from custody_event where city_code = ${code}`.execute(k)
            await k.insertInto("custody_event").values(original).execute()
            await k
              .updateTable("custody_chain_head")
              .set({ seq: originalHead.seq, hash: originalHead.hash })
              .where("city_code", "=", code)
              .execute()
          })
        )
        const check = (label: string, expectedSeq: number, tamper: Effect.Effect<unknown, unknown, never>) =>
          Effect.gen(function* () {
            yield* unlocked(tamper)
            const result = yield* custody.verify(city, { anchors: [anchor] })
            yield* restore
            assert.isFalse(result.ok, label)
            assert.strictEqual(result.firstBrokenAt?.seq, expectedSeq, `${label}: ${result.firstBrokenAt?.en}`)
            assert.isTrue((yield* custody.verify(city, { anchors: [anchor] })).ok, `${label}: restored`)
          })
        const update = (seq: number, set: Record<string, string>) =>
          db.use((k) =>
            k.updateTable("custody_event").set(set).where("city_code", "=", code).where("seq", "=", seq).execute()
          )

        for (const seq of [1, 7, n]) {
          yield* check(
            `edit body #${seq}`,
            seq,
            update(seq, { body: original[seq - 1]!.body.replace('"quantity":2', '"quantity":1') })
          )
          yield* check(`edit recorded_by #${seq}`, seq, update(seq, { recorded_by: "someone-else" }))
          yield* check(`edit occurred_at #${seq}`, seq, update(seq, { occurred_at: "2020-01-01T00:00:00.000Z" }))
          yield* check(
            `delete #${seq}`,
            seq,
            db.use((k) => k.deleteFrom("custody_event").where("city_code", "=", code).where("seq", "=", seq).execute())
          )
        }
        // Swap the contents of two entries, keeping their numbers.
        const a = original[3]!
        const b = original[11]!
        const { seq: _sa, ...restA } = a
        const { seq: _sb, ...restB } = b
        yield* check(
          "swap #4 and #12",
          4,
          db.use(async (k) => {
            await k
              .updateTable("custody_event")
              .set({ id: randomBytesUuid(), prev_hash: "f".repeat(64) })
              .where("city_code", "=", code)
              .where("seq", "=", 12)
              .execute()
            await k.updateTable("custody_event").set(restB).where("city_code", "=", code).where("seq", "=", 4).execute()
            await k
              .updateTable("custody_event")
              .set(restA)
              .where("city_code", "=", code)
              .where("seq", "=", 12)
              .execute()
          })
        )
        // Rewrite #5 and re-hash everything after it: consistent, but not with the city's anchor.
        yield* check(
          "re-hash from #5",
          n,
          Effect.gen(function* () {
            const rows = original.map((r) => ({
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
            }))
            rows[4] = { ...rows[4]!, body: rows[4]!.body.replace('"quantity":2', '"quantity":1') }
            for (let i = 4; i < rows.length; i++) {
              const row = { ...rows[i]!, prevHash: rows[i - 1]!.hash }
              rows[i] = { ...row, hash: Chain.hashOf(row) }
            }
            yield* db.use(async (k) => {
              await sql`delete from custody_event where city_code = ${code} and seq >= 5`.execute(k)
              for (const r of rows.slice(4)) {
                await k
                  .insertInto("custody_event")
                  .values({
                    city_code: r.cityCode,
                    seq: r.seq,
                    id: r.id,
                    kind: r.kind,
                    occurred_at: r.occurredAt,
                    occurred_on: r.occurredOn,
                    recorded_at: r.recordedAt,
                    recorded_by: r.recordedBy,
                    body: r.body,
                    prev_hash: r.prevHash,
                    hash: r.hash
                  })
                  .execute()
              }
              // The forger moves the head too.
              await k
                .updateTable("custody_chain_head")
                .set({ hash: rows[rows.length - 1]!.hash })
                .where("city_code", "=", code)
                .execute()
            })
            const forged = yield* custody.verify(city)
            assert.isTrue(forged.ok, "without the anchor the forgery is consistent")
          })
        )
      })
    )
  )
})

const randomBytesUuid = () => {
  const h = randomBytes(16).toString("hex")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}
