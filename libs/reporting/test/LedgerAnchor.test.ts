import { assert } from "@effect/vitest"
import { LedgerAnchor, Profile } from "@madoguchi/domain"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Layer, Option, Ref } from "effect"
import ExcelJS from "exceljs"
import iconv from "iconv-lite"
import { ActivityStore } from "../src/ActivityStore.ts"
import * as Render from "../src/Render.ts"
import { Reports } from "../src/Reports.ts"
import { Submissions } from "../src/Submissions.ts"
import { at } from "./clock.ts"
import { loadProfiles, seedMonth } from "./fixtures.ts"

const profiles = Effect.runSync(loadProfiles)
const kawanishi = profiles.find((p) => p.slug === "kawanishi")!
const seeded = seedMonth({ profile: kawanishi, month: "2026-12", counterSite: "special", seed: 7 }).filter(
  (a) => a.date === "2026-12-25"
)

const Base = Reports.layerNoDeps.pipe(
  Layer.provideMerge(Layer.merge(ActivityStore.layer, Submissions.layer)),
  Layer.provideMerge(Profile.layerStatic(profiles))
)

const HASH = "9f3a1b2c".repeat(8)

/** A ledger that knows Kawanishi only, and remembers what it was asked. */
const fakeLedger = (asked: Ref.Ref<ReadonlyArray<string>>) =>
  Layer.succeed(
    LedgerAnchor.LedgerAnchor,
    LedgerAnchor.LedgerAnchor.of({
      daily: (cityCode, date) =>
        Effect.gen(function* () {
          yield* Ref.update(asked, (a) => [...a, `${cityCode} ${date}`])
          if (cityCode !== kawanishi.cityCode) return Option.none()
          return Option.some({
            cityCode,
            date,
            seq: 42,
            hash: HASH,
            final: true,
            text: `${cityCode} ${date} #42 ${HASH.match(/.{8}/g)!.join(" ")}`
          })
        })
    })
  )

const AFTER = "2027-01-15T00:00:00Z"
const DAY = "2026-12-25"

describeStorage("LedgerAnchor on the daily report", (it) => {
  it.effect("without the port, reports are built as before (no anchor)", () =>
    Effect.gen(function* () {
      const log = yield* ActivityStore
      for (const a of seeded) yield* log.record(a)
      const reports = yield* Reports
      const daily = yield* reports.get("kawanishi", { period: "day", date: DAY })
      assert.isUndefined(daily.ledgerAnchor)
      assert.notInclude(Render.toCsvText(daily), "アンカー")
      assert.notInclude(Render.toHtml(daily), "アンカー")
    }).pipe(at(AFTER), Effect.provide(Base))
  )

  it.effect("a daily report prints the day's anchor in JSON, CSV, XLSX and HTML; a monthly one does not", () =>
    Effect.gen(function* () {
      const asked = yield* Ref.make<ReadonlyArray<string>>([])
      const reports = yield* Reports
      const withLedger = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.provide(effect, fakeLedger(asked))

      const daily = yield* withLedger(reports.get("kawanishi", { period: "day", date: DAY }))
      assert.deepStrictEqual(yield* Ref.get(asked), [`${kawanishi.cityCode} ${DAY}`])
      assert.strictEqual(daily.ledgerAnchor?.seq, 42)
      assert.strictEqual(daily.ledgerAnchor?.hash, HASH)

      const json = JSON.parse(Render.toJson(daily)) as { ledgerAnchor: { date: string; seq: number; hash: string } }
      assert.deepStrictEqual([json.ledgerAnchor.date, json.ledgerAnchor.seq, json.ledgerAnchor.hash], [DAY, 42, HASH])

      const csv = Render.toCsvText(daily)
      assert.include(csv, `保管台帳アンカー,${daily.ledgerAnchor!.text}`)
      assert.include(csv, `アンカー照合用,${DAY}:42:${HASH}`)
      assert.include(iconv.decode(Buffer.from(Render.toCsvShiftJis(daily)), "cp932"), `${DAY}:42:${HASH}`)

      const xlsx = yield* Render.toXlsx(daily)
      const book = new ExcelJS.Workbook()
      yield* Effect.promise(() => book.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer))
      const cover = book.worksheets[0]!
      const values: Array<string> = []
      cover.eachRow((row) => values.push(row.values ? String((row.values as Array<unknown>)[2] ?? "") : ""))
      assert.include(values, `${DAY}:42:${HASH}`)

      const html = Render.toHtml(daily)
      assert.include(html, `<td class="anchor">${DAY}:42:${HASH}</td>`)

      const monthly = yield* withLedger(reports.get("kawanishi", { period: "month", month: "2026-12" }))
      assert.isUndefined(monthly.ledgerAnchor)
      assert.strictEqual((yield* Ref.get(asked)).length, 1, "a monthly report does not ask for an anchor")
    }).pipe(at(AFTER), Effect.provide(Base))
  )

  it.effect("a provisional anchor says so; a city without a ledger gets none; a submission keeps its anchor", () =>
    Effect.gen(function* () {
      const asked = yield* Ref.make<ReadonlyArray<string>>([])
      const reports = yield* Reports
      const provisional = LedgerAnchor.LedgerAnchor.of({
        daily: (cityCode, date) =>
          Effect.succeed(Option.some({ cityCode, date, seq: 3, hash: HASH, final: false, text: `#3 ${HASH}` }))
      })
      const open = yield* reports
        .get("kawanishi", { period: "day", date: DAY })
        .pipe(Effect.provideService(LedgerAnchor.LedgerAnchor, provisional))
      assert.include(Render.toCsvText(open), "暫定")

      const ota = yield* reports.get("ota", { period: "day", date: DAY }).pipe(Effect.provide(fakeLedger(asked)))
      assert.isUndefined(ota.ledgerAnchor)

      const submitted = yield* reports
        .submit("kawanishi", { period: "day", date: DAY }, { by: "manager" })
        .pipe(Effect.provide(fakeLedger(asked)))
      assert.strictEqual(submitted.ledgerAnchor?.seq, 42)
      // Read back frozen, without the port: the anchor printed on the submitted report stays.
      const frozen = yield* reports.get("kawanishi", { period: "day", date: DAY })
      assert.strictEqual(frozen.status, "submitted")
      assert.strictEqual(frozen.ledgerAnchor?.hash, HASH)
    }).pipe(at(AFTER), Effect.provide(Base))
  )
})
