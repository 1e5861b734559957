/**
 * The Hono application: `/api/v1/*` over the libs, with one error shape for everything. Each feature
 * has its own route file in `routes/`; this file only mounts them. The web app calls the same app
 * in-process (`app.fetch`), and `apps/api` can serve it alone.
 */
import { AuditLog } from "@madoguchi/db"
import { Effect } from "effect"
import { Hono } from "hono"
import { demoScreenStaff, sessionStaff } from "./Auth.ts"
import type { AppEnv } from "./Http.ts"
import * as OpenApi from "./OpenApi.ts"
import { authRoutes } from "./routes/Auth.ts"
import { bookingRoutes } from "./routes/Booking.ts"
import { custodyRoutes } from "./routes/Custody.ts"
import { eligibilityRoutes } from "./routes/Eligibility.ts"
import { planningRoutes } from "./routes/Planning.ts"
import { reportingRoutes } from "./routes/Reporting.ts"
import { systemRoutes } from "./routes/System.ts"
import type { AppRuntime } from "./Runtime.ts"

/** @category models */
export interface AppConfig {
  /** Demo mode: staff routes act as the city's demo manager when nobody is signed in. */
  readonly demo?: boolean
}

const routes: ReadonlyArray<Hono<AppEnv>> = [
  systemRoutes,
  authRoutes,
  reportingRoutes,
  planningRoutes,
  eligibilityRoutes,
  bookingRoutes,
  custodyRoutes
]

const notFound = {
  error: { code: "NOT_FOUND", ja: "そのようなAPIはありません", en: "no such API endpoint" }
}

/** @category constructors */
export const makeApp = (runtime: AppRuntime, config: AppConfig = {}): Hono => {
  const demo = config.demo ?? false
  const api = new Hono<AppEnv>()
  // One middleware for every request (each layer of middleware costs every request, the public booking
  // page's included): the runtime, the session (a database call only when a token is sent), and after
  // the route, the audit log.
  api.use("*", async (c, next) => {
    c.set("runtime", runtime)
    c.set("demo", demo)
    const pending = sessionStaff(c) ?? demoScreenStaff(c)
    c.set("staff", pending === undefined ? undefined : await pending)
    await next()
    // Every change made by a staff member is recorded in the insert-only audit log: who, what, when —
    // the route, never the body (which may hold personal data). `requireStaff` may have set the staff
    // member (the demo account) after the session was read.
    const staff = c.get("staff")
    if (!staff || c.req.method === "GET" || c.req.method === "HEAD" || c.res.status >= 400) return
    await runtime.runPromise(
      AuditLog.append({
        cityCode: staff.cityCode,
        actor: staff.id,
        action: `${c.req.method} ${c.req.routePath}`,
        subject: new URL(c.req.url).pathname,
        detail: { status: c.res.status, role: staff.role, demo }
      }).pipe(Effect.ignore)
    )
  })
  for (const r of routes) api.route("/", r)
  const app = new Hono()
  app.notFound((c) => c.json(notFound, 404))
  app.onError((error, c) => {
    console.error("[api] unhandled", error)
    return c.json(
      { error: { code: "INTERNAL", ja: "システムエラーが発生しました", en: "An internal error occurred" } },
      500
    )
  })
  app.route("/api/v1", api)
  const openapi = () => OpenApi.document(app)
  app.get("/api/v1/openapi.json", (c) => c.json(openapi()))
  app.get("/openapi.json", (c) => c.json(openapi()))
  return app
}
