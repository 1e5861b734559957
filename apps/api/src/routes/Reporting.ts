/**
 * Reporting routes: record an activity (or void one), read a city's daily, monthly and completion
 * reports in JSON, CSV (UTF-8 with BOM or Shift_JIS), XLSX or print HTML, submit a report (frozen;
 * a correction needs a reason), and the list of reports due.
 */
import { ActivityLog, Profile, Values } from "@madoguchi/domain"
import { ActivityStore, BusinessDays, Render, Reports } from "@madoguchi/reporting"
import { Plan } from "@madoguchi/scheduling"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { requireStaff } from "../Auth.ts"
import { registerStatuses } from "../Errors.ts"
import { type AppContext, type AppEnv, body, query, run } from "../Http.ts"
import { describe } from "../OpenApi.ts"

registerStatuses({
  ActivitySourceConflict: { status: 409 },
  ActivityNotFound: { status: 404 },
  ReportFormNotFound: { status: 404 },
  ReportVersionNotFound: { status: 404 },
  ReportPeriodInvalid: { status: 400 },
  ReportPeriodOpen: { status: 409 },
  ReportAlreadySubmitted: { status: 409 },
  ReportNarrativeMissing: { status: 422 }
})

/** An activity as posted: the city comes from the path. */
const ActivityInput = Schema.Union([
  ActivityLog.CounterVisit.mapFields((f) => {
    const { cityCode: _, ...rest } = f
    return rest
  }),
  ActivityLog.PhoneCall.mapFields((f) => {
    const { cityCode: _, ...rest } = f
    return rest
  }),
  ActivityLog.Complaint.mapFields((f) => {
    const { cityCode: _, ...rest } = f
    return rest
  }),
  ActivityLog.OutreachSession.mapFields((f) => {
    const { cityCode: _, ...rest } = f
    return rest
  })
])

const VoidInput = Schema.Struct({ key: ActivityLog.SourceKey, reason: Schema.String })

const Format = Schema.Literals(["json", "csv", "xlsx", "html"])
const ReportQuery = Schema.Struct({
  format: Schema.optional(Format),
  /** With `format=csv`: `utf-8` (with BOM, the default) or `shift_jis`. */
  encoding: Schema.optional(Schema.Literals(["utf-8", "shift_jis"])),
  version: Schema.optional(Schema.NumberFromString.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1))),
  /** `true`: build from the log even when a version was submitted. */
  live: Schema.optional(Schema.Literals(["true", "false"])),
  form: Schema.optional(Schema.String)
})
const CompletionQuery = Schema.Struct({
  ...ReportQuery.fields,
  from: Schema.optional(Schema.String),
  to: Schema.optional(Schema.String)
})

const SubmitInput = Schema.Struct({
  period: Schema.Literals(["day", "month", "contract"]),
  date: Schema.optional(Schema.String),
  month: Schema.optional(Schema.String),
  from: Schema.optional(Schema.String),
  to: Schema.optional(Schema.String),
  form: Schema.optional(Schema.String),
  narratives: Schema.optional(Schema.Record(Schema.String, Schema.String)),
  reason: Schema.optional(Schema.String)
})

const DueQuery = Schema.Struct({ since: Schema.optional(Values.LocalDate) })

/**
 * The monthly analysis compares volumes with the capacity plan of scheduling: the planned visits of the
 * whole months a report covers (none for a period that does not start and end on month boundaries).
 */
export const withCapacityPlan = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const profiles = yield* Profile.Profiles
    const capacity = (cityCode: string, from: string, to: string): Effect.Effect<number | null> =>
      from.endsWith("-01") && BusinessDays.monthRange(to.slice(0, 7)).to === to
        ? profiles.get(cityCode).pipe(
            Effect.flatMap((profile) =>
              Effect.try(() =>
                Plan.plan(profile, from.slice(0, 7), to.slice(0, 7)).months.reduce((n, m) => n + m.capacityVisits, 0)
              )
            ),
            Effect.orElseSucceed(() => null)
          )
        : Effect.succeed(null)
    return yield* Effect.provideService(effect, Reports.CapacityPlan, capacity)
  })

const cityOf = (c: AppContext) =>
  Effect.gen(function* () {
    return yield* (yield* Profile.Profiles).get(c.req.param("city") ?? "")
  })

const respond = (c: AppContext, request: (q: typeof ReportQuery.Type) => Reports.ReportRequest, schema = ReportQuery) =>
  run(
    c,
    Effect.gen(function* () {
      const q = yield* query(c, schema)
      const reports = yield* Reports.Reports
      const report = yield* withCapacityPlan(
        reports.get(c.req.param("city") ?? "", request(q), {
          ...(q.version !== undefined ? { version: q.version } : {}),
          live: q.live === "true"
        })
      )
      const format: Render.Format =
        q.format === "csv" ? (q.encoding === "shift_jis" ? "csv-sjis" : "csv") : (q.format ?? "json")
      return { report, rendered: yield* Render.render(report, format), format }
    }),
    ({ report, rendered, format }) => {
      if (format === "json") return c.json(report)
      const headers: Record<string, string> = { "content-type": rendered.contentType }
      if (format !== "html") {
        headers["content-disposition"] = `attachment; filename="${Render.fileName(report, rendered)}"`
      }
      // A copy typed over a plain ArrayBuffer is a BodyInit under both the Node and the DOM typings.
      const payload = typeof rendered.body === "string" ? rendered.body : new Uint8Array(rendered.body)
      return new Response(payload, { status: 200, headers })
    }
  )

const optionalForm = (form: string | undefined) => (form === undefined ? {} : { form })

export const reportingRoutes = new Hono<AppEnv>()
  .post("/cities/:city/activities", requireStaff(), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const profile = yield* cityOf(c)
        const input = yield* body(c, ActivityInput)
        const store = yield* ActivityStore.ActivityStore
        const staff = c.var.staff
        return yield* store.record({
          ...input,
          cityCode: profile.cityCode,
          ...(input.staff === undefined && staff ? { staff: staff.login } : {})
        } as ActivityLog.Activity)
      }),
      (recorded) => c.json(recorded, recorded.status === "recorded" ? 201 : 200)
    )
  )
  .post("/cities/:city/activities/void", requireStaff("contractor_manager", "city_staff"), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const profile = yield* cityOf(c)
        const input = yield* body(c, VoidInput)
        const store = yield* ActivityStore.ActivityStore
        return yield* store.void({
          cityCode: profile.cityCode,
          key: input.key,
          reason: input.reason,
          ...(c.var.staff ? { staff: c.var.staff.login } : {})
        })
      })
    )
  )
  .get("/cities/:city/reports/daily/:date", requireStaff(), (c) =>
    respond(c, (q) => ({ period: "day", date: c.req.param("date"), ...optionalForm(q.form) }))
  )
  .get("/cities/:city/reports/monthly/:month", requireStaff(), (c) =>
    respond(c, (q) => ({ period: "month", month: c.req.param("month"), ...optionalForm(q.form) }))
  )
  .get("/cities/:city/reports/completion", requireStaff(), (c) => {
    const from = c.req.query("from")
    const to = c.req.query("to")
    return respond(
      c,
      (q) => ({
        period: "contract",
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...optionalForm(q.form)
      }),
      CompletionQuery
    )
  })
  .post("/cities/:city/reports/submissions", requireStaff("contractor_manager"), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const input = yield* body(c, SubmitInput)
        const reports = yield* Reports.Reports
        const request: Reports.ReportRequest =
          input.period === "day"
            ? { period: "day", date: input.date ?? "", ...optionalForm(input.form) }
            : input.period === "month"
              ? { period: "month", month: input.month ?? "", ...optionalForm(input.form) }
              : {
                  period: "contract",
                  ...(input.from !== undefined ? { from: input.from } : {}),
                  ...(input.to !== undefined ? { to: input.to } : {}),
                  ...optionalForm(input.form)
                }
        return yield* withCapacityPlan(
          reports.submit(c.req.param("city") ?? "", request, {
            by: c.var.staff?.login ?? "unknown",
            ...(input.narratives ? { narratives: input.narratives } : {}),
            ...(input.reason !== undefined ? { reason: input.reason } : {})
          })
        )
      }),
      (report) => c.json(report, 201)
    )
  )
  .get("/cities/:city/reports/due", requireStaff(), (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, DueQuery)
        const reports = yield* Reports.Reports
        const items = yield* reports.due(c.req.param("city") ?? "", q.since !== undefined ? { since: q.since } : {})
        return { items }
      })
    )
  )

describe("POST", "/cities/:city/activities", {
  summary: "Record a counter visit, phone call, complaint or outreach session (idempotent on key)",
  tag: "reporting",
  body: ActivityInput,
  statuses: [201, 401, 404, 409]
})
describe("POST", "/cities/:city/activities/void", {
  summary: "Void a mistaken activity by its key, with a reason",
  tag: "reporting",
  body: VoidInput,
  statuses: [401, 403, 404]
})
describe("GET", "/cities/:city/reports/daily/:date", {
  summary: "Daily report (format=json|csv|xlsx|html; encoding=shift_jis for CSV)",
  tag: "reporting",
  query: ReportQuery,
  statuses: [401, 404]
})
describe("GET", "/cities/:city/reports/monthly/:month", {
  summary: "Monthly report with analysis (format=json|csv|xlsx|html)",
  tag: "reporting",
  query: ReportQuery,
  statuses: [401, 404]
})
describe("GET", "/cities/:city/reports/completion", {
  summary: "Completion report over the contract or from..to",
  tag: "reporting",
  query: CompletionQuery,
  statuses: [401, 404]
})
describe("POST", "/cities/:city/reports/submissions", {
  summary: "Submit (freeze) a report; a correction needs a reason and becomes a new version",
  tag: "reporting",
  body: SubmitInput,
  statuses: [201, 401, 403, 404, 409, 422]
})
describe("GET", "/cities/:city/reports/due", {
  summary: "Reports due, overdue, open and submitted",
  tag: "reporting",
  query: DueQuery,
  statuses: [401, 404]
})
