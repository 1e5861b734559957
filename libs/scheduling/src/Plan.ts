/**
 * The capacity plan of a city for a range of months: calendar → demand → windows, phone lines and
 * staff per session, with months and weeks summed up for the officer who has to act on it. Pure:
 * the profile and the months in, the plan out. `check` runs the seeded simulation over the plan
 * (and over a naive flat plan beside it), `toCsv` renders it for a spreadsheet.
 *
 * Definitions (also in the plan's `assumptions`):
 * - demand: visits the demand model expects at the planned sessions (counter, holiday openings,
 *   outreach), before no-shows;
 * - capacity: visits the windows the profile has (site or opening `windows`; the recommendation where
 *   the profile gives none) can serve at `targets.maxUtilisation`, with that session's mix;
 * - gap: demand − capacity (positive = short of capacity);
 * - windows recommended: the most windows any regular business day of the period needs;
 * - walk-in p90: the wait nine in ten walk-ins stay under, pooled over the period's sessions;
 * - utilisation: expected service minutes / minutes the recommended windows are open.
 */
import type { CityProfile } from "@madoguchi/domain/Profile"
import { type BookableProcedure, bookingSettings } from "@madoguchi/domain/profile/Booking"
import type { PlanningSection } from "@madoguchi/domain/profile/Planning"
import { defaultPlanning, serviceMinutesOf } from "@madoguchi/domain/profile/Planning"
import { Values } from "@madoguchi/domain"
import { Schema } from "effect"
import * as Calendar from "./Calendar.ts"
import * as Capacity from "./Capacity.ts"
import * as Demand from "./Demand.ts"
import { eachMonth, weekStartOf } from "./internal/dates.ts"
import { mixSeed } from "./internal/random.ts"
import * as Queueing from "./Queueing.ts"
import * as Simulation from "./Simulation.ts"
import * as Staffing from "./Staffing.ts"

type Mix = Readonly<Partial<Record<BookableProcedure, number>>>

/** Longest plan one request may ask for, in months. @category constants */
export const maxMonths = 36

/** The months asked for are not a range we plan. @category errors */
export class PlanRangeInvalid extends Schema.TaggedError<PlanRangeInvalid>("@madoguchi/scheduling/PlanRangeInvalid")(
  "PlanRangeInvalid",
  { from: Schema.String, to: Schema.String, problem: Schema.Literals(["reversed", "too_long"]) }
) {
  get ja(): string {
    return this.problem === "reversed"
      ? `開始月 ${this.from} が終了月 ${this.to} より後です`
      : `期間が長すぎます(${this.from}〜${this.to}、最大 ${maxMonths} か月)`
  }
  get en(): string {
    return this.problem === "reversed"
      ? `the plan starts ${this.from}, after its end ${this.to}`
      : `the plan ${this.from}–${this.to} is too long (at most ${maxMonths} months)`
  }
  override get message(): string {
    return this.en
  }
}

/** Check the months of a plan before computing it. @category planning */
export const checkRange = (from: string, to: string): PlanRangeInvalid | undefined =>
  from > to
    ? new PlanRangeInvalid({ from, to, problem: "reversed" })
    : eachMonth(from, to).length > maxMonths
      ? new PlanRangeInvalid({ from, to, problem: "too_long" })
      : undefined

/** Phone lines on a business day. @category models */
export interface PhoneDay {
  readonly calls: number
  readonly peakCallsPerHour: number
  readonly linesRecommended: number
  readonly serviceLevel: number
  readonly blocking: number
  /** The contract's line count, assessed. */
  readonly requested?: Queueing.LinesAssessment
}

/** The plan of one session. @category models */
export interface DayPlan {
  readonly date: string
  readonly site: string
  readonly kind: Calendar.Session["kind"]
  /** Placed for planning: the city has not designated the date yet. */
  readonly provisional: boolean
  readonly opens: string
  readonly closes: string
  readonly openMinutes: number
  /** Visits the demand model expects here (before no-shows), by channel and procedure. */
  readonly demand: {
    readonly reserved: number
    readonly walkIn: number
    readonly total: number
    readonly byProcedure: Mix
  }
  /** Bookings the plan offers here (reservations levelled across the month's sessions). */
  readonly reservationsPlanned: number
  /** Bookings to offer per hour: `{ from: "09:00", count }`. */
  readonly reservationsPerHour: ReadonlyArray<{ readonly from: string; readonly count: number }>
  readonly windowsAvailable?: number
  readonly windowsRecommended: number
  readonly capacityVisits: number
  readonly utilisation: number
  /** Analytic walk-in wait; `null` minutes = overloaded. */
  readonly walkInWait: {
    readonly pWait: number
    readonly meanMinutes: number | null
    readonly p90Minutes: number | null
  }
  readonly phone?: PhoneDay
  readonly staffing: Staffing.Staffing
}

/** The public month row (the contract of `GET …/capacity-plan`). @category models */
export interface MonthPlan {
  readonly month: string
  readonly businessDays: number
  readonly demandVisits: number
  readonly capacityVisits: number
  readonly gapVisits: number
  readonly windowsRecommended: number
  readonly phoneLinesRecommended: number
  readonly walkInWaitP90Minutes: number | null
  readonly utilisation: number
}

/** A week (Monday first), same fields. @category models */
export interface WeekPlan extends Omit<MonthPlan, "month"> {
  readonly week: string
}

/** @category models */
export interface CapacityPlan {
  readonly city: string
  readonly from: string
  readonly to: string
  readonly months: ReadonlyArray<MonthPlan>
  readonly weeks: ReadonlyArray<WeekPlan>
  readonly days: ReadonlyArray<DayPlan>
  readonly assumptions: Assumptions
}

/** What the plan assumed, every number named. @category models */
export interface Assumptions {
  readonly definitions: Readonly<Record<string, string>>
  readonly sites: ReadonlyArray<string>
  readonly serviceMinutes: Readonly<Record<string, number>>
  readonly streams: PlanningSection["streams"]
  readonly series: ReadonlyArray<{ readonly kind: string; readonly basis: string; readonly source?: string }>
  /** Months whose demand leans on expiries outside the forecast table (share computed from the table). */
  readonly extendedForecast: ReadonlyArray<{ readonly month: string; readonly coverage: number }>
  readonly parameters: Omit<PlanningSection, "series" | "streams">
}

/** Internal: a built session with everything the simulation needs. */
interface Built {
  readonly session: Demand.PlannedSession
  readonly load: Capacity.SessionLoad
  readonly plan: Capacity.SessionPlan
  readonly reservedMix: Mix
  readonly walkInMix: Mix
  readonly naturalReserved: number
}

const round = (n: number, digits = 0) => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

const finite = (n: number, digits = 1): number | null => (Number.isFinite(n) ? round(n, digits) : null)

/** Squared coefficient of variation of service for a mix with per-procedure lognormal cv. */
const cs2Of = (planning: PlanningSection, mix: Mix): number => {
  let n = 0
  let m1 = 0
  let m2 = 0
  for (const [p, v] of Object.entries(mix) as Array<[BookableProcedure, number]>) {
    const s = serviceMinutesOf(planning, p)
    n += v
    m1 += v * s
    m2 += v * s * s * (1 + planning.serviceCv ** 2)
  }
  if (n <= 0 || m1 <= 0) return planning.serviceCv ** 2
  m1 /= n
  m2 /= n
  return m2 / (m1 * m1) - 1
}

const scale = (mix: Mix, total: number): Mix => {
  const sum = Demand.totalOf(mix)
  if (sum <= 0) return {}
  return Object.fromEntries(Object.entries(mix).map(([p, v]) => [p, ((v ?? 0) * total) / sum])) as Mix
}

const addMix = (a: Mix, b: Mix): Mix => {
  const out: Partial<Record<BookableProcedure, number>> = { ...a }
  for (const [p, v] of Object.entries(b) as Array<[BookableProcedure, number]>) out[p] = (out[p] ?? 0) + v
  return out
}

/** The planning section of a profile, defaults filled. @category constructors */
export const planningOf = (profile: CityProfile): PlanningSection => profile.planning ?? defaultPlanning()

const targetsOf = (planning: PlanningSection): Capacity.Targets => ({
  walkInWaitP90Minutes: planning.targets.walkInWaitP90Minutes,
  maxUtilisation: planning.targets.maxUtilisation,
  bookableShare: planning.reservations.bookableShare,
  noShowRate: planning.reservations.noShowRate,
  priority: planning.reservations.priority
})

const MAX_WINDOWS = 40

const loadOf = (
  planning: PlanningSection,
  session: Demand.PlannedSession,
  walkIn: Mix,
  reserved: Mix
): Capacity.SessionLoad => {
  const openMinutes = Calendar.serviceMinutes(session)
  return {
    openMinutes,
    blocks: Capacity.blocksOf(Values.minutesOf(session.opens), openMinutes, planning.hourlyWalkIns),
    walkIns: Demand.totalOf(walkIn),
    walkInService: Demand.meanServiceOf(planning, walkIn),
    walkInCs2: cs2Of(planning, walkIn),
    reservedService: Demand.meanServiceOf(planning, reserved),
    reservedCs2: cs2Of(planning, reserved),
    takesReservations: session.reservation !== "none",
    takesWalkIns: session.reservation !== "required"
  }
}

/** Build every session of the plan. */
const build = (
  profile: CityProfile,
  planning: PlanningSection,
  from: string,
  to: string
): { built: Array<Built>; monthDemand: Map<string, Demand.MonthDemand> } => {
  const { sessions, days } = Demand.sessionsToPlan(profile, planning, from, to)
  const targets = targetsOf(planning)
  const built: Array<Built> = []
  const monthDemand = new Map<string, Demand.MonthDemand>()
  for (const month of eachMonth(from, to)) {
    const demand = Demand.monthly(planning, month)
    monthDemand.set(month, demand)
    const monthSessions = sessions.filter((s) => s.date.startsWith(month))
    const allocated = Demand.allocate(planning, demand, monthSessions, days)
    // Regular sessions share the month's bookings; plan them together.
    const regular = allocated.filter((a) => a.session.kind === "regular")
    const pool = regular.reduce<Mix>((acc, a) => addMix(acc, a.reserved), {})
    const reservedPool = Demand.totalOf(pool)
    const loads = regular.map((a) => loadOf(planning, a.session, a.walkIn, pool))
    const plans = Capacity.planSessions(
      loads,
      reservedPool,
      { targets, minWindows: planning.staffing.minimum.windows, maxWindows: MAX_WINDOWS },
      regular.map((a) => Demand.totalOf(a.walkIn) + Demand.totalOf(a.reserved))
    )
    regular.forEach((a, i) =>
      built.push({
        session: a.session,
        load: loads[i]!,
        plan: plans[i]!,
        reservedMix: scale(pool, plans[i]!.reserved),
        walkInMix: a.walkIn,
        naturalReserved: Demand.totalOf(a.reserved)
      })
    )
    // Holiday openings and outreach: their own volume, the windows it needs.
    for (const a of allocated.filter((x) => x.session.kind !== "regular")) {
      const reserved = Demand.totalOf(a.reserved)
      const load = loadOf(planning, a.session, a.walkIn, a.reserved)
      const plan =
        a.session.kind === "outreach" && a.session.windows !== undefined
          ? Capacity.sessionPlan(load, a.session.windows, reserved, targets)
          : Capacity.windowsFor(load, reserved, { targets, minWindows: 0, maxWindows: MAX_WINDOWS })
      built.push({
        session: a.session,
        load,
        plan,
        reservedMix: a.reserved,
        walkInMix: a.walkIn,
        naturalReserved: reserved
      })
    }
  }
  built.sort((a, b) =>
    a.session.date < b.session.date
      ? -1
      : a.session.date > b.session.date
        ? 1
        : a.session.opens < b.session.opens
          ? -1
          : 1
  )
  return { built, monthDemand }
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(Math.round(minutes % 60)).padStart(2, "0")}`

/** Capacity in visits of a session at `windows` windows, at the utilisation ceiling. */
const capacityAt = (planning: PlanningSection, b: Built, windows: number): number => {
  if (b.session.capacity !== undefined) return b.session.capacity
  const mix = addMix(b.walkInMix, b.reservedMix)
  const s = Demand.meanServiceOf(planning, mix)
  return (windows * b.load.openMinutes * planning.targets.maxUtilisation) / s
}

const phoneFor = (planning: PlanningSection, calls: number, openMinutes: number): PhoneDay => {
  const hours = Math.max(openMinutes / 60, 1e-9)
  const peak = (calls / hours) * planning.phone.peakHourFactor
  const targets = {
    answeredWithinSeconds: planning.phone.answeredWithinSeconds,
    serviceLevel: planning.phone.serviceLevel,
    maxBlocking: planning.phone.maxBlocking
  }
  const best = Queueing.linesFor(peak, planning.phone.handleMinutes, targets)
  const requested =
    planning.phone.requestedLines !== undefined
      ? Queueing.assessLines(planning.phone.requestedLines, peak, planning.phone.handleMinutes, targets)
      : undefined
  const tidy = (a: Queueing.LinesAssessment): Queueing.LinesAssessment => ({
    ...a,
    load: round(a.load, 3),
    serviceLevel: round(a.serviceLevel, 3),
    blocking: round(a.blocking, 3)
  })
  return {
    calls: round(calls, 1),
    peakCallsPerHour: round(peak, 2),
    linesRecommended: best.lines,
    serviceLevel: round(best.serviceLevel, 3),
    blocking: round(best.blocking, 3),
    ...(requested ? { requested: tidy(requested) } : {})
  }
}

const summarize = (
  planning: PlanningSection,
  days: ReadonlyArray<DayPlan>,
  builtByDay: ReadonlyArray<Built>
): Omit<MonthPlan, "month"> => {
  const regular = days.filter((d) => d.kind === "regular")
  const counters = days.filter((d) => d.kind !== "outreach")
  const components = builtByDay.flatMap((b) =>
    b.session.kind === "outreach"
      ? []
      : Capacity.walkInWait(b.load, b.plan.windows, b.plan.reserved, targetsOf(planning)).components
  )
  const work = builtByDay
    .filter((b) => b.session.kind !== "outreach")
    .reduce((a, b) => a + b.plan.utilisation * b.plan.windows * b.load.openMinutes, 0)
  const open = counters.reduce((a, d) => a + d.windowsRecommended * d.openMinutes, 0)
  const demand = days.reduce((a, d) => a + d.demand.total, 0)
  const capacity = days.reduce((a, d) => a + d.capacityVisits, 0)
  return {
    businessDays: new Set(regular.map((d) => d.date)).size,
    demandVisits: round(demand),
    capacityVisits: round(capacity),
    gapVisits: round(demand) - round(capacity),
    windowsRecommended: regular.reduce((a, d) => Math.max(a, d.windowsRecommended), 0),
    phoneLinesRecommended: days.reduce((a, d) => Math.max(a, d.phone?.linesRecommended ?? 0), 0),
    walkInWaitP90Minutes: finite(Capacity.pooledQuantile(components)),
    utilisation: open > 0 ? round(work / open, 3) : 0
  }
}

/**
 * The capacity plan of `profile` for months `from`–`to` (`YYYY-MM`).
 *
 * @category planning
 */
export const plan = (profile: CityProfile, from: string, to: string): CapacityPlan => {
  const planning = planningOf(profile)
  const { built, monthDemand } = build(profile, planning, from, to)
  const result = assemble(profile, planning, from, to, built, monthDemand)
  builtOf.set(result, built)
  return result
}

/** The sessions behind a plan, kept for the simulation check. */
const builtOf = new WeakMap<CapacityPlan, ReadonlyArray<Built>>()

const assemble = (
  profile: CityProfile,
  planning: PlanningSection,
  from: string,
  to: string,
  built: ReadonlyArray<Built>,
  monthDemand: ReadonlyMap<string, Demand.MonthDemand>
): CapacityPlan => {
  // Phone calls per business day: from the phone series, else per visit (plus phone bookings).
  const callsByDate = new Map<string, number>()
  for (const month of eachMonth(from, to)) {
    const monthBuilt = built.filter((b) => b.session.date.startsWith(month) && b.session.kind === "regular")
    const demand = monthDemand.get(month)!
    const visits = monthBuilt.reduce((a, b) => a + Demand.totalOf(b.walkInMix) + b.naturalReserved, 0)
    const weightOf = (b: Built) => Demand.totalOf(b.walkInMix) + b.naturalReserved
    const totalCalls =
      demand.phoneCalls ??
      planning.phone.callsPerVisit * demand.total +
        planning.phone.bookingCallsShare * Object.values(demand.byProcedure).reduce((a, v) => a + (v?.reserved ?? 0), 0)
    for (const b of monthBuilt)
      callsByDate.set(
        b.session.date,
        (callsByDate.get(b.session.date) ?? 0) + (visits > 0 ? (totalCalls * weightOf(b)) / visits : 0)
      )
  }
  const phoneDone = new Set<string>()
  const days: Array<DayPlan> = built.map((b): DayPlan => {
    const { session, plan: p, load } = b
    const naturalReserved = b.naturalReserved
    const walkIn = Demand.totalOf(b.walkInMix)
    const firstRegularOfDate = session.kind === "regular" && !phoneDone.has(session.date)
    if (firstRegularOfDate) phoneDone.add(session.date)
    const phone = firstRegularOfDate
      ? phoneFor(planning, callsByDate.get(session.date) ?? 0, load.openMinutes)
      : undefined
    const available = session.windows
    const cards =
      (b.reservedMix.card_issuance ?? 0) * (1 - planning.reservations.noShowRate) + (b.walkInMix.card_issuance ?? 0)
    const staffing = Staffing.recommend(planning, {
      kind: session.kind,
      windows: p.windows,
      phoneLines: phone?.linesRecommended ?? 0,
      cards,
      staffMinutes: Values.minutesOf(session.staffUntil) - Values.minutesOf(session.staffFrom)
    })
    const opensAt = Values.minutesOf(session.opens)
    return {
      date: session.date,
      site: session.site,
      kind: session.kind,
      provisional: session.provisional,
      opens: session.opens,
      closes: session.closes,
      openMinutes: load.openMinutes,
      demand: {
        reserved: round(naturalReserved, 2),
        walkIn: round(walkIn, 2),
        total: round(naturalReserved + walkIn, 2),
        byProcedure: Object.fromEntries(
          Object.entries(
            addMix(b.walkInMix, b.session.kind === "regular" ? scale(b.reservedMix, naturalReserved) : b.reservedMix)
          ).map(([k, v]) => [k, round(v ?? 0, 2)])
        ) as Mix
      },
      reservationsPlanned: round(p.reserved, 1),
      reservationsPerHour: load.blocks.map((block, i) => ({
        from: hhmm(opensAt + block.start),
        count: round(p.reservedPerBlock[i] ?? 0, 1)
      })),
      ...(available !== undefined ? { windowsAvailable: available } : {}),
      windowsRecommended: staffing.windows,
      capacityVisits: round(capacityAt(planning, b, available ?? p.windows), 1),
      utilisation: round(p.utilisation, 3),
      walkInWait: {
        pWait: round(p.wait.pWait, 3),
        meanMinutes: finite(p.wait.meanWait),
        p90Minutes: finite(p.wait.p90)
      },
      ...(phone ? { phone } : {}),
      staffing
    }
  })
  const months = eachMonth(from, to).map((month): MonthPlan => {
    const idx = days.map((d, i) => [d, i] as const).filter(([d]) => d.date.startsWith(month))
    return {
      month,
      ...summarize(
        planning,
        idx.map(([d]) => d),
        idx.map(([, i]) => built[i]!)
      )
    }
  })
  const weekKeys = [...new Set(days.map((d) => weekStartOf(d.date)))].sort()
  const weeks = weekKeys.map((week): WeekPlan => {
    const idx = days.map((d, i) => [d, i] as const).filter(([d]) => weekStartOf(d.date) === week)
    return {
      week,
      ...summarize(
        planning,
        idx.map(([d]) => d),
        idx.map(([, i]) => built[i]!)
      )
    }
  })
  const procedures = new Set<BookableProcedure>()
  for (const d of monthDemand.values())
    for (const p of Object.keys(d.byProcedure)) procedures.add(p as BookableProcedure)
  const { series, streams, ...parameters } = planning
  return {
    city: profile.slug,
    from,
    to,
    months,
    weeks,
    days,
    assumptions: {
      definitions: {
        demandVisits:
          "visits the demand model expects at the planned sessions (counter, holiday openings, outreach), before no-shows",
        capacityVisits:
          "visits the windows the profile has can serve at targets.maxUtilisation with the session's procedure mix (the recommended windows where the profile gives none)",
        gapVisits: "demandVisits − capacityVisits; positive = short of capacity",
        windowsRecommended:
          "the most windows any regular business day of the period needs to meet the targets (holiday openings and outreach: see days)",
        phoneLinesRecommended:
          "the most phone lines any business day needs (Erlang C service level and Erlang B blocking in the busiest hour)",
        walkInWaitP90Minutes:
          "nine in ten walk-ins are called within this many minutes under the recommended windows (Erlang C; walk-ins see the windows reservations leave; Allen–Cunneen factor (1 + cs²)/2); null = overloaded",
        utilisation: "expected service minutes / minutes the recommended windows are open"
      },
      sites: Demand.plannedSites(profile, planning),
      serviceMinutes: Object.fromEntries([...procedures].sort().map((p) => [p, serviceMinutesOf(planning, p)])),
      streams,
      series: series.map((s) => ({ kind: s.kind, basis: s.basis, ...(s.source ? { source: s.source } : {}) })),
      extendedForecast: [...monthDemand.values()]
        .filter((d) => d.coverage < 0.999)
        .map((d) => ({ month: d.month, coverage: round(d.coverage, 3) })),
      parameters
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Simulation check
// ---------------------------------------------------------------------------------------------

/** Split a fractional total into whole numbers that add up (largest remainders). */
const apportion = (parts: ReadonlyArray<number>, total: number): Array<number> => {
  const sum = parts.reduce((a, b) => a + b, 0)
  if (sum <= 0 || total <= 0) return parts.map(() => 0)
  const exact = parts.map((p) => (p * total) / sum)
  const floors = exact.map(Math.floor)
  let rest = total - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (rest <= 0) break
    floors[i]!++
    rest--
  }
  return floors
}

/** The simulation model of one planned session. @category simulation */
export const dayModel = (
  planning: PlanningSection,
  load: Capacity.SessionLoad,
  windows: number,
  reservedPerBlock: ReadonlyArray<number>,
  reservedMix: Mix,
  walkInMix: Mix,
  lateAfterMinutes?: number
): Simulation.DayModel => {
  const bookings = Math.round(reservedPerBlock.reduce((a, b) => a + b, 0))
  const perBlock = apportion(reservedPerBlock, bookings)
  const procs = Object.keys(reservedMix) as Array<BookableProcedure>
  const counts = apportion(
    procs.map((p) => reservedMix[p] ?? 0),
    bookings
  )
  // Interleave procedures through the day (deterministic).
  const sequence: Array<BookableProcedure> = []
  const used = procs.map(() => 0)
  for (let k = 0; k < bookings; k++) {
    let best = 0
    let bestScore = -Infinity
    procs.forEach((_, i) => {
      const score = (counts[i]! * (k + 1)) / bookings - used[i]!
      if (score > bestScore) {
        bestScore = score
        best = i
      }
    })
    used[best]!++
    sequence.push(procs[best]!)
  }
  const appointments: Array<{ time: number; procedure: string }> = []
  let q = 0
  load.blocks.forEach((block, i) => {
    const n = perBlock[i]!
    for (let j = 0; j < n; j++)
      appointments.push({
        time: block.start + ((j + 0.5) * block.minutes) / n,
        procedure: sequence[q++] ?? "card_issuance"
      })
  })
  const weight = load.blocks.reduce((a, b) => a + b.walkInWeight * b.minutes, 0)
  const walkIns = load.takesWalkIns
    ? load.blocks.map((b) => ({
        from: b.start,
        to: b.start + b.minutes,
        rate: weight > 0 ? (load.walkIns * b.walkInWeight) / weight : 0
      }))
    : []
  const serviceMinutes: Record<string, number> = {}
  for (const p of [...Object.keys(reservedMix), ...Object.keys(walkInMix)] as Array<BookableProcedure>)
    serviceMinutes[p] = serviceMinutesOf(planning, p)
  return {
    openMinutes: load.openMinutes,
    windows,
    appointments,
    walkIns,
    walkInMix: walkInMix as Record<string, number>,
    serviceMinutes,
    serviceCv: planning.serviceCv,
    noShowRate: planning.reservations.noShowRate,
    arrivalOffsetMinutes: planning.reservations.arrivalOffsetMinutes,
    arrivalSdMinutes: planning.reservations.arrivalSdMinutes,
    priority: planning.reservations.priority,
    ...(lateAfterMinutes !== undefined ? { lateAfterMinutes } : {})
  }
}

/** Simulated month. @category models */
export interface MonthCheck {
  readonly month: string
  readonly sessions: number
  readonly walkIns: Simulation.WaitSummary
  readonly reserved: Simulation.WaitSummary
  /** Simulated service minutes / open window-minutes over the month's counter sessions. */
  readonly utilisation: number
  readonly overtimeMinutes: number
  /** Sessions whose simulated walk-in p90 missed the target. */
  readonly sessionsOverTarget: number
}

/** @category models */
export interface PlanCheck {
  readonly replications: number
  readonly seed: number
  readonly months: ReadonlyArray<MonthCheck>
}

const pooled = (parts: ReadonlyArray<Float64Array>): Float64Array => {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

const summary = Simulation.summarizeWaits

type Variant = (b: Built) => { readonly windows: number; readonly perBlock: ReadonlyArray<number>; readonly mix: Mix }

/** Options of the simulation check. @category models */
export interface CheckOptions {
  readonly replications?: number
  readonly seed?: number
  /** Only these months (`YYYY-MM`). */
  readonly months?: ReadonlyArray<string>
}

const sessionsOf = (profile: CityProfile, p: CapacityPlan): ReadonlyArray<Built> =>
  builtOf.get(p) ?? build(profile, planningOf(profile), p.from, p.to).built

const checkWith = (profile: CityProfile, p: CapacityPlan, variant: Variant, options: CheckOptions): PlanCheck => {
  const planning = planningOf(profile)
  const built = sessionsOf(profile, p)
  // The booking rule: after this many minutes late a booking is served after those waiting.
  const lateAfter = profile.booking ? bookingSettings(profile.booking).noShowAfterMinutes : undefined
  const replications = options.replications ?? planning.simulation.replications
  const seed = options.seed ?? planning.simulation.seed
  const months = (options.months ?? eachMonth(p.from, p.to)).map((month): MonthCheck => {
    const sessions = built.filter((b) => b.session.date.startsWith(month) && b.session.kind !== "outreach")
    const walk: Array<Float64Array> = []
    const res: Array<Float64Array> = []
    let busy = 0
    let open = 0
    let overtime = 0
    let over = 0
    sessions.forEach((b, index) => {
      const v = variant(b)
      const model = dayModel(planning, b.load, v.windows, v.perBlock, v.mix, b.walkInMix, lateAfter)
      const sessionWalk: Array<Float64Array> = []
      for (let r = 0; r < replications; r++) {
        const run = Simulation.runDay(model, mixSeed(seed, Number(b.session.date.replaceAll("-", "")), index, r))
        sessionWalk.push(run.walkInWaits)
        res.push(run.reservedWaits)
        busy += run.utilisation * v.windows * b.load.openMinutes
        open += v.windows * b.load.openMinutes
        overtime += run.overtimeMinutes
      }
      const w = pooled(sessionWalk)
      walk.push(w)
      if (summary(w).p90 > planning.targets.walkInWaitP90Minutes) over++
    })
    return {
      month,
      sessions: sessions.length,
      walkIns: summary(pooled(walk)),
      reserved: summary(pooled(res)),
      utilisation: open > 0 ? busy / open : 0,
      overtimeMinutes: sessions.length > 0 ? overtime / (sessions.length * replications) : 0,
      sessionsOverTarget: over
    }
  })
  return { replications, seed, months }
}

/**
 * Simulate the recommended plan, session by session (the simulation check).
 *
 * @category simulation
 */
export const check = (profile: CityProfile, p: CapacityPlan, options: CheckOptions = {}): PlanCheck =>
  checkWith(
    profile,
    p,
    (b) => ({ windows: b.plan.windows, perBlock: b.plan.reservedPerBlock, mix: b.reservedMix }),
    options
  )

/**
 * The windows a planner without a forecast would open every day: the whole period's workload over
 * its open minutes at the utilisation ceiling, rounded up.
 *
 * @category simulation
 */
export const flatWindows = (profile: CityProfile, p: CapacityPlan): number => {
  const planning = planningOf(profile)
  const regular = sessionsOf(profile, p).filter((b) => b.session.kind === "regular")
  const work = regular.reduce(
    (a, b) =>
      a +
      Demand.totalOf(b.walkInMix) * b.load.walkInService +
      b.naturalReserved * (1 - planning.reservations.noShowRate) * b.load.reservedService,
    0
  )
  const minutes = regular.reduce((a, b) => a + b.load.openMinutes, 0)
  return Math.max(planning.staffing.minimum.windows, Math.ceil(work / (minutes * planning.targets.maxUtilisation)))
}

/**
 * Simulate a naive flat plan beside the recommended one: `windows` windows at every regular session,
 * bookings taken as they come (each session's expected bookings, spread evenly over its hours).
 *
 * @category simulation
 */
export const checkFlat = (
  profile: CityProfile,
  p: CapacityPlan,
  windows: number,
  options: CheckOptions = {}
): PlanCheck =>
  checkWith(
    profile,
    p,
    (b) =>
      b.session.kind === "regular"
        ? {
            windows,
            perBlock: b.load.blocks.map((block) => (b.naturalReserved * block.minutes) / b.load.openMinutes),
            mix: scale(b.reservedMix, b.naturalReserved)
          }
        : { windows: b.plan.windows, perBlock: b.plan.reservedPerBlock, mix: b.reservedMix },
    options
  )

/** The month with the most demand. @category planning */
export const peakMonth = (p: CapacityPlan): MonthPlan | undefined =>
  p.months.reduce<MonthPlan | undefined>(
    (best, m) => (best === undefined || m.demandVisits > best.demandVisits ? m : best),
    undefined
  )

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** Month columns of the CSV, in the contract's order. @category csv */
export const monthColumns = [
  "month",
  "businessDays",
  "demandVisits",
  "capacityVisits",
  "gapVisits",
  "windowsRecommended",
  "phoneLinesRecommended",
  "walkInWaitP90Minutes",
  "utilisation"
] as const

/** The months of a plan as CSV (UTF-8, CRLF, header row). @category csv */
export const toCsv = (p: CapacityPlan): string =>
  [monthColumns.join(","), ...p.months.map((m) => monthColumns.map((c) => csvCell(m[c])).join(","))].join("\r\n") +
  "\r\n"

/** The sessions of a plan as CSV (one row per session). @category csv */
export const daysToCsv = (p: CapacityPlan): string => {
  const columns = [
    "date",
    "site",
    "kind",
    "provisional",
    "opens",
    "closes",
    "demandVisits",
    "reservedDemand",
    "walkInDemand",
    "reservationsPlanned",
    "windowsAvailable",
    "windowsRecommended",
    "capacityVisits",
    "utilisation",
    "walkInWaitP90Minutes",
    "phoneCalls",
    "phoneLinesRecommended",
    "staffTotal"
  ]
  const rows = p.days.map((d) =>
    [
      d.date,
      d.site,
      d.kind,
      d.provisional,
      d.opens,
      d.closes,
      d.demand.total,
      d.demand.reserved,
      d.demand.walkIn,
      d.reservationsPlanned,
      d.windowsAvailable ?? "",
      d.windowsRecommended,
      d.capacityVisits,
      d.utilisation,
      d.walkInWait.p90Minutes,
      d.phone ? round(d.phone.calls, 1) : "",
      d.phone?.linesRecommended ?? "",
      d.staffing.total
    ]
      .map(csvCell)
      .join(",")
  )
  return [columns.join(","), ...rows].join("\r\n") + "\r\n"
}
