/**
 * The counter check form → the eligibility input: every field the form offers lands on a path the
 * domain's input schema knows (checked by decoding with `@madoguchi/domain`), empty fields are left
 * out, who came decides which attendee details and whose documents count, and each document's
 * flags become the document's own fields.
 */
import { Eligibility, Vocabulary } from "@madoguchi/domain"
import { Result } from "effect"
import { assert, describe, it } from "vitest"
import {
  applicantFields,
  cardFields,
  CERTIFICATES_SHOWN,
  detailsFor,
  docField,
  factGroups,
  type FormValues,
  formValues,
  toEligibilityInput
} from "../src/lib/counter/eligibilityForm.ts"
import type { DocumentCategory } from "../src/lib/counter/types.ts"

const categories: Record<string, DocumentCategory> = Object.fromEntries(
  Vocabulary.DocumentType.entries.map((e) => [e.code, e.category])
)

const base: FormValues = {
  procedure: "card_issuance",
  visitDate: "2026-11-24",
  "applicant.birthDate": "1960-05-10",
  "attendee.kind": "self"
}

const decode = (input: Record<string, unknown>) => {
  const decoded = Eligibility.decodeInputResult(input)
  if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
  return decoded.success as unknown as Record<string, unknown>
}

const at = (value: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value)

describe("toEligibilityInput", () => {
  it("leaves empty fields out and applies the city", () => {
    const input = toEligibilityInput({ ...base, mode: "", "applicant.card.status": "" }, "kawanishi", categories)
    assert.deepStrictEqual(input, {
      procedure: "card_issuance",
      visitDate: "2026-11-24",
      city: "kawanishi",
      applicant: { birthDate: "1960-05-10" },
      attendee: { kind: "self" },
      documents: []
    })
    decode(input)
  })

  it("puts every field the form offers on a path the input schema decodes", () => {
    const sample = (path: string, kind: string, vocabulary?: string): string | Array<string> => {
      if (kind === "date") return path === "applicant.residencePeriodEnd" ? "2027-01-01" : "2026-10-01"
      if (kind === "tick") return "1"
      if (kind === "yesno") return "no"
      const list = vocabulary === "pins" ? Vocabulary.Pin.codes : undefined
      if (kind === "multi") return [...(list ?? [])].slice(0, 2)
      const codes: Record<string, ReadonlyArray<string>> = {
        nationalities: Vocabulary.Nationality.codes,
        residenceStatuses: Vocabulary.ResidenceStatus.codes,
        cardStatuses: Vocabulary.CardStatus.codes,
        cardKinds: Vocabulary.CardKind.codes,
        certStatuses: Vocabulary.CertStatus.codes,
        changeKinds: Vocabulary.ChangeKind.codes
      }
      return codes[vocabulary ?? ""]![0]!
    }
    const fields = [...applicantFields, ...cardFields, ...factGroups.flatMap((g) => g.fields)]
    const values: Record<string, string | ReadonlyArray<string>> = { ...base }
    for (const f of fields) values[f.path] = sample(f.path, f.kind, f.vocabulary)
    const decoded = decode(toEligibilityInput(values, "ota", categories))
    for (const f of fields) {
      const got = at(decoded, f.path)
      assert.isDefined(got, f.path)
      if (f.kind === "yesno") assert.strictEqual(got, false, f.path)
      if (f.kind === "tick") assert.strictEqual(got, true, f.path)
    }
  })

  it("keeps the attendee's details and documents only when someone else came", () => {
    const values: FormValues = {
      ...base,
      "attendee.relation": "spouse",
      "attendee.reason": "hospitalized",
      "attendee.sameHousehold": "1",
      [docField("applicant", "issuance_notice")]: "1",
      [docField("applicant", "issuance_notice", "sealed")]: "1",
      [docField("attendee", "drivers_license")]: "1",
      [docField("attendee", "drivers_license", "expiresOn")]: "2028-01-01"
    }
    const self = toEligibilityInput(values, "kawanishi", categories)
    assert.deepStrictEqual(self["attendee"], { kind: "self" })
    assert.deepStrictEqual(self["documents"], [{ type: "issuance_notice", holder: "applicant", sealed: true }])

    const proxy = toEligibilityInput({ ...values, "attendee.kind": "proxy" }, "kawanishi", categories)
    assert.deepStrictEqual(proxy["attendee"], {
      kind: "proxy",
      relation: "spouse",
      reason: "hospitalized",
      sameHousehold: true
    })
    assert.sameDeepMembers(proxy["documents"] as Array<unknown>, [
      { type: "issuance_notice", holder: "applicant", sealed: true },
      { type: "drivers_license", holder: "attendee", expiresOn: "2028-01-01" }
    ])
    decode(proxy)
  })

  it("turns each document flag into the document's field", () => {
    const values: FormValues = {
      ...base,
      [docField("applicant", "power_of_attorney")]: "1",
      [docField("applicant", "power_of_attorney", "incomplete")]: "1",
      [docField("applicant", "power_of_attorney", "statesInabilityToAttend")]: "1",
      [docField("applicant", "juki_card")]: "1",
      [docField("applicant", "juki_card", "noPhoto")]: "1",
      [docField("applicant", "residence_card")]: "1",
      [docField("applicant", "residence_card", "renewalPendingStamp")]: "1",
      [docField("applicant", "residence_card", "copy")]: "1",
      [docField("applicant", "notification_card")]: "1",
      [docField("applicant", "notification_card", "matchesResidentRecord")]: "1"
    }
    const docs = toEligibilityInput(values, "ota", categories)["documents"] as Array<Record<string, unknown>>
    const byType = Object.fromEntries(docs.map((d) => [d["type"], d]))
    assert.deepStrictEqual(byType["power_of_attorney"], {
      type: "power_of_attorney",
      holder: "applicant",
      completed: false,
      statesInabilityToAttend: true
    })
    assert.strictEqual(byType["juki_card"]!["photo"], false)
    assert.strictEqual(byType["residence_card"]!["renewalPendingStamp"], true)
    assert.strictEqual(byType["residence_card"]!["copy"], true)
    assert.strictEqual(byType["notification_card"]!["matchesResidentRecord"], true)
  })

  it("offers details only where the document has them, and every document type has a category", () => {
    for (const entry of Vocabulary.DocumentType.entries) {
      assert.isArray(detailsFor(entry.code, entry.category), entry.code)
    }
    assert.deepStrictEqual(detailsFor("medical_certificate", "evidence"), [])
    assert.include(detailsFor("drivers_license", "identity_a"), "expiresOn")
  })

  it("sends the certificates ticked, and none when none is ticked", () => {
    const shown = { ...base, [CERTIFICATES_SHOWN]: "1" }
    assert.deepStrictEqual(toEligibilityInput(shown, "ota", categories)["certificates"], [])
    assert.deepStrictEqual(
      toEligibilityInput({ ...shown, certificates: ["signature"] }, "ota", categories)["certificates"],
      ["signature"]
    )
    assert.isUndefined(toEligibilityInput(base, "ota", categories)["certificates"])
  })

  it("reads repeated form names as lists", () => {
    const data = new FormData()
    data.append("certificates", "signature")
    data.append("certificates", "auth")
    data.append("procedure", "cert_issuance")
    assert.deepStrictEqual(formValues(data), { certificates: ["signature", "auth"], procedure: "cert_issuance" })
  })
})
