/**
 * Runs the independent review table (cases.ts) against `checkEligibility`, through the public JSON
 * contract only: the decision, the documents still missing, the fee, the answer's shape (DESIGN.md
 * "Contracts that outside tools rely on") and, for malformed input, an error naming the path.
 */
import { assert, describe, it } from "@effect/vitest"
import { checkEligibility } from "../../src/Eligibility.ts"
import { type Expectation, type MissingExpectation, type ReviewCase, reviewCases } from "./cases.ts"

const DECISIONS = ["allowed", "refused", "needs_second_visit"]

const isText = (u: unknown): u is string => typeof u === "string" && u.length > 0

/** The contract's answer shape: decision, reasons {code, ja, en, basis}, missingDocuments, nextSteps {ja, en}. */
const assertShape = (answer: Record<string, unknown>) => {
  assert.include(DECISIONS, answer["decision"])
  const reasons = answer["reasons"]
  assert.isArray(reasons)
  for (const r of reasons as ReadonlyArray<Record<string, unknown>>) {
    for (const key of ["code", "ja", "en", "basis"]) assert.isTrue(isText(r[key]), `reason.${key} is text`)
  }
  assert.isArray(answer["missingDocuments"])
  const steps = answer["nextSteps"]
  assert.isArray(steps)
  for (const s of steps as ReadonlyArray<Record<string, unknown>>) {
    assert.isTrue(isText(s["ja"]) && isText(s["en"]), "next step in ja and en")
  }
  if (answer["decision"] !== "allowed")
    assert.isAbove((reasons as ReadonlyArray<unknown>).length, 0, "a refusal says why")
}

/** Whether one `missingDocuments` entry names the document (its code or any alternative it offers). */
const names = (entry: unknown, m: MissingExpectation): boolean => {
  if (typeof entry === "string") return entry === m.mentions && m.holder !== "attendee"
  if (typeof entry !== "object" || entry === null) return false
  const holder = (entry as Record<string, unknown>)["holder"]
  if (m.holder !== undefined && holder !== undefined && holder !== m.holder) return false
  return JSON.stringify(entry).includes(`"${m.mentions}"`)
}

const assertExpectation = (answer: Record<string, unknown>, e: Expectation) => {
  const missing = answer["missingDocuments"] as ReadonlyArray<unknown>
  const summary = JSON.stringify({ decision: answer["decision"], reasons: answer["reasons"], missing })
  if (e.decision !== undefined) assert.strictEqual(answer["decision"], e.decision, summary)
  if (e.decisionOneOf !== undefined) assert.include(e.decisionOneOf, answer["decision"], summary)
  if (e.noMissing === true) assert.deepStrictEqual(missing, [], summary)
  for (const m of e.missing ?? []) {
    assert.isTrue(
      missing.some((entry) => names(entry, m)),
      `missingDocuments names ${m.mentions}${m.holder ? ` (${m.holder})` : ""}: ${summary}`
    )
  }
  const fee = answer["fee"] as
    { amountYen: number; items: ReadonlyArray<{ yen: number }>; payableAt: string } | undefined
  if (e.feeYen !== undefined) assert.strictEqual(fee?.amountYen, e.feeYen, JSON.stringify(fee))
  for (const yen of e.feeItems ?? []) {
    assert.isTrue(fee?.items.some((i) => i.yen === yen) ?? false, `fee item of ${yen} 円: ${JSON.stringify(fee)}`)
  }
  if (e.payableAt !== undefined) assert.strictEqual(fee?.payableAt, e.payableAt, JSON.stringify(fee))
}

const run = (c: ReviewCase) => {
  if (c.expect.errorPath !== undefined) {
    const path = c.expect.errorPath
    let thrown: unknown = undefined
    try {
      checkEligibility(c.input)
    } catch (error) {
      thrown = error
    }
    assert.isDefined(thrown, "malformed input must be rejected")
    const problems = (thrown as { problems?: ReadonlyArray<{ path: string; ja: string; en: string }> }).problems ?? []
    const hit = problems.find((p) => p.path === path)
    assert.isDefined(hit, `a problem at ${path}: ${JSON.stringify(problems)}`)
    assert.isTrue(isText(hit?.ja) && isText(hit?.en), "the problem is explained in ja and en")
    return
  }
  const answer = checkEligibility(c.input) as unknown as Record<string, unknown>
  assertShape(answer)
  assertExpectation(answer, c.expect)
}

describe("review: eligibility cases from rules-sources.md", () => {
  it("has a unique id per case", () => {
    assert.strictEqual(new Set(reviewCases.map((c) => c.id)).size, reviewCases.length)
  })
  for (const c of reviewCases) {
    it(`${c.id} ${c.title} [${c.sources.join(" ")}]`, () => run(c))
  }
})
