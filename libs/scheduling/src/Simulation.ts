/**
 * A seeded, deterministic discrete-event simulation of one counter day: N identical windows,
 * reserved visitors who come at their booked time give or take (lateness, no-shows), walk-ins as a
 * Poisson process whose rate may change by hour, service times by procedure (lognormal with a
 * coefficient of variation; exponential at cv 1, fixed at cv 0). It reports the wait distribution
 * of walk-ins and of reserved visitors, how busy the windows were and how long the day overran.
 *
 * Discipline: a window that frees takes, with `reserved_first`, the reserved visitor whose time has
 * come (earliest booking first), else the walk-in who came first, else an early reserved visitor; with
 * `arrival_order`, whoever arrived first. A booking more than `lateAfterMinutes` late joins the walk-ins. Nobody leaves the queue; the counter serves everyone who
 * arrived before closing. A reserved visitor's wait runs from the later of arrival and booked time.
 *
 * Same model and seed, same result: the planner uses it to check the queueing formulas and to test a
 * plan, and the tests hold it to Erlang C on M/M/c days.
 */
import { makeRng, mixSeed } from "./internal/random.ts"

/** Walk-ins arriving at `rate` per minute during [from, to) minutes after opening. @category models */
export interface WalkInBlock {
  readonly from: number
  readonly to: number
  readonly rate: number
}

/** @category models */
export interface DayModel {
  /** Minutes the counter takes arrivals (opening to closing). */
  readonly openMinutes: number
  readonly windows: number
  /** Booked times, minutes after opening, with the procedure booked. */
  readonly appointments: ReadonlyArray<{ readonly time: number; readonly procedure: string }>
  readonly walkIns: ReadonlyArray<WalkInBlock>
  /** Procedure shares of walk-ins (normalised). */
  readonly walkInMix: Readonly<Record<string, number>>
  /** Mean minutes at the window by procedure. */
  readonly serviceMinutes: Readonly<Record<string, number>>
  readonly serviceCv: number
  readonly noShowRate: number
  readonly arrivalOffsetMinutes: number
  readonly arrivalSdMinutes: number
  readonly priority: "reserved_first" | "arrival_order"
  /** Arrivals before this minute are served but left out of the statistics (steady-state checks). */
  readonly warmupMinutes?: number
  /** A reserved visitor more than this many minutes late is served after those waiting (booking rule). */
  readonly lateAfterMinutes?: number
}

/** @category models */
export interface WaitSummary {
  readonly count: number
  /** Share who waited at all. */
  readonly pWait: number
  readonly mean: number
  readonly p50: number
  readonly p90: number
  readonly max: number
}

/** One simulated day. @category models */
export interface DayRun {
  readonly walkIns: WaitSummary
  readonly reserved: WaitSummary
  /** Service minutes / (windows × open minutes). */
  readonly utilisation: number
  /** Minutes the last service ran past closing. */
  readonly overtimeMinutes: number
  readonly noShows: number
  readonly walkInWaits: Float64Array
  readonly reservedWaits: Float64Array
}

/** A 95 % confidence interval over replications. @category models */
export interface Interval {
  readonly mean: number
  readonly low: number
  readonly high: number
}

/** Several replications of a day. @category models */
export interface SimulationResult {
  readonly replications: number
  /** Waits pooled over every replication. */
  readonly walkIns: WaitSummary
  readonly reserved: WaitSummary
  readonly utilisation: number
  readonly overtimeMinutes: number
  /** Confidence intervals of per-replication statistics. */
  readonly ci: {
    readonly walkInPWait: Interval
    readonly walkInMeanWait: Interval
    readonly walkInP90: Interval
    readonly utilisation: Interval
  }
}

/** Count, share waiting, mean, median, p90 and max of a set of waits. @category statistics */
export const summarizeWaits = (waits: Float64Array): WaitSummary => {
  const n = waits.length
  if (n === 0) return { count: 0, pWait: 0, mean: 0, p50: 0, p90: 0, max: 0 }
  const sorted = Float64Array.from(waits).sort()
  let sum = 0
  let waited = 0
  for (let i = 0; i < n; i++) {
    sum += sorted[i]!
    if (sorted[i]! > 1e-9) waited++
  }
  const q = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!
  return { count: n, pWait: waited / n, mean: sum / n, p50: q(0.5), p90: q(0.9), max: sorted[n - 1]! }
}

interface Compiled {
  readonly model: DayModel
  readonly appointmentTimes: Float64Array
  readonly appointmentService: Float64Array
  readonly mixCumulative: Float64Array
  readonly mixService: Float64Array
}

/** A service-time draw for a mean, with the log-scale parameters worked out once. */
const serviceDraw = (cv: number) => {
  const sigma2 = Math.log(1 + cv * cv)
  const sigma = Math.sqrt(sigma2)
  return (rng: ReturnType<typeof makeRng>, mean: number) =>
    cv === 0 ? mean : cv === 1 ? rng.exponential(mean) : rng.lognormal(Math.log(mean) - sigma2 / 2, sigma)
}

const compiled = new WeakMap<DayModel, Compiled>()

const compile = (model: DayModel): Compiled => {
  const cached = compiled.get(model)
  if (cached) return cached
  const mix = Object.entries(model.walkInMix).filter(([, w]) => w > 0)
  const total = mix.reduce((s, [, w]) => s + w, 0)
  const mixCumulative = new Float64Array(mix.length)
  let acc = 0
  mix.forEach(([, w], i) => {
    acc += w / total
    mixCumulative[i] = acc
  })
  if (mix.length > 0) mixCumulative[mix.length - 1] = 1
  const c: Compiled = {
    model,
    appointmentTimes: Float64Array.from(model.appointments, (a) => a.time),
    appointmentService: Float64Array.from(model.appointments, (a) => model.serviceMinutes[a.procedure] ?? 10),
    mixCumulative,
    mixService: Float64Array.from(mix, ([p]) => model.serviceMinutes[p] ?? 10)
  }
  compiled.set(model, c)
  return c
}

/**
 * Simulate one day with a given seed.
 *
 * @category simulation
 */
export const runDay = (model: DayModel, seed: number): DayRun => {
  const rng = makeRng(seed)
  const { appointmentTimes, appointmentService, mixCumulative, mixService } = compile(model)
  const { openMinutes, windows, serviceCv } = model
  const draw = serviceDraw(serviceCv)
  // Upper bound of visitors: every appointment plus generous room for walk-ins (grown on demand).
  let capacity = appointmentTimes.length + 64
  for (const b of model.walkIns) capacity += Math.ceil(Math.max(0, b.rate) * (b.to - b.from) * 1.5) + 16
  let arrival = new Float64Array(capacity)
  let booked = new Float64Array(capacity)
  let service = new Float64Array(capacity)
  let n = 0
  const grow = () => {
    capacity *= 2
    const a = new Float64Array(capacity)
    a.set(arrival)
    arrival = a
    const b = new Float64Array(capacity)
    b.set(booked)
    booked = b
    const s = new Float64Array(capacity)
    s.set(service)
    service = s
    const l = new Uint8Array(capacity)
    l.set(late)
    late = l
  }
  let late = new Uint8Array(capacity)
  const lateAfter = model.lateAfterMinutes ?? Infinity
  let noShows = 0
  // Reserved visitors: every draw is made whatever happens later, so plans share random numbers.
  for (let i = 0; i < appointmentTimes.length; i++) {
    const u = rng.uniform()
    const offset = model.arrivalOffsetMinutes + model.arrivalSdMinutes * rng.normal()
    const s = draw(rng, appointmentService[i]!)
    if (u < model.noShowRate) {
      noShows++
      continue
    }
    arrival[n] = appointmentTimes[i]! + offset
    booked[n] = appointmentTimes[i]!
    service[n] = s
    late[n] = offset > lateAfter ? 1 : 0
    n++
  }
  const reservedCount = n
  // Walk-ins: a Poisson process per block, a procedure drawn from the mix.
  for (const block of model.walkIns) {
    if (block.rate <= 0 || mixCumulative.length === 0) continue
    const mean = 1 / block.rate
    let t = block.from
    for (;;) {
      t += rng.exponential(mean)
      if (t >= block.to || t >= openMinutes) break
      const u = rng.uniform()
      let k = 0
      while (k < mixCumulative.length - 1 && u >= mixCumulative[k]!) k++
      if (n === capacity) grow()
      arrival[n] = t
      booked[n] = Number.NaN
      service[n] = draw(rng, mixService[k]!)
      n++
    }
  }
  // Arrival order: reserved arrivals are nearly sorted, walk-ins sorted; insertion sort then merge.
  const order = new Int32Array(n)
  for (let i = 0; i < reservedCount; i++) {
    let k = i
    while (k > 0 && arrival[order[k - 1]!]! > arrival[i]!) {
      order[k] = order[k - 1]!
      k--
    }
    order[k] = i
  }
  if (n > reservedCount) {
    const merged = new Int32Array(n)
    let i = 0
    let j = reservedCount
    for (let k = 0; k < n; k++) {
      if (j >= n || (i < reservedCount && arrival[order[i]!]! <= arrival[j]!)) merged[k] = order[i++]!
      else merged[k] = j++
    }
    order.set(merged)
  }
  const free = new Float64Array(Math.max(windows, 0))
  const fifo = model.priority === "arrival_order"
  // Walk-ins (and everyone under arrival order) in a FIFO; reserved sorted by booked time.
  const walkQueue = new Int32Array(n)
  let walkHead = 0
  let walkTail = 0
  const reservedQueue = new Int32Array(n)
  let resHead = 0
  let resTail = 0
  const warmup = model.warmupMinutes ?? -Infinity
  const walkWaits = new Float64Array(n)
  let walkCount = 0
  const reservedWaits = new Float64Array(n)
  let reservedCountStats = 0
  let next = 0
  let busy = 0
  let served = 0
  const enqueue = (i: number) => {
    // Walk-ins, and bookings that came too late, queue in arrival order.
    if (fifo || i >= reservedCount || late[i] === 1) walkQueue[walkTail++] = i
    else {
      let k = resTail++
      while (k > resHead && booked[reservedQueue[k - 1]!]! > booked[i]!) {
        reservedQueue[k] = reservedQueue[k - 1]!
        k--
      }
      reservedQueue[k] = i
    }
  }
  while (served < n && windows > 0) {
    let k = 0
    for (let j = 1; j < windows; j++) if (free[j]! < free[k]!) k = j
    let t = free[k]! > 0 ? free[k]! : 0
    while (next < n && arrival[order[next]!]! <= t) enqueue(order[next++]!)
    if (walkHead === walkTail && resHead === resTail) {
      const a = arrival[order[next]!]!
      if (a > t) t = a
      while (next < n && arrival[order[next]!]! <= t) enqueue(order[next++]!)
    }
    let who: number
    if (resHead < resTail && (booked[reservedQueue[resHead]!]! <= t || walkHead === walkTail))
      who = reservedQueue[resHead++]!
    else who = walkQueue[walkHead++]!
    if (arrival[who]! >= warmup) {
      if (who >= reservedCount) walkWaits[walkCount++] = t - arrival[who]!
      else if (late[who] === 1) reservedWaits[reservedCountStats++] = t - arrival[who]!
      else {
        const from = arrival[who]! > booked[who]! ? arrival[who]! : booked[who]!
        reservedWaits[reservedCountStats++] = t > from ? t - from : 0
      }
    }
    free[k] = t + service[who]!
    busy += service[who]!
    served++
  }
  let end = 0
  for (let j = 0; j < windows; j++) end = Math.max(end, free[j]!)
  const walkInWaits = walkWaits.subarray(0, walkCount)
  const reservedWaitsArr = reservedWaits.subarray(0, reservedCountStats)
  return {
    // Summaries sort the waits: computed only when asked for.
    get walkIns() {
      return summarizeWaits(walkInWaits)
    },
    get reserved() {
      return summarizeWaits(reservedWaitsArr)
    },
    utilisation: windows > 0 ? busy / (windows * openMinutes) : 0,
    overtimeMinutes: Math.max(0, end - openMinutes),
    noShows,
    walkInWaits,
    reservedWaits: reservedWaitsArr
  }
}

// Student t 0.975 quantiles for 1…30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042
]

/** 95 % confidence interval of the mean of `xs` (Student t). @category statistics */
export const interval = (xs: ReadonlyArray<number>): Interval => {
  const n = xs.length
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(n, 1)
  if (n < 2) return { mean, low: mean, high: mean }
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)
  const t = n - 1 <= 30 ? T975[n - 2]! : 1.96
  const half = t * Math.sqrt(variance / n)
  return { mean, low: mean - half, high: mean + half }
}

const concat = (parts: ReadonlyArray<Float64Array>): Float64Array => {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/**
 * Simulate `replications` copies of a day; replication r uses seed mix(seed, r).
 *
 * @category simulation
 */
export const simulate = (model: DayModel, options: { readonly seed: number; readonly replications: number }) => {
  const runs = Array.from({ length: options.replications }, (_, r) => runDay(model, mixSeed(options.seed, r)))
  const result: SimulationResult = {
    replications: runs.length,
    walkIns: summarizeWaits(concat(runs.map((r) => r.walkInWaits))),
    reserved: summarizeWaits(concat(runs.map((r) => r.reservedWaits))),
    utilisation: runs.reduce((s, r) => s + r.utilisation, 0) / Math.max(runs.length, 1),
    overtimeMinutes: runs.reduce((s, r) => s + r.overtimeMinutes, 0) / Math.max(runs.length, 1),
    ci: {
      walkInPWait: interval(runs.map((r) => r.walkIns.pWait)),
      walkInMeanWait: interval(runs.map((r) => r.walkIns.mean)),
      walkInP90: interval(runs.map((r) => r.walkIns.p90)),
      utilisation: interval(runs.map((r) => r.utilisation))
    }
  }
  return result
}
