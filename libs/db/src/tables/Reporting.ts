/** Tables of @madoguchi/reporting (owned by that lib; only its repositories use them). */
import type { ColumnType, Generated } from "kysely"
import type { Json, Timestamp } from "./Foundation.ts"

/** The append-only activity log: one row per activity, idempotent on (city_code, source, source_id). */
export interface ActivityTable {
  city_code: string
  id: Generated<number>
  site: string
  date: string
  time: string | null
  kind: string
  source: string
  source_id: string
  /** sha256 of the canonical activity: a repeated record with the same fingerprint is a duplicate. */
  fingerprint: string
  recorded_at: Generated<Date>
  staff: string | null
  procedure: string | null
  channel: string | null
  outcome: string | null
  reason: string | null
  missing_documents: ColumnType<ReadonlyArray<string> | null, ReadonlyArray<string> | null, never>
  waiting_minutes: number | null
  service_minutes: number | null
  /** Phone or complaint category. */
  category: string | null
  transferred: boolean | null
  escalated: boolean | null
  /** Outreach session tally: procedure code → count. */
  tally: Json | null
  /** The whole activity as recorded (free text included), for lists. */
  payload: Json
  /** When its free text was erased (`madoguchi purge`). */
  purged_at: ColumnType<Date | null, never, never>
}

/** A void of one activity (a mistaken entry), append-only. */
export interface ActivityVoidTable {
  city_code: string
  activity_id: number
  reason: string
  staff: string | null
  voided_at: Generated<Date>
  purged_at: ColumnType<Date | null, never, never>
}

/** Daily counts per dimension, kept by triggers (absent dimensions are '' / false). */
export interface ActivityDailyTable {
  city_code: string
  date: string
  kind: string
  site: string
  procedure: string
  channel: string
  outcome: string
  reason: string
  category: string
  transferred: boolean
  escalated: boolean
  n: number
  service_sum: number
  service_n: number
}

/** Counter visits per day and waiting minutes, kept by triggers. */
export interface ActivityWaitingDailyTable {
  city_code: string
  date: string
  waiting_minutes: number
  n: number
}

/** Missing documents of refused visits per day, kept by triggers. */
export interface ActivityMissingDailyTable {
  city_code: string
  date: string
  document: string
  n: number
}

/** A submitted report, frozen; a correction is a new version with a reason. */
export interface ReportSubmissionTable {
  city_code: string
  form_id: string
  /** `2026-12-01` (day), `2026-12` (month), `2026-04-01..2027-03-31` (contract). */
  period_key: string
  version: number
  submitted_at: Timestamp
  submitted_by: string
  /** Why a correction was made (null for version 1). */
  reason: string | null
  /** Of the model as submitted (the city's copy); an erased model no longer matches it. */
  sha256: string
  model: Json
  purged_at: ColumnType<Date | null, never, never>
}

export interface ReportingTables {
  activity: ActivityTable
  activity_void: ActivityVoidTable
  activity_daily: ActivityDailyTable
  activity_waiting_daily: ActivityWaitingDailyTable
  activity_missing_daily: ActivityMissingDailyTable
  report_submission: ReportSubmissionTable
}
