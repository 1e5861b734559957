import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import fc from "fast-check"
import { DecodeError } from "../src/Decode.ts"
import * as Eligibility from "../src/Eligibility.ts"
import { tables } from "../src/internal/eligibility/decide.ts"
import * as Profile from "../src/Profile.ts"
import { sources } from "../src/Sources.ts"
import * as Vocabulary from "../src/Vocabulary.ts"
import { applicationCases, issuanceCases, reissuanceCases, renewalCases } from "./eligibility/cards.cases.ts"
import { certIssuanceCases, certRenewalCases, pinCases, suspensionCases } from "./eligibility/certificates.cases.ts"
import {
  continuedUseCases,
  foreignResidentCases,
  notificationAndNumberCases,
  overseasCases,
  returnCases,
  surfaceChangeCases
} from "./eligibility/changes.cases.ts"
import { type Case, profileOf, variantProfile } from "./eligibility/helpers.ts"
import { reviewCases } from "./review/cases.ts"

const groups: ReadonlyArray<readonly [string, ReadonlyArray<Case>]> = [
  ["card_issuance", issuanceCases],
  ["card_application", applicationCases],
  ["card_renewal", renewalCases],
  ["card_reissuance", reissuanceCases],
  ["cert_renewal", certRenewalCases],
  ["cert_issuance", certIssuanceCases],
  ["pin_reset", pinCases],
  ["suspension_lift", suspensionCases],
  ["surface_change", surfaceChangeCases],
  ["continued_use", continuedUseCases],
  ["foreign residents", foreignResidentCases],
  ["overseas_continued_use", overseasCases],
  ["card_return", returnCases],
  ["notification card and number verification", notificationAndNumberCases]
]
const allCases = groups.flatMap(([, cs]) => cs)

const contextOf = (c: Case): Eligibility.DecideContext =>
  c.city ? { profile: profileOf(c.city) } : c.variants ? { profile: variantProfile(c.variants) } : {}

const run = (c: Case) => Eligibility.checkEligibility(c.input, contextOf(c))

const SOURCE_CODE = /(?:JLIS|SOUMU|S|DIGITAL|LAW|SEED|M)-[A-Za-z-]+/g
const codesIn = (text: string) => (text.match(SOURCE_CODE) ?? []).map((s) => s.replace(/-$/, ""))

describe("eligibility table", () => {
  it("has at least 150 cases, covering every procedure, each citing known sources", () => {
    assert.isAtLeast(allCases.length, 150)
    const procedures = new Set(allCases.map((c) => c.input.procedure))
    for (const p of Vocabulary.Procedure.codes) assert.isTrue(procedures.has(p), `no case for ${p}`)
    for (const c of allCases) {
      const cited = codesIn(c.basis).filter((code) => code in sources)
      assert.isAbove(cited.length, 0, `case "${c.name}" cites no known source: ${c.basis}`)
    }
  })

  for (const [group, cases] of groups) {
    describe(group, () => {
      for (const c of cases) {
        it(`${c.name} [${c.basis}]`, () => {
          const r = run(c)
          const codes = r.reasons.map((x) => x.code)
          const summary = `${r.decision}: ${codes.join(", ")} | missing ${r.missingDocuments.map((m) => m.code).join(", ")}`
          assert.strictEqual(r.decision, c.decision, summary)
          for (const code of c.codes ?? []) assert.include(codes, code, summary)
          for (const code of c.absent ?? []) assert.notInclude(codes, code, summary)
          if (c.missing)
            assert.sameMembers(
              r.missingDocuments.map((m) => m.code),
              [...c.missing],
              summary
            )
          if (c.fee !== undefined) assert.strictEqual(r.fee.amountYen, c.fee, summary)
          if (r.decision === "refused") {
            assert.isTrue(
              r.reasons.some((x) => x.kind === "refuses"),
              "a refusal names its reason"
            )
          }
          if (r.decision === "needs_second_visit")
            assert.isTrue(r.nextSteps.length > 0, "a second visit says what to bring")
          for (const x of r.reasons) assert.isTrue(x.ja.length > 0 && x.en.length > 0 && x.basis.length > 0)
        })
      }
    })
  }
})

describe("rule tables", () => {
  it("every refusing rule says what would make it allowed (next steps, or the documents it requires)", () => {
    for (const [procedure, rules] of Object.entries(tables)) {
      for (const r of rules) {
        if (r.outcome !== "refuse") continue
        assert.isTrue(r.next !== undefined || r.requires, `${procedure} ${r.code}`)
      }
    }
  })
  const special = new Set([
    "city profile",
    "DESIGN (national rules by default)",
    "rules-sources §11-6 (Nakajima village)"
  ])
  it("every rule's basis names known sources", () => {
    for (const [procedure, rules] of Object.entries(tables)) {
      for (const r of rules) {
        if (special.has(r.basis)) continue
        const codes = r.basis.split(", ")
        for (const code of codes) assert.isTrue(code in sources, `${procedure} ${r.code}: unknown source ${code}`)
      }
    }
  })
})

describe("input decoding", () => {
  const problems = (input: unknown) => {
    const exit = Effect.runSyncExit(Eligibility.decodeInput(input))
    assert.isTrue(Exit.isFailure(exit))
    const failure = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail") : undefined
    const error = (failure as { error: DecodeError } | undefined)?.error
    assert.instanceOf(error, DecodeError)
    return error!.problems
  }

  it("an unknown document code names its path", () => {
    const p = problems({
      procedure: "card_issuance",
      visitDate: "2025-06-02",
      applicant: { birthDate: "1980-01-01" },
      documents: ["passport", { type: "library_card" }]
    })
    assert.deepStrictEqual(
      p.map((x) => x.path),
      ["documents[1].type"]
    )
    assert.include(p[0]!.en, "library_card")
    assert.include(p[0]!.ja, "library_card")
  })
  it("a bare unknown document string names its index", () => {
    const p = problems({
      procedure: "card_issuance",
      visitDate: "2025-06-02",
      applicant: { birthDate: "1980-01-01" },
      documents: ["passport", "gym_card"]
    })
    assert.deepStrictEqual(
      p.map((x) => x.path),
      ["documents[1]"]
    )
  })
  it("unknown procedure, attendee kind, reason and relation", () => {
    const p = problems({
      procedure: "card_teleport",
      visitDate: "2025-06-02",
      applicant: { birthDate: "1980-01-01", card: { status: "melted" } },
      attendee: { kind: "neighbour", reason: "rain", relation: "friend" }
    })
    assert.sameMembers(
      p.map((x) => x.path),
      ["procedure", "applicant.card.status", "attendee.kind", "attendee.reason", "attendee.relation"]
    )
  })
  it("bad dates and missing fields", () => {
    const p = problems({ procedure: "card_issuance", visitDate: "2025-02-30", applicant: {} })
    assert.sameMembers(
      p.map((x) => x.path),
      ["visitDate", "applicant.birthDate"]
    )
  })
  it("a 12-digit My Number in a string field is refused, telling the clerk not to record it", () => {
    const first11 = "12345678901"
    const p = problems({
      procedure: "card_issuance",
      visitDate: "2025-02-01",
      city: `${first11}8`,
      applicant: { birthDate: "1980-03-01" }
    })
    assert.deepStrictEqual(
      p.map((x) => x.path),
      ["city"]
    )
    assert.include(p[0]!.ja, "記録しないでください")
  })
  it("a birth date after the visit", () => {
    const p = problems({ procedure: "card_issuance", visitDate: "2025-02-01", applicant: { birthDate: "2025-03-01" } })
    assert.deepStrictEqual(
      p.map((x) => x.path),
      ["applicant.birthDate"]
    )
  })
  it("checkEligibility throws the DecodeError with every path in its message", () => {
    assert.throws(
      () =>
        Eligibility.checkEligibility({
          procedure: "card_issuance",
          visitDate: "x",
          applicant: { birthDate: "1980-01-01" },
          documents: [42]
        }),
      /visitDate[\s\S]*documents\[0\]/
    )
  })
  it("a bare document string is short for the applicant's document", () => {
    const a = Eligibility.checkEligibility({
      procedure: "card_issuance",
      visitDate: "2025-06-02",
      applicant: { birthDate: "1980-01-01" },
      documents: ["issuance_notice", "passport"]
    })
    const b = Eligibility.checkEligibility({
      procedure: "card_issuance",
      visitDate: "2025-06-02",
      applicant: { birthDate: "1980-01-01" },
      documents: [
        { type: "issuance_notice", holder: "applicant" },
        { type: "passport", holder: "applicant" }
      ]
    })
    assert.deepStrictEqual(a, b)
  })
  it("nulls are accepted where the contract shows them", () => {
    const r = Eligibility.checkEligibility({
      procedure: "cert_renewal",
      visitDate: "2027-01-15",
      city: null,
      applicant: {
        birthDate: "1990-04-01",
        residencePeriodEnd: null,
        card: { status: "valid", expiresOn: "2030-04-01", signatureCert: null, authCert: { expiresOn: "2027-04-01" } }
      },
      attendee: { kind: "self", reason: null },
      documents: ["my_number_card"]
    })
    assert.strictEqual(r.decision, "allowed")
  })
})

describe("missing documents (DESIGN: what would turn a refusal into an allowance)", () => {
  const issuance = (visitDate: string, documents: ReadonlyArray<unknown>) =>
    Eligibility.checkEligibility({
      procedure: "card_issuance",
      visitDate,
      applicant: { birthDate: "1980-01-01", card: { status: "awaiting_handover" } },
      documents
    })
  it("name the document codes as in the input vocabulary", () => {
    const r = issuance("2026-02-10", ["passport"])
    const notice = r.missingDocuments.find((m) => m.code === "ISSUANCE_NOTICE")
    assert.strictEqual(notice?.type, "issuance_notice")
    assert.deepStrictEqual(notice?.documents, ["issuance_notice"])
  })
  it("list every kind that would count, without a type when several would", () => {
    const id = issuance("2025-06-02", ["issuance_notice"]).missingDocuments.find((m) => m.code === "APPLICANT_IDENTITY")
    assert.isUndefined(id?.type)
    assert.includeMembers([...(id?.documents ?? [])], ["passport", "drivers_license", "eligibility_certificate"])
    for (const t of id?.documents ?? []) assert.isTrue(Vocabulary.DocumentType.is(t), t)
  })
  it("never suggest a health insurance card once none can be valid (from 2025-12-02) [DIGITAL-faq]", () => {
    const before = issuance("2025-12-01", ["issuance_notice", "pension_book"])
    const after = issuance("2025-12-02", ["issuance_notice", "pension_book"])
    const suggests = (r: Eligibility.EligibilityResult) =>
      r.missingDocuments.some(
        (m) =>
          m.documents.includes("health_insurance_card") ||
          m.alternatives.some((a) => a.needs.some((n) => n.oneOf.includes("health_insurance_card")))
      )
    assert.isTrue(suggests(before))
    assert.isFalse(suggests(after))
    assert.isFalse(suggests(issuance("2026-02-10", ["issuance_notice"])))
    assert.strictEqual(after.decision, "refused")
  })
})

describe("Eligibility.check with the Profiles service", () => {
  const layer = Profile.layerStatic([profileOf("kawanishi")])
  const body = {
    procedure: "pin_reset",
    visitDate: "2027-01-15",
    applicant: { birthDate: "1990-04-01", card: { status: "valid", expiresOn: "2030-04-01" } },
    documents: ["my_number_card"]
  }
  it.effect("applies the city's profile", () =>
    Effect.gen(function* () {
      const r = yield* Eligibility.check({ ...body, city: "kawanishi" })
      assert.strictEqual(r.city, "kawanishi")
      assert.include(
        r.reasons.map((x) => x.code),
        "CITY_STAFF_ONLY_OPERATION"
      )
    }).pipe(Effect.provide(layer))
  )
  it.effect("also by 全国地方公共団体コード", () =>
    Effect.gen(function* () {
      const r = yield* Eligibility.check({ ...body, city: "282171" })
      assert.strictEqual(r.city, "kawanishi")
    }).pipe(Effect.provide(layer))
  )
  it.effect("an unknown city gets the national rules and a note", () =>
    Effect.gen(function* () {
      const r = yield* Eligibility.check({ ...body, city: "nerima" })
      assert.isUndefined(r.city)
      assert.include(
        r.reasons.map((x) => x.code),
        "CITY_PROFILE_NOT_FOUND"
      )
      assert.strictEqual(r.decision, "allowed")
    }).pipe(Effect.provide(layer))
  )
})

// ---------------------------------------------------------------------------------------------
// Properties

const RANK = { allowed: 0, needs_second_visit: 1, refused: 2 } as const

const arbitraryDocument = fc.record(
  {
    type: fc.constantFrom(...Vocabulary.DocumentType.codes),
    holder: fc.constantFrom("applicant", "attendee"),
    expiresOn: fc.constantFrom("2024-01-01", "2026-12-31", "2031-01-01"),
    completed: fc.boolean(),
    sealed: fc.boolean(),
    statesInabilityToAttend: fc.boolean(),
    copy: fc.boolean(),
    matchesResidentRecord: fc.boolean(),
    renewalPendingStamp: fc.boolean(),
    photo: fc.boolean()
  },
  { requiredKeys: ["type"] }
)

const documentsOf = (c: Case): ReadonlyArray<unknown> => (c.input.documents as ReadonlyArray<unknown> | undefined) ?? []
const withDocuments = (c: Case, documents: ReadonlyArray<unknown>): Case => ({ ...c, input: { ...c.input, documents } })

describe("properties", () => {
  const caseArb = fc.constantFrom(...allCases)

  it("adding a document never makes the decision worse", () =>
    fc.assert(
      fc.property(caseArb, arbitraryDocument, fc.nat(), (c, extra, at) => {
        const docs = documentsOf(c)
        const i = at % (docs.length + 1)
        const before = run(c).decision
        const after = run(withDocuments(c, [...docs.slice(0, i), extra, ...docs.slice(i)])).decision
        assert.isAtMost(RANK[after], RANK[before], `${c.name} + ${JSON.stringify(extra)}: ${before} → ${after}`)
      }),
      { numRuns: 2000 }
    ))

  it("adding a usable identity document never turns allowed into refused", () =>
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom("passport", "drivers_license", "eligibility_certificate", "pension_book"),
        (c, type) => {
          const before = run(c).decision
          if (before !== "allowed") return
          assert.notStrictEqual(run(withDocuments(c, [...documentsOf(c), type])).decision, "refused")
        }
      ),
      { numRuns: 500 }
    ))

  it("the decision, reasons and missing documents do not depend on document order", () =>
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray([...documentsOf(c)], { minLength: documentsOf(c).length }))
        ),
        ([c, shuffled]) => {
          const a = run(c)
          const b = run(withDocuments(c, shuffled))
          assert.strictEqual(b.decision, a.decision)
          assert.deepStrictEqual(
            b.reasons.map((x) => x.code),
            a.reasons.map((x) => x.code)
          )
          assert.deepStrictEqual(b.missingDocuments, a.missingDocuments)
        }
      ),
      { numRuns: 500 }
    ))

  it("duplicating a document changes nothing", () =>
    fc.assert(
      fc.property(caseArb, (c) => {
        const docs = documentsOf(c)
        if (docs.length === 0) return
        assert.deepStrictEqual(run(withDocuments(c, [...docs, docs[0]])), run(c))
      }),
      { numRuns: 200 }
    ))

  it("every answer is a valid EligibilityResult", () => {
    const encode = Schema.encodeUnknownSync(Eligibility.EligibilityResult)
    for (const c of allCases) encode(run(c))
  })

  it("a refusal always says what would make it allowed: next steps or missing documents (DESIGN)", () => {
    const inputs = [
      ...allCases.map((c) => ({ input: c.input, context: contextOf(c) })),
      ...reviewCases
        .filter((c) => c.expect.errorPath === undefined)
        .map((c) => ({ input: c.input, context: {} as Eligibility.DecideContext }))
    ]
    const attendee = fc.option(
      fc.record(
        {
          kind: fc.constantFrom(...Vocabulary.AttendeeKind.codes),
          applicantPresent: fc.boolean(),
          relation: fc.constantFrom(...Vocabulary.Relation.codes),
          sameHousehold: fc.boolean(),
          reason: fc.constantFrom(...Vocabulary.AbsenceReason.codes)
        },
        { requiredKeys: ["kind"] }
      ),
      { nil: undefined }
    )
    const mode = fc.option(fc.constantFrom(...Vocabulary.ApplicationMode.codes), { nil: undefined })
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.array(arbitraryDocument, { maxLength: 3 }),
        attendee,
        mode,
        (c, extra, who, how) => {
          const input = {
            ...c.input,
            documents: [...((c.input["documents"] as ReadonlyArray<unknown> | undefined) ?? []), ...extra],
            ...(who ? { attendee: who } : {}),
            ...(how ? { mode: how } : {})
          }
          const r = Eligibility.checkEligibility(input, c.context)
          if (r.decision === "refused")
            assert.isTrue(
              r.nextSteps.length > 0 || r.missingDocuments.length > 0,
              `refused without a way forward: ${r.reasons.map((x) => x.code).join(", ")}`
            )
        }
      ),
      { numRuns: 3000 }
    )
    for (const c of inputs) {
      const r = Eligibility.checkEligibility(c.input, c.context)
      if (r.decision === "refused") assert.isTrue(r.nextSteps.length > 0 || r.missingDocuments.length > 0)
    }
  })

  it("a refusal always lists a refusing reason, and only a second visit lacks nothing else", () =>
    fc.assert(
      fc.property(caseArb, fc.array(arbitraryDocument, { maxLength: 4 }), (c, extra) => {
        const r = run(withDocuments(c, [...documentsOf(c), ...extra]))
        const kinds = new Set(r.reasons.map((x) => x.kind))
        if (r.decision === "refused") assert.isTrue(kinds.has("refuses"))
        else assert.isFalse(kinds.has("refuses"))
        if (r.decision === "needs_second_visit") assert.isTrue(kinds.has("second_visit"))
      }),
      { numRuns: 500 }
    ))
})
