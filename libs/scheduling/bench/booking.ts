/**
 * Booking benchmark, over HTTP on PostgreSQL (`npm run bench -- booking`, or
 * `DATABASE_URL=postgres://… npx node libs/scheduling/bench/booking.ts`).
 *
 * It starts the real API server (`apps/api/src/main.ts`, its own process, a `pg` pool of
 * BENCH_POOL connections) on a fresh database, and drives it with 64 concurrent HTTP clients:
 *
 * 1. distinct slots — each client books its own slots (`POST /reservations` with an
 *    `Idempotency-Key`): reservations/s, p50, p99;
 * 2. PostgreSQL's own single-row `INSERT` rate in the same run: 64 concurrent workers over a pool of
 *    the same size, autocommit, one row each — before and after (1), to average out a shared machine;
 *    the ratio booking/insert (goal ≥ 0.5) and booking p99 (goal < 50 ms); for reference also one
 *    connection inserting in a loop;
 * 3. contention — all 64 clients on one 4-seat slot: exactly 4 reservations, the rest 409 SLOT_FULL;
 *    p50/p99 (goal p99 < 200 ms);
 * 4. a hot slot — all 64 clients booking one slot with room for everyone, so every request waits for
 *    the same row lock: p50/p99.
 *
 * Prints one JSON object per measure and a summary; exits non-zero if a correctness check fails.
 */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import http from "node:http"
import { join } from "node:path"
import pg from "pg"

const root = join(import.meta.dirname, "..", "..", "..")
const baseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const CLIENTS = 64
const POOL = Number(process.env.BENCH_POOL ?? 20)
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 40)
const PORT = 30_000 + Math.floor(Math.random() * 20_000)
const API = `http://127.0.0.1:${PORT}/api/v1`
const person = { name: "ベンチ タロウ", contact: "072-740-1111" }

const dbName = `madoguchi_bench_${randomBytes(4).toString("hex")}`
const dbUrl = (() => {
  const u = new URL(baseUrl)
  u.pathname = `/${dbName}`
  return u.toString()
})()

const admin = async <A>(f: (c: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: baseUrl })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

const percentile = (xs: ReadonlyArray<number>, p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
const summary = (latencies: ReadonlyArray<number>, seconds: number) => ({
  requests: latencies.length,
  perSecond: Math.round(latencies.length / seconds),
  p50ms: Number(percentile(latencies, 50).toFixed(1)),
  p99ms: Number(percentile(latencies, 99).toFixed(1))
})

/** Run `clients` loops of `each` calls; per-call latencies (ms) and the wall time (s). */
const drive = async (clients: number, each: number, call: (client: number, i: number) => Promise<void>) => {
  const latencies: Array<number> = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < each; i++) {
        const t = performance.now()
        await call(client, i)
        latencies.push(performance.now() - t)
      }
    })
  )
  return { latencies, seconds: (performance.now() - started) / 1000 }
}

/** CPU time (ms) a process has used so far, from /proc (Linux; 0 elsewhere). */
const cpuOf = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return 0
  }
}

interface Server {
  readonly stop: () => Promise<void>
  readonly pid: number | undefined
}

const startServer = () =>
  new Promise<Server>((resolve, reject) => {
    const profile = process.env.BENCH_CPU_PROFILE
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : []
    const child = spawn(process.execPath, [...profile, join(root, "apps/api/src/main.ts")], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        DATABASE_POOL_SIZE: String(POOL),
        PORT: String(PORT),
        BOOKING_SWEEP_INTERVAL: "1 hour"
      },
      stdio: ["ignore", "pipe", "pipe"]
    })
    const stop = () =>
      new Promise<void>((done) => {
        child.once("exit", () => done())
        child.kill("SIGTERM")
        setTimeout(() => child.kill("SIGKILL"), 5000).unref()
      })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("Madoguchi API:")) resolve({ stop, pid: child.pid })
    })
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once("exit", (code) => reject(new Error(`the API server exited (${code}):\n${output}`)))
    setTimeout(() => reject(new Error(`the API server did not start:\n${output}`)), 120_000).unref()
  })

interface Slot {
  readonly id: string
  readonly remaining: number
}

/** Keep-alive connections, one per client at most (a light load generator: it shares the CPU). */
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })

const book = (slotId: string, key: string) =>
  new Promise<number>((resolve, reject) => {
    const payload = JSON.stringify({ slotId, procedure: "card_issuance", ...person })
    const req = http.request(
      `${API}/cities/kawanishi/reservations`,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          "idempotency-key": key
        }
      },
      (res) => {
        res.resume()
        res.on("end", () => resolve(res.statusCode ?? 0))
        res.on("error", reject)
      }
    )
    req.on("error", reject)
    req.end(payload)
  })

const rawInserts = async (pool: pg.Pool, run: string) => {
  const { latencies, seconds } = await drive(CLIENTS, PER_CLIENT, async (client, i) => {
    await pool.query("insert into bench_insert (slot_id, name, contact, idempotency_key) values ($1, $2, $3, $4)", [
      `00000000-0000-4000-8000-${String(client).padStart(12, "0")}`,
      person.name,
      person.contact,
      `${run}-${client}-${i}`
    ])
  })
  return summary(latencies, seconds)
}

const main = async () => {
  await admin((c) => c.query(`create database ${dbName}`))
  let server: Server | undefined
  const pool = new pg.Pool({ connectionString: dbUrl, max: POOL })
  let failures = 0
  try {
    server = await startServer()
    await pool.query(`create table bench_insert (
      id bigint generated always as identity primary key, slot_id uuid not null, name text not null,
      contact text not null, idempotency_key text not null unique, created_at timestamptz not null default now())`)

    // Slots: let the server fill in Kawanishi's calendar for the coming months.
    const today = new Date(Date.now() + 9 * 3600_000)
    const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10)
    const res = await fetch(`${API}/cities/kawanishi/slots?from=${day(1)}&to=${day(200)}`)
    const slots = ((await res.json()) as { slots: ReadonlyArray<Slot> }).slots
    const needed = (CLIENTS * PER_CLIENT) / 4 + 3
    if (slots.length < needed) throw new Error(`only ${slots.length} slots for ${needed}`)
    const [contended, hot, ...free] = slots
    console.log(JSON.stringify({ setup: { slots: slots.length, pool: POOL, clients: CLIENTS, perClient: PER_CLIENT } }))

    // Warm-up (JIT, plan caches, connections).
    await drive(CLIENTS, 2, async (client, i) => {
      await book(free[free.length - 1 - client]!.id, `warm-${client}-${i}`)
    })
    await rawInserts(pool, "warm")

    const insertBefore = await rawInserts(pool, "before")
    let next = 0
    const mine: Array<Array<string>> = Array.from({ length: CLIENTS }, () => [])
    for (let s = 0; s < (CLIENTS * PER_CLIENT) / 4; s++) mine[s % CLIENTS]!.push(free[next++]!.id)
    const statuses = new Map<number, number>()
    const serverCpu0 = cpuOf(server.pid)
    const clientCpu0 = process.cpuUsage()
    const distinct = await drive(CLIENTS, PER_CLIENT, async (client, i) => {
      const status = await book(mine[client]![Math.floor(i / 4)]!, `distinct-${client}-${i}`)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
    })
    const serverCpuMs = cpuOf(server.pid) - serverCpu0
    const clientCpu = process.cpuUsage(clientCpu0)
    const insertAfter = await rawInserts(pool, "after")
    const booking = {
      ...summary(distinct.latencies, distinct.seconds),
      // On a shared machine the CPU spent is the steadier figure: what one booking costs the server.
      serverCpuMsPerBooking: Number((serverCpuMs / (CLIENTS * PER_CLIENT)).toFixed(2)),
      clientCpuMsPerBooking: Number(((clientCpu.user + clientCpu.system) / 1000 / (CLIENTS * PER_CLIENT)).toFixed(2))
    }
    if (statuses.get(201) !== CLIENTS * PER_CLIENT) {
      failures++
      console.error("distinct slots: every booking should succeed", Object.fromEntries(statuses))
    }
    const insertRate = (insertBefore.perSecond + insertAfter.perSecond) / 2
    console.log(JSON.stringify({ measure: "raw single-row INSERT (before)", ...insertBefore }))
    console.log(JSON.stringify({ measure: "reservations over HTTP, distinct slots", ...booking }))
    console.log(JSON.stringify({ measure: "raw single-row INSERT (after)", ...insertAfter }))

    // Contention: everyone on one 4-seat slot.
    const outcomes = new Map<number, number>()
    const contention = await drive(CLIENTS, 20, async (client, i) => {
      const status = await book(contended!.id, `contended-${client}-${i}`)
      outcomes.set(status, (outcomes.get(status) ?? 0) + 1)
    })
    const contentionSummary = summary(contention.latencies, contention.seconds)
    if (outcomes.get(201) !== 4 || outcomes.get(409) !== CLIENTS * 20 - 4) {
      failures++
      console.error("contention: expected exactly 4 × 201 and the rest 409", Object.fromEntries(outcomes))
    }
    console.log(
      JSON.stringify({
        measure: "contention: one 4-seat slot",
        ...contentionSummary,
        outcomes: Object.fromEntries(outcomes)
      })
    )

    // A hot slot: room for everyone, every request queues for the same row lock.
    await pool.query(
      "update booking_slot set capacity = 100000, quota_web = 100000, quota_phone = 100000 where id = $1",
      [hot!.id]
    )
    const hotStatuses = new Map<number, number>()
    const hotRun = await drive(CLIENTS, 20, async (client, i) => {
      const status = await book(hot!.id, `hot-${client}-${i}`)
      hotStatuses.set(status, (hotStatuses.get(status) ?? 0) + 1)
    })
    const counted = await pool.query<{ booked: number }>("select booked from booking_slot where id = $1", [hot!.id])
    if (hotStatuses.get(201) !== CLIENTS * 20 || Number(counted.rows[0]!.booked) !== CLIENTS * 20) {
      failures++
      console.error("hot slot: every booking should succeed and be counted once", Object.fromEntries(hotStatuses))
    }
    const hotSummary = summary(hotRun.latencies, hotRun.seconds)
    console.log(JSON.stringify({ measure: "hot slot: one slot with room for all", ...hotSummary }))

    // For reference: the same INSERT from one connection in a loop (what a pgbench-style single client does).
    const sequential = await (async () => {
      const client = await pool.connect()
      try {
        const { latencies, seconds } = await drive(1, 1000, async (_, i) => {
          await client.query(
            "insert into bench_insert (slot_id, name, contact, idempotency_key) values ($1, $2, $3, $4)",
            ["00000000-0000-4000-8000-000000000000", person.name, person.contact, `sequential-${i}`]
          )
        })
        return summary(latencies, seconds)
      } finally {
        client.release()
      }
    })()
    console.log(JSON.stringify({ measure: "raw single-row INSERT, one connection in a loop", ...sequential }))

    const ratio = booking.perSecond / insertRate
    console.log(
      `\nbooking ${booking.perSecond}/s over HTTP (p50 ${booking.p50ms} ms, p99 ${booking.p99ms} ms) vs raw INSERT ` +
        `${Math.round(insertRate)}/s with 64 workers: ratio ${ratio.toFixed(2)} (goal ≥ 0.5; against one connection's ` +
        `${sequential.perSecond}/s: ${(booking.perSecond / sequential.perSecond).toFixed(2)}), p99 goal < 50 ms; ` +
        `contention p99 ${contentionSummary.p99ms} ms (goal < 200 ms); hot slot ${hotSummary.perSecond}/s, ` +
        `p99 ${hotSummary.p99ms} ms`
    )
  } finally {
    agent.destroy()
    await pool.end()
    if (server) await server.stop()
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => undefined)
  }
  if (failures > 0) process.exitCode = 1
}

await main()
