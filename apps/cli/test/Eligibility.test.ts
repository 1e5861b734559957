import { NodeServices } from "@effect/platform-node"
import { afterEach, assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { TestConsole } from "effect/testing"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { check, profile, validity, vocabulary } from "../src/commands/Eligibility.ts"

const dir = mkdtempSync(join(tmpdir(), "madoguchi-cli-"))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const layer = Layer.mergeAll(NodeServices.layer, TestConsole.layer)
const root = Command.make("madoguchi").pipe(Command.withSubcommands([check, validity, vocabulary, profile]))
const cli = (...args: Array<string>) =>
  Effect.gen(function* () {
    yield* Command.runWith(root, { version: "test" })(args)
    return { out: (yield* TestConsole.logLines).join("\n"), err: (yield* TestConsole.errorLines).join("\n") }
  }).pipe(Effect.provide(layer))

afterEach(() => {
  process.exitCode = 0
})

const example = {
  procedure: "cert_renewal",
  visitDate: "2027-01-15",
  city: "kawanishi",
  applicant: {
    birthDate: "1990-04-01",
    card: {
      status: "valid",
      expiresOn: "2030-04-01",
      signatureCert: { expiresOn: "2027-04-01" },
      authCert: { expiresOn: "2027-04-01" }
    }
  },
  attendee: { kind: "self" },
  documents: ["my_number_card"]
}

describe("madoguchi check", () => {
  it.effect("prints the contract's answer with --json", () =>
    Effect.gen(function* () {
      const { out } = yield* cli("check", "--input", file("case.json", JSON.stringify(example)), "--json")
      const answer = JSON.parse(out) as { decision: string; city: string; reasons: Array<{ code: string }> }
      assert.strictEqual(answer.decision, "allowed")
      assert.strictEqual(answer.city, "kawanishi")
      assert.include(
        answer.reasons.map((r) => r.code),
        "CITY_STAFF_ONLY_OPERATION"
      )
      assert.notStrictEqual(process.exitCode, 1)
    })
  )
  it.effect("prints the decision for people", () =>
    Effect.gen(function* () {
      const { out } = yield* cli("check", "--input", file("case2.json", JSON.stringify(example)))
      assert.include(out, "手続できます / allowed")
      assert.include(out, "CERT_RENEWAL_WINDOW_OPEN")
    })
  )
  it.effect("lists every problem with its path and exits 1", () =>
    Effect.gen(function* () {
      const bad = { ...example, procedure: "nap", documents: ["my_number_card", { type: "gym_card" }] }
      const { err } = yield* cli("check", "--input", file("bad.json", JSON.stringify(bad)))
      assert.include(err, "procedure:")
      assert.include(err, "documents[1].type:")
      assert.include(err, "gym_card")
      assert.strictEqual(process.exitCode, 1)
    })
  )
  it.effect("--json errors have the API's shape", () =>
    Effect.gen(function* () {
      const { out } = yield* cli("check", "--input", file("bad2.json", "{ not json"), "--json")
      const body = JSON.parse(out) as { error: { code: string } }
      assert.strictEqual(body.error.code, "INVALID_INPUT")
      assert.strictEqual(process.exitCode, 1)
    })
  )
})

describe("madoguchi profile validate", () => {
  const profiles = fileURLToPath(new URL("../../../profiles", import.meta.url))
  for (const city of ["ota", "kawanishi", "kanazawa", "koganei"]) {
    it.effect(`${city}.yaml is valid`, () =>
      Effect.gen(function* () {
        const { out } = yield* cli("profile", "validate", join(profiles, `${city}.yaml`))
        assert.include(out, "プロファイルは有効です")
        assert.notStrictEqual(process.exitCode, 1)
      })
    )
  }
  it.effect("a bad profile gets every error with its path, in Japanese and English, exit 1", () =>
    Effect.gen(function* () {
      const { err } = yield* cli(
        "profile",
        "validate",
        file(
          "bad.yaml",
          'slug: x\ncityCode: "123456"\nsites:\n  - id: a\n    name: { ja: a, en: a }\n    kind: counter\n    procedures: [card_teleport]\nrules:\n  variants: { windowOpening: never }\n'
        )
      )
      for (const path of [
        "slug:",
        "cityCode:",
        "sites[0].procedures[0]:",
        "rules.variants.windowOpening:",
        "contract:"
      ])
        assert.include(err, path)
      assert.include(err, "全国地方公共団体コード")
      assert.include(err, "expected a 6-digit local government code")
      assert.strictEqual(process.exitCode, 1)
    })
  )
})

describe("madoguchi validity and vocabulary", () => {
  it.effect("validity prints expiry and windows [M-Minato, JLIS-period]", () =>
    Effect.gen(function* () {
      const { out } = yield* cli("validity", "--birth-date", "1990-04-01", "--issued-on", "2020-06-10", "--json")
      const r = JSON.parse(out) as { card: { expiresOn: string }; authCert: { expiresOn: string } }
      assert.strictEqual(r.card.expiresOn, "2030-04-01")
      assert.strictEqual(r.authCert.expiresOn, "2025-04-01")
    })
  )
  it.effect("vocabulary lists one kind as JSON", () =>
    Effect.gen(function* () {
      const { out } = yield* cli("vocabulary", "procedures", "--json")
      assert.strictEqual((JSON.parse(out) as Array<unknown>).length, 16)
    })
  )
})
