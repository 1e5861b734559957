/** `migrate`, `serve` and `doctor`: the commands that run and check the installation itself. */
import { Runtime } from "@madoguchi/api"
import { Database, Migrations, ProfileStore } from "@madoguchi/db"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { json, jsonFlag, reportFailure, table } from "../Output.ts"
import { startServer } from "../Serve.ts"

export const migrate = Command.make(
  "migrate",
  { json: jsonFlag },
  Effect.fn(
    function* ({ json: asJson }) {
      const applied = yield* Migrations.migrateToLatest()
      const status = yield* Migrations.status()
      if (asJson) return yield* json({ applied, current: status.applied })
      yield* Console.log(
        applied.length === 0
          ? `マイグレーションは最新です (${status.applied.length} 件適用済み) / migrations are up to date`
          : `適用しました / applied: ${applied.join(", ")}`
      )
    },
    Effect.provide(Database.layer),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("データベースを最新の構造に更新 / apply pending database migrations"))

export const serve = Command.make(
  "serve",
  {
    port: Flag.Int("port").pipe(
      Flag.withDescription("待ち受けポート (既定: PORT または 3000) / port (default: PORT or 3000)"),
      Flag.optional
    ),
    demo: Flag.Boolean("demo").pipe(
      Flag.withDescription(
        "デモモード: 各市のデモ管理者アカウント(demo/demo)を作り、未ログインの職員操作をそのアカウントで行う / demo mode: demo accounts, staff routes open"
      ),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function* ({ port, demo }) {
    yield* startServer({ port: Option.getOrElse(port, () => Number(process.env.PORT ?? 3000)), demo })
  })
).pipe(Command.withDescription("API とウェブ画面を1つのポートで提供 / serve the API and the web UI on one port"))

interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail: string
}

export const doctor = Command.make(
  "doctor",
  { json: jsonFlag },
  Effect.fn(function* ({ json: asJson }) {
    const checks: Array<Check> = []
    const dir = Runtime.defaultProfilesDir()
    const profiles = yield* Effect.result(ProfileStore.readDirectory(dir))
    checks.push(
      profiles._tag === "Success"
        ? {
            name: "profiles",
            ok: profiles.success.length > 0,
            detail: `${profiles.success.length} (${profiles.success.map((p) => p.profile.slug).join(", ")}) in ${dir}`
          }
        : { name: "profiles", ok: false, detail: profiles.failure.en }
    )
    const db = yield* Effect.result(
      Effect.gen(function* () {
        const database = yield* Database.Database
        const status = yield* Migrations.status()
        return { info: database.info, status }
      }).pipe(Effect.provide(Database.layer))
    )
    if (db._tag === "Success") {
      checks.push({ name: "database", ok: true, detail: `${db.success.info.kind} ${db.success.info.location}` })
      checks.push({
        name: "migrations",
        ok: db.success.status.pending.length === 0,
        detail:
          db.success.status.pending.length === 0
            ? `${db.success.status.applied.length} applied, current`
            : `pending: ${db.success.status.pending.join(", ")} (run: npx madoguchi migrate)`
      })
    } else {
      checks.push({
        name: "database",
        ok: false,
        detail: String((db.failure as { message?: string }).message ?? db.failure)
      })
    }
    if (asJson) yield* json({ ok: checks.every((c) => c.ok), checks })
    else
      yield* table(
        ["check", "ok", "detail"],
        checks.map((c) => [c.name, c.ok ? "✓" : "✗", c.detail])
      )
    if (!checks.every((c) => c.ok)) process.exitCode = 1
  })
).pipe(
  Command.withDescription(
    "データベース接続・マイグレーション・プロファイルを点検 / check database, migrations and profiles"
  )
)
