/**
 * Capacity of counter sessions and the windows they need. A session's day is cut into hour blocks;
 * walk-ins arrive by the profile's hourly weights, reservations are offered where walk-ins leave room
 * (water-filling, at most `bookableShare` of each block), and the wait of walk-ins is estimated by
 * queueing theory:
 *
 * - reserved visitors go first (`reserved_first`), so walk-ins see the windows reservations leave:
 *   x = c − a_r servers (Jagerman's continuous Erlang C), carrying the walk-in load a_w;
 * - with `arrival_order`, everybody shares c windows in one queue (a_r + a_w on c servers);
 * - P(wait) is Erlang C; the wait given waiting is exponential with mean k·s/(x − a), where
 *   k = (1 + cs²)/2 is the Allen–Cunneen factor for service-time variability (k = 1, pure Erlang C /
 *   M/M/c, when `serviceCv` is 1).
 *
 * The windows recommended for a month are the fewest window-days such that every session meets the
 * walk-in target and the month's reservations fit under the utilisation ceiling; reservations are then
 * spread so every session is equally full. The simulation (`Simulation`) checks the result.
 */
import { erlangC } from "./Queueing.ts"

/** An hour (or shorter) block of a session. @category models */
export interface Block {
  /** Minutes after opening. */
  readonly start: number
  readonly minutes: number
  /** Relative walk-in arrivals per minute in this block. */
  readonly walkInWeight: number
}

/** What a session has to carry. @category models */
export interface SessionLoad {
  readonly openMinutes: number
  readonly blocks: ReadonlyArray<Block>
  /** Expected walk-ins in the day. */
  readonly walkIns: number
  /** Mean minutes per walk-in and squared coefficient of variation of their service. */
  readonly walkInService: number
  readonly walkInCs2: number
  /** Mean minutes per reserved visitor. */
  readonly reservedService: number
  readonly reservedCs2: number
  /** Whether the session takes reservations / walk-ins at all. */
  readonly takesReservations: boolean
  readonly takesWalkIns: boolean
}

/** The rules a plan follows. @category models */
export interface Targets {
  readonly walkInWaitP90Minutes: number
  readonly maxUtilisation: number
  readonly bookableShare: number
  readonly noShowRate: number
  readonly priority: "reserved_first" | "arrival_order"
}

/** Analytic walk-in wait under a plan. @category models */
export interface WaitEstimate {
  /** Erlang C, averaged over the blocks by walk-ins. */
  readonly pWait: number
  readonly meanWait: number
  readonly p90: number
  /** Exponential tail pieces P(W > t) = pWait·e^{−rate·t}, weighted by expected walk-ins, for pooling. */
  readonly components: ReadonlyArray<TailComponent>
}

/** One piece of a wait distribution. @category models */
export interface TailComponent {
  readonly weight: number
  readonly pWait: number
  readonly rate: number
}

/**
 * The p-quantile of a wait made of exponential pieces (sessions and hours pooled by their walk-ins):
 * the t with Σ wᵢ·pᵢ·e^{−rᵢ·t} = (1 − p)·Σ wᵢ.
 *
 * @category capacity
 */
export const pooledQuantile = (components: ReadonlyArray<TailComponent>, p = 0.9): number => {
  let total = 0
  let atZero = 0
  let sameRate = true
  for (const c of components) {
    total += c.weight
    atZero += c.weight * c.pWait
    if (c.weight > 0 && !(c.rate > 0) && c.pWait > 0) return INF
    if (c.rate !== components[0]!.rate) sameRate = false
  }
  if (total <= 0) return 0
  const target = (1 - p) * total
  if (atZero <= target) return 0
  // One rate (a flat day): solve Σ wᵢpᵢ·e^{−r·t} = target directly.
  if (sameRate) return Math.log(atZero / target) / components[0]!.rate
  const tail = (t: number) => {
    let sum = 0
    for (const c of components) sum += c.weight * c.pWait * Math.exp(-c.rate * t)
    return sum
  }
  let hi = 1
  while (tail(hi) > target) hi *= 2
  let lo = 0
  for (let i = 0; i < 45; i++) {
    const mid = (lo + hi) / 2
    if (tail(mid) > target) lo = mid
    else hi = mid
  }
  return hi
}

/** A session's plan. @category models */
export interface SessionPlan {
  readonly windows: number
  /** Reserved visitors booked (before no-shows). */
  readonly reserved: number
  /** Reservations to offer per block (the booking engine's quota), before no-shows. */
  readonly reservedPerBlock: ReadonlyArray<number>
  /** Expected service minutes / (windows × open minutes). */
  readonly utilisation: number
  readonly wait: WaitEstimate
}

const INF = Number.POSITIVE_INFINITY

/** Hour blocks of `openMinutes` starting at `opensAt` (minutes after midnight), weighted by hour. @category constructors */
export const blocksOf = (
  opensAt: number,
  openMinutes: number,
  hourly: Readonly<Record<string, number>>
): ReadonlyArray<Block> => {
  const blocks: Array<Block> = []
  let t = 0
  while (t < openMinutes) {
    const clock = opensAt + t
    const untilHour = 60 - (clock % 60)
    const minutes = Math.min(untilHour, openMinutes - t)
    const hour = String(Math.floor(clock / 60)).padStart(2, "0")
    blocks.push({ start: t, minutes, walkInWeight: hourly[hour] ?? 1 })
    t += minutes
  }
  return blocks
}

/** Walk-in Erlangs per block. */
const walkInLoads = (load: SessionLoad): Array<number> => {
  const weight = load.blocks.reduce((a, b) => a + b.walkInWeight * b.minutes, 0)
  return load.blocks.map((b) =>
    weight > 0 && load.takesWalkIns ? (load.walkIns * b.walkInWeight * load.walkInService) / weight : 0
  )
}

/**
 * Reserved Erlangs per block for `reserved` bookings: filled up to a common level where walk-ins leave
 * room, never above `bookableShare` of the windows. `undefined` when they do not fit.
 */
const reservedLoads = (
  load: SessionLoad,
  windows: number,
  reserved: number,
  targets: Targets,
  walk: ReadonlyArray<number>
): Array<number> | undefined => {
  const work = reserved * (1 - targets.noShowRate) * load.reservedService
  const cap = targets.bookableShare * windows
  if (work <= 1e-9) return walk.map(() => 0)
  const fill = (level: number) => walk.map((w) => Math.min(cap, Math.max(0, level - w)))
  const placed = (level: number) => {
    let sum = 0
    for (let i = 0; i < walk.length; i++) sum += Math.min(cap, Math.max(0, level - walk[i]!)) * load.blocks[i]!.minutes
    return sum
  }
  // placed(level) is piecewise linear: find the segment between breakpoints, then solve it exactly.
  const points = [...new Set(walk.flatMap((w) => [w, w + cap]))].sort((a, b) => a - b)
  if (placed(points[points.length - 1]!) < work - 1e-6) return undefined
  let lo = points[0]!
  for (const point of points) {
    if (placed(point) >= work) {
      const atLo = placed(lo)
      const slope = point > lo ? (placed(point) - atLo) / (point - lo) : 0
      return fill(slope > 0 ? lo + (work - atLo) / slope : point)
    }
    lo = point
  }
  return fill(lo)
}

/**
 * The analytic walk-in wait of a session with `windows` windows and `reserved` bookings.
 *
 * @category capacity
 */
export const walkInWait = (load: SessionLoad, windows: number, reserved: number, targets: Targets): WaitEstimate => {
  const walk = walkInLoads(load)
  const res = reservedLoads(load, windows, reserved, targets, walk)
  if (!load.takesWalkIns || load.walkIns <= 0) return { pWait: 0, meanWait: 0, p90: 0, components: [] }
  const overloaded: WaitEstimate = { pWait: 1, meanWait: INF, p90: INF, components: [{ weight: 1, pWait: 1, rate: 0 }] }
  if (res === undefined) return overloaded
  const kWalk = (1 + load.walkInCs2) / 2
  const tails: Array<TailComponent> = []
  let weightSum = 0
  let pWait = 0
  let meanWait = 0
  for (let i = 0; i < walk.length; i++) {
    const aw = walk[i]!
    const ar = res[i]!
    const weight = (aw * load.blocks[i]!.minutes) / load.walkInService
    if (weight <= 0) continue
    let c: number
    let rate: number
    if (targets.priority === "reserved_first") {
      const x = windows - ar
      if (x <= aw) return overloaded
      c = erlangC(x, aw)
      rate = (x - aw) / (kWalk * load.walkInService)
    } else {
      const a = aw + ar
      if (windows <= a) return overloaded
      const mean = aw + ar > 0 ? (aw * load.walkInService + ar * load.reservedService) / (aw + ar) : load.walkInService
      // Arrivals: walk-ins Poisson (SCV 1), bookings smooth but thinned by no-shows (SCV ≈ no-show rate).
      const ca2 =
        (aw / load.walkInService + (ar / load.reservedService) * targets.noShowRate) /
        Math.max(aw / load.walkInService + ar / load.reservedService, 1e-12)
      const cs2 = (aw * load.walkInCs2 + ar * load.reservedCs2) / Math.max(a, 1e-12)
      c = erlangC(windows, a)
      rate = (windows - a) / (((ca2 + cs2) / 2) * mean)
    }
    tails.push({ weight, pWait: c, rate })
    weightSum += weight
    pWait += weight * c
    meanWait += (weight * c) / rate
  }
  if (weightSum === 0) return { pWait: 0, meanWait: 0, p90: 0, components: [] }
  return { pWait: pWait / weightSum, meanWait: meanWait / weightSum, p90: pooledQuantile(tails), components: tails }
}

/** Expected service minutes of a session's visitors (after no-shows). */
const workload = (load: SessionLoad, reserved: number, targets: Targets) =>
  (load.takesWalkIns ? load.walkIns * load.walkInService : 0) +
  reserved * (1 - targets.noShowRate) * load.reservedService

/**
 * The most bookings a session can take with `windows` windows and still meet the walk-in target,
 * the utilisation ceiling and the bookable share; −1 when its walk-ins alone miss the target.
 *
 * @category capacity
 */
export const reservedCapacity = (load: SessionLoad, windows: number, targets: Targets): number => {
  if (windows <= 0) return load.walkIns > 0 && load.takesWalkIns ? -1 : 0
  const walkWork = load.takesWalkIns ? load.walkIns * load.walkInService : 0
  if (walkWork > windows * load.openMinutes * targets.maxUtilisation) return -1
  if (walkInWait(load, windows, 0, targets).p90 > targets.walkInWaitP90Minutes) return -1
  if (!load.takesReservations) return 0
  const perVisit = (1 - targets.noShowRate) * load.reservedService
  const byUtilisation = (windows * load.openMinutes * targets.maxUtilisation - walkWork) / perVisit
  const byShare = (targets.bookableShare * windows * load.openMinutes) / perVisit
  let hi = Math.max(0, Math.min(byUtilisation, byShare))
  if (walkInWait(load, windows, hi, targets).p90 <= targets.walkInWaitP90Minutes) return hi
  let lo = 0
  for (let i = 0; i < 30 && hi - lo > 0.05; i++) {
    const mid = (lo + hi) / 2
    if (walkInWait(load, windows, mid, targets).p90 <= targets.walkInWaitP90Minutes) lo = mid
    else hi = mid
  }
  return lo
}

/** Reservations per block for a session plan (bookings before no-shows). */
const perBlock = (load: SessionLoad, windows: number, reserved: number, targets: Targets): Array<number> => {
  const walk = walkInLoads(load)
  const res = reservedLoads(load, windows, reserved, targets, walk)
  const perVisit = (1 - targets.noShowRate) * load.reservedService
  if (res === undefined) {
    // Does not fit: spread evenly (the plan reports the overload).
    return load.blocks.map((b) => (reserved * b.minutes) / load.openMinutes)
  }
  return res.map((r, i) => (r * load.blocks[i]!.minutes) / perVisit)
}

/** The plan of one session with given windows and bookings. @category capacity */
export const sessionPlan = (load: SessionLoad, windows: number, reserved: number, targets: Targets): SessionPlan => ({
  windows,
  reserved,
  reservedPerBlock: perBlock(load, windows, reserved, targets),
  utilisation:
    windows > 0
      ? workload(load, reserved, targets) / (windows * load.openMinutes)
      : workload(load, reserved, targets) > 0
        ? INF
        : 0,
  wait: walkInWait(load, windows, reserved, targets)
})

/** Options of {@link planSessions}. @category models */
export interface PlanOptions {
  readonly targets: Targets
  /** Fewest windows a session may have (the contract's minimum, e.g. Kanazawa 5). */
  readonly minWindows: number
  /** Most windows considered per session. */
  readonly maxWindows: number
}

/**
 * Plan a month of sessions that share a pool of `reserved` bookings (people book where there is
 * room). Each session first gets the fewest windows its walk-ins need; then every session is raised
 * to a common level of windows — the lowest level whose sessions take the month's bookings — and,
 * within the last step, only the busiest sessions (by `weights`, the natural demand) get the extra
 * window. Bookings are spread in proportion to what each session can take, so every session is
 * equally full and the window count stays steady from day to day.
 *
 * @category capacity
 */
export const planSessions = (
  loads: ReadonlyArray<SessionLoad>,
  reserved: number,
  options: PlanOptions,
  weights: ReadonlyArray<number> = loads.map(() => 1)
): ReadonlyArray<SessionPlan> => {
  const { targets, minWindows, maxWindows } = options
  const cache = new Map<string, number>()
  const keyOf = (load: SessionLoad) =>
    `${load.openMinutes}|${load.walkIns.toFixed(3)}|${load.walkInService.toFixed(4)}|${load.reservedService.toFixed(4)}|${load.walkInCs2.toFixed(4)}|${load.reservedCs2.toFixed(4)}|${load.takesReservations}|${load.takesWalkIns}|${load.blocks.map((b) => `${b.minutes}:${b.walkInWeight}`).join(",")}`
  const keys = loads.map(keyOf)
  const capacity = (i: number, c: number) => {
    const k = `${keys[i]}#${c}`
    let v = cache.get(k)
    if (v === undefined) {
      v = Math.max(reservedCapacity(loads[i]!, c, targets), 0)
      cache.set(k, v)
    }
    return v
  }
  const floor = loads.map((load, i) => {
    const needsAny = (load.takesWalkIns && load.walkIns > 0) || (load.takesReservations && reserved > 0)
    let c = Math.max(minWindows, needsAny ? 1 : 0)
    while (c < maxWindows && reservedCapacity(load, c, targets) < 0) c++
    cache.set(`${keys[i]}#${c}`, Math.max(reservedCapacity(load, c, targets), 0))
    return c
  })
  const takers = loads.map((l, i) => (l.takesReservations ? i : -1)).filter((i) => i >= 0)
  const atLevel = (level: number) => floor.map((c, i) => (loads[i]!.takesReservations ? Math.max(c, level) : c))
  const room = (windows: ReadonlyArray<number>) => takers.reduce((a, i) => a + capacity(i, windows[i]!), 0)
  let windows = atLevel(0)
  if (takers.length > 0 && room(windows) < reserved - 1e-6) {
    let level = Math.min(...takers.map((i) => floor[i]!))
    while (level < maxWindows && room(atLevel(level + 1)) < reserved - 1e-6) level++
    windows = atLevel(level)
    // Raise the busiest sessions one window at a time until the bookings fit.
    const busiest = [...takers].sort((a, b) => weights[b]! - weights[a]! || a - b)
    for (const i of busiest) {
      if (room(windows) >= reserved - 1e-6) break
      if (windows[i]! < maxWindows) windows[i]!++
    }
  }
  const total = room(windows)
  return loads.map((load, i) => {
    const r = !load.takesReservations
      ? 0
      : total > 0
        ? (reserved * capacity(i, windows[i]!)) / total
        : reserved / Math.max(takers.length, 1)
    return sessionPlan(load, windows[i]!, r, targets)
  })
}

/**
 * Windows a session needs for a fixed number of bookings (holiday openings, outreach): the fewest that
 * take them and meet the targets.
 *
 * @category capacity
 */
export const windowsFor = (load: SessionLoad, reserved: number, options: PlanOptions): SessionPlan => {
  let c = Math.max(options.minWindows, 1)
  while (c < options.maxWindows && reservedCapacity(load, c, options.targets) < reserved - 1e-6) c++
  return sessionPlan(load, c, reserved, options.targets)
}
