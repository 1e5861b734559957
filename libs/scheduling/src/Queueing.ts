/**
 * Queueing formulas for counters and phone lines: Erlang B (calls that find every line busy are
 * lost), Erlang C (they wait), and the M/M/c waiting-time distribution that follows from it —
 * probability of waiting, mean wait, any quantile of the wait (the p90 a city is promised), and the
 * service level "share answered within t". Pure functions; time units are the caller's, as long as
 * arrival rate and service time share them.
 *
 * Erlang B uses the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)); Erlang C follows as
 * C = c·B / (c − a·(1 − B)). In M/M/c with FCFS, P(W > t) = C·e^{−(c − a)·t / s} for service mean s.
 */

/**
 * Erlang B: the probability that an arrival finds all `servers` busy and is lost, for offered load
 * `load` = arrival rate × mean holding time (Erlangs).
 *
 * @category formulas
 */
export const erlangB = (servers: number, load: number): number => {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number ≥ 0: ${servers}`)
  if (!(load >= 0)) throw new RangeError(`load must be ≥ 0: ${load}`)
  let b = 1
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b)
  return b
}

// ln Γ(x) by Lanczos (g = 7, n = 9), accurate to ~1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
]
const lnGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]!
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/**
 * J(f, a) = ∫₀^∞ e^{−u} (1 + u/a)^f du = e^a · a^{−f} · Γ(f + 1, a), the reciprocal of Erlang B at a
 * fractional number of servers f (Jagerman's continuous extension), through the upper incomplete
 * gamma function: a continued fraction for a ≥ f + 2, the lower series otherwise.
 */
const jagerman = (f: number, a: number): number => {
  if (f === 0) return 1
  const s = f + 1
  if (a >= s + 1) {
    // Γ(s, a) = e^{−a} a^s / (a + 1 − s − …) (modified Lentz): J = a · CF.
    let b = a + 1 - s
    let c = 1 / 1e-300
    let d = 1 / b
    let h = d
    for (let i = 1; i < 500; i++) {
      const an = -i * (i - s)
      b += 2
      d = an * d + b
      if (Math.abs(d) < 1e-300) d = 1e-300
      c = b + an / c
      if (Math.abs(c) < 1e-300) c = 1e-300
      d = 1 / d
      const delta = d * c
      h *= delta
      if (Math.abs(delta - 1) < 1e-15) break
    }
    return a * h
  }
  // γ(s, a) = e^{−a} a^s Σ aⁿ / (s (s+1) … (s+n)); Γ(s, a) = Γ(s) − γ(s, a).
  let term = 1 / s
  let sum = term
  for (let n = 1; n < 500; n++) {
    term *= a / (s + n)
    sum += term
    if (term < sum * 1e-16) break
  }
  const lnA = Math.log(a)
  const gamma = Math.exp(lnGamma(s))
  const lower = Math.exp(-a + s * lnA) * sum
  return Math.exp(a - f * lnA) * (gamma - lower)
}

/**
 * Erlang B at any real number of servers x ≥ 0 (Jagerman's continuous extension; equal to
 * {@link erlangB} at whole numbers): used when reservations take part of the windows and walk-ins
 * get the rest.
 *
 * @category formulas
 */
export const erlangBContinuous = (servers: number, load: number): number => {
  if (!(servers >= 0)) throw new RangeError(`servers must be ≥ 0: ${servers}`)
  if (!(load >= 0)) throw new RangeError(`load must be ≥ 0: ${load}`)
  if (load === 0) return servers === 0 ? 1 : 0
  const whole = Math.floor(servers)
  const f = servers - whole
  let b = 1 / jagerman(f, load)
  for (let k = 1; k <= whole; k++) b = (load * b) / (f + k + load * b)
  return b
}

/**
 * Erlang C: the probability that an arrival has to wait in an M/M/c queue (1 when the load is at or
 * above the number of servers: the queue grows without bound). Fractional server counts use the
 * continuous Erlang B.
 *
 * @category formulas
 */
export const erlangC = (servers: number, load: number): number => {
  if (servers <= load) return 1
  const b = Number.isInteger(servers) ? erlangB(servers, load) : erlangBContinuous(servers, load)
  return (servers * b) / (servers - load * (1 - b))
}

/** An M/M/c queue in steady state. @category models */
export interface MMc {
  readonly servers: number
  /** Offered load a = λ·s, in Erlangs. */
  readonly load: number
  /** a / c: the share of time a server is busy. */
  readonly utilisation: number
  /** Erlang C. */
  readonly pWait: number
  /** Mean wait in queue, in the unit of the service time (∞ when unstable). */
  readonly meanWait: number
  readonly meanService: number
  readonly stable: boolean
}

/**
 * The M/M/c queue with `servers` servers, arrivals at `arrivalRate` per time unit and mean service
 * `meanService` time units.
 *
 * @category constructors
 */
export const mmc = (servers: number, arrivalRate: number, meanService: number): MMc => {
  const load = arrivalRate * meanService
  const stable = servers > load
  const pWait = erlangC(servers, load)
  return {
    servers,
    load,
    utilisation: servers === 0 ? (load > 0 ? Infinity : 0) : load / servers,
    pWait,
    meanWait: stable ? (pWait * meanService) / (servers - load) : Infinity,
    meanService,
    stable
  }
}

/** P(W > t): the share of arrivals that wait longer than `t`. @category formulas */
export const waitExceeds = (q: MMc, t: number): number =>
  !q.stable ? 1 : t <= 0 ? q.pWait : q.pWait * Math.exp((-(q.servers - q.load) * t) / q.meanService)

/** The share answered (served) within `t`: 1 − P(W > t). @category formulas */
export const serviceLevel = (q: MMc, t: number): number => 1 - waitExceeds(q, t)

/**
 * The `p`-quantile of the wait (p = 0.9: nine in ten wait at most this long); 0 when fewer than
 * 1 − p wait at all, ∞ when unstable.
 *
 * @category formulas
 */
export const waitQuantile = (q: MMc, p: number): number => {
  if (!q.stable) return Infinity
  const tail = 1 - p
  if (q.pWait <= tail) return 0
  return (q.meanService / (q.servers - q.load)) * Math.log(q.pWait / tail)
}

/**
 * The p-quantile of the wait over several M/M/c queues pooled by their arrival counts (a month of
 * days): the t with Σ wᵢ·P(Wᵢ > t) = (1 − p)·Σ wᵢ, found by bisection.
 *
 * @category formulas
 */
export const pooledWaitQuantile = (
  queues: ReadonlyArray<{ readonly queue: MMc; readonly weight: number }>,
  p: number
): number => {
  const total = queues.reduce((s, q) => s + q.weight, 0)
  if (total <= 0) return 0
  if (queues.some((q) => q.weight > 0 && !q.queue.stable)) return Infinity
  const target = (1 - p) * total
  const tail = (t: number) => queues.reduce((s, q) => s + q.weight * waitExceeds(q.queue, t), 0)
  if (tail(0) <= target) return 0
  let hi = 1
  while (tail(hi) > target) hi *= 2
  let lo = 0
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (tail(mid) > target) lo = mid
    else hi = mid
  }
  return hi
}

/**
 * The fewest servers whose p-quantile wait is at most `maxWait` (and that are stable), starting
 * from `atLeast`.
 *
 * @category formulas
 */
export const serversForWait = (
  arrivalRate: number,
  meanService: number,
  maxWait: number,
  p: number,
  atLeast = 0
): number => {
  const load = arrivalRate * meanService
  let c = Math.max(atLeast, Math.floor(load) + 1, 1)
  if (arrivalRate === 0) return Math.max(atLeast, 0)
  while (waitQuantile(mmc(c, arrivalRate, meanService), p) > maxWait) c++
  return c
}

/** What a number of phone lines gives for a call load. @category models */
export interface LinesAssessment {
  readonly lines: number
  /** Erlangs offered in the busiest hour. */
  readonly load: number
  /** Share answered within the target time if calls queue (Erlang C). */
  readonly serviceLevel: number
  /** Share of callers who find every line busy if calls cannot queue (Erlang B). */
  readonly blocking: number
  readonly meets: boolean
}

/** @category models */
export interface LineTargets {
  readonly answeredWithinSeconds: number
  readonly serviceLevel: number
  readonly maxBlocking: number
}

/**
 * Assess `lines` phone lines for `callsPerHour` calls of `handleMinutes` each, against a service
 * level (e.g. 80 % within 20 s, Erlang C) and a blocking limit (Erlang B).
 *
 * @category formulas
 */
export const assessLines = (
  lines: number,
  callsPerHour: number,
  handleMinutes: number,
  targets: LineTargets
): LinesAssessment => {
  const q = mmc(lines, callsPerHour / 60, handleMinutes)
  const sl = callsPerHour === 0 ? 1 : serviceLevel(q, targets.answeredWithinSeconds / 60)
  const blocking = callsPerHour === 0 ? 0 : erlangB(lines, q.load)
  return {
    lines,
    load: q.load,
    serviceLevel: sl,
    blocking,
    meets: sl >= targets.serviceLevel && blocking <= targets.maxBlocking
  }
}

/** The fewest phone lines meeting both targets (at least one when calls arrive). @category formulas */
export const linesFor = (callsPerHour: number, handleMinutes: number, targets: LineTargets): LinesAssessment => {
  if (callsPerHour <= 0) return assessLines(0, 0, handleMinutes, targets)
  for (let lines = 1; ; lines++) {
    const a = assessLines(lines, callsPerHour, handleMinutes, targets)
    if (a.meets) return a
  }
}
