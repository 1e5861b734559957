/**
 * In-process benchmark of the eligibility check: decisions per second over the mixed set of table
 * cases (every procedure, national rules and the four city profiles), on pre-decoded input (the
 * `decide` hot path) and from JSON objects (decode + decide). Goal: ≥ 1,000,000 decisions/s
 * pre-decoded. Run with `npm run bench -- eligibility` or `node bench/eligibility.bench.ts`.
 */
import { Result } from "effect"
import * as Eligibility from "../src/Eligibility.ts"
import { applicationCases, issuanceCases, reissuanceCases, renewalCases } from "../test/eligibility/cards.cases.ts"
import {
  certIssuanceCases,
  certRenewalCases,
  pinCases,
  suspensionCases
} from "../test/eligibility/certificates.cases.ts"
import {
  continuedUseCases,
  foreignResidentCases,
  notificationAndNumberCases,
  overseasCases,
  returnCases,
  surfaceChangeCases
} from "../test/eligibility/changes.cases.ts"
import { type Case, profileOf, variantProfile } from "../test/eligibility/helpers.ts"

const cases: ReadonlyArray<Case> = [
  ...issuanceCases,
  ...applicationCases,
  ...renewalCases,
  ...reissuanceCases,
  ...certRenewalCases,
  ...certIssuanceCases,
  ...pinCases,
  ...suspensionCases,
  ...surfaceChangeCases,
  ...continuedUseCases,
  ...foreignResidentCases,
  ...overseasCases,
  ...returnCases,
  ...notificationAndNumberCases
]

const prepared = cases.map((c) => {
  const decoded = Eligibility.decodeInputResult(c.input)
  if (Result.isFailure(decoded)) throw new Error(`case ${c.name} does not decode`)
  const context: Eligibility.DecideContext = c.city
    ? { profile: profileOf(c.city) }
    : c.variants
      ? { profile: variantProfile(c.variants) }
      : {}
  return { input: decoded.success, json: c.input, context }
})

/**
 * Rate per wall-clock second and per second of this process's CPU time, over `windows` short
 * windows: the machine may be shared, so the median and the best window are both reported (the best
 * window is the one least disturbed by other processes).
 */
const measure = (
  label: string,
  windows: number,
  step: (i: number) => number
): { wall: number; cpu: number; bestWall: number; bestCpu: number } => {
  let sink = 0
  for (let i = 0; i < 200_000; i++) sink += step(i) // warm-up
  let n = 0
  const walls: Array<number> = []
  const cpus: Array<number> = []
  for (let w = 0; w < windows; w++) {
    const start = n
    const cpu0 = process.cpuUsage()
    const started = performance.now()
    let elapsed = 0
    while (elapsed < 250) {
      for (let i = 0; i < 5_000; i++) sink += step(n++)
      elapsed = performance.now() - started
    }
    const cpu = process.cpuUsage(cpu0)
    walls.push(((n - start) / elapsed) * 1000)
    cpus.push((n - start) / ((cpu.user + cpu.system) / 1e6))
  }
  const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US").padStart(11)
  const result = { wall: median(walls), cpu: median(cpus), bestWall: Math.max(...walls), bestCpu: Math.max(...cpus) }
  console.log(
    `${label.padEnd(38)} median ${fmt(result.wall)} /s wall ${fmt(result.cpu)} /s per CPU-second; best window ${fmt(result.bestWall)} wall ${fmt(result.bestCpu)} CPU  (${n.toLocaleString("en-US")} decisions; sink ${sink % 7})`
  )
  return result
}

const count = prepared.length
const decisions = { allowed: 0, refused: 0, needs_second_visit: 0 }
for (const p of prepared) decisions[Eligibility.decide(p.input, p.context).decision]++
console.log(
  `mixed set: ${count} cases over ${new Set(cases.map((c) => c.input.procedure)).size} procedures (${decisions.allowed} allowed, ${decisions.refused} refused, ${decisions.needs_second_visit} second visit)`
)

const os = await import("node:os")
console.log(
  `load average before: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} CPUs`
)
const decided = measure("decide (pre-decoded input)", 16, (i) => {
  const p = prepared[i % count]!
  return Eligibility.decide(p.input, p.context).reasons.length
})
measure("decode + decide (JSON object input)", 8, (i) => {
  const p = prepared[i % count]!
  return Eligibility.checkEligibility(p.json, p.context).reasons.length
})
console.log(
  `goal ≥ 1,000,000 decisions/s pre-decoded: ${decided.wall >= 1_000_000 ? "met" : "NOT met"} (median wall), ${decided.bestCpu >= 1_000_000 ? "met" : "NOT met"} (best window per CPU-second); load average after: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`
)
