/**
 * Reporting's part of the contract-end purge (`PersonalData.Purger`): the free text of the activity
 * log — what callers asked and the answers given, complaints and how they were handled, notes on
 * visits — the reasons of voids, and the listed calls and complaints (and correction reasons) of
 * frozen submissions, for the city's records before the cut-off. The text becomes `ERASED`; every
 * row, code, category and count stays, so the rollups and every report still add up. A submission
 * keeps the sha256 of what was submitted (the city holds that copy); `purged_at` says why the stored
 * model no longer matches it.
 */
import { Database } from "@madoguchi/db"
import { PersonalData } from "@madoguchi/domain"
import { Effect } from "effect"
import { sql } from "kysely"
import * as Report from "./Report.ts"

const { ERASED } = PersonalData

/** The report with its personal free text erased (listed calls and complaints). @category constructors */
export const eraseFreeText = (report: Report.Report): Report.Report => ({
  ...report,
  ...(report.correctionReason !== null ? { correctionReason: ERASED } : {}),
  sections: report.sections.map((s): Report.SectionModel => {
    switch (s.kind) {
      case "phone_calls":
        return { ...s, calls: s.calls && s.calls.map((c) => ({ ...c, content: ERASED, answer: ERASED })) }
      case "complaints":
        return { ...s, items: s.items.map((c) => ({ ...c, what: ERASED, handling: ERASED })) }
      default:
        return s
    }
  })
})

const table = (name: string, label: { ja: string; en: string }, fields: ReadonlyArray<string>, rows: number) =>
  ({ owner: "reporting", table: name, label, fields, rows }) satisfies PersonalData.PurgedTable

/** @category constructors */
export const purger: Effect.Effect<PersonalData.Purger, never, Database.Database> = Effect.gen(function* () {
  const db = yield* Database.Database

  const purge = Effect.fn("Reporting.purgePersonalData")(
    function* ({ cityCode, before }: PersonalData.PurgeScope) {
      const activities = yield* db.use((k, signal) =>
        sql`
          update activity set purged_at = now(), payload = case kind
            when 'phone_call' then payload || jsonb_build_object('content', ${ERASED}::text, 'answer', ${ERASED}::text)
            when 'complaint' then payload || jsonb_build_object('what', ${ERASED}::text, 'handling', ${ERASED}::text)
            else payload || jsonb_build_object('note', ${ERASED}::text) end
          where city_code = ${cityCode} and date < ${before} and purged_at is null
            and (kind in ('phone_call', 'complaint') or (kind = 'counter_visit' and payload ? 'note'))`.execute(k, {
          signal
        })
      )
      const voids = yield* db.use((k, signal) =>
        sql`
          update activity_void v set reason = ${ERASED}, purged_at = now()
          from activity a
          where v.city_code = ${cityCode} and a.city_code = v.city_code and a.id = v.activity_id
            and a.date < ${before} and v.purged_at is null`.execute(k, { signal })
      )
      // Frozen reports of periods that ended before the cut-off, one by one (a few hundred per year).
      const submissions = yield* db.use((k, signal) =>
        k
          .selectFrom("report_submission")
          .select(["form_id", "period_key", "version", "model", "reason"])
          .where("city_code", "=", cityCode)
          .where("purged_at", "is", null)
          .where(sql<boolean>`model -> 'period' ->> 'to' < ${before}`)
          .execute({ signal })
      )
      for (const row of submissions) {
        const report = yield* Report.decodeReport(row.model)
        yield* db.use((k, signal) =>
          sql`
            update report_submission set model = ${JSON.stringify(eraseFreeText(report))}::jsonb,
              reason = ${row.reason === null ? null : ERASED}, purged_at = now()
            where city_code = ${cityCode} and form_id = ${row.form_id} and period_key = ${row.period_key}
              and version = ${row.version}`.execute(k, { signal })
        )
      }
      return [
        table(
          "activity",
          { ja: "業務記録(電話の内容・回答、苦情、来庁の備考)", en: "activity log (calls, complaints, visit notes)" },
          ["payload.content", "payload.answer", "payload.what", "payload.handling", "payload.note"],
          Number(activities.numAffectedRows ?? 0)
        ),
        table(
          "activity_void",
          { ja: "記録の取消理由", en: "void reasons" },
          ["reason"],
          Number(voids.numAffectedRows ?? 0)
        ),
        table(
          "report_submission",
          { ja: "提出済み報告書(電話・苦情の一覧、訂正理由)", en: "submitted reports (listed calls, complaints)" },
          ["model.calls", "model.complaints", "reason"],
          submissions.length
        )
      ]
    },
    Effect.mapError((cause) => new PersonalData.PersonalDataPurgeFailed({ owner: "reporting", cause }))
  )

  return { owner: "reporting", purge } satisfies PersonalData.Purger
})
