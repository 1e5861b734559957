/**
 * 計画 / Planning: the business calendar of one month and the capacity plan of a range of months,
 * both read from the API (`GET …/calendar`, `GET …/capacity-plan`). Only what the screen shows is
 * passed to the page (the plan's per-session detail is summed up here, not shipped whole).
 */
import { cityPath, getJson } from "#lib/server/call.ts"
import type { CalendarDay, CapacityPlanAnswer, MonthRow, SpecialSession } from "#lib/planning.ts"
import { addMonths, daysInMonth, isYearMonth, tokyoNow } from "#lib/tokyo.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

/** The plan's default range: this month (or the contract's first when outside it), up to a year, within the contract. */
const defaultRange = (contract: { from: string; to: string }, today: string) => {
  const first = contract.from.slice(0, 7)
  const last = contract.to.slice(0, 7)
  const from = today >= first && today <= last ? today : first
  const yearOn = addMonths(from, 11)
  return { from, to: last >= from && last < yearOn ? last : yearOn }
}

export const load: PageServerLoad = async ({ params, url, fetch, parent }) => {
  const { city } = await parent()
  const today = tokyoNow().month
  const range = defaultRange(city.contract, today)
  const from = url.searchParams.get("from") || range.from
  const to = url.searchParams.get("to") || range.to
  const askedMonth = url.searchParams.get("month")
  const month = askedMonth || (isYearMonth(from) ? from : today)
  const monthValid = isYearMonth(month)

  const [calendar, plan] = await Promise.all([
    monthValid
      ? getJson<{ days: ReadonlyArray<CalendarDay> }>(
          fetch,
          cityPath(params.city, `calendar?from=${month}-01&to=${month}-${String(daysInMonth(month)).padStart(2, "0")}`)
        )
      : Promise.resolve({
          ok: false as const,
          status: 400,
          error: {
            code: "INVALID_INPUT",
            ja: `月は YYYY-MM の形で指定してください: ${month}`,
            en: `the month must be YYYY-MM, got ${month}`
          }
        }),
    getJson<CapacityPlanAnswer>(
      fetch,
      cityPath(params.city, `capacity-plan?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
    )
  ])

  const planView = plan.ok
    ? (() => {
        const { months, weeks, days, assumptions } = plan.value
        const rows: Array<MonthRow> = months.map((m) => {
          const inMonth = days.filter((d) => d.date.startsWith(m.month))
          return {
            ...m,
            sessions: inMonth.length,
            peakStaff: inMonth.reduce((n, d) => Math.max(n, d.staffing.total), 0)
          }
        })
        const special: Array<SpecialSession> = days
          .filter((d) => d.kind !== "regular")
          .map((d) => ({
            date: d.date,
            site: d.site,
            kind: d.kind,
            provisional: d.provisional,
            opens: d.opens,
            closes: d.closes,
            demand: d.demand.total,
            windowsRecommended: d.windowsRecommended,
            windowsAvailable: d.windowsAvailable ?? null,
            capacityVisits: d.capacityVisits,
            p90: d.walkInWait.p90Minutes
          }))
        const constrained = [...new Set(days.flatMap((d) => d.staffing.constrained))]
        return {
          ok: true as const,
          months: rows,
          weeks,
          special,
          constrained,
          sites: assumptions.sites,
          extendedForecast: assumptions.extendedForecast,
          series: assumptions.series,
          serviceMinutes: assumptions.serviceMinutes,
          targets: assumptions.parameters.targets,
          requestedLines: assumptions.parameters.phone.requestedLines ?? null
        }
      })()
    : plan

  return {
    month,
    from,
    to,
    calendar: calendar.ok ? { ok: true as const, days: calendar.value.days } : calendar,
    plan: planView
  }
}
