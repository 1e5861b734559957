/**
 * Table cases for certificates (発行・更新), PIN reset and lifting a suspension, each citing its
 * sources (notes/rules-sources.md §12).
 */
import { ADULT, type Case, CARD, doc, input, PROXY_IDS, REPLY, rep } from "./helpers.ts"

const CERTS = { signatureCert: { expiresOn: "2027-04-01" }, authCert: { expiresOn: "2027-04-01" } }
const holder = (extra: Record<string, unknown> = {}) => ({
  birthDate: "1990-04-01",
  nationality: "JP",
  card: { status: "valid", expiresOn: "2030-04-01", ...CERTS },
  ...extra
})
const renew = (visit: string, applicant: Record<string, unknown> = holder(), more: Record<string, unknown> = {}) =>
  input("cert_renewal", visit, applicant, { documents: [CARD], ...more })
const CHILD = {
  birthDate: "2015-01-01",
  card: { status: "valid", expiresOn: "2028-01-01", authCert: { expiresOn: "2028-01-01" } }
}

export const certRenewalCases: ReadonlyArray<Case> = [
  {
    name: "certificates given beyond the card are capped by it: the window follows the card",
    basis: "M-Higashimurayama, M-Uji, M-Adachi-cert, M-Shime",
    input: renew(
      "2026-02-10",
      holder({
        card: {
          status: "valid",
          expiresOn: "2026-04-01",
          signatureCert: { expiresOn: "2026-06-15" },
          authCert: { expiresOn: "2026-06-15" }
        }
      })
    ),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN", "CERT_EXPIRY_CAPPED", "CARD_EXPIRES_SOON"]
  },
  {
    name: "the signature certificate never outlasts the authentication one",
    basis: "M-Higashimurayama, M-Uji",
    input: renew(
      "2026-02-10",
      holder({
        card: {
          status: "valid",
          expiresOn: "2030-04-01",
          signatureCert: { expiresOn: "2026-06-15" },
          authCert: { expiresOn: "2026-04-01" }
        }
      }),
      { certificates: ["signature"] }
    ),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN", "CERT_EXPIRY_CAPPED"]
  },
  {
    name: "the contract example: inside the window",
    basis: "JLIS-top, JLIS-period, M-Nerima",
    city: "kawanishi",
    input: renew("2027-01-15", holder(), { city: "kawanishi", attendee: { kind: "self" } }),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN", "CITY_STAFF_ONLY_OPERATION"],
    fee: 0
  },
  {
    name: "the day before the window opens",
    basis: "JLIS-period, M-Nerima (3か月前の翌日)",
    input: renew("2027-01-01"),
    decision: "refused",
    codes: ["CERT_RENEWAL_WINDOW_NOT_OPEN"]
  },
  {
    name: "the first day of the window",
    basis: "JLIS-period, M-Nerima, M-Higashimurayama",
    input: renew("2027-01-02"),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "J-LIS literal window",
    basis: "JLIS-top (§11-2 variant)",
    variants: { windowOpening: "three_months_before" },
    input: renew("2027-01-01"),
    decision: "allowed"
  },
  {
    name: "on the expiry day",
    basis: "M-Nishinoshima, JLIS-top",
    input: renew("2027-04-01"),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "the day after expiry: a new issuance, free",
    basis: "JLIS-top, M-Ozu, M-Obihiro",
    input: renew("2027-04-02"),
    decision: "allowed",
    codes: ["CERT_EXPIRED_NEW_ISSUANCE"],
    fee: 0
  },
  {
    name: "the card itself has expired",
    basis: "JLIS-top, M-Biei",
    input: renew("2030-04-02"),
    decision: "refused",
    codes: ["CARD_NOT_USABLE"]
  },
  {
    name: "the card is suspended",
    basis: "M-Tomiya, M-Yatsushiro",
    input: renew("2027-01-15", holder({ card: { status: "suspended", expiresOn: "2030-04-01", ...CERTS } })),
    decision: "refused",
    codes: ["CARD_NOT_USABLE"]
  },
  {
    name: "child alone",
    basis: "M-Kasai, M-Aikawa, M-Shimogo",
    input: renew("2027-11-15", CHILD),
    decision: "refused",
    codes: ["MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "child with a parent holding photo ID",
    basis: "M-Kasai, M-Aikawa, M-Sakuragawa",
    input: renew("2027-11-15", CHILD, {
      attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "allowed",
    codes: ["LEGAL_REPRESENTATIVE_FOR_CERTIFICATES"]
  },
  {
    name: "parent without official photo ID: inquiry and second visit",
    basis: "M-Kasai",
    input: renew("2027-11-15", CHILD, {
      attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
      documents: [CARD, rep("pension_book"), rep("eligibility_certificate")]
    }),
    decision: "needs_second_visit",
    missing: ["ATTENDEE_PHOTO_ID"]
  },
  {
    name: "parent of another household without the family register",
    basis: "M-Sakuragawa (同一世帯なら戸籍不要)",
    input: renew("2027-11-15", CHILD, {
      attendee: { kind: "legal_representative", relation: "parent", sameHousehold: false },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "refused",
    missing: ["AUTHORITY_FAMILY_REGISTER"]
  },
  {
    name: "proxy with the sealed inquiry reply and photo ID: same day",
    basis: "M-Sakuragawa, M-Yosano",
    input: renew("2027-01-15", holder(), {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, REPLY, rep("drivers_license")]
    }),
    decision: "allowed",
    codes: ["PROXY_WITH_INQUIRY_REPLY"]
  },
  {
    name: "proxy without the inquiry reply: second visit",
    basis: "M-Kasai (照会書を郵送)",
    input: renew("2027-01-15", holder(), {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "needs_second_visit",
    missing: ["INQUIRY_REPLY"]
  },
  {
    name: "proxy before the mailed inquiry came back",
    basis: "M-Kasai",
    input: renew("2027-01-15", holder({ inquiryMailedOn: "2027-01-10" }), {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "needs_second_visit",
    codes: ["INQUIRY_ALREADY_MAILED"]
  },
  {
    name: "proxy with an unsealed reply: second visit",
    basis: "M-Sakuragawa, M-Yosano (封をしたもの)",
    input: renew("2027-01-15", holder(), {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, doc("inquiry_reply", { completed: true }), rep("drivers_license")]
    }),
    decision: "needs_second_visit"
  },
  {
    name: "proxy without photo ID",
    basis: "M-Kasai, M-Higashimatsuyama",
    input: renew("2027-01-15", holder(), {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, REPLY, rep("pension_book"), rep("eligibility_certificate")]
    }),
    decision: "refused",
    missing: ["ATTENDEE_PHOTO_ID"]
  },
  {
    name: "voluntary proxy for a child",
    basis: "M-Kasai, M-Aikawa",
    input: renew("2027-11-15", CHILD, {
      attendee: { kind: "proxy", relation: "grandparent" },
      documents: [CARD, REPLY, rep("drivers_license")]
    }),
    decision: "refused",
    codes: ["PROXY_NOT_ALLOWED_FOR_MINOR_OR_WARD"]
  },
  {
    name: "signature certificate only, for a child",
    basis: "M-Shimogo, M-Hakodate",
    input: renew("2027-11-15", CHILD, {
      certificates: ["signature"],
      attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "refused",
    codes: ["SIGNATURE_CERT_NOT_FOR_MINOR_OR_WARD"]
  },
  {
    name: "parent alone for a 16-year-old: handled as a proxy",
    basis: "M-Ageo, M-Karatsu (§11-10)",
    input: renew("2027-01-15", holder({ birthDate: "2010-04-01" }), {
      attendee: { kind: "legal_representative", relation: "parent", applicantPresent: false },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "needs_second_visit",
    codes: ["LEGAL_REP_OF_MINOR_15_TO_17_AS_PROXY"]
  },
  {
    name: "Koganei outreach issues no certificates",
    basis: "SEED-Koganei 6(1)",
    city: "koganei",
    input: renew("2027-01-15", holder(), { site: "outreach" }),
    decision: "refused",
    codes: ["PROCEDURE_NOT_OFFERED_AT_SITE"]
  },
  {
    name: "expiry derived from the card's issuance date",
    basis: "JLIS-period (5th birthday), M-Nerima",
    input: renew("2025-05-01", {
      birthDate: "1980-07-01",
      card: { status: "valid", issuedOn: "2021-02-01", expiresOn: "2030-07-01" }
    }),
    decision: "allowed",
    codes: ["CERT_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "card expiring soon too",
    basis: "M-Higashimurayama, M-Uji, M-Tokorozawa",
    input: renew("2027-01-15", holder({ card: { status: "valid", expiresOn: "2027-03-01", ...CERTS } })),
    decision: "allowed",
    codes: ["CARD_EXPIRES_SOON"]
  },
  {
    name: "foreign resident: certificates end with the stay",
    basis: "M-Sakuragawa, M-Numazu",
    input: renew("2027-01-15", holder({ nationality: "foreign", residenceStatus: "period_of_stay" })),
    decision: "allowed",
    codes: ["CERTIFICATES_END_WITH_STAY"]
  }
]

const issueCert = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}, visit = "2025-06-02") =>
  input("cert_issuance", visit, applicant, { documents: [CARD], ...more })

export const certIssuanceCases: ReadonlyArray<Case> = [
  {
    name: "signature certificate after an address change",
    basis: "M-Saka, M-Ebetsu, JLIS-top",
    input: issueCert(
      {
        ...ADULT,
        card: {
          status: "valid",
          expiresOn: "2031-05-10",
          signatureCert: { status: "lapsed" },
          authCert: { expiresOn: "2026-05-10" }
        }
      },
      { certificates: ["signature"] }
    ),
    decision: "allowed",
    codes: ["CERT_ISSUANCE_ALLOWED"],
    fee: 0
  },
  {
    name: "both certificates still valid",
    basis: "JLIS-top, JLIS-period",
    input: issueCert({
      ...ADULT,
      card: {
        status: "valid",
        expiresOn: "2031-05-10",
        signatureCert: { status: "valid", expiresOn: "2027-05-10" },
        authCert: { status: "valid", expiresOn: "2027-05-10" }
      }
    }),
    decision: "refused",
    codes: ["CERT_ALREADY_VALID"]
  },
  {
    name: "adult ward with the guardian: authentication only",
    basis: "M-Minabe, M-Kasai, M-Aikawa",
    input: issueCert(
      { ...ADULT, adultGuardianship: true, card: { status: "valid", expiresOn: "2031-05-10" } },
      {
        attendee: { kind: "legal_representative", relation: "adult_guardian" },
        documents: [CARD, rep("drivers_license"), doc("guardianship_registry_certificate")]
      }
    ),
    decision: "allowed",
    codes: ["SIGNATURE_CERT_NOT_ISSUED"]
  },
  {
    name: "signature certificate for an adult ward",
    basis: "M-Minabe, M-Kasai, M-Ebetsu",
    input: issueCert(
      { ...ADULT, adultGuardianship: true, card: { status: "valid", expiresOn: "2031-05-10" } },
      {
        certificates: ["signature"],
        attendee: { kind: "legal_representative", relation: "adult_guardian" },
        documents: [CARD, rep("drivers_license"), doc("guardianship_registry_certificate")]
      }
    ),
    decision: "refused",
    codes: ["SIGNATURE_CERT_NOT_FOR_MINOR_OR_WARD"]
  },
  {
    name: "signature certificate from the 15th birthday",
    basis: "M-Ogawa, M-Hakodate",
    input: issueCert(
      { birthDate: "2010-06-02", card: { status: "valid", expiresOn: "2029-06-02" } },
      { certificates: ["signature"] }
    ),
    decision: "allowed"
  },
  {
    name: "signature certificate the day before the 15th birthday",
    basis: "M-Ogawa, M-Shimogo, LAW-age",
    input: issueCert(
      { birthDate: "2010-06-03", card: { status: "valid", expiresOn: "2029-06-03" } },
      {
        certificates: ["signature"],
        attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
        documents: [CARD, rep("drivers_license")]
      }
    ),
    decision: "refused",
    codes: ["SIGNATURE_CERT_NOT_FOR_MINOR_OR_WARD"]
  },
  {
    name: "proxy without the inquiry reply",
    basis: "M-Kasai",
    input: issueCert(
      { ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } },
      { attendee: { kind: "proxy", relation: "child" }, documents: [CARD, rep("passport")] }
    ),
    decision: "needs_second_visit",
    missing: ["INQUIRY_REPLY"]
  },
  {
    name: "planned move: the signature certificate would lapse",
    basis: "M-Saka, M-Ebetsu, M-Akiruno",
    input: issueCert({
      ...ADULT,
      plannedAddressOrNameChange: true,
      card: { status: "valid", expiresOn: "2031-05-10" }
    }),
    decision: "allowed",
    codes: ["PLANNED_CHANGE_LAPSES_SIGNATURE"]
  },
  {
    name: "no card",
    basis: "JLIS-top, M-Kasai",
    input: issueCert({ ...ADULT, card: { status: "none" } }, { documents: [] }),
    decision: "refused",
    codes: ["CARD_NOT_USABLE"]
  },
  {
    name: "card not brought",
    basis: "M-Kasai, M-Sakuragawa",
    input: issueCert({ ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } }, { documents: ["passport"] }),
    decision: "refused",
    missing: ["APPLICANT_CARD"]
  }
]

const pin = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  input("pin_reset", "2025-06-02", applicant, { documents: [CARD], ...more })
const PIN_HOLDER = { ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } }

export const pinCases: ReadonlyArray<Case> = [
  {
    name: "applicant with the card only",
    basis: "M-Itoigawa, M-Ozu-pin (§11-3 default)",
    input: pin(PIN_HOLDER),
    decision: "allowed",
    codes: ["CARD_IS_THE_IDENTITY_DOCUMENT"],
    fee: 0
  },
  {
    name: "card only where the city asks one more ID",
    basis: "M-Ageo, M-Karatsu, M-Kikuchi (§11-3 variant)",
    variants: { pinResetIdentity: "card_and_id" },
    input: pin(PIN_HOLDER),
    decision: "refused",
    missing: ["APPLICANT_EXTRA_ID"]
  },
  {
    name: "card and a B document where the city asks one more ID",
    basis: "M-Ageo, M-Karatsu",
    variants: { pinResetIdentity: "card_and_id" },
    input: pin(PIN_HOLDER, { documents: [CARD, "pension_book"] }),
    decision: "allowed"
  },
  {
    name: "proxy without the inquiry reply",
    basis: "M-Kikuchi, M-Karatsu, M-Ageo",
    input: pin(PIN_HOLDER, {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "needs_second_visit",
    missing: ["INQUIRY_REPLY"]
  },
  {
    name: "proxy on the second visit with the sealed reply",
    basis: "M-Kikuchi, M-Karatsu",
    input: pin(PIN_HOLDER, {
      attendee: { kind: "proxy", relation: "spouse" },
      documents: [CARD, REPLY, rep("drivers_license")]
    }),
    decision: "allowed",
    codes: ["PROXY_WITH_INQUIRY_REPLY"]
  },
  {
    name: "proxy on the second visit without ID",
    basis: "M-Kikuchi, M-Karatsu",
    input: pin(PIN_HOLDER, { attendee: { kind: "proxy", relation: "spouse" }, documents: [CARD, REPLY] }),
    decision: "refused",
    missing: ["ATTENDEE_IDENTITY"]
  },
  {
    name: "child alone",
    basis: "M-Ageo",
    input: pin({ birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } }),
    decision: "refused",
    codes: ["MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "parent for a child, same household",
    basis: "M-Ageo",
    input: pin(
      { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
      {
        attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
        documents: [CARD, rep("drivers_license")]
      }
    ),
    decision: "allowed",
    codes: ["LEGAL_REPRESENTATIVE_FOR_PIN"]
  },
  {
    name: "parent for a child where the city asks the stricter set",
    basis: "M-Ageo (§11-3 variant)",
    variants: { pinResetIdentity: "card_and_id" },
    input: pin(
      { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
      {
        attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true },
        documents: [CARD, rep("drivers_license")]
      }
    ),
    decision: "refused",
    missing: ["APPLICANT_EXTRA_ID", "ATTENDEE_IDENTITY_STRICT"]
  },
  {
    name: "one certificate PIN locked: convenience store option",
    basis: "M-Ageo, M-Karatsu, M-Dazaifu",
    input: pin({ ...PIN_HOLDER, lockedPins: ["signature"] }),
    decision: "allowed",
    codes: ["CONVENIENCE_STORE_RESET", "LOCK_DOES_NOT_RESET"]
  },
  {
    name: "resident-registry PIN locked: counter only",
    basis: "M-Dazaifu",
    input: pin({ ...PIN_HOLDER, lockedPins: ["resident_registry"] }),
    decision: "allowed",
    codes: ["RESIDENT_PINS_COUNTER_ONLY"],
    absent: ["CONVENIENCE_STORE_RESET"]
  },
  {
    name: "Kawanishi: PINs set by city staff",
    basis: "SEED-Kawanishi 5",
    city: "kawanishi",
    input: pin(PIN_HOLDER),
    decision: "allowed",
    codes: ["CITY_STAFF_ONLY_OPERATION"]
  },
  {
    name: "expired card",
    basis: "JLIS-top",
    input: pin({ ...ADULT, card: { status: "valid", expiresOn: "2025-05-01" } }),
    decision: "refused",
    codes: ["CARD_NOT_USABLE"]
  }
]

const lift = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  input("suspension_lift", "2025-06-02", applicant, { documents: [CARD, "drivers_license"], ...more })
const SUSPENDED = { ...ADULT, card: { status: "suspended", expiresOn: "2031-05-10" }, cardFoundOn: "2025-06-01" }

export const suspensionCases: ReadonlyArray<Case> = [
  {
    name: "found card and a driver's licence",
    basis: "M-Tokai, M-Tomiya",
    input: lift(SUSPENDED),
    decision: "allowed",
    codes: ["ATTENDANCE_SELF", "CERTIFICATES_REVOKED_BY_SUSPENSION"]
  },
  {
    name: "found card only",
    basis: "M-Tokai (カード + A or B ×1)",
    input: lift(SUSPENDED, { documents: [CARD] }),
    decision: "refused",
    missing: ["APPLICANT_EXTRA_ID"]
  },
  {
    name: "card already abolished",
    basis: "M-Tomiya, M-Tokai",
    input: lift({ ...ADULT, card: { status: "abolished" } }),
    decision: "refused",
    codes: ["SUSPENSION_LIFT_AFTER_ABOLITION"]
  },
  {
    name: "card not suspended",
    basis: "M-Tokai",
    input: lift({ ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } }),
    decision: "refused",
    codes: ["CARD_NOT_SUSPENDED"]
  },
  {
    name: "card not brought",
    basis: "M-Tokai, M-Tomiya",
    input: lift(SUSPENDED, { documents: ["drivers_license"] }),
    decision: "refused",
    missing: ["FOUND_CARD"]
  },
  {
    name: "proxy without the inquiry reply",
    basis: "M-Chikuhoku",
    input: lift(SUSPENDED, { attendee: { kind: "proxy", relation: "spouse" }, documents: [CARD, ...PROXY_IDS] }),
    decision: "needs_second_visit",
    missing: ["INQUIRY_REPLY"]
  },
  {
    name: "proxy with the sealed reply",
    basis: "M-Chikuhoku, M-Fujinomiya",
    input: lift(SUSPENDED, { attendee: { kind: "proxy", relation: "spouse" }, documents: [CARD, REPLY, ...PROXY_IDS] }),
    decision: "allowed"
  },
  {
    name: "a city where the suspension revokes both certificates",
    basis: "M-Tomiya (§11-7 variant)",
    variants: { suspensionRevokes: "both" },
    input: lift(SUSPENDED),
    decision: "allowed",
    codes: ["CERTIFICATES_REVOKED_BY_SUSPENSION"]
  },
  {
    name: "card expired meanwhile",
    basis: "JLIS-top, M-Tomiya",
    input: lift({ ...ADULT, card: { status: "expired", expiresOn: "2025-05-01" } }),
    decision: "refused",
    codes: ["CARD_EXPIRED_NO_LIFT"]
  }
]
