/**
 * Submitted reports, frozen: each submission stores the whole report model with a sha256 of it; a
 * correction is a new version that must give its reason. The table is append-only.
 */
import { createHash } from "node:crypto"
import { Database, type DbError } from "@madoguchi/db"
import { Context, Effect, Layer } from "effect"
import * as Report from "./Report.ts"

/** @category models */
export interface Submission {
  readonly version: number
  readonly submittedAt: string
  readonly submittedBy: string
  readonly reason: string | null
  readonly sha256: string
  readonly report: Report.Report
}

/** @category services */
export class Submissions extends Context.Service<
  Submissions,
  {
    readonly latest: (cityCode: string, formId: string, periodKey: string) => Effect.Effect<Submission | undefined>
    readonly version: (
      cityCode: string,
      formId: string,
      periodKey: string,
      version: number
    ) => Effect.Effect<Submission | undefined>
    /** Store a new version (fails with a UniqueViolation DbError if that version exists). */
    readonly insert: (
      cityCode: string,
      input: Omit<Submission, "sha256" | "submittedAt">
    ) => Effect.Effect<Submission, DbError.DbError>
    /** `form|periodKey` → latest version, for a city. */
    readonly latestVersions: (cityCode: string) => Effect.Effect<ReadonlyMap<string, number>>
  }
>()("@madoguchi/reporting/Submissions") {
  static readonly layer: Layer.Layer<Submissions, never, Database.Database> = Layer.effect(
    Submissions,
    Effect.gen(function* () {
      const db = yield* Database.Database

      const toSubmission = Effect.fnUntraced(function* (row: {
        version: number
        submitted_at: Date
        submitted_by: string
        reason: string | null
        sha256: string
        model: unknown
      }) {
        const report = yield* Report.decodeReport(row.model).pipe(Effect.orDie)
        return {
          version: row.version,
          submittedAt: row.submitted_at.toISOString(),
          submittedBy: row.submitted_by,
          reason: row.reason,
          sha256: row.sha256,
          report
        } satisfies Submission
      })

      const find = (cityCode: string, formId: string, periodKey: string, version?: number) =>
        db
          .use((k, signal) => {
            let q = k
              .selectFrom("report_submission")
              .select(["version", "submitted_at", "submitted_by", "reason", "sha256", "model"])
              .where("city_code", "=", cityCode)
              .where("form_id", "=", formId)
              .where("period_key", "=", periodKey)
            if (version !== undefined) q = q.where("version", "=", version)
            return q.orderBy("version", "desc").limit(1).executeTakeFirst({ signal })
          })
          .pipe(
            Effect.orDie,
            Effect.flatMap((row) => (row ? toSubmission(row) : Effect.succeed(undefined)))
          )

      const insert = Effect.fn("Submissions.insert")(function* (
        cityCode: string,
        input: Omit<Submission, "sha256" | "submittedAt">
      ) {
        const model = JSON.stringify(input.report)
        const sha256 = createHash("sha256").update(model).digest("hex")
        const row = yield* db.use((k, signal) =>
          k
            .insertInto("report_submission")
            .values({
              city_code: cityCode,
              form_id: input.report.form.id,
              period_key: input.report.period.key,
              version: input.version,
              submitted_by: input.submittedBy,
              reason: input.reason,
              sha256,
              model
            })
            .returning("submitted_at")
            .executeTakeFirstOrThrow({ signal })
        )
        return { ...input, sha256, submittedAt: row.submitted_at.toISOString() } satisfies Submission
      })

      const latestVersions = Effect.fn("Submissions.latestVersions")(function* (cityCode: string) {
        const rows = yield* db
          .use((k, signal) =>
            k
              .selectFrom("report_submission")
              .select(["form_id", "period_key", (eb) => eb.fn.max<number>("version").as("version")])
              .where("city_code", "=", cityCode)
              .groupBy(["form_id", "period_key"])
              .execute({ signal })
          )
          .pipe(Effect.orDie)
        return new Map(rows.map((r) => [`${r.form_id}|${r.period_key}`, r.version]))
      })

      return Submissions.of({
        latest: (cityCode, formId, periodKey) => find(cityCode, formId, periodKey),
        version: (cityCode, formId, periodKey, version) => find(cityCode, formId, periodKey, version),
        insert,
        latestVersions
      })
    })
  )
}
