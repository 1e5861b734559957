/**
 * Custody benchmarks (`node libs/custody/bench/custody.bench.ts`, optional `DATABASE_URL`):
 *
 * 1. Verification rate of the hash chain beside raw SHA-256 over the same bytes, in the same run
 *    (goal: verify ≥ 0.5 × raw, i.e. the chain bookkeeping costs at most as much as the hashing).
 * 2. Verification through the service, reading the ledger from the database (PGlite, and PostgreSQL
 *    when DATABASE_URL is set).
 * 3. Appends per second with 8 concurrent writers (PostgreSQL when DATABASE_URL is set; PGlite,
 *    which has one connection, for reference).
 *
 * Prints one JSON object per measure and a summary line.
 */
import { hash, randomBytes } from "node:crypto"
import { Profile } from "@madoguchi/domain"
import { Database, Migrations } from "@madoguchi/db"
import { Effect, Layer, Redacted } from "effect"
import { sql } from "kysely"
import * as Chain from "../src/Chain.ts"
import { Custody } from "../src/Custody.ts"
import { profiles } from "../test/fixtures.ts"
import { otaScenario } from "../test/scenario.ts"

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000)
const APPENDS_PER_WRITER = Number(process.env.BENCH_APPENDS ?? 250)
const WRITERS = 8

/** A chain of `n` entries whose bodies are real custody bodies (an Ota back-office scenario, repeated). */
const syntheticChain = (n: number): ReadonlyArray<Chain.ChainRow> => {
  const template = otaScenario(8).rows
  const city = template[0]!.cityCode
  const rows: Array<Chain.ChainRow> = []
  let prevHash = Chain.genesis(city)
  for (let i = 0; i < n; i++) {
    const t = template[i % template.length]!
    // Strings as a database driver hands them over (decoded from the wire: one-byte when ASCII).
    const wire = (s: string) => Buffer.from(s, "utf8").toString("utf8")
    const row = {
      ...t,
      seq: i + 1,
      id: wire(`${t.id.slice(0, 24)}${String(i).padStart(12, "0")}`),
      kind: wire(t.kind),
      occurredAt: wire(t.occurredAt),
      occurredOn: wire(t.occurredOn),
      recordedAt: wire(t.recordedAt),
      recordedBy: wire(t.recordedBy),
      body: wire(t.body.replace(/"C-(\d+)-(\d+)"/g, `"C-$1-$2-${i}"`)),
      prevHash
    }
    const hash = Chain.hashOf(row)
    rows.push({ ...row, hash })
    prevHash = hash
  }
  return rows
}

/**
 * Raw SHA-256 and verification over the same entries, interleaved chunk by chunk (the machine is
 * shared: a burst of load then hits both sides of a pair); the ratio is the median over the pairs.
 */
const verificationVsRaw = () => {
  const rows = syntheticChain(ENTRIES)
  const city = rows[0]!.cityCode
  const bytes = rows.map((r) => Chain.hashedBytes(r))
  const totalBytes = bytes.reduce((n, b) => n + b.length, 0)
  const CHUNK = 5000
  // Whole-chain verification first (and a warm-up for both loops).
  if (!Chain.verify(city, rows).ok) throw new Error("benchmark chain does not verify")
  const pairs: Array<{ raw: number; verify: number }> = []
  for (let round = 0; round < 5; round++) {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const slice = rows.slice(start, start + CHUNK)
      const sliceBytes = bytes.slice(start, start + CHUNK)
      let t = performance.now()
      let sink = 0
      for (const b of sliceBytes) sink += hash("sha256", b, "hex").length
      const raw = performance.now() - t
      // The real verifier, resumed after the slice's predecessor (as a paged read resumes).
      t = performance.now()
      const first = slice[0]!
      const v = Chain.verifier(city, [], start === 0 ? undefined : { seq: first.seq - 1, hash: first.prevHash })
      let ok = sink > 0
      for (const row of slice) ok = v.push(row) && ok
      const verify = performance.now() - t
      if (!ok) throw new Error("benchmark chain does not verify")
      pairs.push({ raw, verify })
    }
  }
  const ratios = pairs.map((p) => p.raw / p.verify).sort((a, b) => a - b)
  const median = ratios[Math.floor(ratios.length / 2)]!
  const rawMs = pairs.reduce((n, p) => n + p.raw, 0) / 5
  const verifyMs = pairs.reduce((n, p) => n + p.verify, 0) / 5
  return {
    measure: "verify_vs_raw_sha256",
    entries: ENTRIES,
    meanEntryBytes: Math.round(totalBytes / ENTRIES),
    rawSha256PerSecond: Math.round(ENTRIES / (rawMs / 1000)),
    verifyPerSecond: Math.round(ENTRIES / (verifyMs / 1000)),
    verifyMBps: Math.round((totalBytes / (verifyMs / 1000) / 1e6) * 10) / 10,
    ratio: Math.round(median * 1000) / 1000,
    goalMet: median >= 0.5,
    ratioRange: [Math.round(ratios[0]! * 100) / 100, Math.round(ratios[ratios.length - 1]! * 100) / 100],
    goal: 0.5
  }
}

const custodyLayer = (database: Layer.Layer<Database.Database>) =>
  Layer.fresh(Custody.layer).pipe(
    Layer.provide(Profile.layerStatic(Object.values(profiles))),
    Layer.provideMerge(database)
  )

const appendsAndVerify = (label: string, database: Layer.Layer<Database.Database>, writers: number) =>
  Effect.gen(function* () {
    const custody = yield* Custody
    const actor = { id: "bench", role: "contractor_operator" } as const
    const person = { name: "佐藤 一郎", organization: "contractor" } as const
    const city = { name: "山田 花子", organization: "city" } as const
    const started = performance.now()
    yield* Effect.forEach(
      Array.from({ length: writers }, (_, w) => w),
      (w) =>
        Effect.forEach(
          Array.from({ length: APPENDS_PER_WRITER }, (_, i) => i),
          (i) =>
            custody.record(
              "kawanishi",
              {
                kind: "received",
                from: city,
                to: person,
                place: "backoffice",
                newItems: [{ kind: "application_form", reference: `B-${w}-${i}`, quantity: 2 }]
              },
              actor
            ),
          { discard: true }
        ),
      { concurrency: "unbounded", discard: true }
    )
    const appendMs = performance.now() - started
    const total = writers * APPENDS_PER_WRITER
    const t = performance.now()
    const result = yield* custody.verify("kawanishi")
    const verifyMs = performance.now() - t
    if (!result.ok || result.entries !== total) throw new Error(`${label}: ledger broken after the run`)
    return [
      {
        measure: "appends",
        backend: label,
        writers,
        appends: total,
        appendsPerSecond: Math.round(total / (appendMs / 1000)),
        meanMs: Math.round((appendMs / total) * writers * 100) / 100
      },
      {
        measure: "verify_from_database",
        backend: label,
        entries: result.entries,
        verifyPerSecond: Math.round(result.entries / (verifyMs / 1000))
      }
    ]
  }).pipe(Effect.provide(custodyLayer(database)))

const pglite = Effect.gen(function* () {
  const instance = yield* Database.openPglite()
  yield* Migrations.migrateToLatest().pipe(
    Effect.provide(Database.layerFromPglite(instance, "bench", { closeOnRelease: false }))
  )
  return yield* appendsAndVerify("pglite", Database.layerFromPglite(instance, "bench"), WRITERS)
})

/** Run one statement on PostgreSQL outside any benchmark schema. */
const admin = (url: string, statement: string) =>
  Effect.gen(function* () {
    const db = yield* Database.Database
    yield* db.use((k) => sql.raw(statement).execute(k))
  }).pipe(Effect.provide(Database.layerPostgres({ url: Redacted.make(url), poolSize: 1 })), Effect.orDie)

const postgres = (url: string) =>
  Effect.gen(function* () {
    const schema = `bench_custody_${randomBytes(4).toString("hex")}`
    yield* Effect.acquireRelease(admin(url, `create schema "${schema}"`), () =>
      admin(url, `drop schema if exists "${schema}" cascade`)
    )
    const layer = Database.layerPostgres({ url: Redacted.make(url), schema, poolSize: WRITERS + 2 })
    yield* Migrations.migrateToLatest().pipe(Effect.provide(layer))
    return yield* appendsAndVerify("postgres", layer, WRITERS)
  }).pipe(Effect.scoped)

const main = Effect.gen(function* () {
  const results: Array<Record<string, unknown>> = []
  const cpu = verificationVsRaw()
  results.push(cpu)
  console.log(JSON.stringify(cpu))
  for (const r of yield* Effect.scoped(pglite)) {
    results.push(r)
    console.log(JSON.stringify(r))
  }
  const url = process.env.DATABASE_URL ?? ""
  if (url.length > 0) {
    for (const r of yield* postgres(url)) {
      results.push(r)
      console.log(JSON.stringify(r))
    }
  } else {
    console.log(JSON.stringify({ measure: "appends", backend: "postgres", skipped: "DATABASE_URL is not set" }))
  }
  const pgAppends = results.find((r) => r.measure === "appends" && r.backend === "postgres")
  console.log(
    `custody: verify ${cpu.verifyPerSecond}/s vs raw SHA-256 ${cpu.rawSha256PerSecond}/s (ratio ${cpu.ratio}, goal ≥ ${cpu.goal})` +
      (pgAppends ? `; PostgreSQL ${WRITERS} writers: ${pgAppends.appendsPerSecond} appends/s` : "")
  )
})

Effect.runPromise(main).catch((error) => {
  console.error(error)
  process.exitCode = 1
})
