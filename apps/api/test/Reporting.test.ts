import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import ExcelJS from "exceljs"
import iconv from "iconv-lite"
import { makeApp } from "../src/App.ts"
import { ensureDemoAccounts } from "../src/Auth.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>
let token: string

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api-reporting") })
  await runtime.runPromise(ensureDemoAccounts)
  app = makeApp(runtime, { demo: false })
  const login = await app.request("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ city: "kawanishi", login: "demo", password: "demo" })
  })
  token = ((await login.json()) as { token: string }).token
})
afterAll(() => runtime.dispose())

const auth = () => ({ authorization: `Bearer ${token}` })
const post = (path: string, body: unknown) =>
  app.request(`/api/v1${path}`, { method: "POST", headers: auth(), body: JSON.stringify(body) })

const visit = (sourceId: string, procedure = "card_issuance") => ({
  kind: "counter_visit",
  site: "special",
  date: "2026-10-14",
  key: { source: "manual", sourceId },
  procedure,
  channel: "reservation",
  outcome: "done",
  waitingMinutes: 12,
  serviceMinutes: 9
})

describe("reporting routes", () => {
  it("records an activity once (201, then 200 duplicate); a different one under its key is 409", async () => {
    const first = await post("/cities/kawanishi/activities", visit("api-1"))
    assert.strictEqual(first.status, 201)
    assert.strictEqual(((await first.json()) as { status: string }).status, "recorded")
    const again = await post("/cities/kawanishi/activities", visit("api-1"))
    assert.strictEqual(again.status, 200)
    assert.strictEqual(((await again.json()) as { status: string }).status, "duplicate")
    const conflict = await post("/cities/kawanishi/activities", visit("api-1", "cert_renewal"))
    assert.strictEqual(conflict.status, 409)
    assert.strictEqual(((await conflict.json()) as { error: { code: string } }).error.code, "ACTIVITY_SOURCE_CONFLICT")
    await post("/cities/kawanishi/activities", visit("api-2", "cert_renewal"))
    await post("/cities/kawanishi/activities", {
      kind: "phone_call",
      site: "backoffice",
      date: "2026-10-14",
      key: { source: "manual", sourceId: "api-call-1" },
      category: "required_documents",
      content: "代理人の持ち物について",
      answer: "委任状と代理人の本人確認書類を案内",
      transferred: false
    })
  })

  it("refuses bad activities with every problem and its path; requires a session", async () => {
    const bad = await post("/cities/kawanishi/activities", {
      ...visit("api-bad"),
      outcome: "refused",
      date: "2026-02-30"
    })
    assert.strictEqual(bad.status, 400)
    const body = (await bad.json()) as { error: { code: string; problems: Array<{ path: string }> } }
    assert.strictEqual(body.error.code, "INVALID_INPUT")
    assert.include(
      body.error.problems.map((p) => p.path),
      "date"
    )
    const anonymous = await app.request("/api/v1/cities/kawanishi/activities", {
      method: "POST",
      body: JSON.stringify(visit("api-anon"))
    })
    assert.strictEqual(anonymous.status, 401)
  })

  it("serves the daily report as JSON, Shift_JIS CSV, XLSX and HTML", async () => {
    const json = await app.request("/api/v1/cities/kawanishi/reports/daily/2026-10-14", { headers: auth() })
    assert.strictEqual(json.status, 200)
    const report = (await json.json()) as {
      due: string
      sections: Array<{ id: string; total?: number; calls?: Array<{ answer: string }> }>
    }
    assert.strictEqual(report.due, "2026-10-15")
    assert.strictEqual(report.sections.find((s) => s.id === "reception")!.total, 2)
    assert.strictEqual(
      report.sections.find((s) => s.id === "phone")!.calls![0]!.answer,
      "委任状と代理人の本人確認書類を案内"
    )

    const csv = await app.request("/api/v1/cities/kawanishi/reports/daily/2026-10-14?format=csv&encoding=shift_jis", {
      headers: auth()
    })
    assert.strictEqual(csv.headers.get("content-type"), "text/csv; charset=Shift_JIS")
    assert.match(csv.headers.get("content-disposition") ?? "", /kawanishi_daily_2026-10-14\.csv/)
    const text = iconv.decode(Buffer.from(await csv.arrayBuffer()), "cp932")
    assert.include(text, "■ 受付件数")

    const xlsx = await app.request("/api/v1/cities/kawanishi/reports/daily/2026-10-14?format=xlsx", { headers: auth() })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer)
    assert.isAbove(workbook.worksheets.length, 2)

    const html = await app.request("/api/v1/cities/kawanishi/reports/daily/2026-10-14?format=html", { headers: auth() })
    assert.match(html.headers.get("content-type") ?? "", /text\/html/)
    assert.include(await html.text(), "<svg")
  })

  it("submits a closed day once; a correction needs a reason; the due list shows it", async () => {
    const submit = (reason?: string) =>
      post("/cities/kawanishi/reports/submissions", {
        period: "day",
        date: "2026-10-14",
        ...(reason ? { reason } : {})
      })
    const first = await submit()
    assert.strictEqual(first.status, 201)
    assert.strictEqual(((await first.json()) as { version: number }).version, 1)
    const again = await submit()
    assert.strictEqual(again.status, 409)
    assert.strictEqual(((await again.json()) as { error: { code: string } }).error.code, "REPORT_ALREADY_SUBMITTED")
    const corrected = await submit("電話1件の分類を訂正")
    assert.strictEqual(((await corrected.json()) as { version: number }).version, 2)
    const due = await app.request("/api/v1/cities/kawanishi/reports/due?since=2026-10-13", { headers: auth() })
    const items = ((await due.json()) as { items: Array<{ form: string; period: { key: string }; state: string }> })
      .items
    assert.strictEqual(items.find((i) => i.form === "daily" && i.period.key === "2026-10-14")!.state, "submitted")
    assert.strictEqual(items.find((i) => i.form === "daily" && i.period.key === "2026-10-13")!.state, "overdue")
  })

  it("answers a report the profile does not declare with 404 and the reason", async () => {
    const res = await app.request("/api/v1/cities/kawanishi/reports/completion", { headers: auth() })
    assert.strictEqual(res.status, 404)
    assert.strictEqual(((await res.json()) as { error: { code: string } }).error.code, "REPORT_FORM_NOT_FOUND")
  })

  it("sets the monthly analysis against scheduling's capacity plan", async () => {
    const res = await app.request("/api/v1/cities/kawanishi/reports/monthly/2026-10", { headers: auth() })
    const report = (await res.json()) as {
      sections: Array<{
        kind: string
        volumes?: { total: number; capacityVisits: number | null; utilisation: number | null }
      }>
    }
    const analysis = report.sections.find((s) => s.kind === "analysis")!
    assert.isAbove(analysis.volumes!.capacityVisits!, 0)
    assert.strictEqual(analysis.volumes!.total, 2)
    const { total, capacityVisits, utilisation } = analysis.volumes!
    assert.strictEqual(utilisation, Math.round((total / capacityVisits!) * 10_000) / 10_000)
  })
})
