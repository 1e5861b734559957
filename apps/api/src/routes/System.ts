/** Health, the cities served and their profiles. */
import { Migrations } from "@madoguchi/db"
import { Database } from "@madoguchi/db/Database"
import { Profile } from "@madoguchi/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { type AppEnv, run } from "../Http.ts"
import * as OpenApi from "../OpenApi.ts"
import { version } from "../Version.ts"

OpenApi.describe("GET", "/health", {
  summary: "稼働状況 / health: version, database kind and location, migration state, cities",
  tag: "system"
})
OpenApi.describe("GET", "/cities", { summary: "市の一覧 / the cities served, with sites and contract", tag: "system" })
OpenApi.describe("GET", "/cities/:city", {
  summary: "市のプロファイル概要 / one city by slug or 全国地方公共団体コード",
  tag: "system",
  statuses: [404]
})

const summary = (p: Profile.CityProfile) => ({
  slug: p.slug,
  cityCode: p.cityCode,
  name: p.name,
  prefecture: p.prefecture,
  effectiveFrom: p.effectiveFrom,
  contract: p.contract,
  sites: p.sites
})

export const systemRoutes = new Hono<AppEnv>()
  .get("/health", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const database = yield* Database
        const status = yield* Migrations.status()
        const cities = yield* (yield* Profile.Profiles).all
        return {
          status: "ok" as const,
          version,
          database: { kind: database.info.kind, location: database.info.location, reachable: true },
          migrations: {
            applied: status.applied.length,
            pending: status.pending,
            current: status.pending.length === 0,
            latest: status.applied.at(-1) ?? null
          },
          cities: cities.map((p) => p.slug),
          demo: c.var.demo
        }
      })
    )
  )
  .get("/cities", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const cities = yield* (yield* Profile.Profiles).all
        return { cities: cities.map(summary) }
      })
    )
  )
  .get("/cities/:city", (c) =>
    run(
      c,
      Effect.gen(function* () {
        return summary(yield* (yield* Profile.Profiles).get(c.req.param("city")))
      })
    )
  )
