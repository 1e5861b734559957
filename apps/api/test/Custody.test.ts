/**
 * The custody routes in-process, on PGlite and (when configured) PostgreSQL: recording with
 * idempotency, refusals, the reads and documents, the city's settings, malformed input answered with a
 * 4xx naming what was wrong, the holder and batch-number filters, paging by the sort key, and anchors
 * copied from the daily report.
 */
import { backends, type Backend, layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { makeApp } from "../src/App.ts"
import { ensureDemoAccounts } from "../src/Auth.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

for (const backend of backends()) suite(backend)

function suite(backend: Backend) {
  describe(`custody routes [${backend}]`, () => {
    let runtime: AppRuntime
    let app: ReturnType<typeof makeApp>

    beforeAll(async () => {
      runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest(backend, "api-custody") })
      await runtime.runPromise(ensureDemoAccounts)
      // Demo mode: staff routes act as each city's demo manager (contractor_manager).
      app = makeApp(runtime, { demo: true })
    }, 180_000)
    afterAll(() => runtime.dispose())

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`/api/v1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body)
      })

    type Json = Record<string, never>
    const read = async (res: Response) => (await res.json()) as Json

    const cityStaff = { name: "山田 花子", organization: "city", title: "市民課 主事" }
    const clerk = { name: "佐藤 一郎", organization: "contractor" }

    it("records events (201, Idempotency-Key replays 200) and verifies the chain with the public contract", async () => {
      const delivery = {
        kind: "received",
        from: cityStaff,
        to: clerk,
        place: "backoffice",
        newItems: [
          { kind: "batch", reference: "API-BOX-1", declaredCount: 2 },
          { kind: "card", reference: "API-C-1", batch: { reference: "API-BOX-1" } },
          { kind: "card", reference: "API-C-2", batch: { reference: "API-BOX-1" } }
        ]
      }
      const first = await post("/cities/ota/custody/events", delivery, { "idempotency-key": "api-1" })
      assert.strictEqual(first.status, 201)
      const entry = (await read(first)) as unknown as { id: string; seq: number; hash: string; recordedBy: string }
      assert.strictEqual(entry.seq, 1)
      assert.strictEqual(entry.recordedBy, "demo")
      const again = await post("/cities/ota/custody/events", delivery, { "idempotency-key": "api-1" })
      assert.strictEqual(again.status, 200)
      assert.strictEqual(((await read(again)) as unknown as { id: string }).id, entry.id)

      const verify = await app.request("/api/v1/cities/ota/custody/verify")
      assert.strictEqual(verify.status, 200)
      const result = (await read(verify)) as unknown as { ok: boolean; entries: number; firstBrokenAt?: unknown }
      assert.isTrue(result.ok)
      assert.strictEqual(result.entries, 1)
      assert.notProperty(result, "firstBrokenAt")

      const forged = await app.request(`/api/v1/cities/ota/custody/verify?anchor=1:${"0".repeat(64)}`)
      const broken = (await read(forged)) as unknown as { ok: boolean; firstBrokenAt: { seq: number; reason: string } }
      assert.isFalse(broken.ok)
      assert.deepInclude(broken.firstBrokenAt, { seq: 1, reason: "anchor_mismatch" })
      const badAnchor = await app.request("/api/v1/cities/ota/custody/verify?anchor=yesterday")
      assert.strictEqual(badAnchor.status, 400)
    })

    it("refuses contradictions with 409 and every problem in ja and en; bad bodies with 400 and the path", async () => {
      const refused = await post("/cities/ota/custody/events", {
        kind: "issued",
        by: clerk,
        items: [
          { kind: "card", reference: "API-C-1" },
          { kind: "card", reference: "API-C-404" }
        ]
      })
      assert.strictEqual(refused.status, 409)
      const body = (await read(refused)) as unknown as {
        error: { code: string; ja: string; en: string; problems: Array<{ code: string }> }
      }
      assert.strictEqual(body.error.code, "CUSTODY_EVENT_REFUSED")
      assert.deepStrictEqual(body.error.problems.map((p) => p.code).sort(), ["ITEM_NOT_FOUND", "SETUP_REQUIRED"])
      assert.match(body.error.ja, /交付前設定/)
      const approval = await post("/cities/ota/custody/events", {
        kind: "disposal_approved",
        approver: cityStaff,
        items: [{ kind: "card", reference: "API-C-2" }],
        witnessRequired: false
      })
      assert.strictEqual(approval.status, 409)
      assert.match(((await read(approval)) as unknown as { error: { en: string } }).error.en, /city_staff/)
      const invalid = await post("/cities/ota/custody/events", {
        kind: "received",
        from: cityStaff,
        to: clerk,
        place: "backoffice",
        newItems: [{ kind: "card", reference: "123456789012" }]
      })
      assert.strictEqual(invalid.status, 400)
      const problem = (await read(invalid)) as unknown as { error: { code: string; path: string } }
      assert.strictEqual(problem.error.code, "INVALID_INPUT")
      assert.strictEqual(problem.error.path, "newItems[0].reference")
      assert.strictEqual((await post("/cities/ota/custody/events", "{not json")).status, 400)
    })

    it("serves items, the 台帳 (CSV, XLSX), the 預り証 and the certificate, deadlines and reconciliation", async () => {
      const items = (await read(
        await app.request("/api/v1/cities/ota/custody/items?kind=card&status=held")
      )) as unknown as {
        items: Array<{ reference: string }>
      }
      assert.deepStrictEqual(items.items.map((i) => i.reference).sort(), ["API-C-1", "API-C-2"])
      const csv = await app.request("/api/v1/cities/ota/custody/ledger?format=csv")
      assert.strictEqual(csv.headers.get("content-type"), "text/csv; charset=utf-8")
      assert.include(await csv.text(), "API-C-2")
      const xlsx = await app.request("/api/v1/cities/ota/custody/ledger?format=xlsx")
      assert.match(xlsx.headers.get("content-disposition") ?? "", /custody-ledger-ota\.xlsx/)
      assert.strictEqual(new Uint8Array(await xlsx.arrayBuffer())[0], 0x50) // "PK": a zip
      const receipt = await app.request("/api/v1/cities/ota/custody/receipts/1")
      assert.strictEqual(receipt.headers.get("content-type"), "text/html; charset=utf-8")
      assert.include(await receipt.text(), "預り証")
      const certificate = await app.request("/api/v1/cities/ota/custody/certificate?contractor=API")
      assert.include(await certificate.text(), "廃棄・消去証明書")
      const deadlines = (await read(
        await app.request("/api/v1/cities/ota/custody/deadlines?today=2027-04-01")
      )) as unknown as {
        overdue: number
        lines: Array<{ rule: string; state: string }>
      }
      assert.strictEqual(deadlines.overdue, 2) // both cards are still held after the contract's end
      const batch = (await read(
        await app.request("/api/v1/cities/ota/custody/reconciliation/batches/API-BOX-1")
      )) as unknown as { registered: number; inStock: number; balanced: boolean }
      assert.deepInclude(batch, { registered: 2, inStock: 2, balanced: true })
      const anchor = await app.request("/api/v1/cities/ota/custody/anchors/2026-13-01")
      assert.strictEqual(anchor.status, 400)
    })

    it("serves the city's custody settings: places with their names, kinds in use, disposal policy", async () => {
      const res = await app.request("/api/v1/cities/koganei/custody/settings")
      assert.strictEqual(res.status, 200)
      const settings = (await read(res)) as unknown as {
        cityCode: string
        itemKinds: Array<string>
        places: Array<{ id: string; name: { ja: string; en: string }; kind: string; site?: string }>
        disposal: { requiresApproval: boolean; approverRoles: Array<string>; witness: string; methods: Array<string> }
      }
      assert.strictEqual(settings.cityCode, "132101")
      assert.deepInclude(settings.places, {
        id: "case",
        name: { ja: "施錠ケース(会場)", en: "Locked case (at the venue)" },
        kind: "storage",
        site: "outreach"
      })
      assert.notInclude(settings.itemKinds, "card")
      assert.deepStrictEqual(settings.disposal.methods, [
        "shredding",
        "dissolution",
        "physical_destruction",
        "data_erasure"
      ])
      assert.deepInclude(settings.disposal, { requiresApproval: true, witness: "on_request" })
    })

    it("answers malformed path and query input with a 4xx naming what was wrong, never a 500", async () => {
      const cases: ReadonlyArray<readonly [string, number, string, string?]> = [
        ["items/not-a-uuid", 404, "CUSTODY_ITEM_NOT_FOUND"],
        ["items/00000000-0000-4000-8000-000000000000", 404, "CUSTODY_ITEM_NOT_FOUND"],
        ["items?batch=BOX-1", 400, "INVALID_INPUT", "batch"],
        ["items?kind=spaceship", 400, "INVALID_INPUT", "kind"],
        ["items?status=lost", 400, "INVALID_INPUT", "status"],
        ["items?place=Cabinet", 400, "INVALID_INPUT", "place"],
        ["items?place=basement", 400, "INVALID_INPUT", "place"],
        ["items?limit=-1", 400, "INVALID_INPUT", "limit"],
        ["items?limit=0", 400, "INVALID_INPUT", "limit"],
        ["items?limit=abc", 400, "INVALID_INPUT", "limit"],
        ["items?limit=5000", 400, "INVALID_INPUT", "limit"],
        ["items?after=3f2b", 400, "INVALID_INPUT", "after"],
        ["items?reference=123456789012", 400, "INVALID_INPUT", "reference"],
        ["items?inCustody=yes", 400, "INVALID_INPUT", "inCustody"],
        [`items?holder=${"x".repeat(61)}`, 400, "INVALID_INPUT", "holder"],
        ["entries?from=2026-02-30", 400, "INVALID_INPUT", "from"],
        ["entries?from=yesterday", 400, "INVALID_INPUT", "from"],
        ["entries?from=2026-04-02&to=2026-04-01", 400, "INVALID_INPUT", "to"],
        ["entries?kind=teleported", 400, "INVALID_INPUT", "kind"],
        ["entries?limit=-5", 400, "INVALID_INPUT", "limit"],
        ["entries?limit=1001", 400, "INVALID_INPUT", "limit"],
        ["entries?after=-1", 400, "INVALID_INPUT", "after"],
        ["entries?after=1.5", 400, "INVALID_INPUT", "after"],
        ["entries?order=sideways", 400, "INVALID_INPUT", "order"],
        ["verify?anchor=yesterday", 400, "INVALID_INPUT", "anchor[0]"],
        ["anchors/2026-13-01", 400, "INVALID_INPUT", "date"],
        ["anchors/today", 400, "INVALID_INPUT", "date"],
        ["deadlines?today=2026-04-31", 400, "INVALID_INPUT", "today"],
        ["reconciliation/batches/..%2F..", 400, "INVALID_INPUT", "reference"],
        ["reconciliation/batches/NO-SUCH-BOX", 404, "CUSTODY_ITEM_NOT_FOUND"],
        ["reconciliation/days/2026-04-00", 400, "INVALID_INPUT", "date"],
        ["ledger?format=pdf", 400, "INVALID_INPUT", "format"],
        ["ledger?from=2026-05-01&to=2026-04-01&format=csv", 400, "INVALID_INPUT", "to"],
        ["ledger?kind=spaceship&format=csv", 400, "INVALID_INPUT", "kind"],
        ["receipts/not-an-event", 404, "CUSTODY_EVENT_NOT_FOUND"],
        ["receipts/99999999999999999999", 404, "CUSTODY_EVENT_NOT_FOUND"],
        ["certificate?to=2026-13-01", 400, "INVALID_INPUT", "to"],
        [`certificate?contractor=${"株".repeat(101)}`, 400, "INVALID_INPUT", "contractor"]
      ]
      for (const [path, status, code, at] of cases) {
        const res = await app.request(`/api/v1/cities/ota/custody/${path}`)
        assert.strictEqual(res.status, status, path)
        const body = (await read(res)) as unknown as { error: { code: string; ja: string; en: string; path?: string } }
        assert.strictEqual(body.error.code, code, path)
        assert.isNotEmpty(body.error.ja, path)
        assert.isNotEmpty(body.error.en, path)
        if (at !== undefined) assert.strictEqual(body.error.path, at, path)
      }
      const badKey = await post("/cities/ota/custody/events", {}, { "idempotency-key": "has spaces in it" })
      assert.strictEqual(badKey.status, 400)
      assert.strictEqual(((await read(badKey)) as unknown as { error: { path: string } }).error.path, "Idempotency-Key")
    })

    it("filters items by holder and batch number, and pages a long list by its sort key without gaps or repeats", async () => {
      const cards = Array.from({ length: 45 }, (_, i) => `PG-C-${i}`)
      const box = await post("/cities/kawanishi/custody/events", {
        kind: "received",
        from: cityStaff,
        to: clerk,
        place: "backoffice",
        newItems: [
          { kind: "batch", reference: "PG-BOX", declaredCount: cards.length },
          ...cards.map((reference) => ({ kind: "card", reference, batch: { reference: "PG-BOX" } }))
        ]
      })
      assert.strictEqual(box.status, 201)
      const handed = await post("/cities/kawanishi/custody/events", {
        kind: "handed_over",
        from: clerk,
        to: { name: "鈴木 次郎", organization: "contractor" },
        items: cards.slice(0, 3).map((reference) => ({ kind: "card", reference }))
      })
      assert.strictEqual(handed.status, 201)
      for (let i = 0; i < 3; i++) {
        const more = await post("/cities/kawanishi/custody/events", {
          kind: "received",
          from: cityStaff,
          to: clerk,
          place: "cabinet",
          newItems: [{ kind: "application_form", reference: `PG-A-${i}`, quantity: 3 }]
        })
        assert.strictEqual(more.status, 201)
      }

      type Page = { items: Array<{ id: string; reference: string }>; next?: string }
      const list = async (q: string) =>
        (await read(await app.request(`/api/v1/cities/kawanishi/custody/items?${q}`))) as unknown as Page
      const references = (page: Page) => page.items.map((i) => i.reference).sort()
      assert.deepStrictEqual(references(await list("holder=%E3%80%80%E9%88%B4%E6%9C%A8")), [
        "PG-C-0",
        "PG-C-1",
        "PG-C-2"
      ])
      assert.strictEqual((await list("batchReference=PG-BOX&limit=1000")).items.length, 45)
      assert.deepStrictEqual(
        references(await list("batchReference=PG-BOX&holder=%E9%88%B4%E6%9C%A8%E6%AC%A1%E9%83%8E")),
        ["PG-C-0", "PG-C-1", "PG-C-2"]
      )

      const all = await list("limit=1000")
      assert.isUndefined(all.next)
      assert.strictEqual(all.items.length, 49)
      const seen: Array<string> = []
      let after: string | undefined
      for (let pages = 0; pages < 20; pages++) {
        const page = await list(`limit=4${after ? `&after=${encodeURIComponent(after)}` : ""}`)
        seen.push(...page.items.map((i) => i.id))
        if (!page.next) break
        assert.strictEqual(page.items.length, 4)
        after = page.next
      }
      assert.deepStrictEqual(
        seen,
        all.items.map((i) => i.id)
      )

      type Entries = { entries: Array<{ seq: number }>; next?: number }
      const entries = async (q: string) =>
        (await read(await app.request(`/api/v1/cities/kawanishi/custody/entries?${q}`))) as unknown as Entries
      const first = await entries("limit=2&order=desc")
      assert.deepStrictEqual(
        first.entries.map((e) => e.seq),
        [5, 4]
      )
      assert.strictEqual(first.next, 4)
      const rest = await entries(`limit=10&order=desc&after=${first.next}`)
      assert.deepStrictEqual(
        rest.entries.map((e) => e.seq),
        [3, 2, 1]
      )
      assert.isUndefined(rest.next)
      assert.deepStrictEqual(
        (await entries("kind=handed_over&kind=received&limit=1")).entries.map((e) => e.seq),
        [1]
      )
    })

    it("checks the city's copy of an anchor as printed on the daily report, and refuses another city's", async () => {
      const anchor = (await read(
        await app.request("/api/v1/cities/kawanishi/custody/anchors/2099-01-01")
      )) as unknown as {
        text: string
        seq: number
      }
      assert.match(anchor.text, /^282171 2099-01-01 #\d+ [0-9a-f]{8}( [0-9a-f]{8}){7}$/)
      const verify = async (city: string, text: string) =>
        app.request(`/api/v1/cities/${city}/custody/verify?anchor=${encodeURIComponent(text)}`)
      const ok = (await read(await verify("kawanishi", anchor.text))) as unknown as {
        ok: boolean
        anchorsChecked: number
      }
      assert.isTrue(ok.ok)
      const forged = anchor.text.slice(0, -1) + (anchor.text.endsWith("0") ? "1" : "0")
      const broken = (await read(await verify("kawanishi", forged))) as unknown as {
        ok: boolean
        firstBrokenAt: { reason: string }
      }
      assert.isFalse(broken.ok)
      assert.strictEqual(broken.firstBrokenAt.reason, "anchor_mismatch")
      const foreign = await verify("ota", anchor.text)
      assert.strictEqual(foreign.status, 400)
      const error = ((await read(foreign)) as unknown as { error: { code: string; ja: string } }).error
      assert.strictEqual(error.code, "ANCHOR_OF_ANOTHER_CITY")
      assert.include(error.ja, "282171")
    })
  })
}
