import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { makeApp } from "../src/App.ts"
import { ensureDemoAccounts } from "../src/Auth.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api-anchor") })
  await runtime.runPromise(ensureDemoAccounts)
  app = makeApp(runtime, { demo: true })
})
afterAll(() => runtime.dispose())

describe("the custody ledger's anchor on the daily report (runtime wiring)", () => {
  it("a daily report carries the day's anchor, the same as custody's own; a monthly report does not", async () => {
    const day = "2026-10-14"
    const custody = (await (await app.request(`/api/v1/cities/kawanishi/custody/anchors/${day}`)).json()) as {
      seq: number
      hash: string
    }
    const report = (await (await app.request(`/api/v1/cities/kawanishi/reports/daily/${day}`)).json()) as {
      ledgerAnchor?: { date: string; seq: number; hash: string; final: boolean }
    }
    assert.deepInclude(report.ledgerAnchor, { date: day, seq: custody.seq, hash: custody.hash, final: true })
    const csv = await (await app.request(`/api/v1/cities/kawanishi/reports/daily/${day}?format=csv`)).text()
    assert.include(csv, `アンカー照合用,${day}:${custody.seq}:${custody.hash}`)
    const monthly = (await (await app.request("/api/v1/cities/kawanishi/reports/monthly/2026-10")).json()) as {
      ledgerAnchor?: unknown
    }
    assert.notProperty(monthly, "ledgerAnchor")
  })
})
