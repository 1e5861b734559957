/**
 * Staff accounts and their sessions. Every person has their own login per city (Ota 7-⑥: IDs are
 * managed per staff member); passwords are hashed with Argon2id; a session token is random and only
 * its SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto"
import { hash, verify } from "@node-rs/argon2"
import { Effect, Schema } from "effect"
import { Database } from "./Database.ts"

/** @category schemas */
export const StaffRole = Schema.Literals(["city_staff", "contractor_manager", "contractor_operator", "viewer"])
export type StaffRole = typeof StaffRole.Type

/** @category models */
export interface StaffMember {
  readonly cityCode: string
  readonly id: string
  readonly login: string
  readonly displayName: string
  readonly role: StaffRole
}

/** @category errors */
export class LoginFailed extends Schema.TaggedError<LoginFailed>("@madoguchi/db/LoginFailed")("LoginFailed", {}) {
  get ja(): string {
    return "ログインIDまたはパスワードが違います"
  }
  get en(): string {
    return "wrong login or password"
  }
}

/** @category errors */
export class LoginTaken extends Schema.TaggedError<LoginTaken>("@madoguchi/db/LoginTaken")("LoginTaken", {
  login: Schema.String
}) {
  get ja(): string {
    return `このログインIDは使われています: ${this.login}`
  }
  get en(): string {
    return `login already in use: ${this.login}`
  }
}

const SESSION_HOURS = 12
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex")

const toMember = (r: {
  city_code: string
  id: string
  login: string
  display_name: string
  role: string
}): StaffMember => ({
  cityCode: r.city_code,
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  role: r.role as StaffRole
})

/** @category constructors */
export const create = Effect.fn("Staff.create")(function* (input: {
  readonly cityCode: string
  readonly login: string
  readonly displayName: string
  readonly role: StaffRole
  readonly password: string
}) {
  const database = yield* Database
  const passwordHash = yield* Effect.promise(() => hash(input.password))
  const row = yield* database
    .use((db) =>
      db
        .insertInto("staff")
        .values({
          city_code: input.cityCode,
          login: input.login,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    )
    .pipe(Effect.catchReason("DbError", "UniqueViolation", () => Effect.fail(new LoginTaken({ login: input.login }))))
  return toMember(row)
})

/** @category constructors */
export const list = Effect.fn("Staff.list")(function* (cityCode: string) {
  const database = yield* Database
  const rows = yield* database.use((db) =>
    db
      .selectFrom("staff")
      .selectAll()
      .where("city_code", "=", cityCode)
      .where("active", "=", true)
      .orderBy("login")
      .execute()
  )
  return rows.map(toMember)
})

/** Check a password and open a session. @category constructors */
export const login = Effect.fn("Staff.login")(function* (input: {
  readonly cityCode: string
  readonly login: string
  readonly password: string
}) {
  const database = yield* Database
  const row = yield* database.use((db) =>
    db
      .selectFrom("staff")
      .selectAll()
      .where("city_code", "=", input.cityCode)
      .where("login", "=", input.login)
      .where("active", "=", true)
      .executeTakeFirst()
  )
  const ok = row ? yield* Effect.promise(() => verify(row.password_hash, input.password)) : false
  if (!row || !ok) return yield* new LoginFailed()
  const token = randomBytes(32).toString("base64url")
  yield* database.use((db) =>
    db
      .insertInto("staff_session")
      .values({
        city_code: row.city_code,
        token_sha256: sha256(token),
        staff_id: row.id,
        expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000)
      })
      .execute()
  )
  return { token, staff: toMember(row), expiresInSeconds: SESSION_HOURS * 3600 }
})

/** The staff member of a live session, if any. @category constructors */
export const session = Effect.fn("Staff.session")(function* (token: string) {
  const database = yield* Database
  const row = yield* database.use((db) =>
    db
      .selectFrom("staff_session")
      .innerJoin("staff", (j) =>
        j.onRef("staff.city_code", "=", "staff_session.city_code").onRef("staff.id", "=", "staff_session.staff_id")
      )
      .select(["staff.city_code", "staff.id", "staff.login", "staff.display_name", "staff.role"])
      .where("staff_session.token_sha256", "=", sha256(token))
      .where("staff_session.expires_at", ">", new Date())
      .where("staff.active", "=", true)
      .executeTakeFirst()
  )
  return row ? toMember(row) : undefined
})

/** @category constructors */
export const logout = Effect.fn("Staff.logout")(function* (token: string) {
  const database = yield* Database
  yield* database.use((db) => db.deleteFrom("staff_session").where("token_sha256", "=", sha256(token)).execute())
})
