/**
 * The personal-data purge at the end of a contract: every lib's `Purger` (from `PersonalData` of
 * `@madoguchi/domain`) and the foundation's own (departed staff) run in one transaction with the purge
 * switch on (append-only tables then accept an UPDATE of their personal columns only). A real run
 * records an audit entry with the count per table; a dry run counts the same rows and rolls back, so
 * it changes nothing; a failure anywhere rolls everything back.
 */
import type { MyNumber } from "@madoguchi/domain"
import { PersonalData, Values } from "@madoguchi/domain"
import { Clock, Effect, Schema } from "effect"
import { sql } from "kysely"
import * as AuditLog from "./AuditLog.ts"
import { Database } from "./Database.ts"
import type { DbError } from "./DbError.ts"

/** What a purge did (or, dry, would do). @category models */
export interface PurgeReport {
  readonly cityCode: string
  readonly before: string
  readonly dryRun: boolean
  readonly tables: ReadonlyArray<PersonalData.PurgedTable>
  /** Records erased, over every table. */
  readonly rows: number
  /** The audit log entry of a real run. */
  readonly auditId?: number | undefined
}

/** The cut-off is not a date, or lies after today: records of days not yet over are never purged. @category errors */
export class PurgeDateInvalid extends Schema.TaggedError<PurgeDateInvalid>("@madoguchi/db/PurgeDateInvalid")(
  "PurgeDateInvalid",
  { before: Schema.String, today: Schema.String, reason: Schema.Literals(["not_a_date", "future"]) }
) {
  get ja(): string {
    return this.reason === "future"
      ? `消去の基準日 ${this.before} は今日(${this.today})より後です。終わった日の記録だけを消去できます`
      : `消去の基準日は YYYY-MM-DD の日付で指定してください: ${this.before}`
  }
  get en(): string {
    return this.reason === "future"
      ? `the cut-off ${this.before} is after today (${this.today}): only records of days that are over can be erased`
      : `the cut-off must be a date YYYY-MM-DD, got ${JSON.stringify(this.before)}`
  }
  override get message(): string {
    return this.en
  }
}

const PLACEHOLDER_NAME = "(退職者 / former staff)"

/**
 * The foundation's purger: staff who left (inactive, last changed before the cut-off) lose their
 * display name and password hash, and their sessions are deleted. Their id and login stay: ledgers and
 * logs name staff by them.
 *
 * @category constructors
 */
export const staffPurger: Effect.Effect<PersonalData.Purger, never, Database> = Effect.map(Database, (db) => ({
  owner: "db",
  purge: ({ cityCode, before }) =>
    Effect.gen(function* () {
      const departed = yield* db.use((k, signal) =>
        sql<{ id: string }>`
          update staff set display_name = ${PLACEHOLDER_NAME}, password_hash = '!', updated_at = now()
          where city_code = ${cityCode} and not active and updated_at < ${before}::date
            and display_name <> ${PLACEHOLDER_NAME}
          returning id`
          .execute(k, { signal })
          .then((r) => r.rows)
      )
      const sessions = yield* db.use((k, signal) =>
        k
          .deleteFrom("staff_session")
          .where("city_code", "=", cityCode)
          .where(
            "staff_id",
            "in",
            k.selectFrom("staff").select("id").where("city_code", "=", cityCode).where("active", "=", false)
          )
          .executeTakeFirst({ signal })
      )
      return [
        {
          owner: "db",
          table: "staff",
          label: { ja: "退職した職員", en: "departed staff" },
          fields: ["display_name", "password_hash"],
          rows: departed.length
        },
        {
          owner: "db",
          table: "staff_session",
          label: { ja: "退職した職員のログイン", en: "sessions of departed staff" },
          fields: ["(row deleted)"],
          rows: Number(sessions.numDeletedRows)
        }
      ] satisfies ReadonlyArray<PersonalData.PurgedTable>
    }).pipe(Effect.mapError((cause) => new PersonalData.PersonalDataPurgeFailed({ owner: "db", cause })))
}))

/** Raised inside the transaction to roll a dry run back with its counts. */
class DryRun extends Schema.TaggedError<DryRun>("@madoguchi/db/Purge/DryRun")("DryRun", {
  tables: Schema.Array(Schema.Any)
}) {}

const tokyoDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" })

/** Today's date in Japan, from the Effect clock. */
const today = Effect.map(Clock.currentTimeMillis, (ms) => tokyoDate.format(ms))

/**
 * Erase the personal fields of a city's records older than `before` in every lib (the purgers of
 * `PersonalData`, then departed staff), in one transaction; `dryRun` counts and changes nothing.
 *
 * @category constructors
 */
export const run = Effect.fn("Purge.run")(function* (input: {
  readonly cityCode: string
  readonly before: string
  readonly dryRun: boolean
  /** Who runs it, for the audit log (`cli`, a staff id). */
  readonly actor: string
  readonly purgers: ReadonlyArray<PersonalData.Purger>
}) {
  const now = yield* today
  if (!Schema.is(Values.LocalDate)(input.before)) {
    return yield* new PurgeDateInvalid({ before: input.before, today: now, reason: "not_a_date" })
  }
  if (input.before > now) return yield* new PurgeDateInvalid({ before: input.before, today: now, reason: "future" })
  const db = yield* Database
  const scope: PersonalData.PurgeScope = { cityCode: input.cityCode, before: input.before }
  const staff = yield* staffPurger
  const work = Effect.gen(function* () {
    yield* db.use((k, signal) => sql`select set_config('madoguchi.purge', 'on', true)`.execute(k, { signal }))
    const tables: Array<PersonalData.PurgedTable> = []
    for (const purger of [...input.purgers, staff]) tables.push(...(yield* purger.purge(scope)))
    if (input.dryRun) return yield* new DryRun({ tables })
    const rows = tables.reduce((n, t) => n + t.rows, 0)
    const audit = yield* AuditLog.append({
      cityCode: input.cityCode,
      actor: input.actor,
      action: "personal_data.purge",
      subject: `before ${input.before}`,
      detail: { before: input.before, rows, tables: tables.map((t) => ({ table: t.table, rows: t.rows })) }
    }).pipe(
      Effect.catchTag("MyNumberDetected", (e: MyNumber.MyNumberDetected) => Effect.die(e)),
      Effect.provideService(Database, db)
    )
    return { tables, rows, auditId: audit.id }
  })
  const done = yield* db.withTransaction(work).pipe(
    Effect.map((r): PurgeReport => ({ cityCode: input.cityCode, before: input.before, dryRun: false, ...r })),
    Effect.catchTag("DryRun", (dry) => {
      const tables = dry.tables as ReadonlyArray<PersonalData.PurgedTable>
      return Effect.succeed<PurgeReport>({
        cityCode: input.cityCode,
        before: input.before,
        dryRun: true,
        tables,
        rows: tables.reduce((n, t) => n + t.rows, 0)
      })
    })
  )
  return done
})

/** @category errors */
export type PurgeError = PurgeDateInvalid | PersonalData.PersonalDataPurgeFailed | DbError
