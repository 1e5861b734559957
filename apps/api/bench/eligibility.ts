/**
 * HTTP benchmark of `POST /api/v1/eligibility/check` beside a trivial Hono route in the same server and
 * the same run (goal: eligibility ≥ 0.5 × the trivial route), and beside a trivial POST route that
 * only parses the same JSON bodies (the share of the work that is ours). The whole app (runtime, middleware,
 * profiles; PGlite in a scratch directory) serves on a local port; a keep-alive client keeps
 * `CONCURRENCY` requests in flight over a mixed set of cases for `SECONDS` per route.
 * `node apps/api/bench/eligibility.ts` (or `npm run bench -- eligibility`).
 */
import { createServer, request, Agent } from "node:http"
import type { AddressInfo } from "node:net"
import { getRequestListener } from "@hono/node-server"
import { layerTest } from "@madoguchi/db/testing"
import { Hono } from "hono"
import { makeApp } from "../src/App.ts"
import { defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)

const V = "2026-06-01"
const bodies = [
  {
    procedure: "card_issuance",
    visitDate: V,
    applicant: { birthDate: "1980-05-10" },
    documents: ["issuance_notice", "drivers_license"]
  },
  {
    procedure: "card_issuance",
    visitDate: V,
    city: "koganei",
    site: "outreach",
    applicant: { birthDate: "1949-03-01" },
    attendee: { kind: "proxy", relation: "child", reason: "aged_75_plus" },
    documents: [
      { type: "issuance_notice", completed: true, sealed: true, statesInabilityToAttend: true },
      "passport",
      "pension_book",
      { type: "drivers_license", holder: "attendee" },
      { type: "passport", holder: "attendee" }
    ]
  },
  {
    procedure: "cert_renewal",
    visitDate: "2027-01-15",
    city: "kawanishi",
    applicant: {
      birthDate: "1990-04-01",
      card: {
        status: "valid",
        expiresOn: "2030-04-01",
        signatureCert: { expiresOn: "2027-04-01" },
        authCert: { expiresOn: "2027-04-01" }
      }
    },
    documents: ["my_number_card"]
  },
  {
    procedure: "card_reissuance",
    cause: "lost",
    visitDate: V,
    applicant: { birthDate: "1980-05-10", lostOutsideHome: true, card: { status: "lost" } },
    documents: ["passport"]
  },
  {
    procedure: "pin_reset",
    visitDate: V,
    applicant: { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
    attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
    documents: ["my_number_card", { type: "drivers_license", holder: "attendee" }]
  },
  {
    procedure: "continued_use",
    visitDate: V,
    applicant: {
      birthDate: "1980-05-10",
      moveInReportedOn: "2026-04-01",
      card: { status: "valid", expiresOn: "2031-05-10" }
    },
    documents: ["my_number_card"]
  },
  {
    procedure: "card_application",
    mode: "express",
    cause: "lost",
    visitDate: V,
    applicant: { birthDate: "1980-05-10", lossReportedOn: "2026-05-20", card: { status: "lost" } },
    documents: ["passport"]
  },
  {
    procedure: "card_renewal",
    visitDate: V,
    city: "ota",
    applicant: { birthDate: "1980-05-10", card: { status: "valid", expiresOn: "2026-07-07" } }
  }
].map((b) => JSON.stringify(b))

const runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "bench-eligibility") })
const app = makeApp(runtime)
const root = new Hono()
root.get("/trivial", (c) => c.json({ ok: true }))
root.post("/trivial-json", async (c) => c.json({ ok: typeof (await c.req.json()) === "object" }))
root.route("/", app)

// warm the runtime (migrations, profiles) before measuring
await app.request("/api/v1/eligibility/check", { method: "POST", body: bodies[0]! })

const server = createServer(getRequestListener(root.fetch))
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
const port = (server.address() as AddressInfo).port
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })

const send = (method: "GET" | "POST", path: string, payload: string | undefined) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent,
        headers: payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}
      },
      (res) => {
        res.resume()
        res.on("end", () => resolve(res.statusCode ?? 0))
      }
    )
    req.on("error", reject)
    if (payload) req.write(payload)
    req.end()
  })

const load = async (label: string, method: "GET" | "POST", path: string, withBody: boolean) => {
  let done = 0
  let failed = 0
  const deadline = performance.now() + SECONDS * 1000
  const worker = async (w: number) => {
    let i = w
    while (performance.now() < deadline) {
      const status = await send(method, path, withBody ? bodies[i++ % bodies.length] : undefined)
      if (status === 200) done++
      else failed++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)))
  const rate = (done / (performance.now() - started)) * 1000
  console.log(
    `${label.padEnd(40)} ${Math.round(rate).toLocaleString("en-US").padStart(9)} req/s  (${done} ok, ${failed} failed)`
  )
  return rate
}

await load("warm-up", "POST", "/api/v1/eligibility/check", true)
const trivial = await load("GET /trivial (Hono, c.json)", "GET", "/trivial", false)
const trivialJson = await load("POST /trivial-json (same bodies, parsed)", "POST", "/trivial-json", true)
const eligibility = await load("POST /api/v1/eligibility/check (mixed)", "POST", "/api/v1/eligibility/check", true)
const trivial2 = await load("GET /trivial (again)", "GET", "/trivial", false)
const ratio = eligibility / ((trivial + trivial2) / 2)
console.log(`ratio eligibility / trivial GET: ${ratio.toFixed(2)} (goal ≥ 0.5) — ${ratio >= 0.5 ? "met" : "NOT met"}`)
console.log(`ratio eligibility / trivial POST with the same JSON bodies: ${(eligibility / trivialJson).toFixed(2)}`)

agent.destroy()
server.close()
await runtime.dispose()
