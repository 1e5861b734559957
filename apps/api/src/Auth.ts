/**
 * Who is calling: a staff session from the `madoguchi_session` cookie or an `Authorization: Bearer`
 * token. Staff routes require a session with one of the allowed roles. In demo mode (`npm start`),
 * a request without a session acts as the city's demo manager, so the demo can be tried without
 * accounts; production (`madoguchi serve` without `--demo`) always requires a login.
 */
import { Staff } from "@madoguchi/db"
import { Profile } from "@madoguchi/domain"
import { Effect, Schema } from "effect"
import { getCookie } from "hono/cookie"
import type { MiddlewareHandler } from "hono"
import { type AppContext, type AppEnv, failWith } from "./Http.ts"

export const SESSION_COOKIE = "madoguchi_session"

/** @category errors */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>("@madoguchi/api/Unauthenticated")(
  "Unauthenticated",
  {}
) {
  get ja(): string {
    return "ログインしてください"
  }
  get en(): string {
    return "please sign in"
  }
}

/** @category errors */
export class Forbidden extends Schema.TaggedError<Forbidden>("@madoguchi/api/Forbidden")("Forbidden", {
  role: Schema.String,
  allowed: Schema.Array(Schema.String)
}) {
  get ja(): string {
    return `この操作の権限がありません(あなたの役割: ${this.role})`
  }
  get en(): string {
    return `your role (${this.role}) may not do this; allowed: ${this.allowed.join(", ")}`
  }
}

export const DEMO_LOGIN = "demo"
export const DEMO_PASSWORD = "demo"

const tokenOf = (header: string | undefined, cookie: string | undefined) =>
  header?.startsWith("Bearer ") ? header.slice(7).trim() : cookie

/**
 * The staff member behind the request's session token, or `undefined` at once when there is no token
 * (an anonymous request — the public booking page — costs no database call and no wait).
 */
export const sessionStaff = (c: AppContext): Promise<Staff.StaffMember | undefined> | undefined => {
  const token = tokenOf(c.req.header("authorization"), getCookie(c, SESSION_COOKIE))
  return token
    ? c.get("runtime").runPromise(Staff.session(token).pipe(Effect.orElseSucceed(() => undefined)))
    : undefined
}

/**
 * Sent by the web app's staff screens (never by the public booking page). It grants nothing outside
 * demo mode: there a signed-in session is what makes a request staff.
 */
export const STAFF_SCREEN_HEADER = "x-madoguchi-screen"

/**
 * Demo mode only: a staff screen's call without a session acts as the city's demo manager on every
 * route — also where the public may call too (booking by phone, a reservation in full) — as staff
 * routes already do through `requireStaff`. `undefined` at once for anything else.
 */
export const demoScreenStaff = (c: AppContext): Promise<Staff.StaffMember | undefined> | undefined => {
  if (!c.get("demo") || c.req.header(STAFF_SCREEN_HEADER) !== "staff") return undefined
  const city = /^\/api\/v1\/cities\/([^/]+)\//.exec(c.req.path)?.[1]
  if (city === undefined) return undefined
  return c.get("runtime").runPromise(demoStaff(decodeURIComponent(city)).pipe(Effect.orElseSucceed(() => undefined)))
}

const demoCache = new Map<string, Staff.StaffMember>()

const demoStaff = (city: string) =>
  Effect.gen(function* () {
    const profiles = yield* Profile.Profiles
    const profile = yield* profiles.get(city)
    const cached = demoCache.get(profile.cityCode)
    if (cached) return cached
    const found = (yield* Staff.list(profile.cityCode)).find((s) => s.login === DEMO_LOGIN)
    if (found) demoCache.set(profile.cityCode, found)
    return found
  })

/**
 * Require a signed-in staff member of the route's `:city` with one of `roles` (any role when empty).
 */
export const requireStaff =
  (...roles: ReadonlyArray<Staff.StaffRole>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    let staff = c.get("staff")
    const city = c.req.param("city")
    if (!staff && c.get("demo") && city) {
      staff = await c.get("runtime").runPromise(demoStaff(city).pipe(Effect.orElseSucceed(() => undefined)))
      c.set("staff", staff)
    }
    if (!staff) return failWith(c, new Unauthenticated())
    if (city) {
      const profile = await c.get("runtime").runPromise(
        Effect.gen(function* () {
          return yield* (yield* Profile.Profiles).get(city)
        }).pipe(Effect.orElseSucceed(() => undefined))
      )
      if (profile && profile.cityCode !== staff.cityCode) {
        return failWith(c, new Forbidden({ role: `${staff.role}@${staff.cityCode}`, allowed: [...roles] }))
      }
    }
    if (roles.length > 0 && !roles.includes(staff.role)) {
      return failWith(c, new Forbidden({ role: staff.role, allowed: [...roles] }))
    }
    await next()
    return undefined
  }

/** Create the demo manager account of every city that has none (demo mode only). */
export const ensureDemoAccounts = Effect.gen(function* () {
  const profiles = yield* (yield* Profile.Profiles).all
  for (const p of profiles) {
    const existing = yield* Staff.list(p.cityCode)
    if (!existing.some((s) => s.login === DEMO_LOGIN)) {
      yield* Staff.create({
        cityCode: p.cityCode,
        login: DEMO_LOGIN,
        displayName: `デモ管理者 (${p.name.ja})`,
        role: "contractor_manager",
        password: DEMO_PASSWORD
      }).pipe(Effect.catchTag("LoginTaken", () => Effect.void))
    }
  }
})
