/**
 * `check`, `validity`, `vocabulary` and `profile validate`: the counter's rules from the command line.
 * `check --input FILE|-` takes the same JSON as `POST /api/v1/eligibility/check` (the city's profile
 * from `profiles/` applied when the input names one) and prints the decision, or with `--json` the
 * contract's answer. Input that does not decode, and a profile that does not validate, print every
 * problem with its path in Japanese and English and exit with code 1.
 */
import { readFileSync } from "node:fs"
import { Runtime } from "@madoguchi/api"
import { ProfileStore } from "@madoguchi/db"
import { Decode, Eligibility, Profile, RuleBook, Sources, Validity, Vocabulary } from "@madoguchi/domain"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const readText = (file: string) =>
  Effect.try({
    try: () => readFileSync(file === "-" ? 0 : file, "utf8"),
    catch: () =>
      new CliFailure({
        ja: `ファイルを読めません: ${file}`,
        en: `cannot read ${file === "-" ? "standard input" : file}`
      })
  })

const parseJson = (text: string, file: string) =>
  Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (cause) =>
      new Decode.DecodeError({
        problems: [
          {
            path: "",
            ja: `JSON として読めません(${file}): ${String(cause)}`,
            en: `not valid JSON (${file}): ${String(cause)}`
          }
        ]
      })
  })

/** Print every problem with its path, in both languages (or as the API's error JSON), and exit 1. */
const reportProblems = (error: Decode.DecodeError, asJson: boolean) =>
  Effect.gen(function* () {
    if (asJson) {
      const first = error.problems[0]
      yield* json({
        error: {
          code: "INVALID_INPUT",
          ja: first?.ja ?? "入力が正しくありません",
          en: first?.en ?? "invalid input",
          ...(first ? { path: first.path } : {}),
          problems: error.problems
        }
      })
    } else {
      yield* Console.error(
        [
          `入力に誤りがあります(${error.problems.length} 件) / the input has ${error.problems.length} problem(s):`,
          ...error.problems.map(
            (p) =>
              `  ${p.path || "(全体 / root)"}: ${p.ja}\n  ${" ".repeat((p.path || "(全体 / root)").length)}  ${p.en}`
          )
        ].join("\n")
      )
    }
    yield* Effect.sync(() => {
      process.exitCode = 1
    })
  })

/** The city profiles of `profiles/` (no database needed). */
const profilesLayer = Effect.map(ProfileStore.readDirectory(Runtime.defaultProfilesDir()), (loaded) =>
  Profile.layerStatic(loaded.map((l) => l.profile))
)

const printAnswer = (answer: Eligibility.EligibilityResult) =>
  Effect.gen(function* () {
    const label = {
      allowed: "手続できます / allowed",
      refused: "手続できません / refused",
      needs_second_visit: "2回目の来庁が必要です / needs a second visit"
    }[answer.decision]
    const procedure = Vocabulary.Procedure.get(answer.procedure)
    yield* Console.log(
      `${procedure.ja} / ${procedure.en}  ${answer.visitDate}${answer.city ? `  (${answer.city})` : ""}\n判定 / decision: ${label}\n`
    )
    for (const r of answer.reasons) {
      const mark = { refuses: "×", second_visit: "△", allows: "○", note: "・" }[r.kind]
      yield* Console.log(`${mark} ${r.code}\n    ${r.ja}\n    ${r.en}\n    根拠 / basis: ${r.basis}`)
    }
    if (answer.missingDocuments.length > 0) {
      yield* Console.log("\n不足している書類 / missing documents:")
      for (const m of answer.missingDocuments) {
        yield* Console.log(`  - ${m.ja}\n    ${m.en}`)
        if (m.documents.length <= 8) yield* Console.log(`    書類コード / document codes: ${m.documents.join(", ")}`)
        for (const a of m.alternatives)
          yield* Console.log(
            `      • ${a.ja}: ${a.needs.map((n) => `${n.ja} ×${n.count}`).join(" + ")} / ${a.en}: ${a.needs.map((n) => `${n.en} ×${n.count}`).join(" + ")}`
          )
      }
    }
    if (answer.nextSteps.length > 0) {
      yield* Console.log("\n次の手順 / next steps:")
      for (const s of answer.nextSteps) yield* Console.log(`  - ${s.ja}\n    ${s.en}`)
    }
    yield* Console.log(
      `\n手数料 / fee: ${answer.fee.amountYen.toLocaleString("en-US")} 円 / yen${answer.fee.amountYen > 0 ? ` (${answer.fee.payableAt})` : ""}`
    )
  })

export const check = Command.make(
  "check",
  {
    input: Flag.String("input").pipe(
      Flag.withDescription("判定する内容の JSON ファイル(- で標準入力) / the case as JSON (- for stdin)")
    ),
    json: jsonFlag
  },
  Effect.fn(function* ({ input, json: asJson }) {
    yield* Effect.gen(function* () {
      const raw = yield* parseJson(yield* readText(input), input)
      const answer = yield* Eligibility.check(raw).pipe(Effect.provide(yield* profilesLayer))
      if (asJson) return yield* json(answer)
      yield* printAnswer(answer)
    }).pipe(Effect.catchTag("DecodeError", (e) => reportProblems(e, asJson)))
  }, Effect.catch(reportFailure))
).pipe(
  Command.withDescription(
    "手続の可否判定(POST /api/v1/eligibility/check と同じ JSON) / decide whether a procedure is possible (same JSON as the API)"
  )
)

const date = (name: string, ja: string, en: string) =>
  Flag.String(name).pipe(Flag.withDescription(`${ja}(YYYY-MM-DD) / ${en}`))
const optionalDate = (name: string, ja: string, en: string) => date(name, ja, en).pipe(Flag.optional)

export const validity = Command.make(
  "validity",
  {
    birthDate: date("birth-date", "生年月日", "date of birth"),
    issuedOn: date("issued-on", "カードの発行日", "card issuance date (J-LIS production date)"),
    applicationReceivedOn: optionalDate("application-received-on", "申請受付日", "application receipt date"),
    nationality: Flag.Literals("nationality", ["JP", "foreign"] as const).pipe(
      Flag.withDescription("国籍 / nationality"),
      Flag.optional
    ),
    residenceStatus: Flag.Literals("residence-status", Vocabulary.ResidenceStatus.codes).pipe(
      Flag.withDescription("在留資格の区分 / residence status"),
      Flag.optional
    ),
    residencePeriodEnd: optionalDate("residence-period-end", "在留期間満了日", "end of the period of stay"),
    adultGuardianship: Flag.Boolean("adult-guardianship").pipe(
      Flag.withDescription("成年被後見人 / adult ward"),
      Flag.withDefault(false)
    ),
    certIssuedOn: optionalDate("cert-issued-on", "電子証明書の発行日", "certificate issuance date"),
    previousCertExpiresOn: optionalDate(
      "previous-cert-expires-on",
      "更新前の電子証明書の有効期限",
      "expiry of the certificate being renewed"
    ),
    ageBasis: Flag.Literals("age-basis", ["issuance_date", "application_date"] as const).pipe(
      Flag.withDescription("年齢の基準日 / which date fixes the age (§11-1)"),
      Flag.optional
    ),
    windowOpening: Flag.Literals("window-opening", [
      "day_after_three_months_before",
      "three_months_before"
    ] as const).pipe(Flag.withDescription("更新期間の始まり / where the renewal window opens (§11-2)"), Flag.optional),
    json: jsonFlag
  },
  Effect.fn(function* (flags) {
    const o = <A>(x: Option.Option<A>) => Option.getOrUndefined(x)
    const decoded = yield* Effect.result(
      Decode.decode(Validity.ValidityInput)({
        birthDate: flags.birthDate,
        issuedOn: flags.issuedOn,
        applicationReceivedOn: o(flags.applicationReceivedOn),
        nationality: o(flags.nationality),
        residenceStatus: o(flags.residenceStatus),
        residencePeriodEnd: o(flags.residencePeriodEnd),
        adultGuardianship: flags.adultGuardianship,
        ageBasis: o(flags.ageBasis),
        windowOpening: o(flags.windowOpening),
        certificates: { issuedOn: o(flags.certIssuedOn), previousExpiresOn: o(flags.previousCertExpiresOn) }
      })
    )
    if (decoded._tag === "Failure") return yield* reportProblems(decoded.failure, flags.json)
    const result = Validity.computeValidity(decoded.success)
    if (flags.json) return yield* json(result)
    const row = (label: string, p: { expiresOn: string; rule: string; renewalWindow: { opensOn: string } } | null) =>
      p === null ? [label, "—", "—", "発行なし / not issued"] : [label, p.expiresOn, p.renewalWindow.opensOn, p.rule]
    yield* table(
      ["", "有効期限 / expires", "更新可能 / renewable from", "根拠 / rule"],
      [
        row("カード / card", result.card),
        row("利用者証明用 / authentication", result.authCert),
        row("署名用 / signature", result.signatureCert)
      ]
    )
    if (result.signatureCertNote) yield* Console.log(`\n${result.signatureCertNote.ja}\n${result.signatureCertNote.en}`)
  }, Effect.catch(reportFailure))
).pipe(
  Command.withDescription("カードと電子証明書の有効期限・更新期間 / card and certificate expiry and renewal windows")
)

export const vocabulary = Command.make(
  "vocabulary",
  {
    kind: Argument.String("kind").pipe(
      Argument.withDescription("一覧の種類(procedures, documentTypes…、省略で全部) / which list (all when omitted)"),
      Argument.optional
    ),
    json: jsonFlag
  },
  Effect.fn(function* ({ kind, json: asJson }) {
    const lists: Record<
      string,
      ReadonlyArray<{ readonly code: string; readonly ja?: string; readonly en?: string }>
    > = {
      ...Vocabulary.listing(),
      reasonCodes: Eligibility.reasonCodes(),
      ruleBook: RuleBook.all.map((r) => ({
        code: r.id,
        ja: `${r.from ?? ""}〜 ${r.ja}`,
        en: `${r.from ?? ""}– ${r.en}`
      })),
      sources: Sources.list().map((s) => ({ code: s.code, ja: s.title ?? "", en: s.url }))
    }
    const chosen = Option.getOrUndefined(kind)
    if (chosen !== undefined && !(chosen in lists)) {
      return yield* new CliFailure({
        ja: `一覧「${chosen}」はありません。使えるもの: ${Object.keys(lists).join(", ")}`,
        en: `no list ${JSON.stringify(chosen)}; available: ${Object.keys(lists).join(", ")}`
      })
    }
    const selected = chosen === undefined ? lists : { [chosen]: lists[chosen]! }
    if (asJson) return yield* json(chosen === undefined ? selected : selected[chosen])
    for (const [name, entries] of Object.entries(selected)) {
      yield* Console.log(`\n${name}`)
      yield* table(
        ["code", "日本語", "English"],
        entries.map((e) => [e.code, e.ja ?? "", e.en ?? ""])
      )
    }
  }, Effect.catch(reportFailure))
).pipe(Command.withDescription("コードと日英の名称の一覧 / every code with its Japanese and English labels"))

const validate = Command.make(
  "validate",
  {
    file: Argument.String("file").pipe(Argument.withDescription("プロファイルの YAML ファイル / the profile YAML")),
    json: jsonFlag
  },
  Effect.fn(function* ({ file, json: asJson }) {
    const parsed = yield* Effect.result(Profile.parseYaml(yield* readText(file)))
    if (parsed._tag === "Failure") return yield* reportProblems(parsed.failure, asJson)
    const profile = parsed.success
    if (asJson) return yield* json({ ok: true, slug: profile.slug, cityCode: profile.cityCode })
    yield* Console.log(
      `プロファイルは有効です: ${profile.name.ja}(${profile.cityCode}) / the profile is valid: ${profile.name.en}`
    )
  }, Effect.catch(reportFailure))
).pipe(
  Command.withDescription(
    "プロファイルを検証し、誤りをすべて場所付きで表示 / validate a profile, listing every error with its path"
  )
)

export const profile = Command.make("profile").pipe(
  Command.withDescription("市のプロファイル / city profiles"),
  Command.withSubcommands([validate])
)
