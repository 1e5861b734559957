import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { DecodeError } from "../../src/Decode.ts"
import * as Profile from "../../src/Profile.ts"
import { nationalDefaults, resolveVariants } from "../../src/profile/Rules.ts"

const profilePath = (city: string) => fileURLToPath(new URL(`../../../../profiles/${city}.yaml`, import.meta.url))
const load = (city: string) => Effect.runSync(Profile.parseYaml(readFileSync(profilePath(city), "utf8")))

const problemsOf = (text: string) => {
  const exit = Effect.runSyncExit(Profile.parseYaml(text))
  if (Exit.isSuccess(exit)) return []
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")
  assert.isDefined(error)
  assert.instanceOf((error as { error: unknown }).error, DecodeError)
  return [...(error as { error: DecodeError }).error.problems]
}

const minimal = `
slug: testcity
cityCode: "282171"
name: { ja: "試験市", en: "Test City" }
prefecture: { ja: "試験県", en: "Test" }
effectiveFrom: "2026-04-01"
contract: { title: { ja: "契約", en: "contract" }, from: "2026-04-01", to: "2027-03-31" }
sites:
  - id: counter
    name: { ja: "窓口", en: "counter" }
    kind: counter
`

describe("profile rules section", () => {
  for (const city of ["ota", "kawanishi", "kanazawa", "koganei"]) {
    it(`${city}.yaml decodes, its rules section included`, () => {
      const p = load(city)
      assert.strictEqual(p.slug, city)
      assert.isDefined(p.rules)
      assert.isTrue((p.rules?.roles ?? []).some((r) => r.code === "city_staff"))
    })
  }

  it("Kawanishi reserves PIN setting and verification to city staff [SEED-Kawanishi 5]", () => {
    const ops = (load("kawanishi").rules?.cityStaffOnly ?? []).map((o) => o.operation)
    assert.deepStrictEqual([...ops].sort(), ["pin_setting", "pin_verification"])
  })

  it("Koganei's outreach issues no certificates and confirms identity online [SEED-Koganei 6(1) 7(1)]", () => {
    const p = load("koganei")
    const outreach = p.rules?.sites?.find((s) => s.site === "outreach")
    assert.strictEqual(outreach?.certificates, false)
    assert.strictEqual(outreach?.identityConfirmation, "online_by_city_staff")
    const site = p.sites.find((s) => s.id === "outreach")
    assert.deepStrictEqual(site?.procedures, ["card_issuance", "card_application"])
  })

  it("variants default to the national reading", () => {
    assert.deepStrictEqual(resolveVariants(undefined), nationalDefaults)
    assert.strictEqual(resolveVariants({ windowOpening: "three_months_before" }).windowOpening, "three_months_before")
    assert.strictEqual(
      resolveVariants({ windowOpening: "three_months_before" }).minorProxy,
      "legal_representative_only"
    )
  })

  it("a minimal profile without rules decodes", () => {
    assert.deepStrictEqual(problemsOf(minimal), [])
  })

  it("a bad rules section reports every error with its path, in Japanese and English", () => {
    const problems = problemsOf(
      `${minimal}    procedures: [card_issuance, card_teleport]
rules:
  procedures: [pin_reset, pin_reset]
  variants: { windowOpening: two_months_before, minorProxy: anyone }
  cityStaffOnly:
    - { operation: pin_dancing, basis: "x" }
  sites:
    - { site: counter, applicationModes: [by_pigeon] }
  surprise: true
`
    )
    const paths = problems.map((p) => p.path).sort()
    assert.deepStrictEqual(paths, [
      "rules.cityStaffOnly[0].operation",
      "rules.procedures",
      "rules.sites[0].applicationModes[0]",
      "rules.surprise",
      "rules.variants.minorProxy",
      "rules.variants.windowOpening",
      "sites[0].procedures[1]"
    ])
    for (const p of problems) {
      assert.isTrue(p.ja.length > 0 && p.en.length > 0)
    }
    const teleport = problems.find((p) => p.path === "sites[0].procedures[1]")!
    assert.include(teleport.en, "card_teleport")
    assert.include(teleport.ja, "card_teleport")
  })

  it("a site rule naming an undefined site is an error with its path", () => {
    const problems = problemsOf(`${minimal}rules:
  sites:
    - { site: moon_base, certificates: false }
  cityStaffOnly:
    - { operation: pin_setting, sites: [counter, mars], basis: "x" }
`)
    assert.deepStrictEqual(
      problems.map((p) => p.path),
      ["rules.sites[0].site", "rules.cityStaffOnly[0].sites[1]"]
    )
    assert.include(problems[0]!.ja, "moon_base")
  })
})
