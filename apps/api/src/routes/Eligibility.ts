/**
 * Eligibility routes (DESIGN.md "Contracts"): `POST /eligibility/check` decides whether this person,
 * with these papers, may do this procedure on the visit date (the city's profile applied when the body
 * names one); `POST /validity` computes card and certificate expiry with their renewal windows;
 * `GET /vocabulary` lists every code the input and output use, with Japanese and English labels, the
 * reason codes, the dated rules and the sources. All decisions come from `@madoguchi/domain`.
 */
import { Decode, Eligibility, Profile, RuleBook, Sources, Validity, Vocabulary } from "@madoguchi/domain"
import { Effect, Result } from "effect"
import { Hono } from "hono"
import { type AppEnv, body, failWith, run } from "../Http.ts"
import { describe } from "../OpenApi.ts"
import type { AppRuntime } from "../Runtime.ts"

describe("POST", "/eligibility/check", {
  summary: "手続の可否判定 / may this person, with these papers, do this procedure on the visit date",
  tag: "eligibility",
  body: Eligibility.EligibilityInput
})
describe("POST", "/validity", {
  summary: "有効期限と更新期間 / card and certificate expiry with renewal windows",
  tag: "eligibility",
  body: Validity.ValidityInput
})
describe("GET", "/vocabulary", {
  summary: "コード一覧 / every code with ja/en labels, reason codes, dated rules and sources",
  tag: "eligibility"
})

/** The vocabulary document: built once, it never changes while the process runs. */
let vocabulary: object | undefined
const vocabularyDocument = (): object =>
  (vocabulary ??= {
    ...Vocabulary.listing(),
    decisions: [
      { code: "allowed", ja: "手続できます", en: "allowed" },
      { code: "refused", ja: "手続できません(必要なものを案内)", en: "refused (with what is missing)" },
      { code: "needs_second_visit", ja: "照会書による2回目の来庁が必要", en: "needs a second visit (inquiry route)" }
    ],
    reasonCodes: Eligibility.reasonCodes(),
    ruleBook: RuleBook.all,
    sources: Sources.list()
  })

/**
 * The city profiles by slug and by 全国地方公共団体コード, read once per runtime: the check is the
 * counter's hottest call, so it decodes and decides synchronously (the same `Decode` and `decide` as
 * `Eligibility.check`) instead of going through an effect per request.
 */
const profileIndex = new WeakMap<AppRuntime, Promise<ReadonlyMap<string, Profile.CityProfile>>>()
const profilesOf = (runtime: AppRuntime): Promise<ReadonlyMap<string, Profile.CityProfile>> => {
  let index = profileIndex.get(runtime)
  if (index === undefined) {
    index = runtime.runPromise(
      Effect.gen(function* () {
        const all = yield* (yield* Profile.Profiles).all
        return new Map(all.flatMap((p) => [[p.slug, p] as const, [p.cityCode as string, p] as const]))
      })
    )
    profileIndex.set(runtime, index)
  }
  return index
}

const notJson = new Decode.DecodeError({
  problems: [{ path: "", ja: "JSON として読めません", en: "the body is not valid JSON" }]
})

export const eligibilityRoutes = new Hono<AppEnv>()
  .post("/eligibility/check", async (c) => {
    let raw: unknown
    try {
      raw = await c.req.json()
    } catch {
      return failWith(c, notJson)
    }
    const decoded = Eligibility.decodeInputResult(raw)
    if (Result.isFailure(decoded)) return failWith(c, decoded.failure)
    const input = decoded.success
    const city = input.city
    if (city === undefined || city === null) return c.json(Eligibility.decide(input))
    const profile = (await profilesOf(c.var.runtime)).get(city)
    return c.json(Eligibility.decide(input, profile ? { profile } : { cityNotFound: true }))
  })
  .post("/validity", (c) => run(c, Effect.map(body(c, Validity.ValidityInput), Validity.computeValidity)))
  .get("/vocabulary", (c) => c.json(vocabularyDocument()))
