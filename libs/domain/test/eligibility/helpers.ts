/**
 * Test helpers for the eligibility tables: case shape, input builders and profiles (the four real
 * ones from profiles/ and synthetic ones switching §11 variants).
 */
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Decision } from "../../src/Eligibility.ts"
import * as Profile from "../../src/Profile.ts"
import type { Variants } from "../../src/profile/Rules.ts"

export interface Case {
  readonly name: string
  /** The sources the expectation follows. */
  readonly basis: string
  readonly input: Record<string, unknown>
  readonly city?: "ota" | "kawanishi" | "kanazawa" | "koganei"
  readonly variants?: Variants
  readonly decision: Decision
  /** Reason codes that must appear. */
  readonly codes?: ReadonlyArray<string>
  /** Reason codes that must not appear. */
  readonly absent?: ReadonlyArray<string>
  /** Missing-document requirement codes, exactly. */
  readonly missing?: ReadonlyArray<string>
  readonly fee?: number
}

export const doc = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra })
/** A document of the attendee (representative). */
export const rep = (type: string, extra: Record<string, unknown> = {}) => ({ type, holder: "attendee", ...extra })

export const input = (
  procedure: string,
  visitDate: string,
  applicant: Record<string, unknown>,
  more: Record<string, unknown> = {}
): Record<string, unknown> => ({ procedure, visitDate, applicant, ...more })

const load = (city: string) =>
  Effect.runSync(
    Profile.parseYaml(
      readFileSync(fileURLToPath(new URL(`../../../../profiles/${city}.yaml`, import.meta.url)), "utf8")
    )
  )

const cache = new Map<string, Profile.CityProfile>()
export const profileOf = (city: string): Profile.CityProfile => {
  let p = cache.get(city)
  if (!p) {
    p = load(city)
    cache.set(city, p)
  }
  return p
}

/** A synthetic city whose `rules.variants` switch the §11 points. */
export const variantProfile = (variants: Variants): Profile.CityProfile =>
  Effect.runSync(
    Profile.decodeProfile({
      slug: "variant-city",
      cityCode: "282171",
      name: { ja: "試験市", en: "Variant City" },
      prefecture: { ja: "試験県", en: "Test" },
      effectiveFrom: "2020-01-01",
      contract: { title: { ja: "試験", en: "test" }, from: "2020-01-01", to: "2030-03-31" },
      sites: [{ id: "counter", name: { ja: "窓口", en: "counter" }, kind: "counter" }],
      rules: { basis: "rules-sources §11", variants }
    })
  )

// Documents used again and again
export const NOTICE = doc("issuance_notice")
export const NOTICE_FOR_PROXY = doc("issuance_notice", { completed: true, sealed: true })
export const REPLY = doc("inquiry_reply", { completed: true, sealed: true })
export const CARD = doc("my_number_card")
export const PROXY_IDS = [rep("drivers_license"), rep("passport")]
export const ADULT = { birthDate: "1980-05-10" }
