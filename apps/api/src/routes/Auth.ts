/** Sign in and out; who am I. */
import { Staff } from "@madoguchi/db"
import { Profile } from "@madoguchi/domain"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import { SESSION_COOKIE, Unauthenticated } from "../Auth.ts"
import { type AppEnv, body, failWith, run } from "../Http.ts"
import * as OpenApi from "../OpenApi.ts"

const LoginInput = Schema.Struct({
  city: Schema.String,
  login: Schema.String.check(Schema.isMinLength(1)),
  password: Schema.String.check(Schema.isMinLength(1))
})

OpenApi.describe("POST", "/auth/login", {
  summary: "職員ログイン / sign in: sets the session cookie and returns a bearer token",
  tag: "auth",
  body: LoginInput,
  statuses: [401, 404]
})
OpenApi.describe("POST", "/auth/logout", { summary: "ログアウト / sign out", tag: "auth" })
OpenApi.describe("GET", "/auth/me", {
  summary: "ログイン中の職員 / the signed-in staff member",
  tag: "auth",
  statuses: [401]
})

export const authRoutes = new Hono<AppEnv>()
  .post("/auth/login", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const input = yield* body(c, LoginInput)
        const profile = yield* (yield* Profile.Profiles).get(input.city)
        return yield* Staff.login({ cityCode: profile.cityCode, login: input.login, password: input.password })
      }),
      (result) => {
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: "Lax",
          path: "/",
          maxAge: result.expiresInSeconds,
          secure: new URL(c.req.url).protocol === "https:"
        })
        return c.json({ token: result.token, staff: result.staff, expiresInSeconds: result.expiresInSeconds })
      }
    )
  )
  .post("/auth/logout", (c) => {
    const header = c.req.header("authorization")
    const token = header?.startsWith("Bearer ") ? header.slice(7) : getCookie(c, SESSION_COOKIE)
    deleteCookie(c, SESSION_COOKIE, { path: "/" })
    return run(c, token ? Staff.logout(token) : Effect.void, () => c.json({ ok: true }))
  })
  .get("/auth/me", (c) =>
    c.var.staff ? c.json({ staff: c.var.staff, demo: c.var.demo }) : failWith(c, new Unauthenticated())
  )
