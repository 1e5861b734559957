/**
 * Planning routes: a city's calendar (`GET /cities/{city}/calendar?from&to`) and its capacity plan
 * (`GET /cities/{city}/capacity-plan?from&to`, JSON or CSV), in the shapes DESIGN.md fixes. Both are
 * computed from the city profile by the pure planner in `@madoguchi/scheduling`; nothing is stored.
 */
import { Profile, Values } from "@madoguchi/domain"
import { Calendar, Plan } from "@madoguchi/scheduling"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { registerStatuses } from "../Errors.ts"
import { type AppContext, type AppEnv, query, run } from "../Http.ts"
import { describe } from "../OpenApi.ts"

registerStatuses({
  CalendarRangeInvalid: { status: 400 },
  PlanRangeInvalid: { status: 400 },
  // A profile error: the server's configuration, not the caller's request.
  CalendarSiteUnknown: { status: 500 }
})

const CalendarQuery = Schema.Struct({ from: Values.LocalDate, to: Values.LocalDate })

const PlanQuery = Schema.Struct({
  from: Values.YearMonth,
  to: Values.YearMonth,
  /** `json` (default) or `csv`. */
  format: Schema.optional(Schema.Literals(["json", "csv"])),
  /** With `format=csv`: `months` (default, the contract's columns) or `days` (one row per session). */
  level: Schema.optional(Schema.Literals(["months", "days"]))
})

const cityOf = (c: AppContext) =>
  Effect.gen(function* () {
    const profile = yield* (yield* Profile.Profiles).get(c.req.param("city") ?? "")
    const invalid = Calendar.validate(profile)
    if (invalid) return yield* invalid
    return profile
  })

/** The public calendar day: exactly the contract's fields. */
const publicDay = (d: Calendar.CalendarDay) => ({
  date: d.date,
  open: d.open,
  ...(d.closedReason ? { closedReason: d.closedReason } : {}),
  sessions: d.sessions.map((s) => ({ site: s.site, kind: s.kind, opens: s.opens, closes: s.closes }))
})

export const planningRoutes = new Hono<AppEnv>()
  .get("/cities/:city/calendar", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const profile = yield* cityOf(c)
        const q = yield* query(c, CalendarQuery)
        const invalid = Calendar.checkRange(q.from, q.to)
        if (invalid) return yield* invalid
        return { days: Calendar.days(profile, q.from, q.to).map(publicDay) }
      })
    )
  )
  .get("/cities/:city/capacity-plan", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const profile = yield* cityOf(c)
        const q = yield* query(c, PlanQuery)
        const invalid = Plan.checkRange(q.from, q.to)
        if (invalid) return yield* invalid
        return { plan: Plan.plan(profile, q.from, q.to), q, city: profile.slug }
      }),
      ({ plan, q, city }) => {
        if (q.format !== "csv") {
          const { months, weeks, days, assumptions } = plan
          return c.json({ months, weeks, days, assumptions })
        }
        const days = q.level === "days"
        // A BOM so that Excel opens the UTF-8 file with its Japanese intact.
        const body = `\uFEFF${days ? Plan.daysToCsv(plan) : Plan.toCsv(plan)}`
        return new Response(body, {
          status: 200,
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="capacity-plan_${city}_${q.from}_${q.to}${days ? "_days" : ""}.csv"`
          }
        })
      }
    )
  )

describe("GET", "/cities/:city/calendar", {
  summary:
    "業務カレンダー / the city's calendar: open days, sessions (site, kind, hours) and why a closed day is closed (`from`, `to`: YYYY-MM-DD)",
  tag: "planning",
  query: CalendarQuery,
  statuses: [400, 404]
})
describe("GET", "/cities/:city/capacity-plan", {
  summary:
    "窓口・電話回線の計画 / capacity plan by month (with weeks, sessions and assumptions): demand, capacity, gap, windows and phone lines recommended, walk-in p90 wait, utilisation (`from`, `to`: YYYY-MM; `format=csv`, `level=days`)",
  tag: "planning",
  query: PlanQuery,
  statuses: [400, 404]
})
