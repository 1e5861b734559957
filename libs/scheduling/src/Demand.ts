/**
 * The demand model: from the profile's series (expiry forecasts, past volumes) to expected counter
 * visits per month, procedure and channel, and then per session of the calendar.
 *
 * Month by month, each demand stream of the profile gives visits:
 * - `expiry`: visits(M) = uptake × Σₖ expiries(M − k) × lead(k), where lead(k) is the share who
 *   come k months after their expiry month (negative = before; the window opens 3 months before);
 * - `reference`: the same month of a reference year (or 1/12 of a reference fiscal year) × growth;
 * - `direct`: the series month itself.
 * Visits split into reserved / walk-in / outreach by the stream's channel shares.
 *
 * Day by day: outreach visits go to the month's outreach sessions; holiday openings take their
 * planned volume from the reserved visits of the procedures they serve; the rest is spread over the
 * regular sessions by weekday weight × the after-holiday factor × session length. Every number comes
 * from a named parameter of `planning` (see the README).
 */
import type { CityProfile } from "@madoguchi/domain/Profile"
import type { Weekday } from "@madoguchi/domain/profile/Calendar"
import type { DemandStream, PlanningSection } from "@madoguchi/domain/profile/Planning"
import { serviceMinutesOf } from "@madoguchi/domain/profile/Planning"
import type { BookableProcedure } from "@madoguchi/domain/profile/Booking"
import * as Calendar from "./Calendar.ts"
import * as Forecast from "./Forecast.ts"
import { addDays, eachDay, firstDayOf, lastDayOf } from "./internal/dates.ts"

/** Visits by channel. @category models */
export interface Visits {
  readonly reserved: number
  readonly walkIn: number
  readonly outreach: number
}

/** Expected visits of one month. @category models */
export interface MonthDemand {
  readonly month: string
  readonly byProcedure: Readonly<Partial<Record<BookableProcedure, Visits>>>
  readonly total: number
  /** Share of the month's visits computed from table months rather than extended past the table (1 = all). */
  readonly coverage: number
  readonly streams: ReadonlyArray<{
    readonly id: string
    readonly procedure: BookableProcedure
    readonly visits: number
  }>
  /** Phone calls of the month from a `phone_calls` series, when the profile has one. */
  readonly phoneCalls?: number
}

const leadOf = (planning: PlanningSection, stream: DemandStream): ReadonlyArray<readonly [number, number]> => {
  const table =
    stream.leadMonths ??
    (stream.series === "card_expiry" || stream.series === "cert_expiry"
      ? planning.leadMonths[stream.series]
      : { "0": 1 })
  return Object.entries(table).map(([k, share]) => [Number(k), share] as const)
}

/** Visits of one stream in one month, and how much of that came from table months. */
const streamVisits = (
  planning: PlanningSection,
  stream: DemandStream,
  month: string
): { visits: number; actual: number } => {
  switch (stream.method) {
    case "expiry": {
      let visits = 0
      let actual = 0
      for (const [k, share] of leadOf(planning, stream)) {
        const lookup = Forecast.monthCount(
          planning.series,
          stream.series,
          Forecast.shiftMonth(month, -k),
          planning.beyondForecast
        )
        const v = stream.uptake * lookup.count * share
        visits += v
        if (lookup.actual) actual += v
      }
      return { visits, actual }
    }
    case "reference": {
      if (stream.referenceFiscalYear !== undefined) {
        const total = Forecast.fiscalYearCount(planning.series, stream.series, stream.referenceFiscalYear)
        const visits = ((total ?? 0) / 12) * stream.growth * stream.uptake
        return { visits, actual: total === undefined ? 0 : visits }
      }
      const ref = stream.referenceYear !== undefined ? Forecast.sameMonthIn(month, stream.referenceYear) : month
      const lookup = Forecast.monthCount(planning.series, stream.series, ref, "zero")
      const visits = lookup.count * stream.growth * stream.uptake
      return { visits, actual: lookup.actual ? visits : 0 }
    }
    case "direct": {
      const lookup = Forecast.monthCount(planning.series, stream.series, month, planning.beyondForecast)
      const visits = lookup.count * stream.uptake
      return { visits, actual: lookup.actual ? visits : 0 }
    }
  }
}

/**
 * Expected visits of `month` by procedure and channel.
 *
 * @category demand
 */
export const monthly = (planning: PlanningSection, month: string): MonthDemand => {
  const byProcedure: Partial<Record<BookableProcedure, { reserved: number; walkIn: number; outreach: number }>> = {}
  let total = 0
  let actual = 0
  const streams: Array<{ id: string; procedure: BookableProcedure; visits: number }> = []
  for (const stream of planning.streams) {
    const v = streamVisits(planning, stream, month)
    const channels = stream.channels ?? planning.channels
    const slot = (byProcedure[stream.procedure] ??= { reserved: 0, walkIn: 0, outreach: 0 })
    slot.reserved += v.visits * channels.reserved
    slot.walkIn += v.visits * channels.walkIn
    slot.outreach += v.visits * channels.outreach
    total += v.visits
    actual += v.actual
    streams.push({ id: stream.id, procedure: stream.procedure, visits: v.visits })
  }
  const phoneSeries = planning.series.some((s) => s.kind === "phone_calls")
  const phoneCalls = phoneSeries
    ? Forecast.monthCount(
        planning.series,
        "phone_calls",
        planning.phone.referenceYear !== undefined ? Forecast.sameMonthIn(month, planning.phone.referenceYear) : month,
        "zero"
      ).count
    : undefined
  return {
    month,
    byProcedure,
    total,
    coverage: total > 0 ? actual / total : 1,
    streams,
    ...(phoneCalls !== undefined ? { phoneCalls } : {})
  }
}

/** A session the planner plans for: a calendar session, or a provisional one placed for planning. @category models */
export interface PlannedSession extends Calendar.Session {
  /** A holiday opening or outreach whose date the city has not designated yet, placed evenly in its month. */
  readonly provisional: boolean
}

/** Visits expected at one session, by procedure. @category models */
export interface SessionDemand {
  readonly session: PlannedSession
  readonly reserved: Readonly<Partial<Record<BookableProcedure, number>>>
  readonly walkIn: Readonly<Partial<Record<BookableProcedure, number>>>
  /** The first business day after three or more closed days (連休明け). */
  readonly afterClosure: boolean
}

/** The sites whose windows are planned. @category demand */
export const plannedSites = (profile: CityProfile, planning: PlanningSection): ReadonlyArray<string> =>
  planning.sites ?? profile.sites.filter((s) => s.kind === "counter" || s.kind === "special_counter").map((s) => s.id)

const placeProvisional = (
  profile: CityProfile,
  days: ReadonlyArray<Calendar.CalendarDay>,
  month: string
): Array<PlannedSession> => {
  const section = Calendar.sectionOf(profile)
  const out: Array<PlannedSession> = []
  for (const opening of section.openings) {
    const k = opening.expectedPerMonth
    if (!k || opening.dates.some((d) => d.startsWith(month))) continue
    const allowed: ReadonlyArray<Weekday> =
      opening.expectedWeekdays ??
      (opening.kind === "holiday_opening" ? ["sat", "sun"] : ["mon", "tue", "wed", "thu", "fri"])
    const candidates = days.filter(
      (d) =>
        d.date.startsWith(month) &&
        allowed.includes(d.weekday) &&
        (opening.from === undefined || d.date >= opening.from) &&
        (opening.to === undefined || d.date <= opening.to) &&
        !Calendar.isYearEnd(section, d.date) &&
        !section.closures.some(
          (c) =>
            d.date >= c.from && d.date <= (c.to ?? c.from) && (c.sites === undefined || c.sites.includes(opening.site))
        ) &&
        !d.sessions.some((s) => s.site === opening.site)
    )
    if (candidates.length === 0) continue
    const n = Math.min(Math.round(k), candidates.length)
    for (let i = 0; i < n; i++) {
      const day = candidates[Math.floor(((i + 0.5) * candidates.length) / n)]!
      const site = profile.sites.find((s) => s.id === opening.site)
      const procedures = opening.procedures ?? site?.procedures
      const windows = opening.windows ?? site?.windows
      out.push({
        date: day.date,
        site: opening.site,
        kind: opening.kind,
        opening: opening.id,
        ...(opening.label ? { label: opening.label } : {}),
        opens: opening.hours.opens,
        closes: opening.hours.closes,
        staffFrom: opening.hours.staffFrom ?? opening.hours.opens,
        staffUntil: opening.hours.staffUntil ?? opening.hours.closes,
        ...(procedures ? { procedures } : {}),
        reservation: opening.reservation,
        ...(windows !== undefined ? { windows } : {}),
        ...(opening.capacity !== undefined ? { capacity: opening.capacity } : {}),
        designated: false,
        provisional: true
      })
    }
  }
  return out
}

/**
 * The sessions to plan in `from`–`to` (months `YYYY-MM`): the calendar's sessions at planned sites,
 * outreach sessions anywhere, and provisional sessions for openings whose dates are not designated.
 * Also returns the calendar days (from a week before, to see closures before the first day).
 *
 * @category demand
 */
export const sessionsToPlan = (
  profile: CityProfile,
  planning: PlanningSection,
  from: string,
  to: string
): { readonly sessions: ReadonlyArray<PlannedSession>; readonly days: ReadonlyArray<Calendar.CalendarDay> } => {
  const start = firstDayOf(from)
  const end = lastDayOf(to)
  const days = Calendar.days(profile, addDays(start, -10), end)
  const sites = new Set(plannedSites(profile, planning))
  const inRange = days.filter((d) => d.date >= start)
  const sessions: Array<PlannedSession> = inRange.flatMap((d) =>
    d.sessions.filter((s) => sites.has(s.site) || s.kind === "outreach").map((s) => ({ ...s, provisional: false }))
  )
  const months = new Set(inRange.map((d) => d.date.slice(0, 7)))
  for (const month of months)
    sessions.push(
      ...placeProvisional(profile, inRange, month).filter((s) => sites.has(s.site) || s.kind === "outreach")
    )
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.opens < b.opens ? -1 : 1))
  return { sessions, days }
}

const serves = (session: PlannedSession, procedure: string) =>
  session.procedures === undefined || session.procedures.includes(procedure)

/** Minutes of service a session offers across its windows (1 window when unknown). */
const windowMinutes = (session: PlannedSession) => Calendar.serviceMinutes(session) * Math.max(session.windows ?? 1, 1)

/** Visits a holiday opening is planned for, and its procedure mix. */
const holidayOpeningPlan = (
  planning: PlanningSection,
  session: PlannedSession
): { readonly visits: number; readonly mix: Partial<Record<BookableProcedure, number>> } => {
  const observed = planning.holidayOpenings.observed
  const mix: Partial<Record<BookableProcedure, number>> = {}
  let observedTotal = 0
  for (const o of observed)
    for (const [p, n] of Object.entries(o.counts) as Array<[BookableProcedure, number]>) {
      mix[p] = (mix[p] ?? 0) + n
      observedTotal += n
    }
  for (const p of Object.keys(mix) as Array<BookableProcedure>) mix[p] = mix[p]! / Math.max(observedTotal, 1)
  if (planning.holidayOpenings.visitsPerSession !== undefined)
    return { visits: planning.holidayOpenings.visitsPerSession, mix }
  if (observed.length > 0) return { visits: observedTotal / observed.length, mix }
  // Unknown: what the windows can serve at the planning ceiling, with the month's mix.
  const minutes = windowMinutes(session) * planning.targets.maxUtilisation
  return { visits: minutes / 10, mix }
}

/**
 * Spread one month's visits over its sessions.
 *
 * @category demand
 */
export const allocate = (
  planning: PlanningSection,
  demand: MonthDemand,
  sessions: ReadonlyArray<PlannedSession>,
  days: ReadonlyArray<Calendar.CalendarDay>
): ReadonlyArray<SessionDemand> => {
  const procedures = Object.keys(demand.byProcedure) as Array<BookableProcedure>
  const remainingReserved: Partial<Record<BookableProcedure, number>> = {}
  for (const p of procedures) remainingReserved[p] = demand.byProcedure[p]!.reserved
  const out = new Map<
    PlannedSession,
    {
      reserved: Partial<Record<BookableProcedure, number>>
      walkIn: Partial<Record<BookableProcedure, number>>
      afterClosure: boolean
    }
  >()
  const entry = (s: PlannedSession) => {
    let e = out.get(s)
    if (!e) {
      e = { reserved: {}, walkIn: {}, afterClosure: false }
      out.set(s, e)
    }
    return e
  }
  // Outreach visits: to the month's outreach sessions by their capacity (or window-minutes).
  const outreach = sessions.filter((s) => s.kind === "outreach")
  const outreachWeight = (s: PlannedSession) => s.capacity ?? windowMinutes(s)
  const outreachTotal = outreach.reduce((a, s) => a + outreachWeight(s), 0)
  for (const s of outreach) {
    const e = entry(s)
    for (const p of procedures) {
      const v = demand.byProcedure[p]!.outreach
      if (v > 0 && outreachTotal > 0 && serves(s, p)) e.reserved[p] = (v * outreachWeight(s)) / outreachTotal
    }
  }
  // Holiday openings: their planned volume, from the reserved visits of what they serve.
  for (const s of sessions.filter((x) => x.kind === "holiday_opening")) {
    const plan = holidayOpeningPlan(planning, s)
    const served = procedures.filter((p) => serves(s, p))
    const mixTotal = served.reduce((a, p) => a + (plan.mix[p] ?? 0), 0)
    const reservedTotal = served.reduce((a, p) => a + (remainingReserved[p] ?? 0), 0)
    const e = entry(s)
    for (const p of served) {
      const share =
        mixTotal > 0
          ? (plan.mix[p] ?? 0) / mixTotal
          : reservedTotal > 0
            ? (remainingReserved[p] ?? 0) / reservedTotal
            : 0
      const v = Math.min(plan.visits * share, remainingReserved[p] ?? 0)
      if (v > 0) {
        e.reserved[p] = v
        remainingReserved[p] = (remainingReserved[p] ?? 0) - v
      }
    }
  }
  // Regular sessions: weekday weight × after-closure factor × length.
  const regular = sessions.filter((s) => s.kind === "regular")
  const openDates = new Map<string, Set<string>>()
  for (const d of days)
    openDates.set(d.date, new Set(d.sessions.filter((s) => s.kind === "regular").map((s) => s.site)))
  const afterClosure = (s: PlannedSession) => {
    let closed = 0
    for (let d = addDays(s.date, -1); closed < 3; d = addDays(d, -1)) {
      const sites = openDates.get(d)
      if (sites === undefined || sites.has(s.site)) break
      closed++
    }
    return closed >= 3
  }
  const weekdayOf = new Map(days.map((d) => [d.date, d.weekday] as const))
  const weights = regular.map((s) => {
    const weekday = weekdayOf.get(s.date) ?? "mon"
    const after = afterClosure(s)
    entry(s).afterClosure = after
    return (
      (planning.weekdayWeights[weekday] ?? 1) * (after ? planning.afterClosureFactor : 1) * Calendar.serviceMinutes(s)
    )
  })
  const share = (i: number, eligible: (s: PlannedSession) => boolean) => {
    const total = regular.reduce((a, s, j) => a + (eligible(s) ? weights[j]! : 0), 0)
    return total > 0 && eligible(regular[i]!) ? weights[i]! / total : 0
  }
  regular.forEach((s, i) => {
    const e = entry(s)
    for (const p of procedures) {
      const walk = demand.byProcedure[p]!.walkIn
      const res = remainingReserved[p] ?? 0
      const w = share(i, (x) => x.reservation !== "required" && serves(x, p))
      const r = share(i, (x) => x.reservation !== "none" && serves(x, p))
      if (walk * w > 0) e.walkIn[p] = walk * w
      if (res * r > 0) e.reserved[p] = res * r
    }
  })
  return sessions.map((s) => {
    const e = entry(s)
    return { session: s, reserved: e.reserved, walkIn: e.walkIn, afterClosure: e.afterClosure }
  })
}

/** Sum of a visit map. @category demand */
export const totalOf = (visits: Readonly<Partial<Record<BookableProcedure, number>>>): number =>
  Object.values(visits).reduce<number>((a, b) => a + (b ?? 0), 0)

/** Mean service minutes of a visit mix (10 when empty). @category demand */
export const meanServiceOf = (
  planning: PlanningSection,
  visits: Readonly<Partial<Record<BookableProcedure, number>>>
): number => {
  let n = 0
  let minutes = 0
  for (const [p, v] of Object.entries(visits) as Array<[BookableProcedure, number]>) {
    n += v
    minutes += v * serviceMinutesOf(planning, p)
  }
  return n > 0 ? minutes / n : 10
}

/** Every date of a month, for callers that list days. @category demand */
export const datesOf = (month: string): ReadonlyArray<string> => eachDay(firstDayOf(month), lastDayOf(month))
