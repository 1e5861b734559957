import { AuditLog, Database } from "@madoguchi/db"
import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeApp } from "../src/App.ts"
import { ensureDemoAccounts } from "../src/Auth.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api") })
  await runtime.runPromise(ensureDemoAccounts)
  app = makeApp(runtime, { demo: false })
})
afterAll(() => runtime.dispose())

const json = async (res: Response) => (await res.json()) as Record<string, never>

describe("api foundation", () => {
  it("health reports version, database kind and migration state", async () => {
    const res = await app.request("/api/v1/health")
    assert.strictEqual(res.status, 200)
    const body = (await res.json()) as {
      database: { kind: string }
      migrations: { current: boolean; pending: Array<string> }
      cities: Array<string>
      version: string
    }
    assert.strictEqual(body.database.kind, "pglite")
    assert.isTrue(body.migrations.current)
    assert.deepStrictEqual(body.migrations.pending, [])
    assert.includeMembers(body.cities, ["ota", "kawanishi", "kanazawa", "koganei"])
    assert.match(body.version, /^\d+\.\d+\.\d+/)
  })

  it("lists the cities and finds one by slug or city code", async () => {
    const list = (await json(await app.request("/api/v1/cities"))) as unknown as { cities: Array<{ slug: string }> }
    assert.strictEqual(list.cities.length >= 4, true)
    const byCode = (await json(await app.request("/api/v1/cities/282171"))) as unknown as { slug: string }
    assert.strictEqual(byCode.slug, "kawanishi")
  })

  it("answers unknown cities and endpoints with the error shape", async () => {
    const res = await app.request("/api/v1/cities/atlantis")
    assert.strictEqual(res.status, 404)
    const body = (await res.json()) as { error: { code: string; ja: string; en: string } }
    assert.strictEqual(body.error.code, "CITY_NOT_FOUND")
    assert.match(body.error.ja, /atlantis/)
    const missing = await app.request("/api/v1/nope")
    assert.strictEqual(missing.status, 404)
    assert.strictEqual(((await missing.json()) as { error: { code: string } }).error.code, "NOT_FOUND")
  })

  it("signs staff in and out; bad credentials and bad bodies get clear errors", async () => {
    const bad = await app.request("/api/v1/auth/login", {
      method: "POST",
      body: JSON.stringify({ city: "kawanishi", login: "demo", password: "wrong" })
    })
    assert.strictEqual(bad.status, 401)
    assert.strictEqual(((await bad.json()) as { error: { code: string } }).error.code, "LOGIN_FAILED")

    const malformed = await app.request("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ city: 1 }) })
    assert.strictEqual(malformed.status, 400)
    const problem = (await malformed.json()) as {
      error: { code: string; path: string; problems: Array<{ path: string }> }
    }
    assert.strictEqual(problem.error.code, "INVALID_INPUT")
    assert.deepStrictEqual(problem.error.problems.map((p) => p.path).sort(), ["city", "login", "password"])

    const notJson = await app.request("/api/v1/auth/login", { method: "POST", body: "{" })
    assert.strictEqual(notJson.status, 400)

    const ok = await app.request("/api/v1/auth/login", {
      method: "POST",
      body: JSON.stringify({ city: "kawanishi", login: "demo", password: "demo" })
    })
    assert.strictEqual(ok.status, 200)
    const { token } = (await ok.json()) as { token: string }
    const me = await app.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })
    assert.strictEqual(me.status, 200)
    assert.strictEqual(((await me.json()) as { staff: { login: string } }).staff.login, "demo")
    await app.request("/api/v1/auth/logout", { method: "POST", headers: { authorization: `Bearer ${token}` } })
    const after = await app.request("/api/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })
    assert.strictEqual(after.status, 401)
  })

  it("records staff changes in the audit log, without bodies", async () => {
    const ok = await app.request("/api/v1/auth/login", {
      method: "POST",
      body: JSON.stringify({ city: "ota", login: "demo", password: "demo" })
    })
    const { token, staff } = (await ok.json()) as { token: string; staff: { id: string; cityCode: string } }
    await app.request("/api/v1/auth/logout", { method: "POST", headers: { authorization: `Bearer ${token}` } })
    const entries = await runtime.runPromise(AuditLog.recent(staff.cityCode, 10))
    const entry = entries.find((e) => e.action === "POST /api/v1/auth/logout")
    assert.isDefined(entry)
    assert.strictEqual(entry!.actor, staff.id)
    assert.notInclude(JSON.stringify(entry!.detail), token)
  })

  it("serves an OpenAPI document listing the routes", async () => {
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    assert.strictEqual(doc.openapi, "3.1.0")
    assert.property(doc.paths, "/api/v1/health")
    assert.property(doc.paths, "/api/v1/cities/{city}")
  })

  it("keeps the database it was given", async () => {
    const kind = await runtime.runPromise(Database.Database.use((db) => Effect.succeed(db.info.kind)))
    assert.strictEqual(kind, "pglite")
  })
})
