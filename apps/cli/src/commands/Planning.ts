/**
 * `calendar`, `forecast import FILE` and `plan`: a city's business calendar, a forecast CSV checked
 * and turned into profile data, and the capacity plan month by month (readable table, `--json`,
 * `--csv`, `--check` to run the simulation beside the formulas). They read the profiles from
 * `profiles/` (or `MADOGUCHI_PROFILES`) and need no database.
 */
import { readFileSync } from "node:fs"
import { Runtime } from "@madoguchi/api"
import { ProfileStore } from "@madoguchi/db"
import { Profile, Values } from "@madoguchi/domain"
import { Calendar, Forecast, Plan } from "@madoguchi/scheduling"
import { Console, Effect, Option, Schema } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const city = Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code"))

/** The profiles of the profile directory, without a database. */
const profileOf = Effect.fn("planning.profileOf")(function* (slugOrCode: string) {
  const loaded = yield* ProfileStore.readDirectory(Runtime.defaultProfilesDir())
  const profile = yield* Profile.makeProfiles(loaded.map((l) => l.profile)).get(slugOrCode)
  const invalid = Calendar.validate(profile)
  if (invalid) return yield* invalid
  return profile
})

const decodeFlag = <S extends Schema.ConstraintDecoder<unknown>>(schema: S, flag: string, value: string) =>
  Effect.mapError(
    Schema.decodeUnknownEffect(schema)(value),
    () =>
      new CliFailure({
        ja: `--${flag} の値が正しくありません: ${value}`,
        en: `--${flag} is not valid: ${JSON.stringify(value)}`
      })
  )

const closedLabel: Record<Calendar.ClosedReason, string> = {
  closure: "臨時閉庁 / closure",
  year_end: "年末年始 / year end",
  national_holiday: "祝日 / holiday",
  no_opening: "—"
}

const weekdayJa: Record<string, string> = {
  mon: "月",
  tue: "火",
  wed: "水",
  thu: "木",
  fri: "金",
  sat: "土",
  sun: "日"
}

export const calendar = Command.make(
  "calendar",
  {
    city,
    from: Flag.String("from").pipe(Flag.withDescription("開始日 YYYY-MM-DD / first day")),
    to: Flag.String("to").pipe(Flag.withDescription("終了日 YYYY-MM-DD / last day")),
    json: jsonFlag
  },
  Effect.fn(function* (input) {
    const from = yield* decodeFlag(Values.LocalDate, "from", input.from)
    const to = yield* decodeFlag(Values.LocalDate, "to", input.to)
    const invalid = Calendar.checkRange(from, to)
    if (invalid) return yield* invalid
    const profile = yield* profileOf(input.city)
    const days = Calendar.days(profile, from, to)
    if (input.json)
      return yield* json({
        days: days.map((d) => ({
          date: d.date,
          open: d.open,
          ...(d.closedReason ? { closedReason: d.closedReason } : {}),
          sessions: d.sessions.map((s) => ({ site: s.site, kind: s.kind, opens: s.opens, closes: s.closes }))
        }))
      })
    yield* table(
      ["date", "曜", "open", "sessions / reason"],
      days.map((d) => [
        d.date,
        weekdayJa[d.weekday] ?? d.weekday,
        d.open ? "○" : "×",
        d.open
          ? d.sessions
              .map((s) => `${s.site} ${s.kind} ${s.opens}–${s.closes}${s.movedFrom ? ` (${s.movedFrom}から振替)` : ""}`)
              .join("; ")
          : `${closedLabel[d.closedReason ?? "no_opening"]}${d.holiday ? ` ${d.holiday.ja}` : ""}`
      ])
    )
  }, Effect.catch(reportFailure))
).pipe(Command.withDescription("業務カレンダーを表示 / show a city's business calendar"))

/** The series as the `planning.series` block of a profile. */
const seriesYaml = (
  series: ReadonlyArray<{ kind: string; basis: string; source?: string; months: Readonly<Record<string, number>> }>
) =>
  [
    "planning:",
    "  series:",
    ...series.flatMap((s) => [
      `    - kind: ${s.kind}`,
      `      basis: ${s.basis}`,
      ...(s.source ? [`      source: ${JSON.stringify(s.source)}`] : []),
      "      months:",
      ...Object.entries(s.months).map(([m, n]) => `        "${m}": ${n}`)
    ])
  ].join("\n")

const importForecast = Command.make(
  "import",
  {
    file: Argument.String("file").pipe(Argument.withDescription("予測 CSV (month,kind,count) / forecast CSV")),
    source: Flag.String("source").pipe(
      Flag.withDescription("出典として記録する説明 / source to record (default: the file name)"),
      Flag.optional
    ),
    json: jsonFlag
  },
  Effect.fn(function* (input) {
    const bytes = yield* Effect.try({
      try: () => new Uint8Array(readFileSync(input.file)),
      catch: () =>
        new CliFailure({ ja: `ファイルを読めません: ${input.file}`, en: `cannot read the file ${input.file}` })
    })
    const source = Option.getOrUndefined(input.source)
    const imported = yield* Forecast.importCsv(bytes, { file: input.file, ...(source ? { source } : {}) })
    if (input.json) return yield* json(imported)
    yield* Console.log(
      `${input.file}: ${imported.rows} 行を読みました (${imported.encoding}) / read ${imported.rows} rows (${imported.encoding})\n`
    )
    yield* table(
      ["kind", "basis", "months", "from", "to", "total"],
      imported.series.map((s) => {
        const months = Object.keys(s.months)
        return [
          s.kind,
          s.basis,
          months.length,
          months[0] ?? "",
          months.at(-1) ?? "",
          Object.values(s.months).reduce((a, b) => a + b, 0)
        ]
      })
    )
    yield* Console.log(
      `\nプロファイルの planning.series に追記してください / add to the profile's planning.series:\n\n${seriesYaml(imported.series)}`
    )
  }, Effect.catch(reportFailure))
).pipe(
  Command.withDescription(
    "予測 CSV を検査してプロファイル用データに変換 (UTF-8 / Shift_JIS) / check a forecast CSV and turn it into profile data"
  )
)

export const forecast = Command.make("forecast").pipe(
  Command.withDescription("予測データ / forecasts"),
  Command.withSubcommands([importForecast])
)

const minutes = (n: number | null) => (n === null ? "overload" : n.toFixed(1))

export const plan = Command.make(
  "plan",
  {
    city,
    from: Flag.String("from").pipe(Flag.withDescription("開始月 YYYY-MM / first month")),
    to: Flag.String("to").pipe(Flag.withDescription("終了月 YYYY-MM / last month")),
    json: jsonFlag,
    csv: Flag.Boolean("csv").pipe(Flag.withDescription("CSV で出力 / print CSV"), Flag.withDefault(false)),
    days: Flag.Boolean("days").pipe(
      Flag.withDescription("日ごと(開設ごと)に出力 / one row per session"),
      Flag.withDefault(false)
    ),
    check: Flag.Boolean("check").pipe(
      Flag.withDescription("シミュレーションで検証 / check the plan by simulation"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function* (input) {
    const from = yield* decodeFlag(Values.YearMonth, "from", input.from)
    const to = yield* decodeFlag(Values.YearMonth, "to", input.to)
    const invalid = Plan.checkRange(from, to)
    if (invalid) return yield* invalid
    const profile = yield* profileOf(input.city)
    const p = Plan.plan(profile, from, to)
    if (input.csv) return yield* Console.log((input.days ? Plan.daysToCsv(p) : Plan.toCsv(p)).trimEnd())
    if (input.json) {
      const { months, weeks, days, assumptions } = p
      return yield* json({ months, weeks, days, assumptions })
    }
    const checked = input.check ? Plan.check(profile, p) : undefined
    yield* Console.log(`${profile.name.ja} 窓口・電話回線の計画 / capacity plan ${from}..${to}\n`)
    if (input.days) {
      return yield* table(
        ["date", "kind", "demand", "booked", "windows", "util", "p90", "phone", "staff"],
        p.days.map((d) => [
          d.date,
          `${d.kind}${d.provisional ? "*" : ""}`,
          Math.round(d.demand.total),
          Math.round(d.reservationsPlanned),
          d.windowsRecommended,
          `${Math.round(d.utilisation * 100)}%`,
          minutes(d.walkInWait.p90Minutes),
          d.phone?.linesRecommended ?? "",
          d.staffing.total
        ])
      )
    }
    const requested = profile.planning?.phone.requestedLines
    const headers = [
      "month",
      "days",
      "demand",
      "capacity",
      "gap",
      "windows",
      "phone",
      ...(requested !== undefined ? [`${requested} lines ok`] : []),
      "p90 min",
      "busy",
      "staff",
      ...(checked ? ["p90 sim", "busy sim"] : [])
    ]
    yield* table(
      headers,
      p.months.map((m, i) => {
        const phoneDays = p.days.filter((d) => d.date.startsWith(m.month) && d.phone?.requested)
        const ok = phoneDays.filter((d) => d.phone!.requested!.meets).length
        const c = checked?.months[i]
        return [
          m.month,
          m.businessDays,
          m.demandVisits,
          m.capacityVisits,
          m.gapVisits,
          m.windowsRecommended,
          m.phoneLinesRecommended,
          ...(requested !== undefined ? [`${ok}/${phoneDays.length} days`] : []),
          minutes(m.walkInWaitP90Minutes),
          `${Math.round(m.utilisation * 100)}%`,
          p.days
            .filter((d) => d.kind === "regular" && d.date.startsWith(m.month))
            .reduce((a, d) => Math.max(a, d.staffing.total), 0),
          ...(c ? [c.walkIns.p90.toFixed(1), `${Math.round(c.utilisation * 100)}%`] : [])
        ]
      })
    )
    yield* Console.log(
      "\ndemand/capacity/gap: 来庁者数 (容量は現在の窓口数で稼働率上限まで) / visits (capacity at the profile's windows up to the utilisation ceiling)" +
        "\nwindows/phone/staff: 必要な最大窓口数・電話回線数・人員 / most windows, lines and staff any business day needs" +
        "\np90: 予約なし来庁者の9割がこの分数以内に呼ばれる / nine in ten walk-ins are called within these minutes"
    )
  }, Effect.catch(reportFailure))
).pipe(Command.withDescription("窓口数・電話回線数の計画 / capacity plan: windows, phone lines, waits, month by month"))
