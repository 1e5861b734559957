import { assert } from "@effect/vitest"
import { Effect } from "effect"
import { sql } from "kysely"
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Database } from "../src/Database.ts"
import * as ProfileStore from "../src/ProfileStore.ts"
import * as Purge from "../src/Purge.ts"
import * as Staff from "../src/Staff.ts"
import { describeStorage } from "../src/testing.ts"

const profilesDir = join(import.meta.dirname, "..", "..", "..", "profiles")

const tagOf = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.match(effect, { onFailure: (e) => e._tag, onSuccess: () => "success" })

describeStorage("Profiles and staff accounts", (it) => {
  it.effect("records the four cities' profiles once per content: a changed file is a new version", () =>
    Effect.gen(function* () {
      const loaded = yield* ProfileStore.readDirectory(profilesDir)
      assert.deepStrictEqual(loaded.map((l) => l.profile.slug).sort(), ["kanazawa", "kawanishi", "koganei", "ota"])
      const first = yield* ProfileStore.record(loaded)
      const again = yield* ProfileStore.record(loaded)
      assert.deepStrictEqual(
        again.map((l) => l.version),
        first.map((l) => l.version)
      )
      // The same Kawanishi profile with one more comment line: new content, new version, same city row.
      const kawanishi = loaded.find((l) => l.profile.slug === "kawanishi")!
      const edited = { ...kawanishi, sha256: "0".repeat(64) }
      const [next] = yield* ProfileStore.record([edited])
      const before = first.find((l) => l.profile.slug === "kawanishi")!.version
      assert.strictEqual(next!.version, before + 1)
      const db = yield* Database
      const versions = yield* db.use((k) =>
        k
          .selectFrom("profile_version")
          .select(["version", "sha256"])
          .where("city_code", "=", kawanishi.profile.cityCode)
          .orderBy("version")
          .execute()
      )
      assert.deepStrictEqual(
        versions.map((v) => v.sha256),
        [kawanishi.sha256, "0".repeat(64)]
      )
      const cities = yield* db.use((k) => k.selectFrom("city").select("slug").orderBy("slug").execute())
      assert.deepStrictEqual(
        cities.map((c) => c.slug),
        ["kanazawa", "kawanishi", "koganei", "ota"]
      )
    })
  )

  it.effect("a bad profile directory names the file and every problem with its path; nothing is recorded", () =>
    Effect.gen(function* () {
      const dir = mkdtempSync(join(tmpdir(), "madoguchi-profiles-"))
      try {
        cpSync(join(profilesDir, "ota.yaml"), join(dir, "ota.yaml"))
        writeFileSync(join(dir, "broken.yaml"), "slug: broken\ncityCode: 12\nname: { ja: 壊れ市 }\n")
        const failure = yield* Effect.flip(ProfileStore.readDirectory(dir))
        assert.strictEqual(failure._tag, "ProfileInvalid")
        assert.match(failure.source, /broken\.yaml$/)
        const paths = failure.problems.map((p) => p.path)
        assert.include(paths, "cityCode")
        assert.isTrue(failure.problems.every((p) => p.ja.length > 0 && p.en.length > 0))
        // A second file with the same slug is refused as a whole.
        rmSync(join(dir, "broken.yaml"))
        cpSync(join(profilesDir, "ota.yaml"), join(dir, "ota-copy.yaml"))
        const duplicate = yield* Effect.flip(ProfileStore.readDirectory(dir))
        assert.deepStrictEqual(
          duplicate.problems.map((p) => p.path),
          ["slug"]
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  )

  it.effect("staff sign in with their own password (stored as Argon2id only); a session ends at logout", () =>
    Effect.gen(function* () {
      yield* ProfileStore.record(yield* ProfileStore.readDirectory(profilesDir))
      const member = yield* Staff.create({
        cityCode: "282171",
        login: "tanaka",
        displayName: "田中 一郎",
        role: "contractor_operator",
        password: "correct horse battery"
      })
      assert.strictEqual(member.role, "contractor_operator")
      const db = yield* Database
      const stored = yield* db.use((k) =>
        k.selectFrom("staff").select("password_hash").where("id", "=", member.id).executeTakeFirstOrThrow()
      )
      assert.match(stored.password_hash, /^\$argon2id\$/)
      assert.notInclude(stored.password_hash, "correct horse")

      assert.strictEqual(
        yield* tagOf(Staff.login({ cityCode: "282171", login: "tanaka", password: "wrong" })),
        "LoginFailed"
      )
      assert.strictEqual(
        yield* tagOf(Staff.login({ cityCode: "282171", login: "nobody", password: "correct horse battery" })),
        "LoginFailed"
      )
      // The same login in another city is another person's account.
      assert.strictEqual(
        yield* tagOf(Staff.login({ cityCode: "131113", login: "tanaka", password: "correct horse battery" })),
        "LoginFailed"
      )
      const signedIn = yield* Staff.login({ cityCode: "282171", login: "tanaka", password: "correct horse battery" })
      assert.deepStrictEqual(yield* Staff.session(signedIn.token), member)
      // Only the token's SHA-256 is kept.
      const tokens = yield* db.use((k) => k.selectFrom("staff_session").select("token_sha256").execute())
      assert.isFalse(tokens.some((t) => t.token_sha256 === signedIn.token))
      yield* Staff.logout(signedIn.token)
      assert.isUndefined(yield* Staff.session(signedIn.token))
      assert.isUndefined(yield* Staff.session("not-a-token"))

      assert.strictEqual(
        yield* tagOf(
          Staff.create({
            cityCode: "282171",
            login: "tanaka",
            displayName: "田中 二郎",
            role: "viewer",
            password: "another one"
          })
        ),
        "LoginTaken"
      )
      assert.deepStrictEqual(
        (yield* Staff.list("282171")).map((s) => s.login),
        ["tanaka"]
      )
    })
  )

  it.effect("the purge erases departed staff's names and passwords and their sessions; a dry run changes nothing", () =>
    Effect.gen(function* () {
      yield* ProfileStore.record(yield* ProfileStore.readDirectory(profilesDir))
      const leaving = yield* Staff.create({
        cityCode: "132101",
        login: "suzuki",
        displayName: "鈴木 花子",
        role: "contractor_operator",
        password: "leaving soon"
      })
      const staying = yield* Staff.create({
        cityCode: "132101",
        login: "sato",
        displayName: "佐藤 次郎",
        role: "contractor_manager",
        password: "staying on"
      })
      yield* Staff.login({ cityCode: "132101", login: "suzuki", password: "leaving soon" })
      const db = yield* Database
      yield* db.use((k) =>
        sql`update staff set active = false, updated_at = '2026-03-31T12:00:00+09:00' where id = ${leaving.id}`.execute(
          k
        )
      )
      const names = () =>
        db.use((k) =>
          k
            .selectFrom("staff")
            .select(["login", "display_name"])
            .where("city_code", "=", "132101")
            .orderBy("login")
            .execute()
        )
      const run = (dryRun: boolean) =>
        Purge.run({ cityCode: "132101", before: "2026-04-01", dryRun, actor: "test", purgers: [] })

      const dry = yield* run(true)
      assert.isTrue(dry.dryRun)
      assert.strictEqual(dry.tables.find((t) => t.table === "staff")!.rows, 1)
      assert.deepStrictEqual(
        (yield* names()).map((n) => n.display_name),
        ["佐藤 次郎", "鈴木 花子"]
      )

      const done = yield* run(false)
      assert.strictEqual(done.tables.find((t) => t.table === "staff")!.rows, 1)
      assert.strictEqual(done.tables.find((t) => t.table === "staff_session")!.rows, 1)
      assert.isDefined(done.auditId)
      const after = yield* names()
      assert.deepStrictEqual(
        after.map((n) => n.login),
        ["sato", "suzuki"]
      )
      assert.notInclude(
        after.map((n) => n.display_name),
        "鈴木 花子"
      )
      assert.include(
        after.map((n) => n.display_name),
        staying.displayName
      )
      // Twice is harmless: nothing left to erase.
      assert.strictEqual((yield* run(false)).rows, 0)
      // A cut-off that is not a date is refused before anything runs.
      const bad = yield* Effect.flip(
        Purge.run({ cityCode: "132101", before: "2026-13-01", dryRun: false, actor: "test", purgers: [] })
      )
      assert.strictEqual(bad._tag, "PurgeDateInvalid")
    })
  )
})
