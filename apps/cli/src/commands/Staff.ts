/** `staff add`, `staff list`: per-person accounts of each city (Ota 7-⑥: IDs managed per staff member). */
import { Runtime } from "@madoguchi/api"
import { Staff } from "@madoguchi/db"
import { Profile } from "@madoguchi/domain"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const city = Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code"))

const readStdin = Effect.promise(async () => {
  const chunks: Array<Buffer> = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8").trim()
})

export const add = Command.make(
  "add",
  {
    city,
    login: Flag.String("login").pipe(Flag.withDescription("ログインID / login")),
    name: Flag.String("name").pipe(Flag.withDescription("氏名(表示名) / display name")),
    role: Flag.Literals("role", Staff.StaffRole.literals).pipe(Flag.withDescription("役割 / role")),
    passwordStdin: Flag.Boolean("password-stdin").pipe(
      Flag.withDescription("パスワードを標準入力から読む / read the password from standard input"),
      Flag.withDefault(false)
    ),
    password: Flag.String("password").pipe(
      Flag.withDescription("パスワード(履歴に残るため --password-stdin 推奨) / password (prefer --password-stdin)"),
      Flag.optional
    ),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const password = input.passwordStdin ? yield* readStdin : Option.getOrUndefined(input.password)
      if (!password || password.length < 8) {
        return yield* new CliFailure({
          ja: "パスワードは8文字以上で指定してください (--password-stdin または --password)",
          en: "give a password of at least 8 characters (--password-stdin or --password)"
        })
      }
      const profile = yield* (yield* Profile.Profiles).get(input.city)
      const member = yield* Staff.create({
        cityCode: profile.cityCode,
        login: input.login,
        displayName: input.name,
        role: input.role,
        password
      })
      if (input.json) return yield* json(member)
      yield* Console.log(`登録しました / created: ${member.login} (${member.role}) — ${profile.name.ja}`)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("職員アカウントを登録 / create a staff account"))

export const list = Command.make(
  "list",
  { city, json: jsonFlag },
  Effect.fn(
    function* (input) {
      const profile = yield* (yield* Profile.Profiles).get(input.city)
      const members = yield* Staff.list(profile.cityCode)
      if (input.json) return yield* json(members)
      yield* table(
        ["login", "name", "role"],
        members.map((m) => [m.login, m.displayName, m.role])
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("職員アカウントの一覧 / list staff accounts"))

export const staff = Command.make("staff").pipe(
  Command.withDescription("職員アカウント / staff accounts"),
  Command.withSubcommands([add, list])
)
