/**
 * The stored activity log: the `ActivityLog` port of `@madoguchi/domain` over PostgreSQL/PGlite, and
 * the grouped queries that count a period for a report. Rows are append-only (a trigger refuses UPDATE
 * and DELETE); a mistaken entry is voided by a row in `activity_void`, and every count leaves voided
 * entries out. Recording is idempotent on (city, source, sourceId): the same activity again is a
 * duplicate, a different one under a used key is refused.
 */
import { createHash } from "node:crypto"
import { ActivityLog, Decode, Profile } from "@madoguchi/domain"
import { Database } from "@madoguchi/db"
import { Context, Effect, Layer, Schema } from "effect"
import { sql } from "kysely"
import type * as Aggregates from "./Aggregates.ts"

type Activity = ActivityLog.Activity

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** Columns of an activity row, by kind (free text stays in the payload only). */
const columns = (a: Activity) => {
  const base = {
    city_code: a.cityCode,
    site: a.site,
    date: a.date,
    time: a.time ?? null,
    kind: a.kind,
    source: a.key.source,
    source_id: a.key.sourceId,
    fingerprint: sha256(ActivityLog.fingerprint(a)),
    staff: a.staff ?? null,
    payload: JSON.stringify(a)
  }
  switch (a.kind) {
    case "counter_visit":
      return {
        ...base,
        procedure: a.procedure,
        channel: a.channel,
        outcome: a.outcome,
        reason: a.reason ?? null,
        missing_documents: a.missingDocuments && a.missingDocuments.length > 0 ? a.missingDocuments : null,
        waiting_minutes: a.waitingMinutes ?? null,
        service_minutes: a.serviceMinutes ?? null
      }
    case "phone_call":
      return { ...base, category: a.category, transferred: a.transferred }
    case "complaint":
      return { ...base, category: a.category, escalated: a.escalated }
    case "outreach_session":
      return { ...base, tally: JSON.stringify(a.tally) }
  }
}

/** Options of a period count. @category models */
export interface CountOptions {
  /** Fetch every phone call with its content and answer. */
  readonly phoneCalls: boolean
  /** Also count by procedure from this day to the end of the period (progress since the contract began). */
  readonly progressFrom?: string | undefined
}

interface DailyRow {
  kind: string
  procedure: string
  channel: string
  outcome: string
  site: string
  date: string
  reason: string
  category: string
  transferred: boolean
  escalated: boolean
  n: number
  svc_sum: number
  svc_n: number
}

const decodePayload = Schema.decodeUnknownEffect(ActivityLog.Activity)

/** @category services */
export class ActivityStore extends Context.Service<
  ActivityStore,
  {
    readonly record: ActivityLog.ActivityLog["Service"]["record"]
    readonly void: ActivityLog.ActivityLog["Service"]["void"]
    /** Count a period (both days included) of one city. */
    readonly count: (
      cityCode: string,
      from: string,
      to: string,
      options: CountOptions
    ) => Effect.Effect<Aggregates.Aggregates>
    /** Days in the range with at least one activity (not voided). */
    readonly activeDates: (cityCode: string, from: string, to: string) => Effect.Effect<ReadonlyArray<string>>
  }
>()("@madoguchi/reporting/ActivityStore") {
  static readonly layer: Layer.Layer<ActivityStore, never, Database.Database> = Layer.effect(
    ActivityStore,
    Effect.gen(function* () {
      const db = yield* Database.Database

      // When the app provides the profiles, an activity must name a city and one of its sites.
      const profiles = yield* Effect.serviceOption(Profile.Profiles)
      const checkSite = (activity: Activity) => {
        if (profiles._tag === "None") return Effect.void
        return profiles.value.get(activity.cityCode).pipe(
          Effect.matchEffect({
            onFailure: () =>
              Effect.fail(
                new Decode.DecodeError({
                  problems: [
                    {
                      path: "cityCode",
                      ja: `団体コード ${activity.cityCode} の市のプロファイルがありません`,
                      en: `no city profile for ${activity.cityCode}`
                    }
                  ]
                })
              ),
            onSuccess: (profile) =>
              profile.sites.some((s) => s.id === activity.site)
                ? Effect.void
                : Effect.fail(
                    new Decode.DecodeError({
                      problems: [
                        {
                          path: "site",
                          ja: `${profile.name.ja}に拠点「${activity.site}」はありません(${profile.sites.map((s) => s.id).join(", ")})`,
                          en: `${profile.name.en} has no site "${activity.site}" (${profile.sites.map((s) => s.id).join(", ")})`
                        }
                      ]
                    })
                  )
          })
        )
      }

      const record = Effect.fn("ActivityStore.record")(function* (input: Activity) {
        const activity = yield* ActivityLog.decodeActivity(input)
        yield* checkSite(activity)
        const row = columns(activity)
        const inserted = yield* db
          .use((k, signal) =>
            k
              .insertInto("activity")
              .values(row)
              .onConflict((oc) => oc.columns(["city_code", "source", "source_id"]).doNothing())
              .returning("id")
              .executeTakeFirst({ signal })
          )
          .pipe(Effect.orDie)
        if (inserted) return { id: String(inserted.id), status: "recorded" as const }
        const existing = yield* db
          .use((k, signal) =>
            k
              .selectFrom("activity")
              .select(["id", "fingerprint"])
              .where("city_code", "=", activity.cityCode)
              .where("source", "=", activity.key.source)
              .where("source_id", "=", activity.key.sourceId)
              .executeTakeFirstOrThrow({ signal })
          )
          .pipe(Effect.orDie)
        if (existing.fingerprint === row.fingerprint) return { id: String(existing.id), status: "duplicate" as const }
        return yield* new ActivityLog.ActivitySourceConflict({
          cityCode: activity.cityCode,
          source: activity.key.source,
          sourceId: activity.key.sourceId
        })
      })

      const voidActivity = Effect.fn("ActivityStore.void")(function* (input: ActivityLog.VoidRequest) {
        const request = yield* ActivityLog.decodeVoid(input)
        const found = yield* db
          .use((k, signal) =>
            k
              .selectFrom("activity")
              .select("id")
              .where("city_code", "=", request.cityCode)
              .where("source", "=", request.key.source)
              .where("source_id", "=", request.key.sourceId)
              .executeTakeFirst({ signal })
          )
          .pipe(Effect.orDie)
        if (!found) {
          return yield* new ActivityLog.ActivityNotFound({
            cityCode: request.cityCode,
            source: request.key.source,
            sourceId: request.key.sourceId
          })
        }
        const inserted = yield* db
          .use((k, signal) =>
            k
              .insertInto("activity_void")
              .values({
                city_code: request.cityCode,
                activity_id: found.id,
                reason: request.reason,
                staff: request.staff ?? null
              })
              .onConflict((oc) => oc.columns(["city_code", "activity_id"]).doNothing())
              .returning("activity_id")
              .executeTakeFirst({ signal })
          )
          .pipe(Effect.orDie)
        return { id: String(found.id), status: inserted ? ("voided" as const) : ("already_voided" as const) }
      })

      const notVoided = sql`not exists (select 1 from activity_void v where v.city_code = a.city_code and v.activity_id = a.id)`

      const count = Effect.fn("ActivityStore.count")(function* (
        cityCode: string,
        from: string,
        to: string,
        options: CountOptions
      ) {
        // Counts come from the daily rollups (kept by triggers; one row per key, so no grouping here);
        // free text from the listed rows.
        const daily = db.use((k, signal) =>
          sql<DailyRow>`
            select kind, procedure, channel, outcome, site, date, reason, category, transferred, escalated,
                   n, service_sum as svc_sum, service_n as svc_n
            from activity_daily
            where city_code = ${cityCode} and date between ${from} and ${to} and n <> 0`
            .execute(k, { signal })
            .then((r) => r.rows)
        )
        const waitingRows = db.use((k, signal) =>
          sql<{ minutes: number; n: number }>`
            select waiting_minutes as minutes, sum(n)::bigint as n from activity_waiting_daily
            where city_code = ${cityCode} and date between ${from} and ${to}
            group by waiting_minutes having sum(n) <> 0 order by waiting_minutes`
            .execute(k, { signal })
            .then((r) => r.rows)
        )
        const missing = db.use((k, signal) =>
          sql<{ key: string; n: number }>`
            select document as key, sum(n)::bigint as n from activity_missing_daily
            where city_code = ${cityCode} and date between ${from} and ${to}
            group by document having sum(n) <> 0`
            .execute(k, { signal })
            .then((r) => r.rows)
        )
        const kinds = options.phoneCalls
          ? ["outreach_session", "complaint", "phone_call"]
          : ["outreach_session", "complaint"]
        const listed = db.use((k, signal) =>
          sql<{ payload: unknown }>`
            select a.payload from activity a
            where a.city_code = ${cityCode} and a.kind <> 'counter_visit' and a.kind = any(${kinds}::text[])
              and a.date between ${from} and ${to} and ${notVoided}
            order by a.date, a.time nulls last, a.id`
            .execute(k, { signal })
            .then((r) => r.rows)
        )
        const progressFrom = options.progressFrom
        const progress =
          progressFrom === undefined
            ? Effect.succeed(null)
            : db.use((k, signal) =>
                sql<{ key: string; n: number }>`
                  select procedure as key, sum(n)::bigint as n from activity_daily
                  where city_code = ${cityCode} and date between ${progressFrom} and ${to} and kind = 'counter_visit'
                  group by procedure
                  union all
                  select t.key, sum(t.value::int)::bigint as n
                  from activity a cross join lateral jsonb_each_text(a.tally) as t
                  where a.city_code = ${cityCode} and a.kind = 'outreach_session'
                    and a.date between ${progressFrom} and ${to} and ${notVoided}
                  group by t.key`
                  .execute(k, { signal })
                  .then((r) => r.rows)
              )

        const [rows, waitingHistogram, missingRows, listRows, progressRows] = yield* Effect.all(
          [daily, waitingRows, missing, listed, progress],
          { concurrency: "unbounded" }
        ).pipe(Effect.orDie)

        const visits: Array<Aggregates.VisitCell> = []
        const reasons = new Map<string, number>()
        const phone: Array<Aggregates.PhoneCell> = []
        const complaints = new Map<string, Aggregates.ComplaintCell>()
        for (const r of rows) {
          if (r.n === 0) continue
          if (r.kind === "counter_visit") {
            visits.push({
              procedure: r.procedure,
              channel: r.channel,
              outcome: r.outcome,
              site: r.site,
              date: r.date,
              count: r.n,
              serviceMinutesSum: r.svc_sum,
              serviceMeasured: r.svc_n
            })
            if (r.reason !== "") reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + r.n)
          } else if (r.kind === "phone_call") {
            phone.push({ category: r.category, transferred: r.transferred, date: r.date, count: r.n })
          } else if (r.kind === "complaint") {
            const key = `${r.category}|${r.escalated}`
            const prior = complaints.get(key)?.count ?? 0
            complaints.set(key, { category: r.category, escalated: r.escalated, count: prior + r.n })
          }
        }
        const waiting = waitingHistogram.map((h) => ({ minutes: h.minutes, count: h.n }))

        const sessions: Array<Aggregates.Session> = []
        const tallies: Array<Aggregates.TallyCell> = []
        const complaintList: Array<Aggregates.Complaint> = []
        const phoneCalls: Array<Aggregates.PhoneCall> = []
        for (const row of listRows) {
          const a = yield* decodePayload(row.payload).pipe(Effect.orDie)
          const time = a.time ?? null
          switch (a.kind) {
            case "outreach_session": {
              let tallied = 0
              for (const [procedure, n] of Object.entries(a.tally)) {
                tallied += n
                if (n > 0) tallies.push({ procedure, site: a.site, date: a.date, count: n })
              }
              sessions.push({
                date: a.date,
                time,
                site: a.site,
                venue: a.venue,
                tallied,
                inquiries: a.inquiries ?? 0
              })
              break
            }
            case "complaint":
              complaintList.push({
                date: a.date,
                time,
                site: a.site,
                category: a.category,
                what: a.what,
                handling: a.handling,
                escalated: a.escalated
              })
              break
            case "phone_call":
              phoneCalls.push({
                date: a.date,
                time,
                site: a.site,
                category: a.category,
                content: a.content,
                answer: a.answer,
                transferred: a.transferred
              })
              break
            case "counter_visit":
              break
          }
        }

        const progressTotals = new Map<string, number>()
        for (const r of progressRows ?? []) progressTotals.set(r.key, (progressTotals.get(r.key) ?? 0) + r.n)

        return {
          visits,
          waiting,
          reasons: [...reasons].map(([key, count]) => ({ key, count })),
          missingDocuments: missingRows.map((r) => ({ key: r.key, count: r.n })),
          phone,
          complaints: [...complaints.values()],
          tallies,
          sessions,
          complaintList,
          phoneCalls: options.phoneCalls ? phoneCalls : null,
          progress: progressRows === null ? null : [...progressTotals].map(([key, count]) => ({ key, count }))
        } satisfies Aggregates.Aggregates
      })

      const activeDates = Effect.fn("ActivityStore.activeDates")(function* (
        cityCode: string,
        from: string,
        to: string
      ) {
        const rows = yield* db
          .use((k, signal) =>
            sql<{ date: string }>`
              select date from activity_daily
              where city_code = ${cityCode} and date between ${from} and ${to}
              group by date having sum(n) <> 0 order by date`
              .execute(k, { signal })
              .then((r) => r.rows)
          )
          .pipe(Effect.orDie)
        return rows.map((r) => r.date)
      })

      return ActivityStore.of({ record, void: voidActivity, count, activeDates })
    })
  )

  /** The `ActivityLog` port (for booking and custody) over this store. */
  static readonly layerActivityLog: Layer.Layer<ActivityLog.ActivityLog, never, ActivityStore> = Layer.effect(
    ActivityLog.ActivityLog,
    Effect.gen(function* () {
      const store = yield* ActivityStore
      return ActivityLog.ActivityLog.of({ record: store.record, void: store.void })
    })
  )
}
