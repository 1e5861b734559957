import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { makeApp } from "../src/App.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api-planning") })
  app = makeApp(runtime)
})
afterAll(() => runtime.dispose())

interface Day {
  date: string
  open: boolean
  closedReason?: string
  sessions: Array<Record<string, string>>
}

describe("planning routes", () => {
  it("GET /cities/{city}/calendar answers the contract's days", async () => {
    const res = await app.request("/api/v1/cities/kawanishi/calendar?from=2026-12-28&to=2027-01-04")
    assert.strictEqual(res.status, 200)
    const { days } = (await res.json()) as { days: Array<Day> }
    assert.strictEqual(days.length, 8)
    assert.deepStrictEqual(days[0], {
      date: "2026-12-28",
      open: true,
      sessions: [{ site: "special", kind: "regular", opens: "09:00", closes: "17:00" }]
    })
    assert.deepStrictEqual(days[1], { date: "2026-12-29", open: false, closedReason: "year_end", sessions: [] })
    assert.isTrue(days[7]!.open)
  })

  it("finds the city by code, and refuses bad or reversed ranges in ja and en", async () => {
    const byCode = await app.request("/api/v1/cities/132101/calendar?from=2026-02-21&to=2026-02-22")
    const { days } = (await byCode.json()) as { days: Array<Day> }
    assert.deepStrictEqual(
      days.map((d) => d.open),
      [true, false]
    )
    const bad = await app.request("/api/v1/cities/kawanishi/calendar?from=2026-13-01&to=2027-01-01")
    assert.strictEqual(bad.status, 400)
    const badBody = (await bad.json()) as { error: { code: string; path: string } }
    assert.strictEqual(badBody.error.code, "INVALID_INPUT")
    assert.strictEqual(badBody.error.path, "from")
    const reversed = await app.request("/api/v1/cities/kawanishi/calendar?from=2027-02-01&to=2027-01-01")
    assert.strictEqual(reversed.status, 400)
    const body = (await reversed.json()) as { error: { code: string; ja: string; en: string } }
    assert.strictEqual(body.error.code, "CALENDAR_RANGE_INVALID")
    assert.include(body.error.ja, "2027-02-01")
    const unknown = await app.request("/api/v1/cities/atlantis/calendar?from=2027-01-01&to=2027-01-02")
    assert.strictEqual(unknown.status, 404)
  })

  it("GET /cities/{city}/capacity-plan answers months, weeks, days and assumptions", async () => {
    const res = await app.request("/api/v1/cities/kawanishi/capacity-plan?from=2026-10&to=2027-03")
    assert.strictEqual(res.status, 200)
    const body = (await res.json()) as {
      months: Array<Record<string, unknown>>
      weeks: Array<unknown>
      days: Array<unknown>
      assumptions: { definitions: Record<string, string> }
    }
    assert.strictEqual(body.months.length, 6)
    assert.deepStrictEqual(Object.keys(body.months[0]!).sort(), [
      "businessDays",
      "capacityVisits",
      "demandVisits",
      "gapVisits",
      "month",
      "phoneLinesRecommended",
      "utilisation",
      "walkInWaitP90Minutes",
      "windowsRecommended"
    ])
    assert.strictEqual(body.months[0]!.month, "2026-10")
    assert.isAbove(body.weeks.length, 20)
    assert.isAbove(body.days.length, 100)
    assert.property(body.assumptions.definitions, "gapVisits")
  })

  it("gives the plan as CSV (months, or one row per session) and refuses a range that is too long", async () => {
    const res = await app.request("/api/v1/cities/kanazawa/capacity-plan?from=2025-09&to=2026-03&format=csv")
    assert.strictEqual(res.status, 200)
    assert.match(res.headers.get("content-type") ?? "", /text\/csv/)
    assert.match(res.headers.get("content-disposition") ?? "", /capacity-plan_kanazawa_2025-09_2026-03\.csv/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    // A BOM first, so that Excel reads UTF-8.
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n")
    assert.strictEqual(
      lines[0],
      "month,businessDays,demandVisits,capacityVisits,gapVisits,windowsRecommended,phoneLinesRecommended,walkInWaitP90Minutes,utilisation"
    )
    assert.strictEqual(lines.length, 8)
    const days = await app.request(
      "/api/v1/cities/kanazawa/capacity-plan?from=2025-09&to=2025-09&format=csv&level=days"
    )
    assert.match((await days.text()).split("\r\n")[0]!, /^date,site,kind/)
    const long = await app.request("/api/v1/cities/kanazawa/capacity-plan?from=2025-01&to=2028-12")
    assert.strictEqual(long.status, 400)
    assert.strictEqual(((await long.json()) as { error: { code: string } }).error.code, "PLAN_RANGE_INVALID")
  })
})
