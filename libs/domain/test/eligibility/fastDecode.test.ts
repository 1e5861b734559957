/**
 * The eligibility input's fast decoding path must speak exactly the schema's language: it may decline
 * anything (the schema then decodes and explains), but whatever it accepts the schema must accept,
 * with the same value.
 */
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { decodeResult } from "../../src/Decode.ts"
import * as Eligibility from "../../src/Eligibility.ts"
import { Document } from "../../src/Documents.ts"
import {
  ApplicantFields,
  AttendeeFields,
  CardInfoFields,
  CertInfoFields,
  DocumentFields,
  fastDecode,
  InputFields,
  isDate
} from "../../src/internal/eligibility/fastDecode.ts"
import { isPlainDate } from "../../src/Values.ts"
import * as Vocabulary from "../../src/Vocabulary.ts"
import { reviewCases } from "../review/cases.ts"
import { applicationCases, issuanceCases, reissuanceCases, renewalCases } from "./cards.cases.ts"
import { certIssuanceCases, certRenewalCases, pinCases, suspensionCases } from "./certificates.cases.ts"
import {
  continuedUseCases,
  foreignResidentCases,
  notificationAndNumberCases,
  overseasCases,
  returnCases,
  surfaceChangeCases
} from "./changes.cases.ts"

const schemaOnly = decodeResult(Eligibility.EligibilityInput)

const inputs: ReadonlyArray<Record<string, unknown>> = [
  ...[
    ...issuanceCases,
    ...applicationCases,
    ...renewalCases,
    ...reissuanceCases,
    ...certRenewalCases,
    ...certIssuanceCases,
    ...pinCases,
    ...suspensionCases,
    ...surfaceChangeCases,
    ...continuedUseCases,
    ...foreignResidentCases,
    ...overseasCases,
    ...returnCases,
    ...notificationAndNumberCases
  ].map((c) => c.input),
  ...reviewCases.map((c) => c.input)
]

/** If the fast path accepts, the schema accepts the same input with an equal value. */
const agrees = (input: unknown) => {
  const fast = fastDecode(input)
  if (fast === undefined) return
  const slow = schemaOnly(input)
  assert.isTrue(Result.isSuccess(slow), `fast path accepted what the schema refuses: ${JSON.stringify(input)}`)
  if (Result.isSuccess(slow)) assert.deepStrictEqual(fast, slow.success)
}

const keys = (s: { readonly fields: ReadonlyMap<string, unknown> }) => [...s.fields.keys()].sort()

describe("eligibility input: fast decoding path", () => {
  it("knows exactly the schema's fields", () => {
    assert.deepStrictEqual(keys(InputFields), Object.keys(Eligibility.EligibilityInput.fields).sort())
    assert.deepStrictEqual(keys(ApplicantFields), Object.keys(Eligibility.Applicant.fields).sort())
    assert.deepStrictEqual(keys(AttendeeFields), Object.keys(Eligibility.Attendee.fields).sort())
    assert.deepStrictEqual(keys(CardInfoFields), Object.keys(Eligibility.CardInfo.fields).sort())
    assert.deepStrictEqual(keys(CertInfoFields), Object.keys(Eligibility.CertInfo.fields).sort())
    assert.deepStrictEqual(keys(DocumentFields), Object.keys(Document.fields).sort())
  })

  it("accepts every table and review input, with the schema's value", () => {
    let accepted = 0
    for (const input of inputs) {
      const slow = schemaOnly(input)
      const fast = fastDecode(input)
      if (Result.isSuccess(slow)) {
        assert.isDefined(fast, JSON.stringify(input))
        accepted++
      }
      agrees(input)
    }
    assert.isAbove(accepted, 500)
  })

  it("checks dates as the LocalDate schema does", () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc
            .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
            .map(
              ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
            )
        ),
        (s) => assert.strictEqual(isDate(s), isPlainDate(s), s)
      ),
      { numRuns: 5000 }
    ))

  const anyValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer({ min: -3, max: 5 }),
    fc.double(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("2025-02-29", "2024-02-29", "2026-13-01", "1990-04-01", "2030-01-01", "20260101"),
    fc.constantFrom("1234 5678 9018", "１２３４５６７８９０１８", "koganei", "outreach"),
    fc.constantFrom(...Vocabulary.DocumentType.codes.slice(0, 5), ...Vocabulary.Procedure.codes.slice(0, 3)),
    fc.constantFrom("self", "proxy", "valid", "expired", "foreign", "JP", "signature", "auth"),
    fc.array(fc.constantFrom("passport", "signature", "gym_card", 3), { maxLength: 3 }),
    fc.constant({ type: "passport" }),
    fc.constant({ status: "valid", expiresOn: "2030-01-01" }),
    fc.constant([])
  )

  /** Replace the value at a random path of a valid input by a random value. */
  const mutate = (input: Record<string, unknown>, path: ReadonlyArray<number>, value: unknown): unknown => {
    const clone = structuredClone(input) as Record<string, unknown>
    let node: Record<string, unknown> = clone
    for (let depth = 0; depth < path.length; depth++) {
      const ks = Object.keys(node)
      if (ks.length === 0) break
      const key = ks[path[depth]! % ks.length]!
      const child = node[key]
      if (depth === path.length - 1 || typeof child !== "object" || child === null) {
        node[key] = value
        break
      }
      node = child as Record<string, unknown>
    }
    return clone
  }

  it("never accepts what the schema refuses, and agrees on what both accept", () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        anyValue,
        fc.string({ maxLength: 8 }),
        (input, path, value, extraKey) => {
          agrees(mutate(input, path, value))
          agrees({ ...input, [extraKey]: value })
        }
      ),
      { numRuns: 3000 }
    ))

  /** Set a known field (of the input, applicant, attendee, card or a certificate) to a random value. */
  const setKnown = (
    input: Record<string, unknown>,
    where: "input" | "applicant" | "attendee" | "card" | "authCert" | "document",
    pick: number,
    value: unknown
  ): unknown => {
    const clone = structuredClone(input) as Record<string, Record<string, unknown>>
    const applicant = clone["applicant"] ?? {}
    const card = (applicant["card"] ?? {}) as Record<string, unknown>
    const docs = (clone["documents"] ?? []) as unknown as Array<unknown>
    const first = docs[0]
    const doc: Record<string, unknown> =
      typeof first === "object" && first !== null ? (first as Record<string, unknown>) : { type: first ?? "passport" }
    const target: Record<string, unknown> =
      where === "document"
        ? (((clone["documents"] as unknown as Array<unknown>) = [doc, ...docs.slice(1)]), doc)
        : where === "input"
          ? clone
          : where === "applicant"
            ? applicant
            : where === "attendee"
              ? (clone["attendee"] ??= { kind: "proxy" })
              : where === "card"
                ? (applicant["card"] = card)
                : ((card["authCert"] ??= {}) as Record<string, unknown>)
    const fields = {
      input: InputFields,
      applicant: ApplicantFields,
      attendee: AttendeeFields,
      card: CardInfoFields,
      authCert: CertInfoFields,
      document: DocumentFields
    }[where]
    const known = [...fields.fields.keys()]
    target[known[pick % known.length]!] = value
    return clone
  }

  it("agrees field by field, whatever a known field holds", () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.constantFrom("input", "applicant", "attendee", "card", "authCert", "document"),
        fc.nat(),
        anyValue,
        (input, where, pick, value) => agrees(setKnown(input, where, pick, value))
      ),
      { numRuns: 4000 }
    ))

  it("declines non-objects and inputs with a birth date after the visit", () => {
    for (const v of [null, 1, "x", [], new Date()]) assert.isUndefined(fastDecode(v))
    assert.isUndefined(
      fastDecode({ procedure: "card_issuance", visitDate: "2025-01-01", applicant: { birthDate: "2025-02-01" } })
    )
  })
})
