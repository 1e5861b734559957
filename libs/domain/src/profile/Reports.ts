/**
 * The `reports` section of a city profile: which reports the contract asks for (daily, monthly,
 * completion), when each is due in business days, and what each contains — sections, breakdowns and
 * labels — so a fifth city declares its forms here instead of writing code. `@madoguchi/reporting`
 * builds the typed report model from these declarations and renders it (JSON, CSV, XLSX, HTML).
 */
import { Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { Label, LocalTime } from "../Values.ts"
import { Procedure } from "../Vocabulary.ts"

const Id = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_]{0,40}$/.test(s) ||
      bilingual(`IDは英小文字・数字・下線です: ${s}`, `expected a lowercase id, got ${JSON.stringify(s)}`),
    { identifier: "ReportId", expected: "a lowercase id" }
  )
)

/** A procedure code of the vocabulary, or `general_inquiry` (counter questions). */
const ProcedureCode = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      Procedure.is(s) ||
      s === "general_inquiry" ||
      bilingual(`手続のコード「${s}」は使えません`, `unknown procedure code ${JSON.stringify(s)}`),
    { identifier: "ProcedureCode", expected: "a procedure code" }
  )
)

const Code = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_]{0,63}$/.test(s) ||
      bilingual(`コードは英小文字・数字・下線です: ${s}`, `expected a code, got ${JSON.stringify(s)}`),
    { identifier: "Code", expected: "a code" }
  )
)

/** The span a report covers. @category schemas */
export const ReportPeriod = Schema.Literals(["day", "month", "contract"])
export type ReportPeriod = typeof ReportPeriod.Type

/**
 * When a report is due, counted from the last day of its period:
 * - `businessDaysAfter: n` — on the n-th business day after it (0: the last day itself, after closing);
 *   business days exclude weekends, national holidays and 12/29–1/3;
 * - `calendarDaysAfter: n` — n calendar days after the last business day of the period
 *   (Ota 11: 最後に業務を実施した日の翌日から起算して30日).
 *
 * @category schemas
 */
export const DueRule = Schema.Union([
  Schema.Struct({
    businessDaysAfter: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 60 })),
    source: Schema.optional(Schema.String)
  }),
  Schema.Struct({
    calendarDaysAfter: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 365 })),
    source: Schema.optional(Schema.String)
  })
])
export type DueRule = typeof DueRule.Type

/** A dimension a count can be broken down by. @category schemas */
export const Breakdown = Schema.Literals(["procedure", "channel", "outcome", "site", "date"])
export type Breakdown = typeof Breakdown.Type

/** Procedure codes a section counts: all, only some, or all but some. @category schemas */
export const ProcedureFilter = Schema.Struct({
  include: Schema.optional(Schema.Array(ProcedureCode)),
  exclude: Schema.optional(Schema.Array(ProcedureCode))
})
export type ProcedureFilter = typeof ProcedureFilter.Type

const sectionBase = {
  id: Id,
  label: Label,
  /** Where in the specification this section is asked for. */
  source: Schema.optional(Schema.String)
}

/**
 * Counter work counted from the log (visits and outreach tallies), with a total and one table per
 * breakdown; every table adds up to the total.
 *
 * @category schemas
 */
export const CountsSection = Schema.Struct({
  kind: Schema.Literal("counts"),
  ...sectionBase,
  procedures: Schema.optional(ProcedureFilter),
  breakdowns: Schema.optional(Schema.Array(Breakdown)),
  /** Count outreach session tallies too (default true). */
  includeTallies: Schema.optional(Schema.Boolean)
})

/** Phone calls: count, by topic, transferred; with `list`, every call's content and answer. @category schemas */
export const PhoneCallsSection = Schema.Struct({
  kind: Schema.Literal("phone_calls"),
  ...sectionBase,
  list: Schema.optional(Schema.Boolean)
})

/** Complaints: what, how handled, escalated. @category schemas */
export const ComplaintsSection = Schema.Struct({
  kind: Schema.Literal("complaints"),
  ...sectionBase
})

/** Outreach sessions: how many, where, and what was handled. @category schemas */
export const OutreachSection = Schema.Struct({
  kind: Schema.Literal("outreach"),
  ...sectionBase
})

/** Inquiries answered (counter questions and phone calls) with the main topics ranked. @category schemas */
export const InquiriesSection = Schema.Struct({
  kind: Schema.Literal("inquiries"),
  ...sectionBase,
  top: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 })))
})

/** Progress: counts from the start of the contract to the end of the period, by procedure. @category schemas */
export const ProgressSection = Schema.Struct({
  kind: Schema.Literal("progress"),
  ...sectionBase
})

/**
 * The analysis: volumes by procedure and channel against capacity, the waiting-time distribution,
 * refusal reasons and missing documents ranked, phone topics ranked, complaints by category.
 *
 * @category schemas
 */
export const AnalysisSection = Schema.Struct({
  kind: Schema.Literal("analysis"),
  ...sectionBase,
  /** Upper bounds (minutes) of the waiting-time buckets; the last bucket is open-ended. */
  waitingBuckets: Schema.optional(
    Schema.Array(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 600 }))).check(
      Schema.makeFilter(
        (b: ReadonlyArray<number>) =>
          b.every((x, i) => i === 0 || x > b[i - 1]!) ||
          bilingual("待ち時間の区切りは昇順にしてください", "waiting buckets must be increasing")
      )
    )
  ),
  top: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 })))
})

/** Free text written by the contractor when the report is submitted (opinions, proposals, reactions). @category schemas */
export const NarrativeSection = Schema.Struct({
  kind: Schema.Literal("narrative"),
  ...sectionBase,
  /** Submission is refused without it. */
  required: Schema.optional(Schema.Boolean)
})

/** @category schemas */
export const ReportSection = Schema.Union([
  CountsSection,
  PhoneCallsSection,
  ComplaintsSection,
  OutreachSection,
  InquiriesSection,
  ProgressSection,
  AnalysisSection,
  NarrativeSection
]).pipe(Schema.toTaggedUnion("kind"))
export type ReportSection = typeof ReportSection.Type

/** One report the contract asks for. @category schemas */
export const ReportForm = Schema.Struct({
  id: Id,
  period: ReportPeriod,
  title: Label,
  /** Absent when the specification sets no deadline (e.g. "with the invoice"). */
  due: Schema.optional(DueRule),
  /**
   * For day reports: which days expect one — every business day (default), or only days with recorded
   * activity (a city that works only on session days, such as Koganei's outreach desk).
   */
  days: Schema.optional(Schema.Literals(["business_days", "active_days"])),
  /** A remark shown beside the deadline (e.g. 請求と合わせて提出). */
  dueNote: Schema.optional(Label),
  source: Schema.optional(Schema.String),
  sections: Schema.Array(ReportSection).check(
    Schema.makeFilter((sections: ReadonlyArray<ReportSection>) =>
      sections.length === 0
        ? bilingual("セクションを1つ以上定義してください", "define at least one section")
        : new Set(sections.map((s) => s.id)).size === sections.length ||
          bilingual("セクションIDが重複しています", "section ids must be unique")
    )
  )
})
export type ReportForm = typeof ReportForm.Type

/** @category schemas */
export const ReportsSection = Schema.Struct({
  /** The time after which a day's figures are final (a day report can be submitted after it). */
  dayClosesAt: LocalTime,
  forms: Schema.Array(ReportForm).check(
    Schema.makeFilter(
      (forms: ReadonlyArray<ReportForm>) =>
        new Set(forms.map((f) => f.id)).size === forms.length ||
        bilingual("報告書IDが重複しています", "report form ids must be unique")
    )
  ),
  /** Labels for codes (procedures, channels, …) that override the built-in ones. */
  labels: Schema.optional(Schema.Record(Code, Label))
})
export type ReportsSection = typeof ReportsSection.Type
