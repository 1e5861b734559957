/**
 * Benchmark: Kawanishi's monthly report over 1,000,000 activity rows of one month on PostgreSQL
 * (target < 1 s), and its XLSX (target < 2 s). Run from the repository root with
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node libs/reporting/bench/monthly.ts [rows]`.
 * Rows are generated in SQL (generate_series) in a scratch database that is dropped afterwards (its own
 * database, not a schema: Kysely's migrator looks for its tables in every schema of a database).
 */
import { randomBytes } from "node:crypto"
import { Database, Migrations } from "@madoguchi/db"
import { Profile } from "@madoguchi/domain"
import { Effect, Layer, Redacted } from "effect"
import { sql } from "kysely"
import pg from "pg"
import { ActivityStore } from "../src/ActivityStore.ts"
import * as Render from "../src/Render.ts"
import { Reports } from "../src/Reports.ts"
import { Submissions } from "../src/Submissions.ts"
import { loadProfiles } from "../test/fixtures.ts"

const url = process.env.DATABASE_URL ?? ""
if (url.length === 0) {
  console.error("set DATABASE_URL to a PostgreSQL database")
  process.exit(2)
}
const ROWS = Number(process.argv[2] ?? 1_000_000)
const scratch = process.env.BENCH_DATABASE ?? `madoguchi_bench_${randomBytes(4).toString("hex")}`
const scratchUrl = (() => {
  const u = new URL(url)
  u.pathname = `/${scratch}`
  return u.toString()
})()

const admin = async (query: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

const timed = <A, E, R>(label: string, runs: number, effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const times: Array<number> = []
    let last: A | undefined
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      last = yield* effect
      times.push(performance.now() - start)
    }
    const sorted = [...times].sort((a, b) => a - b)
    console.log(
      `${label}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (${runs} runs)`
    )
    return last as A
  })

const program = Effect.gen(function* () {
  const profiles = yield* loadProfiles
  const kawanishi = profiles.find((p) => p.slug === "kawanishi")!
  yield* Migrations.migrateToLatest()
  const db = yield* Database.Database
  const phone = sql.raw("(i % 1000 <> 7 and i % 100 < 8)")
  const visit = sql.raw("(i % 1000 <> 7 and i % 100 >= 8 and i % 5000 <> 11)")
  const start = performance.now()
  // 91% counter visits, 8% phone calls, 0.1% complaints, the rest outreach sessions; December 2026.
  yield* db.use((k) =>
    sql`
      insert into activity (city_code, site, date, time, kind, source, source_id, fingerprint, procedure, channel,
        outcome, reason, missing_documents, waiting_minutes, service_minutes, category, transferred, escalated, tally, payload)
      select ${kawanishi.cityCode}::text, 'special', date '2026-12-01' + (i % 31), '10:00',
        case when i % 1000 = 7 then 'complaint' when i % 100 < 8 then 'phone_call'
             when i % 5000 = 11 then 'outreach_session' else 'counter_visit' end,
        'ticket', 'bench-' || i, repeat('0', 64),
        case when ${visit} then (array['card_issuance','cert_renewal','card_application','pin_reset','surface_change','suspension_lift'])[1 + i % 6] end,
        case when ${visit} then (array['reservation','walk_in','phone_booked','holiday_opening'])[1 + (i / 7) % 4] end,
        case when not ${visit} then null when i % 17 = 0 then 'refused' when i % 29 = 0 then 'second_visit' else 'done' end,
        case when ${visit} and (i % 17 = 0 or i % 29 = 0) then 'missing_document' end,
        case when ${visit} and i % 17 = 0 then array['issuance_notice'] end,
        case when ${visit} then ((i::bigint * 7919) % 75)::int end, case when ${visit} then 5 + (i % 20) end,
        case when i % 1000 = 7 then 'waiting' when ${phone} then (array['reservation','required_documents','pin','card_pickup'])[1 + i % 4] end,
        case when ${phone} then i % 5 = 0 end, case when i % 1000 = 7 then i % 3 = 0 end,
        case when i % 5000 = 11 then '{"card_application": 5}'::jsonb end,
        case when i % 1000 = 7 then jsonb_build_object('kind', 'complaint', 'cityCode', ${kawanishi.cityCode}::text,
               'site', 'special', 'date', (date '2026-12-01' + (i % 31))::text, 'key',
               jsonb_build_object('source', 'ticket', 'sourceId', 'bench-' || i), 'category', 'waiting',
               'what', '待ち時間について', 'handling', '予約を案内した', 'escalated', i % 3 = 0)
             when i % 5000 = 11 then jsonb_build_object('kind', 'outreach_session', 'cityCode', ${kawanishi.cityCode}::text,
               'site', 'special', 'date', (date '2026-12-01' + (i % 31))::text, 'key',
               jsonb_build_object('source', 'ticket', 'sourceId', 'bench-' || i), 'venue', '公民館',
               'tally', '{"card_application": 5}'::jsonb)
             else '{}'::jsonb end
      from generate_series(1, ${ROWS}::int) as i`.execute(k)
  )
  yield* db.use((k) => sql`vacuum analyze activity`.execute(k))
  console.log(`loaded ${ROWS.toLocaleString()} rows in ${((performance.now() - start) / 1000).toFixed(1)} s`)

  const store = yield* ActivityStore
  yield* timed(
    "  of which the store's counts",
    5,
    store.count(kawanishi.cityCode, "2026-12-01", "2026-12-31", { phoneCalls: false, progressFrom: "2026-10-01" })
  )
  const reports = yield* Reports
  const report = yield* timed(
    "monthly report (Kawanishi, 2026-12)",
    5,
    reports.get("kawanishi", { period: "month", month: "2026-12" }, { live: true })
  )
  const reception = report.sections.find((s) => s.id === "reception")
  console.log(`  counted visits: ${reception?.kind === "counts" ? reception.total.toLocaleString() : "?"}`)
  const bytes = yield* timed("XLSX", 5, Render.toXlsx(report))
  console.log(`  XLSX size: ${(bytes.length / 1024).toFixed(0)} KiB`)
  yield* timed(
    "HTML",
    5,
    Effect.sync(() => Render.toHtml(report))
  )
}).pipe(
  Effect.provide(
    Reports.layerNoDeps.pipe(
      Layer.provideMerge(Layer.merge(ActivityStore.layer, Submissions.layer)),
      Layer.provide(Layer.unwrap(Effect.map(loadProfiles, Profile.layerStatic))),
      Layer.provideMerge(Database.layerPostgres({ url: Redacted.make(scratchUrl), poolSize: 8 }))
    )
  )
)

await admin(`create database "${scratch}"`)
try {
  await Effect.runPromise(program)
} finally {
  // BENCH_DATABASE names a database to keep for EXPLAIN (a separate database: nobody else's tests see it).
  if (process.env.BENCH_DATABASE === undefined) await admin(`drop database if exists "${scratch}" with (force)`)
}
