/**
 * `custody verify|anchor|export|overdue|grant`: check a city's custody ledger (naming the first broken
 * link, against the city's copies of daily anchors), print the daily anchor for the report, write the
 * 台帳 as CSV or XLSX, list items past their deadlines, and grant a PostgreSQL application role the
 * read-and-append privileges on the ledger (never UPDATE or DELETE).
 */
import { writeFileSync } from "node:fs"
import { Runtime } from "@madoguchi/api"
import { Chain, Custody, Event, Item } from "@madoguchi/custody"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const city = Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code"))
const date = (what: string) => Flag.String(what).pipe(Flag.withDescription(`${what} YYYY-MM-DD`), Flag.optional)

const todayInTokyo = () => Event.localDateOf(new Date().toISOString())

const checkDate = (value: string, flag: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Effect.succeed(value)
    : Effect.fail(
        new CliFailure({ ja: `--${flag} は YYYY-MM-DD で指定してください`, en: `--${flag} must be YYYY-MM-DD` })
      )

export const verify = Command.make(
  "verify",
  {
    city,
    anchor: Flag.String("anchor").pipe(
      Flag.withDescription(
        "市が保管するアンカー: 日報の印字どおり(102059 2026-04-01 #12 …)か [YYYY-MM-DD:]連番:ハッシュ(複数可) / the city's copy of an anchor, as printed or [date:]seq:hash"
      ),
      Flag.atLeast(0)
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const anchors: Array<Chain.Anchor> = []
      for (const text of input.anchor) {
        const anchor = Chain.parseAnchor(text)
        if (!anchor) {
          return yield* new CliFailure({
            ja: `アンカーが読めません: ${text}(日報の印字どおり、または [YYYY-MM-DD:]連番:ハッシュ)`,
            en: `cannot read the anchor ${text} (as printed on the daily report, or [YYYY-MM-DD:]SEQ:HASH)`
          })
        }
        anchors.push(anchor)
      }
      const result = yield* (yield* Custody.Custody).verify(input.city, { anchors })
      if (input.json) yield* json(result)
      else if (result.ok) {
        yield* Console.log(
          `台帳は正常です(${result.entries} 件、アンカー ${result.anchorsChecked} 件を照合)\n` +
            `The ledger verifies (${result.entries} entries, ${result.anchorsChecked} anchors checked)\n` +
            `先頭 / head: #${result.headSeq} ${result.headHash}`
        )
      } else {
        const b = result.firstBrokenAt!
        yield* Console.error(`最初の不整合 / first broken link: #${b.seq} (${b.reason})\n${b.ja}\n${b.en}`)
      }
      if (!result.ok) process.exitCode = 2
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("台帳のハッシュ連鎖を検証 / verify the custody ledger's hash chain"))

export const anchor = Command.make(
  "anchor",
  { city, date: date("date"), json: jsonFlag },
  Effect.fn(
    function* (input) {
      const day = yield* checkDate(Option.getOrElse(input.date, todayInTokyo), "date")
      const result = yield* (yield* Custody.Custody).anchor(input.city, day)
      if (input.json) return yield* json(result)
      yield* Console.log(
        `${result.final ? "" : "(暫定: 当日はまだ締まっていません / provisional: the day has not closed) "}${result.text}`
      )
      if (result.storedMismatch) {
        process.exitCode = 2
        yield* Console.error(
          `保存済みアンカー(#${result.storedMismatch.seq} ${result.storedMismatch.hash})と一致しません / does not match the stored anchor`
        )
      }
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("日次アンカー(日報に印字) / the day's anchor, to print on the daily report"))

export const exportLedger = Command.make(
  "export",
  {
    city,
    from: date("from"),
    to: date("to"),
    format: Flag.Literals("format", ["csv", "xlsx"] as const).pipe(
      Flag.withDescription("出力形式 / output format"),
      Flag.withDefault("csv" as const)
    ),
    out: Flag.String("out").pipe(Flag.withDescription("書き出すファイル / write to this file"), Flag.optional),
    kind: Flag.Literals("kind", Item.ItemKind.literals).pipe(
      Flag.withDescription("品目で絞り込み(複数可。例: lent_material = 貸与物一覧) / only these item kinds"),
      Flag.atLeast(0)
    )
  },
  Effect.fn(
    function* (input) {
      const from = Option.getOrUndefined(input.from)
      const to = Option.getOrUndefined(input.to)
      if (from !== undefined) yield* checkDate(from, "from")
      if (to !== undefined) yield* checkDate(to, "to")
      const file = yield* (yield* Custody.Custody).exportLedger(input.city, {
        from,
        to,
        format: input.format,
        itemKinds: input.kind.length > 0 ? input.kind : undefined
      })
      if (Option.isNone(input.out)) {
        if (typeof file.body !== "string") {
          return yield* new CliFailure({
            ja: "XLSX は --out でファイルに書き出してください",
            en: "write XLSX to a file with --out"
          })
        }
        const text = file.body
        yield* Effect.sync(() => process.stdout.write(text))
        return
      }
      const path = input.out.value
      yield* Effect.try({
        try: () => writeFileSync(path, file.body),
        catch: (cause) =>
          new CliFailure({ ja: `ファイルに書き込めません: ${path}`, en: `cannot write ${path}: ${String(cause)}` })
      })
      yield* Console.log(`書き出しました / written: ${path}`)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("台帳(CSV・XLSX)を出力 / write the custody ledger (台帳) as CSV or XLSX"))

export const overdue = Command.make(
  "overdue",
  {
    city,
    today: date("today"),
    all: Flag.Boolean("all").pipe(
      Flag.withDescription("期限前のものも表示 / also list items not yet due"),
      Flag.withDefault(false)
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const today = yield* checkDate(Option.getOrElse(input.today, todayInTokyo), "today")
      const report = yield* (yield* Custody.Custody).deadlines(input.city, today)
      const lines = input.all ? report.lines : report.lines.filter((l) => l.state !== "open")
      if (input.json) return yield* json({ ...report, lines })
      yield* Console.log(
        `${today}: 期限超過 ${report.overdue} 件、本日期限 ${report.dueToday} 件、期限未確定 ${report.undetermined} 件 / ` +
          `${report.overdue} overdue, ${report.dueToday} due today, ${report.undetermined} undetermined\n`
      )
      yield* table(
        ["state", "due", "days late", "rule", "item", "reference", "units", "place", "holder"],
        lines.map((l) => [
          l.state,
          l.dueOn ?? "—",
          l.daysLate ?? 0,
          l.rule,
          Item.kindLabel[l.kind].ja,
          l.reference ?? "",
          l.openUnits,
          l.places.join(", "),
          l.holders.join(", ")
        ])
      )
      if (report.overdue > 0) process.exitCode = 3
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("期限超過の一覧(管理者向け) / items past their deadlines, for the manager"))

export const grant = Command.make(
  "grant",
  {
    role: Flag.String("role").pipe(
      Flag.withDescription(
        "アプリケーションが接続する PostgreSQL ロール / the PostgreSQL role the application connects as"
      )
    )
  },
  Effect.fn(
    function* (input) {
      yield* Custody.grantApplicationRole(input.role)
      yield* Console.log(
        `${input.role}: 台帳は参照・追記のみ(UPDATE・DELETE・TRUNCATE 不可) / ledger read and append only (no UPDATE, DELETE, TRUNCATE)`
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("アプリ用ロールに台帳の権限を付与 / grant the application role its ledger privileges"))

export const custody = Command.make("custody").pipe(
  Command.withDescription("保管管理(台帳・預り証・廃棄) / chain of custody"),
  Command.withSubcommands([verify, anchor, exportLedger, overdue, grant])
)
