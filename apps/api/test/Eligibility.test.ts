import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { makeApp } from "../src/App.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api-eligibility") })
  app = makeApp(runtime, { demo: false })
})
afterAll(() => runtime.dispose())

const post = (path: string, payload: unknown) =>
  app.request(`/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof payload === "string" ? payload : JSON.stringify(payload)
  })

// The contract example of DESIGN.md.
const example = {
  procedure: "cert_renewal",
  visitDate: "2027-01-15",
  city: "kawanishi",
  applicant: {
    birthDate: "1990-04-01",
    nationality: "JP",
    residencePeriodEnd: null,
    adultGuardianship: false,
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

interface Answer {
  decision: string
  city?: string
  reasons: Array<{ code: string; kind: string; ja: string; en: string; basis: string }>
  missingDocuments: Array<{ code: string }>
  nextSteps: Array<{ ja: string; en: string }>
  fee: { amountYen: number }
}

describe("POST /api/v1/eligibility/check", () => {
  it("answers the contract example with the city's profile applied [JLIS-period, SEED-Kawanishi]", async () => {
    const res = await post("/eligibility/check", example)
    assert.strictEqual(res.status, 200)
    const body = (await res.json()) as Answer
    assert.strictEqual(body.decision, "allowed")
    assert.strictEqual(body.city, "kawanishi")
    const codes = body.reasons.map((r) => r.code)
    assert.include(codes, "CERT_RENEWAL_WINDOW_OPEN")
    assert.include(codes, "CITY_STAFF_ONLY_OPERATION")
    for (const r of body.reasons) assert.isTrue(r.ja.length > 0 && r.en.length > 0 && r.basis.length > 0)
    assert.deepStrictEqual(body.missingDocuments, [])
  })

  it("refuses with what is missing, as alternatives [M-Hagi, M-Kyoto]", async () => {
    const res = await post("/eligibility/check", {
      procedure: "card_issuance",
      visitDate: "2026-01-15",
      applicant: { birthDate: "1980-01-01" },
      documents: ["issuance_notice", "health_insurance_card", "pension_book"]
    })
    const body = (await res.json()) as Answer & {
      missingDocuments: Array<{ code: string; alternatives: Array<{ needs: Array<{ count: number }> }> }>
    }
    assert.strictEqual(body.decision, "refused")
    assert.include(
      body.reasons.map((r) => r.code),
      "HEALTH_INSURANCE_CARD_ENDED"
    )
    assert.strictEqual(body.missingDocuments[0]!.code, "APPLICANT_IDENTITY")
    assert.strictEqual(body.missingDocuments[0]!.alternatives.length, 2)
  })

  it("names the path of an unknown code (400)", async () => {
    const res = await post("/eligibility/check", { ...example, documents: ["my_number_card", { type: "gym_card" }] })
    assert.strictEqual(res.status, 400)
    const body = (await res.json()) as { error: { code: string; path: string; ja: string; en: string } }
    assert.strictEqual(body.error.code, "INVALID_INPUT")
    assert.strictEqual(body.error.path, "documents[1].type")
    assert.include(body.error.en, "gym_card")
    assert.include(body.error.ja, "gym_card")
  })

  it("lists every problem of a bad body", async () => {
    const res = await post("/eligibility/check", { procedure: "nap", visitDate: "2027-02-30", applicant: {} })
    assert.strictEqual(res.status, 400)
    const body = (await res.json()) as { error: { problems: Array<{ path: string }> } }
    assert.sameMembers(
      body.error.problems.map((p) => p.path),
      ["procedure", "visitDate", "applicant.birthDate"]
    )
  })

  it("refuses a body that is not JSON", async () => {
    const res = await post("/eligibility/check", "{not json")
    assert.strictEqual(res.status, 400)
  })

  it("decides an unknown city on the national rules, saying so", async () => {
    const res = await post("/eligibility/check", { ...example, city: "nerima" })
    const body = (await res.json()) as Answer
    assert.strictEqual(res.status, 200)
    assert.isUndefined(body.city)
    assert.include(
      body.reasons.map((r) => r.code),
      "CITY_PROFILE_NOT_FOUND"
    )
  })

  it("applies a site's limits (Koganei outreach issues no certificates) [SEED-Koganei]", async () => {
    const res = await post("/eligibility/check", { ...example, city: "koganei", site: "outreach" })
    const body = (await res.json()) as Answer
    assert.strictEqual(body.decision, "refused")
    assert.include(
      body.reasons.map((r) => r.code),
      "PROCEDURE_NOT_OFFERED_AT_SITE"
    )
  })
})

describe("POST /api/v1/validity", () => {
  it("computes card and certificate expiry with windows [M-Minato, JLIS-period, M-Nerima]", async () => {
    const res = await post("/validity", { birthDate: "1990-04-01", issuedOn: "2020-06-10" })
    assert.strictEqual(res.status, 200)
    const body = (await res.json()) as {
      card: { expiresOn: string; renewalWindow: { opensOn: string } }
      authCert: { expiresOn: string }
    }
    assert.strictEqual(body.card.expiresOn, "2030-04-01")
    assert.strictEqual(body.card.renewalWindow.opensOn, "2030-01-02")
    assert.strictEqual(body.authCert.expiresOn, "2025-04-01")
  })
  it("refuses a bad date with its path", async () => {
    const res = await post("/validity", { birthDate: "1990-04-31", issuedOn: "2020-06-10" })
    assert.strictEqual(res.status, 400)
    assert.strictEqual(((await res.json()) as { error: { path: string } }).error.path, "birthDate")
  })
})

describe("GET /api/v1/vocabulary", () => {
  it("lists every code with ja/en labels, reason codes, dated rules and sources", async () => {
    const res = await app.request("/api/v1/vocabulary")
    assert.strictEqual(res.status, 200)
    const body = (await res.json()) as Record<string, Array<{ code: string; ja?: string; en?: string }>>
    assert.strictEqual(body.procedures!.length, 16)
    for (const code of ["card_issuance", "notification_card_reissuance", "number_verification"])
      assert.include(
        body.procedures!.map((p) => p.code),
        code
      )
    assert.include(
      body.documentTypes!.map((d) => d.code),
      "eligibility_certificate"
    )
    assert.include(
      body.absenceReasons!.map((d) => d.code),
      "busy_at_work"
    )
    assert.include(
      body.reasonCodes!.map((d) => d.code),
      "PROXY_REASON_NOT_ACCEPTED"
    )
    assert.isTrue(body.sources!.some((s) => s.code === "JLIS-period"))
    assert.isTrue(body.ruleBook!.length >= 5)
  })
  it("is in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> }
    for (const p of ["/api/v1/eligibility/check", "/api/v1/validity", "/api/v1/vocabulary"])
      assert.property(doc.paths, p)
  })
})
