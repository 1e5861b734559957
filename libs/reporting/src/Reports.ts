/**
 * The reports service: a city's daily, monthly and completion reports, built live from the activity log
 * by the form its profile declares, or read back frozen once submitted; submission (after the period
 * has closed, with the narratives the form requires) and corrections (a new version with a reason);
 * the list of reports due and overdue.
 */
import { Decode, LedgerAnchor, MyNumber, Profile, Values } from "@madoguchi/domain"
import { type DbError } from "@madoguchi/db"
import { Clock, Context, Effect, Layer, Option, Schema } from "effect"
import { Temporal } from "temporal-polyfill"
import { ActivityStore } from "./ActivityStore.ts"
import { assemble, type Period, type ReportForm } from "./Assemble.ts"
import * as Deadline from "./Deadline.ts"
import type * as Report from "./Report.ts"
import { Submissions } from "./Submissions.ts"

/** Which report: a form's period, optionally a named form when a city has several of one period. @category models */
export type ReportRequest =
  | { readonly period: "day"; readonly date: string; readonly form?: string }
  | { readonly period: "month"; readonly month: string; readonly form?: string }
  | { readonly period: "contract"; readonly from?: string; readonly to?: string; readonly form?: string }

/** @category models */
export interface SubmitInput {
  /** Staff login or id of the submitter. */
  readonly by: string
  /** Section id → text, for the form's narrative sections. */
  readonly narratives?: Readonly<Record<string, string>>
  /** Required for a correction (a second or later version). */
  readonly reason?: string
}

/**
 * Visits the capacity plan provides for a city and period. Scheduling owns the plan; the apps wire it
 * here. By default no plan is known and the analysis shows volumes without utilisation.
 *
 * @category services
 */
export const CapacityPlan = Context.Reference<
  (cityCode: string, from: string, to: string) => Effect.Effect<number | null>
>("@madoguchi/reporting/CapacityPlan", { defaultValue: () => () => Effect.succeed(null) })

/** The city's profile declares no report of this kind. @category errors */
export class ReportFormNotFound extends Schema.TaggedError<ReportFormNotFound>(
  "@madoguchi/reporting/ReportFormNotFound"
)("ReportFormNotFound", { city: Schema.String, form: Schema.String }) {
  get ja(): string {
    return `${this.city} のプロファイルに報告書「${this.form}」の定めがありません`
  }
  get en(): string {
    return `the profile of ${this.city} declares no report "${this.form}"`
  }
  override get message(): string {
    return this.en
  }
}

/** The period has not closed yet: the report cannot be submitted. @category errors */
export class ReportPeriodOpen extends Schema.TaggedError<ReportPeriodOpen>("@madoguchi/reporting/ReportPeriodOpen")(
  "ReportPeriodOpen",
  { form: Schema.String, period: Schema.String, closesOn: Schema.String, closesAt: Schema.String }
) {
  get ja(): string {
    return `報告期間(${this.period})は ${this.closesOn} ${this.closesAt} の締めまで確定しないため、まだ提出できません`
  }
  get en(): string {
    return `the period ${this.period} is not final until ${this.closesOn} ${this.closesAt}; the report cannot be submitted yet`
  }
  override get message(): string {
    return this.en
  }
}

/** Already submitted: a correction needs a reason. @category errors */
export class ReportAlreadySubmitted extends Schema.TaggedError<ReportAlreadySubmitted>(
  "@madoguchi/reporting/ReportAlreadySubmitted"
)("ReportAlreadySubmitted", { form: Schema.String, period: Schema.String, version: Schema.Number }) {
  get ja(): string {
    return `この報告書(${this.period})は提出済み(第${this.version}版)です。訂正する場合は訂正理由を入力してください`
  }
  get en(): string {
    return `this report (${this.period}) was submitted (version ${this.version}); a correction needs a reason`
  }
  override get message(): string {
    return this.en
  }
}

/** A required narrative section is empty. @category errors */
export class ReportNarrativeMissing extends Schema.TaggedError<ReportNarrativeMissing>(
  "@madoguchi/reporting/ReportNarrativeMissing"
)("ReportNarrativeMissing", { form: Schema.String, sections: Schema.Array(Schema.String) }) {
  get ja(): string {
    return `記入が必要な項目が空です: ${this.sections.join(", ")}`
  }
  get en(): string {
    return `required sections are empty: ${this.sections.join(", ")}`
  }
  override get message(): string {
    return this.en
  }
}

/** No such submitted version. @category errors */
export class ReportVersionNotFound extends Schema.TaggedError<ReportVersionNotFound>(
  "@madoguchi/reporting/ReportVersionNotFound"
)("ReportVersionNotFound", { form: Schema.String, period: Schema.String, version: Schema.Number }) {
  get ja(): string {
    return `報告書(${this.period})の第${this.version}版は提出されていません`
  }
  get en(): string {
    return `version ${this.version} of the report for ${this.period} was not submitted`
  }
  override get message(): string {
    return this.en
  }
}

/** The period's first day is after its last. @category errors */
export class ReportPeriodInvalid extends Schema.TaggedError<ReportPeriodInvalid>(
  "@madoguchi/reporting/ReportPeriodInvalid"
)("ReportPeriodInvalid", { from: Schema.String, to: Schema.String }) {
  get ja(): string {
    return `期間の開始日(${this.from})が終了日(${this.to})より後です`
  }
  get en(): string {
    return `the period starts (${this.from}) after it ends (${this.to})`
  }
  override get message(): string {
    return this.en
  }
}

/** @category errors */
export type ReportError =
  Profile.CityNotFound | ReportFormNotFound | ReportPeriodInvalid | ReportVersionNotFound | Decode.DecodeError

/** @category errors */
export type SubmitError = ReportError | ReportPeriodOpen | ReportAlreadySubmitted | ReportNarrativeMissing

const Narratives = Schema.Record(Schema.String, MyNumber.FreeText.check(Schema.isMaxLength(20_000)))
const Reason = MyNumber.FreeText.check(Schema.isBetweenLength(1, 2000))

/** Local date and time in Japan, and the instant, from the Effect clock. @category constructors */
export const localNow = Effect.map(Clock.currentTimeMillis, (ms) => {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO("Asia/Tokyo")
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString().slice(0, 5),
    iso: Temporal.Instant.fromEpochMilliseconds(ms).toString()
  }
})

/**
 * A daily report carries the custody ledger's anchor of its day when the effect runs with the domain's
 * `LedgerAnchor` port in its context (the app wires custody's); without it, reports are built as before.
 *
 * @category services
 */
export class Reports extends Context.Service<
  Reports,
  {
    /** The report: the latest submitted version (or the one asked for), else built live from the log. */
    readonly get: (
      city: string,
      request: ReportRequest,
      options?: { readonly version?: number; readonly live?: boolean }
    ) => Effect.Effect<Report.Report, ReportError>
    /** Freeze the report as the next version. */
    readonly submit: (
      city: string,
      request: ReportRequest,
      input: SubmitInput
    ) => Effect.Effect<Report.Report, SubmitError>
    /** Every report whose period has begun, with its state today. */
    readonly due: (
      city: string,
      options?: { readonly since?: string }
    ) => Effect.Effect<ReadonlyArray<Deadline.DueItem>, Profile.CityNotFound>
  }
>()("@madoguchi/reporting/Reports") {
  static readonly layerNoDeps: Layer.Layer<Reports, never, ActivityStore | Submissions | Profile.Profiles> =
    Layer.effect(
      Reports,
      Effect.gen(function* () {
        const store = yield* ActivityStore
        const submissions = yield* Submissions
        const profiles = yield* Profile.Profiles

        const resolve = Effect.fnUntraced(function* (city: string, request: ReportRequest) {
          const profile = yield* profiles.get(city)
          const forms = profile.reports?.forms ?? []
          const form = forms.find((f) => (request.form ? f.id === request.form : f.period === request.period))
          if (!form || form.period !== request.period) {
            return yield* new ReportFormNotFound({ city: profile.slug, form: request.form ?? request.period })
          }
          let period: Period
          if (request.period === "day")
            period = Deadline.dayPeriod(yield* Decode.decode(Values.LocalDate)(request.date))
          else if (request.period === "month")
            period = Deadline.monthPeriod(yield* Decode.decode(Values.YearMonth)(request.month))
          else {
            const from = request.from === undefined ? undefined : yield* Decode.decode(Values.LocalDate)(request.from)
            const to = request.to === undefined ? undefined : yield* Decode.decode(Values.LocalDate)(request.to)
            period = Deadline.contractPeriod(profile, from, to)
            if (period.from > period.to) return yield* new ReportPeriodInvalid({ from: period.from, to: period.to })
          }
          return { profile, form, period }
        })

        const build = Effect.fnUntraced(function* (
          profile: Profile.CityProfile,
          form: ReportForm,
          period: Period,
          narratives?: Readonly<Record<string, string>>
        ) {
          const now = yield* localNow
          const needs = (kind: string) => form.sections.some((s) => s.kind === kind)
          const aggregates = yield* store.count(profile.cityCode, period.from, period.to, {
            phoneCalls: form.sections.some((s) => s.kind === "phone_calls" && s.list === true),
            progressFrom: needs("progress") ? profile.contract.from : undefined
          })
          const capacityVisits = needs("analysis")
            ? yield* (yield* CapacityPlan)(profile.cityCode, period.from, period.to)
            : null
          const closed = Deadline.isClosed(period, profile.reports!.dayClosesAt, now)
          // The custody ledger's daily anchor, when the app provides the port. Looked up per call rather
          // than when the layer is built: custody records counter work through this lib's activity log,
          // so the ledger's layer is built on top of this one.
          const anchors = form.period === "day" ? yield* Effect.serviceOption(LedgerAnchor.LedgerAnchor) : Option.none()
          const ledgerAnchor = Option.isSome(anchors)
            ? Option.getOrUndefined(yield* anchors.value.daily(profile.cityCode, period.from))
            : undefined
          return assemble({
            profile,
            form,
            period,
            aggregates,
            status: closed ? "final" : "preliminary",
            due: Deadline.dueDate(form, period),
            generatedAt: now.iso,
            capacityVisits,
            ledgerAnchor,
            ...(narratives ? { narratives } : {})
          })
        })

        const frozen = (s: {
          version: number
          submittedAt: string
          submittedBy: string
          reason: string | null
          report: Report.Report
        }) =>
          ({
            ...s.report,
            status: "submitted",
            version: s.version,
            submittedAt: s.submittedAt,
            submittedBy: s.submittedBy,
            correctionReason: s.reason
          }) satisfies Report.Report

        const get = Effect.fn("Reports.get")(function* (
          city: string,
          request: ReportRequest,
          options?: { readonly version?: number; readonly live?: boolean }
        ) {
          const { profile, form, period } = yield* resolve(city, request)
          if (options?.version !== undefined) {
            const found = yield* submissions.version(profile.cityCode, form.id, period.key, options.version)
            if (!found)
              return yield* new ReportVersionNotFound({ form: form.id, period: period.key, version: options.version })
            return frozen(found)
          }
          if (!options?.live) {
            const latest = yield* submissions.latest(profile.cityCode, form.id, period.key)
            if (latest) return frozen(latest)
          }
          return yield* build(profile, form, period)
        })

        const submit = Effect.fn("Reports.submit")(function* (
          city: string,
          request: ReportRequest,
          input: SubmitInput
        ) {
          const { profile, form, period } = yield* resolve(city, request)
          const narratives = yield* Decode.decode(Narratives)(input.narratives ?? {})
          const reason = input.reason === undefined ? undefined : yield* Decode.decode(Reason)(input.reason)
          const now = yield* localNow
          const dayClosesAt = profile.reports!.dayClosesAt
          if (!Deadline.isClosed(period, dayClosesAt, now)) {
            return yield* new ReportPeriodOpen({
              form: form.id,
              period: period.key,
              closesOn: period.to,
              closesAt: dayClosesAt
            })
          }
          const missing = form.sections
            .filter(
              (s) => s.kind === "narrative" && s.required === true && (narratives[s.id] ?? "").trim().length === 0
            )
            .map((s) => s.id)
          if (missing.length > 0) return yield* new ReportNarrativeMissing({ form: form.id, sections: missing })
          const latest = yield* submissions.latest(profile.cityCode, form.id, period.key)
          if (latest && reason === undefined) {
            return yield* new ReportAlreadySubmitted({ form: form.id, period: period.key, version: latest.version })
          }
          const report = { ...(yield* build(profile, form, period, narratives)), status: "final" as const }
          const version = (latest?.version ?? 0) + 1
          const stored = yield* submissions
            .insert(profile.cityCode, {
              version,
              submittedBy: input.by,
              reason: latest ? reason! : null,
              report
            })
            .pipe(
              // Two submissions raced for the same version: the other one won.
              Effect.catchReason("DbError", "UniqueViolation", () =>
                Effect.fail(new ReportAlreadySubmitted({ form: form.id, period: period.key, version }))
              ),
              Effect.catchTag("DbError", (e: DbError.DbError) => Effect.die(e))
            )
          return frozen(stored)
        })

        const due = Effect.fn("Reports.due")(function* (city: string, options?: { readonly since?: string }) {
          const profile = yield* profiles.get(city)
          const now = yield* localNow
          const since = options?.since ?? profile.contract.from
          const to = profile.contract.to < now.date ? profile.contract.to : now.date
          const activeDates = since <= to ? yield* store.activeDates(profile.cityCode, since, to) : []
          const submitted = yield* submissions.latestVersions(profile.cityCode)
          return Deadline.dueList({ profile, now, activeDates, submitted, since })
        })

        return Reports.of({ get, submit, due })
      })
    )
}

/**
 * Everything reporting provides — `Reports`, the `ActivityStore`, `Submissions`, and the domain's
 * `ActivityLog` port for booking and custody — leaving `Database` and `Profiles` to the app.
 *
 * @category layers
 */
export const layer = Layer.mergeAll(Reports.layerNoDeps, ActivityStore.layerActivityLog).pipe(
  Layer.provideMerge(Layer.merge(ActivityStore.layer, Submissions.layer))
)
