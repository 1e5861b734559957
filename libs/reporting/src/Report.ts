/**
 * The report model: what a daily, monthly or completion report says, as typed data, before it is
 * rendered to JSON, CSV, XLSX or HTML. Every count table carries its total and rows that add up to it;
 * lists carry the recorded free text (already refused if it held a 個人番号). A daily report also
 * carries the custody ledger's anchor of that day when the city keeps a ledger. A submitted report is
 * this model frozen, with its version.
 */
import { LedgerAnchor } from "@madoguchi/domain"
import { Schema } from "effect"

const Label = Schema.Struct({ ja: Schema.String, en: Schema.String })

/** One line of a count table. @category schemas */
export const Row = Schema.Struct({ key: Schema.String, label: Label, count: Schema.Number })
export type Row = typeof Row.Type

/** A breakdown of a total by one dimension; `rows` add up to `total`. @category schemas */
export const Table = Schema.Struct({
  by: Schema.String,
  label: Label,
  total: Schema.Number,
  rows: Schema.Array(Row)
})
export type Table = typeof Table.Type

const head = { id: Schema.String, label: Label }

/** @category schemas */
export const CountsModel = Schema.Struct({
  kind: Schema.Literal("counts"),
  ...head,
  total: Schema.Number,
  tables: Schema.Array(Table)
})
export type CountsModel = typeof CountsModel.Type

/** @category schemas */
export const PhoneCallItem = Schema.Struct({
  date: Schema.String,
  time: Schema.NullOr(Schema.String),
  site: Schema.String,
  category: Label,
  content: Schema.String,
  answer: Schema.String,
  transferred: Schema.Boolean
})
export type PhoneCallItem = typeof PhoneCallItem.Type

/** @category schemas */
export const PhoneCallsModel = Schema.Struct({
  kind: Schema.Literal("phone_calls"),
  ...head,
  total: Schema.Number,
  transferred: Schema.Number,
  byCategory: Table,
  calls: Schema.NullOr(Schema.Array(PhoneCallItem))
})
export type PhoneCallsModel = typeof PhoneCallsModel.Type

/** @category schemas */
export const ComplaintItem = Schema.Struct({
  date: Schema.String,
  time: Schema.NullOr(Schema.String),
  site: Schema.String,
  category: Label,
  what: Schema.String,
  handling: Schema.String,
  escalated: Schema.Boolean
})
export type ComplaintItem = typeof ComplaintItem.Type

/** @category schemas */
export const ComplaintsModel = Schema.Struct({
  kind: Schema.Literal("complaints"),
  ...head,
  total: Schema.Number,
  escalated: Schema.Number,
  byCategory: Table,
  items: Schema.Array(ComplaintItem)
})
export type ComplaintsModel = typeof ComplaintsModel.Type

/** @category schemas */
export const SessionItem = Schema.Struct({
  date: Schema.String,
  time: Schema.NullOr(Schema.String),
  site: Schema.String,
  venue: Schema.String,
  tallied: Schema.Number,
  inquiries: Schema.Number
})
export type SessionItem = typeof SessionItem.Type

/** Outreach: sessions held and work handled there (tallies plus visits logged with channel `outreach`). @category schemas */
export const OutreachModel = Schema.Struct({
  kind: Schema.Literal("outreach"),
  ...head,
  sessions: Schema.Number,
  handled: Schema.Number,
  inquiries: Schema.Number,
  byProcedure: Table,
  items: Schema.Array(SessionItem)
})
export type OutreachModel = typeof OutreachModel.Type

/** @category schemas */
export const InquiriesModel = Schema.Struct({
  kind: Schema.Literal("inquiries"),
  ...head,
  total: Schema.Number,
  atCounter: Schema.Number,
  byPhone: Schema.Number,
  atOutreach: Schema.Number,
  topics: Table
})
export type InquiriesModel = typeof InquiriesModel.Type

/** @category schemas */
export const ProgressModel = Schema.Struct({
  kind: Schema.Literal("progress"),
  ...head,
  from: Schema.String,
  to: Schema.String,
  total: Schema.Number,
  byProcedure: Table
})
export type ProgressModel = typeof ProgressModel.Type

/** @category schemas */
export const WaitingBucket = Schema.Struct({
  label: Label,
  fromMinutes: Schema.Number,
  toMinutes: Schema.NullOr(Schema.Number),
  count: Schema.Number
})
export type WaitingBucket = typeof WaitingBucket.Type

/** @category schemas */
export const AnalysisModel = Schema.Struct({
  kind: Schema.Literal("analysis"),
  ...head,
  volumes: Schema.Struct({
    total: Schema.Number,
    businessDays: Schema.Number,
    perBusinessDay: Schema.Number,
    /** From the capacity plan, when one is available. */
    capacityVisits: Schema.NullOr(Schema.Number),
    utilisation: Schema.NullOr(Schema.Number),
    byProcedure: Table,
    byChannel: Table,
    averageServiceMinutes: Schema.Array(
      Schema.Struct({ key: Schema.String, label: Label, minutes: Schema.Number, measured: Schema.Number })
    )
  }),
  waiting: Schema.Struct({
    measured: Schema.Number,
    meanMinutes: Schema.NullOr(Schema.Number),
    medianMinutes: Schema.NullOr(Schema.Number),
    p90Minutes: Schema.NullOr(Schema.Number),
    maxMinutes: Schema.NullOr(Schema.Number),
    buckets: Schema.Array(WaitingBucket)
  }),
  refusals: Schema.Struct({
    total: Schema.Number,
    secondVisits: Schema.Number,
    /** Share of visits not completed (refused or second visit), 0–1. */
    rate: Schema.Number,
    reasons: Table,
    missingDocuments: Table
  }),
  phoneTopics: Table,
  complaints: Table
})
export type AnalysisModel = typeof AnalysisModel.Type

/** @category schemas */
export const NarrativeModel = Schema.Struct({
  kind: Schema.Literal("narrative"),
  ...head,
  required: Schema.Boolean,
  text: Schema.NullOr(Schema.String)
})
export type NarrativeModel = typeof NarrativeModel.Type

/** @category schemas */
export const SectionModel = Schema.Union([
  CountsModel,
  PhoneCallsModel,
  ComplaintsModel,
  OutreachModel,
  InquiriesModel,
  ProgressModel,
  AnalysisModel,
  NarrativeModel
]).pipe(Schema.toTaggedUnion("kind"))
export type SectionModel = typeof SectionModel.Type

/**
 * `preliminary`: the period has not closed yet; `final`: closed, not submitted; `submitted`: frozen.
 *
 * @category schemas
 */
export const ReportStatus = Schema.Literals(["preliminary", "final", "submitted"])
export type ReportStatus = typeof ReportStatus.Type

/** @category schemas */
export const Report = Schema.Struct({
  city: Schema.Struct({ code: Schema.String, slug: Schema.String, name: Label }),
  form: Schema.Struct({ id: Schema.String, title: Label, period: Schema.Literals(["day", "month", "contract"]) }),
  period: Schema.Struct({
    key: Schema.String,
    from: Schema.String,
    to: Schema.String,
    label: Label
  }),
  /** Deadline, when the specification sets one. */
  due: Schema.NullOr(Schema.String),
  dueNote: Schema.NullOr(Label),
  status: ReportStatus,
  version: Schema.NullOr(Schema.Number),
  submittedAt: Schema.NullOr(Schema.String),
  submittedBy: Schema.NullOr(Schema.String),
  correctionReason: Schema.NullOr(Schema.String),
  generatedAt: Schema.String,
  /**
   * Daily reports of a city that keeps a custody ledger: the ledger's head at the close of the day
   * (sequence number and hash), printed so the city holds a copy (custody issue 6).
   */
  ledgerAnchor: Schema.optional(LedgerAnchor.DailyAnchor),
  sections: Schema.Array(SectionModel)
})
export type Report = typeof Report.Type

/** Decode a stored report (a frozen submission read back). @category constructors */
export const decodeReport = Schema.decodeUnknownEffect(Report)
