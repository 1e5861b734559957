import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import * as Validity from "../src/Validity.ts"

interface CardCase {
  readonly name: string
  readonly basis: string
  readonly input: Validity.ValidityInput
  readonly expiresOn: string
  readonly rule: Validity.CardRule
}

const cardCases: ReadonlyArray<CardCase> = [
  {
    name: "adult: 10th birthday after issuance",
    basis: "M-Minato, M-Yonago",
    input: { birthDate: "1990-04-01", issuedOn: "2020-06-10" },
    expiresOn: "2030-04-01",
    rule: "tenth_birthday"
  },
  {
    name: "issued a month before the birthday: about 9 years 1 month",
    basis: "M-Minato (発行日後の10回目の誕生日)",
    input: { birthDate: "1990-05-10", issuedOn: "2020-04-10" },
    expiresOn: "2029-05-10",
    rule: "tenth_birthday"
  },
  {
    name: "issued on the birthday itself: that birthday is not counted",
    basis: "M-Minato (発行日後)",
    input: { birthDate: "1990-05-10", issuedOn: "2020-05-10" },
    expiresOn: "2030-05-10",
    rule: "tenth_birthday"
  },
  {
    name: "16-year-old after 2022: 5th birthday",
    basis: "M-Minato, M-Miyakonojo",
    input: { birthDate: "2008-01-01", issuedOn: "2024-06-01", applicationReceivedOn: "2024-05-01" },
    expiresOn: "2029-01-01",
    rule: "fifth_birthday"
  },
  {
    name: "19-year-old, application received 2022-03-15: age 20 rule → 5th birthday",
    basis: "M-Hanno, M-Miyoshi-T",
    input: { birthDate: "2003-01-01", issuedOn: "2022-04-20", applicationReceivedOn: "2022-03-15" },
    expiresOn: "2027-01-01",
    rule: "fifth_birthday"
  },
  {
    name: "19-year-old, application received 2022-04-05: age 18 rule → 10th birthday",
    basis: "M-Hanno, M-Miyoshi-T",
    input: { birthDate: "2003-01-01", issuedOn: "2022-04-20", applicationReceivedOn: "2022-04-05" },
    expiresOn: "2032-01-01",
    rule: "tenth_birthday"
  },
  {
    name: "18 at issuance 2021: still a minor under the age-20 rule",
    basis: "M-Minato",
    input: { birthDate: "2003-01-01", issuedOn: "2021-06-01" },
    expiresOn: "2026-01-01",
    rule: "fifth_birthday"
  },
  {
    name: "17 at application, 18 at issuance: issuance date fixes the age (national default)",
    basis: "M-Miyoshi-T, M-Hanno (§11-1)",
    input: { birthDate: "2006-05-01", issuedOn: "2024-05-15", applicationReceivedOn: "2024-04-20" },
    expiresOn: "2034-05-01",
    rule: "tenth_birthday"
  },
  {
    name: "17 at application, 18 at issuance: application date variant",
    basis: "M-Kounosu, M-Osakasayama, M-Miyakonojo (§11-1)",
    input: {
      birthDate: "2006-05-01",
      issuedOn: "2024-05-15",
      applicationReceivedOn: "2024-04-20",
      ageBasis: "application_date"
    },
    expiresOn: "2029-05-01",
    rule: "fifth_birthday"
  },
  {
    name: "foreign resident: ends with the period of stay",
    basis: "M-Yonago, M-Miyake, M-Yokote",
    input: {
      birthDate: "1995-08-20",
      issuedOn: "2024-10-01",
      nationality: "foreign",
      residenceStatus: "period_of_stay",
      residencePeriodEnd: "2027-03-31"
    },
    expiresOn: "2027-03-31",
    rule: "residence_period_end"
  },
  {
    name: "permanent resident: ordinary 10th-birthday rule",
    basis: "M-Yokote, M-Miyake (§8.4)",
    input: {
      birthDate: "1995-08-20",
      issuedOn: "2024-10-01",
      nationality: "foreign",
      residenceStatus: "permanent_resident",
      residencePeriodEnd: "2027-03-31"
    },
    expiresOn: "2034-08-20",
    rule: "tenth_birthday"
  },
  {
    name: "period of stay longer than the birthday rule: birthday rule",
    basis: "M-Yonago (or the 10th/5th birthday if earlier)",
    input: {
      birthDate: "2010-08-20",
      issuedOn: "2024-10-01",
      nationality: "foreign",
      residenceStatus: "period_of_stay",
      residencePeriodEnd: "2031-03-31"
    },
    expiresOn: "2029-08-20",
    rule: "fifth_birthday"
  },
  {
    name: "born 29 February: expiry on 28 February in a common year",
    basis: "M-Minato (birthday rule); 29 Feb handling is an assumption",
    input: { birthDate: "1988-02-29", issuedOn: "2021-03-10" },
    expiresOn: "2031-02-28",
    rule: "tenth_birthday"
  }
]

describe("card validity", () => {
  for (const c of cardCases) {
    it(`${c.name} [${c.basis}]`, () => {
      const r = Validity.computeValidity(c.input)
      assert.strictEqual(r.card.expiresOn, c.expiresOn)
      assert.strictEqual(r.card.rule, c.rule)
    })
  }
})

describe("certificate validity", () => {
  it("5th birthday after issuance regardless of age [JLIS-period]", () => {
    const r = Validity.computeValidity({ birthDate: "1980-07-01", issuedOn: "2021-02-01" })
    assert.strictEqual(r.authCert.expiresOn, "2025-07-01")
    assert.strictEqual(r.signatureCert?.expiresOn, "2025-07-01")
  })
  it("a minor's card and certificates end on the same 5th birthday [M-Minato, JLIS-period]", () => {
    const r = Validity.computeValidity({ birthDate: "2010-07-01", issuedOn: "2024-02-01" })
    assert.strictEqual(r.card.expiresOn, "2028-07-01")
    assert.strictEqual(r.authCert.expiresOn, "2028-07-01")
    assert.isNull(r.signatureCert)
  })
  it("capped by the card [M-Higashimurayama, M-Uji, M-Adachi-cert]", () => {
    const r = Validity.computeValidity({
      birthDate: "1980-07-01",
      issuedOn: "2021-02-01",
      certificates: { issuedOn: "2027-01-10" }
    })
    assert.strictEqual(r.card.expiresOn, "2030-07-01")
    assert.strictEqual(r.authCert.expiresOn, "2030-07-01")
    assert.strictEqual(r.authCert.rule, "card_expiry")
    assert.strictEqual(r.signatureCert?.rule, "card_expiry")
  })
  it("capped by a residence period ending earlier [M-Sakuragawa, M-Numazu]", () => {
    const r = Validity.computeValidity({
      birthDate: "1990-07-01",
      issuedOn: "2024-02-01",
      nationality: "foreign",
      residenceStatus: "period_of_stay",
      residencePeriodEnd: "2026-01-15"
    })
    assert.strictEqual(r.authCert.expiresOn, "2026-01-15")
    assert.strictEqual(r.authCert.rule, "card_expiry")
    assert.strictEqual(r.signatureCert?.expiresOn, "2026-01-15")
  })
  it("renewed inside the window: 6th birthday [JLIS-period, M-Higashimurayama]", () => {
    const r = Validity.computeValidity({
      birthDate: "1980-07-01",
      issuedOn: "2021-02-01",
      certificates: { issuedOn: "2025-05-20", previousExpiresOn: "2025-07-01" }
    })
    assert.strictEqual(r.authCert.expiresOn, "2030-07-01")
    assert.strictEqual(r.authCert.rule, "sixth_birthday")
    // the card (2030-07-01 = 10th birthday after 2021-02-01) caps nothing here
    assert.strictEqual(r.card.expiresOn, "2030-07-01")
  })
  it("issued after the old one expired: 5th birthday again [JLIS-top]", () => {
    const r = Validity.computeValidity({
      birthDate: "1980-07-01",
      issuedOn: "2021-02-01",
      certificates: { issuedOn: "2025-07-02", previousExpiresOn: "2025-07-01" }
    })
    assert.strictEqual(r.authCert.rule, "fifth_birthday")
    assert.strictEqual(r.authCert.expiresOn, "2030-07-01")
  })
  it("no signature certificate under 15 [M-Shimogo, M-Hakodate]", () => {
    const r = Validity.computeValidity({ birthDate: "2012-07-01", issuedOn: "2024-02-01" })
    assert.isNull(r.signatureCert)
    assert.strictEqual(r.signatureCertNote?.code, "SIGNATURE_CERT_NOT_FOR_UNDER_15")
  })
  it("no signature certificate for an adult ward [M-Minabe, M-Kasai]", () => {
    const r = Validity.computeValidity({ birthDate: "1950-07-01", issuedOn: "2024-02-01", adultGuardianship: true })
    assert.isNull(r.signatureCert)
    assert.strictEqual(r.signatureCertNote?.code, "SIGNATURE_CERT_NOT_FOR_ADULT_WARD")
  })
  it("signature certificate from the 15th birthday [M-Ogawa]", () => {
    const r = Validity.computeValidity({
      birthDate: "2009-07-01",
      issuedOn: "2023-02-01",
      certificates: { issuedOn: "2024-07-01" }
    })
    assert.isNotNull(r.signatureCert)
  })
})

interface WindowCase {
  readonly expiresOn: string
  readonly opensOn: string
  readonly basis: string
  readonly opening?: Validity.WindowOpening
}

const windowCases: ReadonlyArray<WindowCase> = [
  { expiresOn: "2023-07-07", opensOn: "2023-04-08", basis: "M-Nerima (worked example)" },
  { expiresOn: "2023-05-28", opensOn: "2023-03-01", basis: "M-Nerima (worked example)" },
  { expiresOn: "2024-05-01", opensOn: "2024-02-02", basis: "M-Nishinoshima (5/1 → 2/2)" },
  { expiresOn: "2025-05-31", opensOn: "2025-03-01", basis: "M-Nerima (date missing → 1st of next month)" },
  { expiresOn: "2024-05-30", opensOn: "2024-03-01", basis: "M-Nerima (2/30 missing → 3/1)" },
  { expiresOn: "2024-05-29", opensOn: "2024-03-01", basis: "M-Nerima (2024-02-29 exists → day after)" },
  { expiresOn: "2023-05-29", opensOn: "2023-03-01", basis: "M-Nerima (2023-02-29 missing → 3/1)" },
  { expiresOn: "2026-01-15", opensOn: "2025-10-16", basis: "M-Tokorozawa (3か月前の翌日)" },
  {
    expiresOn: "2023-07-07",
    opensOn: "2023-04-07",
    basis: "JLIS-top (3か月前から, §11-2)",
    opening: "three_months_before"
  },
  { expiresOn: "2025-05-31", opensOn: "2025-02-28", basis: "JLIS-top (clamped, §11-2)", opening: "three_months_before" }
]

describe("renewal window", () => {
  for (const c of windowCases) {
    it(`expiry ${c.expiresOn} opens ${c.opensOn} [${c.basis}]`, () => {
      const w = Validity.renewalWindow(c.expiresOn, c.opening ? { opening: c.opening } : undefined)
      assert.strictEqual(w.opensOn, c.opensOn)
      assert.strictEqual(w.closesOn, c.expiresOn)
    })
  }
  it("the expiry day is inside the window, the day after is not [M-Nishinoshima, JLIS-top]", () => {
    assert.strictEqual(Validity.windowStatus("2024-05-01", "2024-05-01"), "open")
    assert.strictEqual(Validity.windowStatus("2024-05-01", "2024-05-02"), "expired")
    assert.strictEqual(Validity.windowStatus("2024-05-01", "2024-02-02"), "open")
    assert.strictEqual(Validity.windowStatus("2024-05-01", "2024-02-01"), "not_yet_open")
  })
})

const date = fc
  .date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe("validity invariants", () => {
  it("signature ≤ authentication ≤ card, all after issuance", () =>
    fc.assert(
      fc.property(date, date, fc.boolean(), (a, b, foreign) => {
        const [birthDate, issuedOn] = a < b ? [a, b] : [b, a]
        if (birthDate === issuedOn) return
        const r = Validity.computeValidity({
          birthDate,
          issuedOn,
          ...(foreign
            ? { nationality: "foreign", residencePeriodEnd: issuedOn.replace(/^\d{4}/, (y) => `${+y + 2}`) }
            : {})
        })
        assert.isTrue(r.card.expiresOn > issuedOn)
        assert.isTrue(r.authCert.expiresOn <= r.card.expiresOn)
        if (r.signatureCert) assert.isTrue(r.signatureCert.expiresOn <= r.authCert.expiresOn)
        assert.isTrue(r.card.renewalWindow.opensOn <= r.card.expiresOn)
      })
    ))
  it("the window opens when less than three months remain", () =>
    fc.assert(
      fc.property(date, (expiresOn) => {
        const w = Validity.renewalWindow(expiresOn)
        // the day before opening, three full months remain; from opening day on, less
        const dayBefore = new Date(`${w.opensOn}T00:00:00Z`)
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1)
        const before = dayBefore.toISOString().slice(0, 10)
        assert.strictEqual(Validity.windowStatus(expiresOn, before), "not_yet_open")
        assert.strictEqual(Validity.windowStatus(expiresOn, w.opensOn), "open")
      })
    ))
})
