import { assert, describe, it } from "@effect/vitest"
import * as Fees from "../src/Fees.ts"

const V = "2025-06-02"

describe("fees (rules-sources §9)", () => {
  it("re-issuance by the holder's fault: 800 + 200, at hand-over [M-Minabe, M-Nagoya-lost]", () => {
    const f = Fees.feeFor({ procedure: "card_reissuance", visitDate: V, cause: "lost", withCertificates: true })
    assert.strictEqual(f.amountYen, 1000)
    assert.deepStrictEqual(
      f.items.map((i) => i.yen),
      [800, 200]
    )
    assert.strictEqual(f.payableAt, "handover")
  })
  it("without certificates: 800 [M-Minabe]", () =>
    assert.strictEqual(
      Fees.feeFor({ procedure: "card_reissuance", visitDate: V, cause: "own_wish", withCertificates: false }).amountYen,
      800
    ))
  it("express of a chargeable re-issuance: 2,000 at application [M-Meiwa, M-Towada]", () => {
    const f = Fees.feeFor({
      procedure: "card_application",
      mode: "express",
      visitDate: V,
      cause: "damaged",
      withCertificates: true
    })
    assert.strictEqual(f.amountYen, 2000)
    assert.strictEqual(f.payableAt, "application")
  })
  it("express before 2024-12-02 carries no surcharge (it did not exist)", () =>
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_application",
        mode: "express",
        visitDate: "2024-12-01",
        cause: "lost",
        withCertificates: true
      }).amountYen,
      0
    ))
  for (const cause of ["stolen", "endorsement_full", "number_change", "moved_from_abroad"] as const) {
    it(`${cause} is free [M-Matsuyama-fee, M-Makubetsu, M-Mitake]`, () => {
      const f = Fees.feeFor({ procedure: "card_reissuance", visitDate: V, cause, withCertificates: true })
      assert.strictEqual(f.amountYen, 0)
      assert.isDefined(f.exemption)
    })
  }
  it("a disaster is free only with the り災証明書 [M-Matsuyama-fee]", () => {
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "disaster",
        withCertificates: true,
        disasterCertificate: true
      }).amountYen,
      0
    )
    assert.strictEqual(
      Fees.feeFor({ procedure: "card_reissuance", visitDate: V, cause: "disaster", withCertificates: true }).amountYen,
      1000
    )
  })
  it("a card within three months of expiry, or expired, is re-issued free [M-Matsuyama-fee]", () => {
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "own_wish",
        withCertificates: true,
        cardExpiresOn: "2025-09-01"
      }).amountYen,
      0
    )
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "own_wish",
        withCertificates: true,
        cardExpiresOn: "2025-09-02"
      }).amountYen,
      1000
    )
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "damaged",
        withCertificates: true,
        cardExpiresOn: "2025-01-01"
      }).amountYen,
      0
    )
  })
  it("a card that lapsed because 有効期間変更 or 継続利用 was missed is charged even past its expiry [M-Tamba][M-Mitake][M-Hokudai]", () => {
    const lapsed = Fees.feeFor({
      procedure: "card_reissuance",
      visitDate: V,
      cause: "lapsed",
      withCertificates: true,
      cardExpiresOn: "2025-01-01"
    })
    assert.strictEqual(lapsed.amountYen, 1000)
    assert.strictEqual(lapsed.payableAt, "handover")
  })
  it("an express re-issuance of a charged card costs 1,000 円 more, paid when applying [M-Meiwa][M-Towada][M-Mitake]", () => {
    const express = Fees.feeFor({
      procedure: "card_reissuance",
      visitDate: V,
      mode: "express",
      cause: "lost",
      withCertificates: true
    })
    assert.strictEqual(express.amountYen, 2000)
    assert.strictEqual(express.payableAt, "application")
    const stolen = Fees.feeFor({
      procedure: "card_reissuance",
      visitDate: V,
      mode: "express",
      cause: "stolen",
      withCertificates: true
    })
    assert.strictEqual(stolen.amountYen, 0)
  })
  it("lapsed by moving abroad, re-applied within 90 days: free [M-Nagayo]", () => {
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "lapsed",
        withCertificates: true,
        departureDate: "2025-03-04"
      }).amountYen,
      0
    )
    assert.strictEqual(
      Fees.feeFor({
        procedure: "card_reissuance",
        visitDate: V,
        cause: "lapsed",
        withCertificates: true,
        departureDate: "2025-03-03"
      }).amountYen,
      1000
    )
  })
  it("first issuance, renewal, certificates and PIN reset are free [JLIS-top, M-Saka]", () => {
    for (const procedure of [
      "card_issuance",
      "card_application",
      "card_renewal",
      "cert_issuance",
      "cert_renewal",
      "pin_reset"
    ] as const)
      assert.strictEqual(Fees.feeFor({ procedure, visitDate: V, withCertificates: true }).amountYen, 0)
  })
  it("notification card: 500 yen until 2020-05-24, abolished after [M-Gifu, M-Nagoya-tsuchi]", () => {
    assert.strictEqual(
      Fees.feeFor({ procedure: "notification_card_reissuance", visitDate: "2020-05-24", withCertificates: false })
        .amountYen,
      500
    )
    assert.strictEqual(
      Fees.feeFor({ procedure: "notification_card_reissuance", visitDate: "2020-05-25", withCertificates: false })
        .amountYen,
      0
    )
  })
})
