/**
 * `report daily|monthly|completion|due`: a city's reports from the activity log, printed as a summary
 * or written as JSON, CSV (UTF-8 with BOM or Shift_JIS), XLSX or print HTML; and the reports due.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { Runtime } from "@madoguchi/api"
import { withCapacityPlan } from "@madoguchi/api/routes/Reporting"
import { Profile } from "@madoguchi/domain"
import { Render, type Report, Reports } from "@madoguchi/reporting"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const city = Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code"))
const format = Flag.Literals("format", ["json", "csv", "xlsx", "html"] as const).pipe(
  Flag.withDescription("出力形式 / output format"),
  Flag.optional
)
const encoding = Flag.Literals("encoding", ["utf-8", "shift_jis"] as const).pipe(
  Flag.withDescription("CSV の文字コード(既定 utf-8 BOM付き) / CSV encoding (default UTF-8 with BOM)"),
  Flag.withDefault("utf-8" as const)
)
const out = Flag.String("out").pipe(Flag.withDescription("書き出すファイル / write to this file"), Flag.optional)
const live = Flag.Boolean("live").pipe(
  Flag.withDescription("提出済みでもログから集計し直す / rebuild from the log even if submitted"),
  Flag.withDefault(false)
)

/** One line per section: its headline number. */
const headline = (s: Report.SectionModel): string | number => {
  switch (s.kind) {
    case "counts":
    case "phone_calls":
    case "complaints":
    case "inquiries":
    case "progress":
      return s.total
    case "outreach":
      return `${s.sessions} 回 / ${s.handled} 件`
    case "analysis":
      return `${s.volumes.total} 件, 待ち中央値 ${s.waiting.medianMinutes ?? "—"} 分`
    case "narrative":
      return s.text === null ? (s.required ? "(未記入)" : "") : `${s.text.slice(0, 30)}…`
  }
}

const output = Effect.fn("report.output")(function* (
  report: Report.Report,
  options: {
    readonly format: Option.Option<"json" | "csv" | "xlsx" | "html">
    readonly encoding: "utf-8" | "shift_jis"
    readonly out: Option.Option<string>
    readonly json: boolean
  }
) {
  const chosen = Option.getOrUndefined(options.format) ?? (options.json ? "json" : undefined)
  if (chosen === undefined) {
    yield* Console.log(
      `${report.city.name.ja} ${report.form.title.ja} ${report.period.label.ja}\n` +
        `提出期限 / due: ${report.due ?? report.dueNote?.ja ?? "—"}   状態 / status: ${report.status}${report.version ? ` v${report.version}` : ""}\n`
    )
    return yield* table(
      ["section", "件数・内容"],
      report.sections.map((s) => [s.label.ja, headline(s)])
    )
  }
  const rendered = yield* Render.render(
    report,
    chosen === "csv" ? (options.encoding === "shift_jis" ? "csv-sjis" : "csv") : chosen
  )
  if (Option.isNone(options.out)) {
    if (typeof rendered.body !== "string" && chosen !== "csv") {
      return yield* new CliFailure({
        ja: "XLSX は --out でファイルに書き出してください",
        en: "write XLSX to a file with --out"
      })
    }
    return yield* typeof rendered.body === "string"
      ? Console.log(rendered.body)
      : Effect.sync(() => process.stdout.write(rendered.body))
  }
  const file = options.out.value
  yield* Effect.try({
    try: () => writeFileSync(file, rendered.body),
    catch: (cause) =>
      new CliFailure({ ja: `ファイルに書き込めません: ${file}`, en: `cannot write ${file}: ${String(cause)}` })
  })
  yield* Console.log(`書き出しました / written: ${file}`)
})

const common = { city, format, encoding, out, live, json: jsonFlag }

export const daily = Command.make(
  "daily",
  { ...common, date: Flag.String("date").pipe(Flag.withDescription("日付 YYYY-MM-DD / date")) },
  Effect.fn(
    function* (input) {
      const report = yield* withCapacityPlan(
        (yield* Reports.Reports).get(input.city, { period: "day", date: input.date }, { live: input.live })
      )
      yield* output(report, input)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("日次報告 / daily report"))

export const monthly = Command.make(
  "monthly",
  { ...common, month: Flag.String("month").pipe(Flag.withDescription("年月 YYYY-MM / month")) },
  Effect.fn(
    function* (input) {
      const report = yield* withCapacityPlan(
        (yield* Reports.Reports).get(input.city, { period: "month", month: input.month }, { live: input.live })
      )
      yield* output(report, input)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("月次報告(分析付き) / monthly report with analysis"))

export const completion = Command.make(
  "completion",
  {
    ...common,
    from: Flag.String("from").pipe(Flag.withDescription("開始日(既定: 契約開始) / from"), Flag.optional),
    to: Flag.String("to").pipe(Flag.withDescription("終了日(既定: 契約終了) / to"), Flag.optional)
  },
  Effect.fn(
    function* (input) {
      const from = Option.getOrUndefined(input.from)
      const to = Option.getOrUndefined(input.to)
      const report = yield* withCapacityPlan(
        (yield* Reports.Reports).get(
          input.city,
          { period: "contract", ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
          { live: input.live }
        )
      )
      yield* output(report, input)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("完了報告 / completion report"))

export const due = Command.make(
  "due",
  {
    city: city.pipe(Flag.optional),
    all: Flag.Boolean("all").pipe(
      Flag.withDescription("提出済み・未締めも表示 / include submitted and open periods"),
      Flag.withDefault(false)
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const profiles = yield* Profile.Profiles
      const cities = Option.isSome(input.city) ? [yield* profiles.get(input.city.value)] : yield* profiles.all
      const reports = yield* Reports.Reports
      const rows: Array<{ city: string; form: string; period: string; due: string | null; state: string }> = []
      for (const profile of cities) {
        for (const item of yield* reports.due(profile.slug)) {
          if (!input.all && (item.state === "submitted" || item.state === "open")) continue
          rows.push({
            city: profile.slug,
            form: item.form,
            period: item.period.key,
            due: item.due ?? item.dueNote?.ja ?? null,
            state: item.state
          })
        }
      }
      if (input.json) return yield* json(rows)
      yield* table(
        ["city", "report", "period", "due", "state"],
        rows.map((r) => [r.city, r.form, r.period, r.due ?? "—", r.state])
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("提出期限の一覧(期限超過・提出待ち) / reports due and overdue"))

export const submit = Command.make(
  "submit",
  {
    city,
    period: Flag.Literals("period", ["day", "month", "contract"] as const).pipe(
      Flag.withDescription("報告の期間 / the report's period")
    ),
    date: Flag.String("date").pipe(Flag.withDescription("日次: YYYY-MM-DD / day"), Flag.optional),
    month: Flag.String("month").pipe(Flag.withDescription("月次: YYYY-MM / month"), Flag.optional),
    from: Flag.String("from").pipe(Flag.withDescription("完了報告の開始日 / from"), Flag.optional),
    to: Flag.String("to").pipe(Flag.withDescription("完了報告の終了日 / to"), Flag.optional),
    by: Flag.String("by").pipe(Flag.withDescription("提出者のログインID / submitter's login")),
    narratives: Flag.String("narratives").pipe(
      Flag.withDescription('記述欄の JSON ファイル {"セクションID": "本文"} / JSON file of narrative sections'),
      Flag.optional
    ),
    reason: Flag.String("reason").pipe(
      Flag.withDescription("訂正理由(2版目以降) / reason for a correction"),
      Flag.optional
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const file = Option.getOrUndefined(input.narratives)
      const narratives =
        file === undefined
          ? undefined
          : yield* Effect.try({
              try: () => JSON.parse(readFileSync(file, "utf8")) as Record<string, string>,
              catch: () =>
                new CliFailure({
                  ja: `記述欄のファイルを JSON として読めません: ${file}`,
                  en: `cannot read the narratives file as JSON: ${file}`
                })
            })
      const get = <A>(o: Option.Option<A>) => Option.getOrUndefined(o)
      const request: Reports.ReportRequest =
        input.period === "day"
          ? { period: "day", date: get(input.date) ?? "" }
          : input.period === "month"
            ? { period: "month", month: get(input.month) ?? "" }
            : {
                period: "contract",
                ...(Option.isSome(input.from) ? { from: input.from.value } : {}),
                ...(Option.isSome(input.to) ? { to: input.to.value } : {})
              }
      const report = yield* withCapacityPlan(
        (yield* Reports.Reports).submit(input.city, request, {
          by: input.by,
          ...(narratives ? { narratives } : {}),
          ...(Option.isSome(input.reason) ? { reason: input.reason.value } : {})
        })
      )
      if (input.json) return yield* json(report)
      yield* Console.log(
        `提出しました / submitted: ${report.city.name.ja} ${report.form.title.ja} ${report.period.label.ja} 第${report.version}版`
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("報告書を提出(確定・凍結) / submit (freeze) a report"))

export const report = Command.make("report").pipe(
  Command.withDescription("報告書 / reports"),
  Command.withSubcommands([daily, monthly, completion, due, submit])
)
