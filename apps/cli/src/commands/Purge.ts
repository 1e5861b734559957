/**
 * `madoguchi purge --city … --before YYYY-MM-DD [--dry-run] [--json]`: erase the personal data of a
 * city's records older than a date, in every lib, at the end of a contract (Kawanishi: nothing
 * personal left on the contractor's PCs; Kanazawa: erased with a written report). Prints what each
 * table erased and kept, in Japanese and English; a real run is recorded in the audit log, a dry run
 * changes nothing.
 */
import { Runtime } from "@madoguchi/api"
import { Purge } from "@madoguchi/db"
import { PersonalData, Profile } from "@madoguchi/domain"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { json, jsonFlag, reportFailure, table } from "../Output.ts"

export const purge = Command.make(
  "purge",
  {
    city: Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code")),
    before: Flag.String("before").pipe(
      Flag.withDescription(
        "この日より前の記録の個人情報を消去 YYYY-MM-DD(その日の記録は残ります) / erase personal data of records before this date"
      )
    ),
    dryRun: Flag.Boolean("dry-run").pipe(
      Flag.withDescription("件数だけ数え、何も変更しない / count only, change nothing"),
      Flag.withDefault(false)
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const profile = yield* (yield* Profile.Profiles).get(input.city)
      const { purgers } = yield* PersonalData.PersonalData
      const report = yield* Purge.run({
        cityCode: profile.cityCode,
        before: input.before,
        dryRun: input.dryRun,
        actor: "cli",
        purgers
      })
      if (input.json) return yield* json({ city: profile.slug, ...report })
      yield* Console.log(
        `${profile.name.ja} / ${profile.name.en}: ${report.before} より前の記録の個人情報 / personal data of records before ${report.before}` +
          (report.dryRun ? "\n【試行】何も変更していません / DRY RUN: nothing was changed" : "")
      )
      yield* table(
        ["表 table", "内容 what", "項目 fields", report.dryRun ? "消去予定 would erase" : "消去 erased", "保持 kept"],
        report.tables.map((t) => [t.table, t.label.ja, t.fields.join(", "), t.rows, t.kept?.rows ?? 0])
      )
      for (const t of report.tables.filter((t) => t.kept !== undefined)) {
        yield* Console.log(`保持 kept ${t.table}: ${t.kept!.reason.ja} / ${t.kept!.reason.en}`)
      }
      yield* Console.log(
        report.dryRun
          ? `合計 ${report.rows} 件を消去できます / ${report.rows} records would be erased`
          : `合計 ${report.rows} 件を消去しました(監査ログ #${report.auditId}) / ${report.rows} records erased (audit log #${report.auditId})`
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(
  Command.withDescription(
    "契約終了時の個人情報の消去(全機能の記録) / erase personal data at the end of a contract (every feature's records)"
  )
)
