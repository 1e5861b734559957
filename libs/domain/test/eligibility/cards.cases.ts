/**
 * Table cases for the card procedures (交付・申請・更新・再交付), each citing the sources it follows
 * (codes of notes/rules-sources.md §12).
 */
import { ADULT, type Case, CARD, doc, input, NOTICE, NOTICE_FOR_PROXY, PROXY_IDS, rep } from "./helpers.ts"

const V = "2025-06-02"
const CHILD = { birthDate: "2015-01-01" }
const parent = (extra: Record<string, unknown> = {}) => ({
  attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true, ...extra }
})
const proxy = (reason: string | undefined, extra: Record<string, unknown> = {}) => ({
  attendee: { kind: "proxy", relation: "spouse", ...(reason ? { reason } : {}), ...extra }
})
/** Applicant A+B and the proxy's A×2, with the sealed notice: the full proxy set but the evidence. */
const PROXY_SET = [NOTICE_FOR_PROXY, doc("passport"), doc("pension_book"), ...PROXY_IDS]
const issue = (
  applicant: Record<string, unknown>,
  documents: ReadonlyArray<unknown>,
  more: Record<string, unknown> = {},
  visit = V
) => input("card_issuance", visit, applicant, { documents, ...more })

export const issuanceCases: ReadonlyArray<Case> = [
  {
    name: "an express card is mailed, never handed over at the counter",
    basis: "M-Meiwa, M-Yaita, M-Mitake",
    input: issue({ ...ADULT, card: { status: "awaiting_handover" } }, [NOTICE, doc("passport")], { mode: "express" }),
    decision: "refused",
    codes: ["MAILED_CARD_NOT_HANDED_OVER"]
  },
  {
    name: "an apply-at-counter card is mailed, never handed over at the counter",
    basis: "M-Nagoya-apply, M-Noshiro",
    input: issue({ ...ADULT, card: { status: "awaiting_handover" } }, [NOTICE, doc("passport")], {
      mode: "apply_at_counter"
    }),
    decision: "refused",
    codes: ["MAILED_CARD_NOT_HANDED_OVER"]
  },
  // --- the applicant in person: A×1 or B×2 [M-Hagi][M-Kyoto]
  {
    name: "adult with the notice and a driver's licence",
    basis: "S-manual, M-Hagi, M-Kyoto",
    input: issue(ADULT, [NOTICE, doc("drivers_license")]),
    decision: "allowed",
    codes: ["ATTENDANCE_SELF", "PIN_SETTING"]
  },
  {
    name: "adult with two group-B documents",
    basis: "M-Hagi, M-Kyoto (B×2)",
    input: issue(ADULT, [NOTICE, doc("pension_book"), doc("eligibility_certificate")]),
    decision: "allowed"
  },
  {
    name: "adult with one group-B document only",
    basis: "M-Hagi, M-Kyoto (B needs two)",
    input: issue(ADULT, [NOTICE, doc("pension_book")]),
    decision: "refused",
    codes: ["APPLICANT_IDENTITY_MISSING"],
    missing: ["APPLICANT_IDENTITY"]
  },
  {
    name: "no issuance notice",
    basis: "S-manual, M-Hagi, M-Gotsu",
    input: issue(ADULT, [doc("drivers_license")]),
    decision: "refused",
    codes: ["ISSUANCE_NOTICE_MISSING"],
    missing: ["ISSUANCE_NOTICE"]
  },
  {
    name: "notification card is not an identity document",
    basis: "SOUMU-tsuchi",
    input: issue(ADULT, [NOTICE, doc("notification_card")]),
    decision: "refused",
    codes: ["APPLICANT_IDENTITY_MISSING", "NOTIFICATION_CARD_NOT_IDENTITY", "NOTIFICATION_CARD_COLLECTED"]
  },
  {
    name: "individual-number notice is not an identity document",
    basis: "JLIS-tsuchi",
    input: issue(ADULT, [NOTICE, doc("number_notice"), doc("pension_book")]),
    decision: "refused",
    codes: ["NOTIFICATION_CARD_NOT_IDENTITY"]
  },
  {
    name: "health insurance card still accepted on 2025-12-01",
    basis: "DIGITAL-faq (expired by 2025-12-01 at the latest)",
    input: issue(ADULT, [NOTICE, doc("health_insurance_card"), doc("pension_book")], {}, "2025-12-01"),
    decision: "allowed",
    absent: ["HEALTH_INSURANCE_CARD_ENDED"]
  },
  {
    name: "health insurance card refused from 2025-12-02",
    basis: "DIGITAL-faq, M-Shibushi, M-Kyoto (§5.3, §11-9)",
    input: issue(ADULT, [NOTICE, doc("health_insurance_card"), doc("pension_book")], {}, "2025-12-02"),
    decision: "refused",
    codes: ["HEALTH_INSURANCE_CARD_ENDED", "DOCUMENT_NOT_USABLE"]
  },
  {
    name: "health insurance card past its printed expiry",
    basis: "DIGITAL-faq, M-Yonago-kokuho (printed to 2025-07-31)",
    input: issue(
      ADULT,
      [NOTICE, doc("health_insurance_card", { expiresOn: "2025-07-31" }), doc("pension_book")],
      {},
      "2025-08-01"
    ),
    decision: "refused",
    codes: ["DOCUMENT_NOT_USABLE"]
  },
  {
    name: "health insurance card on its printed expiry day",
    basis: "DIGITAL-faq, M-Kumamoto-kouiki",
    input: issue(
      ADULT,
      [NOTICE, doc("health_insurance_card", { expiresOn: "2025-07-31" }), doc("pension_book")],
      {},
      "2025-07-31"
    ),
    decision: "allowed"
  },
  {
    name: "a health insurance card dated after new issuance ended",
    basis: "DIGITAL-faq (no issuance from 2024-12-02)",
    input: issue(
      ADULT,
      [NOTICE, doc("health_insurance_card", { issuedOn: "2024-12-05" }), doc("pension_book")],
      {},
      "2025-03-01"
    ),
    decision: "refused"
  },
  {
    name: "eligibility certificate counts as B after 2025-12-02",
    basis: "DIGITAL-faq, M-Koshigaya, M-Nichinan, M-Amagasaki",
    input: issue(ADULT, [NOTICE, doc("eligibility_certificate"), doc("pension_book")], {}, "2026-01-15"),
    decision: "allowed"
  },
  {
    name: "expired driver's licence",
    basis: "M-Shibushi, M-Kyoto (unexpired only)",
    input: issue(ADULT, [NOTICE, doc("drivers_license", { expiresOn: "2025-05-01" })]),
    decision: "refused",
    codes: ["DOCUMENT_NOT_USABLE"]
  },
  {
    name: "a photocopy of a passport",
    basis: "M-Shibushi, M-Kyoto (originals only)",
    input: issue(ADULT, [NOTICE, doc("passport", { copy: true })]),
    decision: "refused"
  },
  {
    name: "driving history certificate issued from 2012-04-01 is A",
    basis: "M-Hagi",
    input: issue(ADULT, [NOTICE, doc("driving_history_certificate", { issuedOn: "2012-04-01" })]),
    decision: "allowed"
  },
  {
    name: "older driving history certificate is not A",
    basis: "M-Hagi (交付年月日 2012-04-01 以降)",
    input: issue(ADULT, [NOTICE, doc("driving_history_certificate", { issuedOn: "2011-03-01" })]),
    decision: "refused"
  },
  {
    name: "older driving history certificate with another B",
    basis: "M-Hagi, M-Kyoto",
    input: issue(ADULT, [NOTICE, doc("driving_history_certificate", { issuedOn: "2011-03-01" }), doc("pension_book")]),
    decision: "allowed"
  },
  {
    name: "juki card without photo is not A",
    basis: "M-Hagi (住基カード写真付き)",
    input: issue(ADULT, [NOTICE, doc("juki_card", { photo: false })]),
    decision: "refused"
  },
  {
    name: "juki card with photo is A, and is returned",
    basis: "M-Hagi, S-manual",
    input: issue(ADULT, [NOTICE, doc("juki_card")]),
    decision: "allowed",
    codes: ["JUKI_CARD_RETURNED"]
  },
  // --- children and wards [M-Hagi][M-Awara][M-Soma]
  {
    name: "child under 15 alone",
    basis: "M-Hagi, M-Awara, M-Soma",
    input: issue(CHILD, [NOTICE, doc("passport")]),
    decision: "refused",
    codes: ["MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "child with a parent of the same household",
    basis: "M-Hagi, M-Soma, M-Owariasahi",
    input: issue(
      CHILD,
      [NOTICE, doc("eligibility_certificate"), doc("maternal_child_handbook"), rep("drivers_license")],
      parent()
    ),
    decision: "allowed",
    codes: ["ACCOMPANIED_BY_LEGAL_REPRESENTATIVE", "SIGNATURE_CERT_NOT_ISSUED"]
  },
  {
    name: "child with a parent of another household, no family register",
    basis: "M-Hagi, M-Owariasahi (戸籍謄本)",
    input: issue(CHILD, [NOTICE, doc("passport"), rep("drivers_license")], parent({ sameHousehold: false })),
    decision: "refused",
    missing: ["AUTHORITY_FAMILY_REGISTER"]
  },
  {
    name: "parent of another household, family register kept in the city",
    basis: "M-Hagi (本籍が市内なら不要)",
    input: issue(
      { ...CHILD, registeredDomicileInCity: true },
      [NOTICE, doc("passport"), rep("drivers_license")],
      parent({ sameHousehold: false })
    ),
    decision: "allowed"
  },
  {
    name: "parent of another household with the family register",
    basis: "M-Hagi, M-Owariasahi",
    input: issue(
      CHILD,
      [NOTICE, doc("passport"), rep("drivers_license"), doc("family_register")],
      parent({ sameHousehold: false })
    ),
    decision: "allowed"
  },
  {
    name: "a family register older than three months",
    basis: "M-Ageo, M-Oyama (発行から3か月以内)",
    input: issue(
      CHILD,
      [NOTICE, doc("passport"), rep("drivers_license"), doc("family_register", { issuedWithinMonths: 6 })],
      parent({ sameHousehold: false })
    ),
    decision: "refused",
    missing: ["AUTHORITY_FAMILY_REGISTER"]
  },
  {
    name: "a family register issued two months ago",
    basis: "M-Ageo, M-Oyama",
    input: issue(
      CHILD,
      [NOTICE, doc("passport"), rep("drivers_license"), doc("family_register", { issuedOn: "2025-04-02" })],
      parent({ sameHousehold: false })
    ),
    decision: "allowed"
  },
  {
    name: "parent without identity documents",
    basis: "M-Hagi, M-Soma (法定代理人の本人確認書類)",
    input: issue(CHILD, [NOTICE, doc("passport")], parent()),
    decision: "refused",
    missing: ["ATTENDEE_IDENTITY"]
  },
  {
    name: "15th birthday: may come alone",
    basis: "LAW-age, M-Gotsu (15歳以上)",
    input: issue(
      { birthDate: "2010-06-15" },
      [NOTICE, doc("student_id"), doc("eligibility_certificate")],
      {},
      "2025-06-15"
    ),
    decision: "allowed"
  },
  {
    name: "the day before the 15th birthday: not alone",
    basis: "LAW-age, M-Hagi",
    input: issue(
      { birthDate: "2010-06-15" },
      [NOTICE, doc("student_id"), doc("eligibility_certificate")],
      {},
      "2025-06-14"
    ),
    decision: "refused",
    codes: ["MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "16-year-old alone gets both certificates",
    basis: "M-Gotsu, M-Hakodate",
    input: issue({ birthDate: "2009-01-10" }, [NOTICE, doc("passport")]),
    decision: "allowed",
    absent: ["SIGNATURE_CERT_NOT_ISSUED"]
  },
  {
    name: "adult ward alone",
    basis: "M-Hagi, M-Saiki (§8.2)",
    input: issue({ ...ADULT, adultGuardianship: true }, [NOTICE, doc("passport")]),
    decision: "refused",
    codes: ["MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "adult ward with the guardian and the registry certificate",
    basis: "M-Hagi, M-Saiki, M-Kasai",
    input: issue(
      { ...ADULT, adultGuardianship: true },
      [NOTICE, doc("passport"), rep("drivers_license"), doc("guardianship_registry_certificate")],
      { attendee: { kind: "legal_representative", relation: "adult_guardian" } }
    ),
    decision: "allowed",
    codes: ["SIGNATURE_CERT_NOT_ISSUED"]
  },
  {
    name: "adult ward with the guardian, no registry certificate",
    basis: "M-Hagi, M-Soma (登記事項証明書)",
    input: issue({ ...ADULT, adultGuardianship: true }, [NOTICE, doc("passport"), rep("drivers_license")], {
      attendee: { kind: "legal_representative", relation: "adult_guardian" }
    }),
    decision: "refused",
    missing: ["AUTHORITY_GUARDIANSHIP_CERTIFICATE"]
  },
  // --- the legal representative alone (代理交付 for a child) [M-Kyoto][M-Akitakata-proxy]
  {
    name: "parent alone for an 8-year-old, child B×3 with a face-photo certificate",
    basis: "S-manual-honpen, M-Kyoto, M-Akitakata-proxy, M-Owariasahi",
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE,
        doc("face_photo_certificate"),
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        ...PROXY_IDS
      ],
      parent({ applicantPresent: false })
    ),
    decision: "allowed",
    codes: ["LEGAL_REPRESENTATIVE_HANDOVER"]
  },
  {
    name: "parent alone with one group-A document only",
    basis: "M-Owariasahi (代理人 A×2 or A+B)",
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE,
        doc("face_photo_certificate"),
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        rep("drivers_license")
      ],
      parent({ applicantPresent: false })
    ),
    decision: "refused",
    missing: ["ATTENDEE_IDENTITY_PROXY_SET"]
  },
  {
    name: "parent alone with A + B",
    basis: "M-Owariasahi",
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE,
        doc("face_photo_certificate"),
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        rep("drivers_license"),
        rep("pension_book")
      ],
      parent({ applicantPresent: false })
    ),
    decision: "allowed"
  },
  {
    name: "parent alone, child's three B documents without a photo",
    basis: "M-Kyoto, M-Owariasahi (B×3 incl. photo)",
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE,
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        doc("medical_benefit_certificate"),
        ...PROXY_IDS
      ],
      parent({ applicantPresent: false })
    ),
    decision: "refused",
    missing: ["APPLICANT_IDENTITY_PROXY_SET"]
  },
  {
    name: "grandparent as voluntary proxy for a child",
    basis: "M-Akitakata-proxy, M-Oyama (§11-4 national default)",
    input: issue({ birthDate: "2017-03-03" }, [NOTICE_FOR_PROXY, ...PROXY_IDS], {
      attendee: { kind: "proxy", relation: "grandparent", reason: "under_15" }
    }),
    decision: "refused",
    codes: ["PROXY_NOT_ALLOWED_FOR_MINOR_OR_WARD"]
  },
  {
    name: "sub-proxy appointed by the parent, where the city allows it",
    basis: "M-Fukuchi (§11-4 variant)",
    variants: { minorProxy: "sub_proxy_allowed" },
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE_FOR_PROXY,
        doc("face_photo_certificate"),
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        ...PROXY_IDS,
        doc("power_of_attorney")
      ],
      { attendee: { kind: "proxy", relation: "sub_proxy" } }
    ),
    decision: "allowed",
    codes: ["SUB_PROXY_FOR_MINOR"]
  },
  {
    name: "sub-proxy without the parent's power of attorney",
    basis: "M-Fukuchi (§11-4 variant)",
    variants: { minorProxy: "sub_proxy_allowed" },
    input: issue(
      { birthDate: "2017-03-03" },
      [
        NOTICE_FOR_PROXY,
        doc("face_photo_certificate"),
        doc("eligibility_certificate"),
        doc("maternal_child_handbook"),
        ...PROXY_IDS
      ],
      { attendee: { kind: "proxy", relation: "sub_proxy" } }
    ),
    decision: "refused",
    missing: ["SUB_PROXY_POWER_OF_ATTORNEY"]
  },
  {
    name: "voluntary proxy for an adult ward",
    basis: "M-Hagi, M-Saiki (only the guardian)",
    input: issue(
      { ...ADULT, adultGuardianship: true },
      [...PROXY_SET, doc("guardianship_registry_certificate")],
      proxy("adult_ward")
    ),
    decision: "refused",
    codes: ["PROXY_NOT_ALLOWED_FOR_MINOR_OR_WARD"]
  },
  {
    name: "guardian alone for an adult ward",
    basis: "M-Saiki, M-Oyama (疎明 = 登記事項証明書)",
    input: issue(
      { ...ADULT, adultGuardianship: true },
      [NOTICE, doc("passport"), doc("pension_book"), ...PROXY_IDS, doc("guardianship_registry_certificate")],
      { attendee: { kind: "legal_representative", relation: "adult_guardian", applicantPresent: false } }
    ),
    decision: "allowed",
    codes: ["LEGAL_REPRESENTATIVE_HANDOVER"]
  },
  // --- voluntary proxies: reasons and evidence [S-manual-honpen][M-Koka][M-Saiki]
  {
    name: "busy at work is not a reason",
    basis: "M-Setagaya, M-Matsuura, M-Shinagawa",
    input: issue(ADULT, PROXY_SET, proxy("busy_at_work")),
    decision: "refused",
    codes: ["PROXY_REASON_NOT_ACCEPTED"]
  },
  {
    name: "commuting is not a reason",
    basis: "M-Setagaya, M-Shinagawa, M-Koka",
    input: issue(ADULT, PROXY_SET, proxy("commuting")),
    decision: "refused",
    codes: ["PROXY_REASON_NOT_ACCEPTED"]
  },
  {
    name: "travel is not a reason",
    basis: "M-Ikata, M-Koka",
    input: issue(ADULT, PROXY_SET, proxy("travel")),
    decision: "refused",
    codes: ["PROXY_REASON_NOT_ACCEPTED"]
  },
  {
    name: "a distant university is not a reason",
    basis: "M-Ikata, M-Koka (遠方の大学)",
    input: issue({ birthDate: "2005-04-10" }, PROXY_SET, proxy("distant_school")),
    decision: "refused",
    codes: ["PROXY_REASON_NOT_ACCEPTED"]
  },
  {
    name: "a proxy without any reason",
    basis: "S-manual-honpen, M-Yokohama",
    input: issue(ADULT, PROXY_SET, proxy(undefined)),
    decision: "refused",
    codes: ["PROXY_REASON_REQUIRED"]
  },
  {
    name: "hospitalised, with a medical certificate",
    basis: "S-manual-honpen, M-Saiki, M-Yuzawa",
    input: issue(ADULT, [...PROXY_SET, doc("medical_certificate")], proxy("hospitalized")),
    decision: "allowed",
    codes: ["PROXY_REASON_ACCEPTED"]
  },
  {
    name: "hospitalised, a copy of the care plan is evidence enough",
    basis: "M-Saiki, M-Oyama (入院診療計画書)",
    input: issue(ADULT, [...PROXY_SET, doc("inpatient_care_plan", { copy: true })], proxy("hospitalized")),
    decision: "allowed"
  },
  {
    name: "hospitalised without evidence",
    basis: "M-Saiki, M-Yuzawa, M-Kakegawa",
    input: issue(ADULT, PROXY_SET, proxy("hospitalized")),
    decision: "refused",
    missing: ["EVIDENCE_HOSPITALIZED"]
  },
  {
    name: "aged 75+, the notice states inability to attend",
    basis: "M-Koka, M-Yuzawa, M-Saiki (委任状欄に外出困難)",
    input: issue(
      { birthDate: "1949-06-02" },
      [
        doc("issuance_notice", { completed: true, sealed: true, statesInabilityToAttend: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS
      ],
      proxy("aged_75_plus")
    ),
    decision: "allowed"
  },
  {
    name: "aged 75+ without the statement",
    basis: "M-Koka, M-Yuzawa",
    input: issue({ birthDate: "1949-06-02" }, PROXY_SET, proxy("aged_75_plus")),
    decision: "refused",
    missing: ["EVIDENCE_AGED_75_PLUS"]
  },
  {
    name: "74 the day before the 75th birthday",
    basis: "LAW-age, M-Koka (75歳以上)",
    input: issue(
      { birthDate: "1950-06-03" },
      [
        doc("issuance_notice", { completed: true, sealed: true, statesInabilityToAttend: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS
      ],
      proxy("aged_75_plus")
    ),
    decision: "refused",
    codes: ["REASON_DOES_NOT_APPLY"]
  },
  {
    name: "75 on the birthday",
    basis: "LAW-age, M-Koka",
    input: issue(
      { birthDate: "1950-06-02" },
      [
        doc("issuance_notice", { completed: true, sealed: true, statesInabilityToAttend: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS
      ],
      proxy("aged_75_plus")
    ),
    decision: "allowed"
  },
  {
    name: "PINs on the notice not concealed",
    basis: "S-manual-honpen, M-Owariasahi, M-Mimata (目隠しシール)",
    input: issue(
      ADULT,
      [
        doc("issuance_notice", { completed: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS,
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["ISSUANCE_NOTICE_COMPLETED_SEALED"]
  },
  {
    name: "notice fields not completed",
    basis: "S-manual-honpen, M-Koka (回答書・委任状欄)",
    input: issue(
      ADULT,
      [
        doc("issuance_notice", { completed: false, sealed: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS,
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["ISSUANCE_NOTICE_COMPLETED_SEALED"]
  },
  {
    name: "applicant's two A documents",
    basis: "M-Owariasahi, M-Kakegawa",
    input: issue(
      ADULT,
      [NOTICE_FOR_PROXY, doc("passport"), doc("drivers_license"), ...PROXY_IDS, doc("medical_certificate")],
      proxy("hospitalized")
    ),
    decision: "allowed"
  },
  {
    name: "applicant's three B including a face-photo certificate",
    basis: "M-Koka, M-Kyoto, M-Shibushi",
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("pension_book"),
        doc("eligibility_certificate"),
        doc("face_photo_certificate"),
        ...PROXY_IDS,
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "allowed"
  },
  {
    name: "applicant's three B without a photo",
    basis: "M-Owariasahi, M-Oyama (写真付き1点以上)",
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("pension_book"),
        doc("eligibility_certificate"),
        doc("medical_benefit_certificate"),
        ...PROXY_IDS,
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["APPLICANT_IDENTITY_PROXY_SET"]
  },
  {
    name: "applicant's student ID with photo counts as the photo item",
    basis: "M-Owariasahi, M-Koka",
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("pension_book"),
        doc("eligibility_certificate"),
        doc("employee_id", { photo: true }),
        ...PROXY_IDS,
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "allowed"
  },
  {
    name: "applicant's single A document",
    basis: "M-Owariasahi",
    input: issue(
      ADULT,
      [NOTICE_FOR_PROXY, doc("passport"), ...PROXY_IDS, doc("medical_certificate")],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["APPLICANT_IDENTITY_PROXY_SET"]
  },
  {
    name: "a face-photo certificate never identifies the proxy",
    basis: "M-Shibushi",
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("passport"),
        doc("pension_book"),
        rep("drivers_license"),
        rep("face_photo_certificate"),
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["ATTENDEE_IDENTITY_PROXY_SET"]
  },
  {
    name: "proxy with three B documents (national default)",
    basis: "M-Owariasahi (§11-5)",
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("passport"),
        doc("pension_book"),
        rep("pension_book"),
        rep("employee_id"),
        rep("eligibility_certificate"),
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "refused",
    missing: ["ATTENDEE_IDENTITY_PROXY_SET"]
  },
  {
    name: "proxy with three B documents where the city accepts it",
    basis: "M-Oyama (§11-5 variant)",
    variants: { proxyHandoverAttendeeId: "a2_or_ab_or_b3" },
    input: issue(
      ADULT,
      [
        NOTICE_FOR_PROXY,
        doc("passport"),
        doc("pension_book"),
        rep("pension_book"),
        rep("employee_id"),
        rep("eligibility_certificate"),
        doc("medical_certificate")
      ],
      proxy("hospitalized")
    ),
    decision: "allowed"
  },
  {
    name: "pregnant, with the maternal handbook",
    basis: "M-Saiki, M-Yuzawa (母子健康手帳)",
    input: issue({ birthDate: "1995-02-02" }, [...PROXY_SET, doc("maternal_child_handbook")], proxy("pregnant")),
    decision: "allowed"
  },
  {
    name: "disability, the certificate is evidence and identity",
    basis: "M-Saiki, M-Kakegawa (障害者手帳)",
    input: issue(
      ADULT,
      [NOTICE_FOR_PROXY, doc("physical_disability_certificate"), doc("passport"), ...PROXY_IDS],
      proxy("disability")
    ),
    decision: "allowed"
  },
  {
    name: "living in a care facility, with the residence certificate",
    basis: "M-Saiki, M-Oyama (入所証明書)",
    input: issue(
      { birthDate: "1940-01-01" },
      [...PROXY_SET, doc("facility_residence_certificate")],
      proxy("care_facility")
    ),
    decision: "allowed"
  },
  {
    name: "certified as needing care, with the certification notice",
    basis: "M-Saiki, M-Yuzawa (認定結果通知書)",
    input: issue(
      { birthDate: "1952-01-01" },
      [...PROXY_SET, doc("care_certification_notice")],
      proxy("care_certified")
    ),
    decision: "allowed"
  },
  {
    name: "long business trip, with the order",
    basis: "M-Saiki (辞令等)",
    input: issue(ADULT, [...PROXY_SET, doc("business_trip_order")], proxy("long_business_trip")),
    decision: "allowed"
  },
  {
    name: "studying abroad, with a copy of the visa",
    basis: "M-Saiki, M-Ikata (ビザの写し)",
    input: issue({ birthDate: "2003-08-08" }, [...PROXY_SET, doc("visa_copy")], proxy("study_abroad")),
    decision: "allowed"
  },
  {
    name: "high-school student, proxy with the student ID",
    basis: "S-manual-honpen, M-Koka (高校生・高専生)",
    input: issue(
      { birthDate: "2008-09-01" },
      [
        NOTICE_FOR_PROXY,
        doc("student_id", { photo: true }),
        doc("eligibility_certificate"),
        doc("passport"),
        ...PROXY_IDS
      ],
      { attendee: { kind: "proxy", relation: "grandparent", reason: "high_school_student" } }
    ),
    decision: "allowed"
  },
  {
    name: "parent alone for a 16-year-old high-school student",
    basis: "S-manual-honpen, M-Koka, M-Saiki",
    input: issue(
      { birthDate: "2008-09-01" },
      [NOTICE_FOR_PROXY, doc("passport"), doc("eligibility_certificate"), doc("enrollment_certificate"), ...PROXY_IDS],
      parent({ applicantPresent: false, reason: "high_school_student" })
    ),
    decision: "allowed"
  },
  {
    name: "parent alone for a 16-year-old without a reason",
    basis: "S-manual-honpen, M-Koka",
    input: issue(
      { birthDate: "2008-09-01" },
      [NOTICE_FOR_PROXY, doc("passport"), doc("eligibility_certificate"), ...PROXY_IDS],
      parent({ applicantPresent: false })
    ),
    decision: "refused",
    codes: ["PROXY_REASON_REQUIRED"]
  },
  {
    name: "socially withdrawn, with the statement",
    basis: "S-manual-honpen, M-Koka (ひきこもり)",
    input: issue(
      ADULT,
      [
        doc("issuance_notice", { completed: true, sealed: true, statesInabilityToAttend: true }),
        doc("passport"),
        doc("pension_book"),
        ...PROXY_IDS
      ],
      proxy("withdrawn")
    ),
    decision: "allowed"
  },
  {
    name: "a 15-year-old still in junior high school: the parent alone",
    basis: "M-Saiki, M-Kyoto (中学生)",
    input: issue(
      { birthDate: "2010-09-01" },
      [NOTICE, doc("passport"), doc("student_id", { photo: true }), ...PROXY_IDS],
      parent({ applicantPresent: false, reason: "under_15" }),
      "2026-01-13"
    ),
    decision: "allowed"
  },
  {
    name: "the same 15-year-old after junior high school",
    basis: "M-Saiki (中学生以下 only)",
    input: issue(
      { birthDate: "2010-09-01" },
      [NOTICE, doc("passport"), doc("student_id", { photo: true }), ...PROXY_IDS],
      parent({ applicantPresent: false, reason: "under_15" }),
      "2026-04-10"
    ),
    decision: "refused",
    codes: ["REASON_DOES_NOT_APPLY"]
  },
  {
    name: "curator with power of representation",
    basis: "S-manual-honpen, M-Oyama (被保佐人: 代理行為目録)",
    input: issue(
      ADULT,
      [NOTICE_FOR_PROXY, doc("passport"), doc("pension_book"), ...PROXY_IDS, doc("guardianship_registry_certificate")],
      {
        attendee: {
          kind: "legal_representative",
          relation: "curator",
          applicantPresent: false,
          reason: "under_curatorship"
        }
      }
    ),
    decision: "allowed"
  },
  {
    name: "a spouse for a person under curatorship",
    basis: "S-manual-honpen, M-Oyama",
    input: issue(ADULT, [...PROXY_SET, doc("guardianship_registry_certificate")], proxy("under_curatorship")),
    decision: "refused",
    codes: ["REASON_NEEDS_CURATOR"]
  },
  // --- 国外転出者向け card [M-Tsuchiura]
  {
    name: "overseas card hand-over before 2024-05-27",
    basis: "M-Fukuoka, M-Tsuchiura (OVERSEAS_CARD)",
    input: issue(
      { ...ADULT, nationality: "JP", residesAbroad: true },
      [NOTICE, doc("passport")],
      { mode: "overseas" },
      "2024-05-26"
    ),
    decision: "refused",
    codes: ["OVERSEAS_CARD_NOT_YET_AVAILABLE"]
  },
  {
    name: "overseas card hand-over from 2024-05-27",
    basis: "M-Fukuoka, M-Tsuchiura",
    input: issue(
      { ...ADULT, nationality: "JP", residesAbroad: true },
      [NOTICE, doc("passport")],
      { mode: "overseas" },
      "2024-05-27"
    ),
    decision: "allowed"
  },
  {
    name: "overseas card never to a proxy",
    basis: "M-Tsuchiura",
    input: issue({ ...ADULT, nationality: "JP", residesAbroad: true }, [...PROXY_SET, doc("medical_certificate")], {
      mode: "overseas",
      ...proxy("hospitalized")
    }),
    decision: "refused",
    codes: ["OVERSEAS_HANDOVER_IN_PERSON_ONLY"]
  },
  {
    name: "overseas card for a foreign national",
    basis: "M-Fukuoka, M-Kasugai",
    input: issue({ ...ADULT, nationality: "foreign" }, [NOTICE, doc("passport")], { mode: "overseas" }),
    decision: "refused",
    codes: ["OVERSEAS_CARD_JAPANESE_ONLY"]
  },
  // --- city profiles
  {
    name: "Koganei outreach: hand-over reception, no certificates, card mailed",
    basis: "SEED-Koganei 6(1) 7(1)",
    city: "koganei",
    input: issue(ADULT, [NOTICE, doc("drivers_license")], { site: "outreach" }),
    decision: "allowed",
    codes: ["CERTIFICATES_NOT_ISSUED_HERE", "CARD_MAILED_AFTER_RECEPTION", "IDENTITY_CONFIRMED_ONLINE_BY_CITY_STAFF"]
  },
  {
    name: "Kawanishi: PINs set by city staff",
    basis: "SEED-Kawanishi 5",
    city: "kawanishi",
    input: issue(ADULT, [NOTICE, doc("drivers_license")], { site: "special" }),
    decision: "allowed",
    codes: ["CITY_STAFF_ONLY_OPERATION"]
  },
  {
    name: "Ota: national rules, no staff-only note",
    basis: "SEED-Ota",
    city: "ota",
    input: issue(ADULT, [NOTICE, doc("drivers_license")], { site: "honcho" }),
    decision: "allowed",
    absent: ["CITY_STAFF_ONLY_OPERATION", "SITE_NOT_FOUND"]
  },
  {
    name: "Ota: a site that is not in the profile",
    basis: "SEED-Ota",
    city: "ota",
    input: issue(ADULT, [NOTICE, doc("drivers_license")], { site: "mars" }),
    decision: "allowed",
    codes: ["SITE_NOT_FOUND"]
  },
  {
    name: "a parent is no legal representative of an adult",
    basis: "S-manual, M-Hagi",
    input: issue(ADULT, [NOTICE, doc("passport")], {
      attendee: { kind: "legal_representative", relation: "parent", applicantPresent: false }
    }),
    decision: "refused",
    codes: ["NOT_A_LEGAL_REPRESENTATIVE"]
  },
  {
    name: "nothing to hand over",
    basis: "S-manual, M-Hagi",
    input: issue({ ...ADULT, card: { status: "none" } }, [NOTICE, doc("passport")]),
    decision: "refused",
    codes: ["NO_CARD_TO_HAND_OVER"]
  },
  {
    name: "renewal hand-over: the old card is returned",
    basis: "M-Hagi, M-Shibushi",
    input: issue({ ...ADULT, isRenewal: true }, [NOTICE, doc("passport"), CARD]),
    decision: "allowed",
    codes: ["OLD_CARD_RETURNED"]
  },
  {
    name: "lost notification card: loss form at the counter",
    basis: "SOUMU-tsuchi, S-manual, M-Gotsu",
    input: issue({ ...ADULT, notificationCardLost: true }, [NOTICE, doc("passport")]),
    decision: "allowed",
    codes: ["NOTIFICATION_CARD_LOSS_REPORT"]
  }
]

const apply = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}, visit = V) =>
  input("card_application", visit, applicant, more)

export const applicationCases: ReadonlyArray<Case> = [
  {
    name: "standard application in person",
    basis: "S-manual, M-Nagoya-apply",
    input: apply(ADULT),
    decision: "allowed",
    codes: ["ATTENDANCE_SELF", "STANDARD_HANDOVER_LATER", "PHOTO_NEEDED"],
    fee: 0
  },
  {
    name: "apply at the counter with a driver's licence",
    basis: "M-Nagoya-apply, M-Noshiro",
    input: apply(ADULT, { mode: "apply_at_counter", documents: ["drivers_license"] }),
    decision: "allowed",
    codes: ["CARD_MAILED"]
  },
  {
    name: "apply at the counter without identity documents",
    basis: "M-Nagoya-apply",
    input: apply(ADULT, { mode: "apply_at_counter" }),
    decision: "refused",
    missing: ["APPLICANT_IDENTITY"]
  },
  {
    name: "apply at the counter through a proxy",
    basis: "M-Nagoya-apply, M-Noshiro (代理人不可)",
    input: apply(ADULT, { mode: "apply_at_counter", ...proxy("hospitalized"), documents: ["passport", ...PROXY_IDS] }),
    decision: "refused",
    codes: ["APPLICANT_MUST_ATTEND"]
  },
  {
    name: "apply at the counter: the parent without the child",
    basis: "M-Nagoya-apply (本人 present)",
    input: apply(CHILD, {
      mode: "apply_at_counter",
      ...parent({ applicantPresent: false }),
      documents: [rep("drivers_license")]
    }),
    decision: "refused",
    codes: ["APPLICANT_MUST_ATTEND"]
  },
  {
    name: "apply at the counter: child with parent",
    basis: "M-Nagoya-apply, M-Hagi",
    input: apply(CHILD, {
      mode: "apply_at_counter",
      ...parent(),
      documents: ["eligibility_certificate", "maternal_child_handbook", rep("drivers_license")]
    }),
    decision: "allowed"
  },
  {
    name: "16-year-old applies at the counter alone",
    basis: "M-Gotsu, M-Nagoya-apply",
    input: apply({ birthDate: "2009-01-10" }, { mode: "apply_at_counter", documents: ["passport"] }),
    decision: "allowed"
  },
  {
    name: "standard application submitted by a proxy with the completed form",
    basis: "M-Nagoya-apply, S-manual",
    input: apply(ADULT, { ...proxy("busy_at_work"), documents: [doc("application_form", { completed: true })] }),
    decision: "allowed",
    codes: ["REPRESENTATIVE_SUBMITS_APPLICATION"]
  },
  {
    name: "standard application by a proxy without the form",
    basis: "M-Nagoya-apply, S-manual",
    input: apply(ADULT, { ...proxy(undefined) }),
    decision: "refused",
    missing: ["APPLICATION_FORM"]
  },
  {
    name: "already holds a valid card",
    basis: "JLIS-top, M-Tokorozawa, M-Matsuyama-fee",
    input: apply({ ...ADULT, card: { status: "valid", expiresOn: "2030-01-01" } }),
    decision: "refused",
    codes: ["HOLDS_VALID_CARD"]
  },
  {
    name: "valid card inside its renewal window",
    basis: "M-Tokorozawa, M-Ise (3か月前の翌日)",
    input: apply({ ...ADULT, card: { status: "valid", expiresOn: "2025-08-01" } }),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "a card is waiting to be handed over",
    basis: "S-manual",
    input: apply({ ...ADULT, card: { status: "awaiting_handover" } }),
    decision: "refused",
    codes: ["APPLICATION_PENDING"]
  },
  {
    name: "express for a baby under 1, with the parent",
    basis: "M-Ina, M-Asahikawa, M-Mitake (1歳未満, free)",
    input: apply(
      { birthDate: "2025-03-01" },
      {
        mode: "express",
        ...parent(),
        documents: ["maternal_child_handbook", "eligibility_certificate", rep("drivers_license")]
      }
    ),
    decision: "allowed",
    codes: ["EXPRESS_ELIGIBLE", "PHOTOLESS_UNDER_1", "EXPRESS_MAILED"],
    absent: ["PHOTO_NEEDED"],
    fee: 0
  },
  {
    name: "express with the birth registration, parent alone",
    basis: "M-Ina, M-Asahikawa, M-Yaita (出生届と同時)",
    input: apply(
      { birthDate: "2025-05-20" },
      {
        mode: "express",
        ...parent({ applicantPresent: false }),
        documents: ["birth_registration", rep("drivers_license")]
      }
    ),
    decision: "allowed",
    codes: ["EXPRESS_WITH_BIRTH_REGISTRATION"],
    fee: 0
  },
  {
    name: "express for a first-time adult applicant",
    basis: "M-Mitake (通常の初回申請は対象外)",
    input: apply(ADULT, { mode: "express", documents: ["passport"] }),
    decision: "refused",
    codes: ["EXPRESS_NOT_ELIGIBLE"]
  },
  {
    name: "express after a loss, on day 30",
    basis: "M-Meiwa, M-Kusu (紛失届から30日以内, 2,000円)",
    input: apply(
      { ...ADULT, lossReportedOn: "2025-05-03", card: { status: "lost" } },
      { mode: "express", cause: "lost", documents: ["passport"] }
    ),
    decision: "allowed",
    fee: 2000
  },
  {
    name: "express after a loss, on day 31",
    basis: "M-Meiwa, M-Kusu",
    input: apply(
      { ...ADULT, lossReportedOn: "2025-05-02", card: { status: "lost" } },
      { mode: "express", cause: "lost", documents: ["passport"] }
    ),
    decision: "refused",
    codes: ["EXPRESS_DEADLINE_PASSED"]
  },
  {
    name: "express after a loss without certificates",
    basis: "M-Meiwa, M-Towada (1,800円)",
    input: apply(
      { ...ADULT, lossReportedOn: "2025-05-20", card: { status: "lost" } },
      { mode: "express", cause: "lost", certificates: [], documents: ["passport"] }
    ),
    decision: "allowed",
    fee: 1800
  },
  {
    name: "express for a full endorsement field is free",
    basis: "M-Mitake",
    input: apply(
      { ...ADULT, card: { status: "valid", expiresOn: "2030-01-01" } },
      { mode: "express", cause: "endorsement_full", documents: ["passport"] }
    ),
    decision: "allowed",
    fee: 0
  },
  {
    name: "express after moving in from abroad is free",
    basis: "M-Mitake, M-Meiwa (国外転入 30日)",
    input: apply(ADULT, {
      mode: "express",
      cause: "moved_from_abroad",
      eventOn: "2025-05-20",
      documents: ["passport"]
    }),
    decision: "allowed",
    fee: 0
  },
  {
    name: "express before 2024-12-02",
    basis: "M-Meiwa, M-Tanabe (EXPRESS_ISSUANCE)",
    input: apply(
      { ...ADULT, lossReportedOn: "2024-11-25", card: { status: "lost" } },
      { mode: "express", cause: "lost", documents: ["passport"] },
      "2024-12-01"
    ),
    decision: "refused",
    codes: ["EXPRESS_NOT_YET_AVAILABLE"]
  },
  {
    name: "express on 2024-12-02",
    basis: "M-Meiwa, M-Tanabe (EXPRESS_ISSUANCE)",
    input: apply(
      { ...ADULT, lossReportedOn: "2024-11-25", card: { status: "lost" } },
      { mode: "express", cause: "lost", documents: ["passport"] },
      "2024-12-02"
    ),
    decision: "allowed",
    fee: 2000
  },
  {
    name: "express through a proxy",
    basis: "M-Yaita, M-Kishiwada (本人来庁)",
    input: apply(
      { ...ADULT, lossReportedOn: "2025-05-20", card: { status: "lost" } },
      { mode: "express", cause: "lost", ...proxy("hospitalized"), documents: ["passport", ...PROXY_IDS] }
    ),
    decision: "refused",
    codes: ["APPLICANT_MUST_ATTEND"]
  },
  {
    name: "express at the holder's own wish",
    basis: "M-Mitake",
    input: apply(
      { ...ADULT, card: { status: "valid", expiresOn: "2030-01-01" } },
      { mode: "express", cause: "own_wish", documents: ["passport"] }
    ),
    decision: "refused",
    codes: ["EXPRESS_NOT_ELIGIBLE"]
  },
  {
    name: "express after a theft is free",
    basis: "M-Matsuyama-fee, M-Meiwa",
    input: apply(
      { ...ADULT, lossReportedOn: "2025-05-20", card: { status: "lost" } },
      { mode: "express", cause: "stolen", documents: ["passport"] }
    ),
    decision: "allowed",
    fee: 0
  },
  {
    name: "overseas card applied for from abroad",
    basis: "M-Fukuoka, M-Tsuchiura",
    input: apply({ ...ADULT, nationality: "JP", residesAbroad: true }, { mode: "overseas", documents: ["passport"] }),
    decision: "allowed",
    codes: ["OVERSEAS_HANDOVER_NOTE"]
  },
  {
    name: "overseas card for a foreign national",
    basis: "M-Fukuoka, M-Kasugai",
    input: apply(
      { ...ADULT, nationality: "foreign", residesAbroad: true },
      { mode: "overseas", documents: ["passport"] }
    ),
    decision: "refused",
    codes: ["OVERSEAS_CARD_JAPANESE_ONLY"]
  },
  {
    name: "overseas card before 2024-05-27",
    basis: "M-Fukuoka (OVERSEAS_CARD)",
    input: apply(
      { ...ADULT, nationality: "JP", residesAbroad: true },
      { mode: "overseas", documents: ["passport"] },
      "2024-05-20"
    ),
    decision: "refused",
    codes: ["OVERSEAS_CARD_NOT_YET_AVAILABLE"]
  },
  {
    name: "overseas card for someone not moving abroad",
    basis: "M-Fukuoka, M-Tsuchiura",
    input: apply({ ...ADULT, nationality: "JP" }, { mode: "overseas", documents: ["passport"] }),
    decision: "refused",
    codes: ["OVERSEAS_CARD_NOT_ABROAD"]
  },
  {
    name: "overseas card before departing",
    basis: "M-Fukuoka, M-Nagayo",
    input: apply(
      { ...ADULT, nationality: "JP", departureDate: "2025-07-01" },
      { mode: "overseas", documents: ["passport"] }
    ),
    decision: "allowed"
  },
  {
    name: "a standard application from abroad",
    basis: "M-Fukuoka, M-Ritto",
    input: apply({ ...ADULT, nationality: "JP", residesAbroad: true }),
    decision: "refused",
    codes: ["RESIDES_ABROAD"]
  },
  {
    name: "Kanazawa takes counter applications only in the receive-at-counter mode",
    basis: "SEED-Kanazawa 4(1)カ",
    city: "kanazawa",
    input: apply(ADULT, { site: "sogo", mode: "apply_at_counter", documents: ["passport"] }),
    decision: "refused",
    codes: ["APPLICATION_MODE_NOT_OFFERED"]
  },
  {
    name: "Kanazawa standard application",
    basis: "SEED-Kanazawa 4(1)カ",
    city: "kanazawa",
    input: apply(ADULT, { site: "sogo" }),
    decision: "allowed"
  },
  {
    name: "Koganei outreach application support",
    basis: "SEED-Koganei 7(3)",
    city: "koganei",
    input: apply(ADULT, { site: "outreach" }),
    decision: "allowed"
  },
  {
    name: "Ota outreach applications are mailed (apply at counter)",
    basis: "SEED-Ota 6(2)⑤",
    city: "ota",
    input: apply(ADULT, { site: "outreach", mode: "apply_at_counter", documents: ["passport"] }),
    decision: "allowed",
    codes: ["CARD_MAILED"]
  },
  {
    name: "Ota outreach does not take standard applications",
    basis: "SEED-Ota 6(2)⑤ 6(4)",
    city: "ota",
    input: apply(ADULT, { site: "outreach" }),
    decision: "refused",
    codes: ["APPLICATION_MODE_NOT_OFFERED"]
  },
  {
    name: "under 1 before 2024-12-02 still needs a photo",
    basis: "M-Ina, M-Joso (PHOTOLESS_UNDER_1 from 2024-12-02)",
    input: apply({ birthDate: "2024-06-01" }, { ...parent() }, "2024-11-01"),
    decision: "allowed",
    codes: ["PHOTO_NEEDED"],
    absent: ["PHOTOLESS_UNDER_1"]
  }
]

const renew = (
  card: Record<string, unknown>,
  visit: string,
  more: Record<string, unknown> = {},
  applicant: Record<string, unknown> = ADULT
) => input("card_renewal", visit, { ...applicant, card: { status: "valid", ...card } }, more)

export const renewalCases: ReadonlyArray<Case> = [
  {
    name: "expiry derived from the issuance date: adult, 10th birthday after issuance, window not open",
    basis: "M-Minato, M-Yonago, M-Tokorozawa",
    input: renew({ issuedOn: "2016-03-15" }, "2024-12-20", {}, { birthDate: "1986-03-20" }),
    decision: "refused",
    codes: ["CARD_RENEWAL_WINDOW_NOT_OPEN", "CARD_EXPIRY_DERIVED"],
    absent: ["CARD_EXPIRY_NOT_GIVEN"]
  },
  {
    name: "expiry derived from the issuance date: applied before 2022-04-01 at 18, so the 5th birthday",
    basis: "M-Minato, M-Miyoshi-T, M-Hanno, M-Nerima",
    input: renew({ issuedOn: "2022-02-10" }, "2026-05-21", {}, { birthDate: "2003-08-20" }),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN", "CARD_EXPIRY_DERIVED"]
  },
  {
    name: "expiry derived: the end of the period of stay comes first",
    basis: "M-Yonago, M-Miyake, M-Yokote",
    input: renew(
      { issuedOn: "2023-04-10" },
      "2026-01-31",
      {},
      {
        ...ADULT,
        nationality: "foreign",
        residenceStatus: "period_of_stay",
        residencePeriodEnd: "2026-04-30"
      }
    ),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN", "CARD_EXPIRY_DERIVED"]
  },
  {
    name: "express is not for a renewal at expiry",
    basis: "M-Mitake, M-Meiwa",
    input: renew({ expiresOn: "2025-07-01" }, V, { mode: "express", documents: [doc("passport")] }),
    decision: "refused",
    codes: ["EXPRESS_NOT_ELIGIBLE"]
  },
  {
    name: "the day before the window opens",
    basis: "M-Tokorozawa, M-Ise, M-Nerima (3か月前の翌日)",
    input: renew({ expiresOn: "2026-07-07" }, "2026-04-07"),
    decision: "refused",
    codes: ["CARD_RENEWAL_WINDOW_NOT_OPEN"]
  },
  {
    name: "the first day of the window",
    basis: "M-Tokorozawa, M-Ise, M-Nerima",
    input: renew({ expiresOn: "2026-07-07" }, "2026-04-08"),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN"],
    fee: 0
  },
  {
    name: "J-LIS literal window in a city that follows it",
    basis: "JLIS-top (§11-2 variant)",
    variants: { windowOpening: "three_months_before" },
    input: renew({ expiresOn: "2026-07-07" }, "2026-04-07"),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "on the expiry day",
    basis: "M-Nishinoshima, JLIS-top",
    input: renew({ expiresOn: "2026-07-07" }, "2026-07-07"),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "after expiry: free re-application",
    basis: "JLIS-top, M-Obihiro, M-Matsuyama-fee",
    input: renew({ expiresOn: "2026-07-07" }, "2026-07-08"),
    decision: "allowed",
    codes: ["CARD_EXPIRED_FREE_REAPPLICATION"],
    fee: 0
  },
  {
    name: "no card to renew",
    basis: "JLIS-top",
    input: renew({ status: "none" }, V),
    decision: "refused",
    codes: ["NO_CARD_TO_RENEW"]
  },
  {
    name: "foreign resident whose card ends with the stay",
    basis: "M-Yokote, M-Miyake",
    input: renew(
      { expiresOn: "2025-07-31" },
      V,
      {},
      { ...ADULT, nationality: "foreign", residenceStatus: "period_of_stay", residencePeriodEnd: "2025-07-31" }
    ),
    decision: "allowed",
    codes: ["FOREIGN_RESIDENT_VALIDITY_CHANGE"]
  },
  {
    name: "renewal at the counter (card mailed) through a proxy",
    basis: "M-Nagoya-apply, M-Noshiro",
    input: renew({ expiresOn: "2025-07-31" }, V, {
      mode: "apply_at_counter",
      ...proxy("hospitalized"),
      documents: ["passport", ...PROXY_IDS]
    }),
    decision: "refused",
    codes: ["APPLICANT_MUST_ATTEND"]
  },
  {
    name: "card for persons abroad: renewable a year ahead",
    basis: "M-Hitachinaka (single source)",
    input: renew(
      { expiresOn: "2027-06-01", kind: "overseas" },
      "2026-07-01",
      { mode: "overseas", documents: ["passport"] },
      { ...ADULT, nationality: "JP", residesAbroad: true }
    ),
    decision: "allowed",
    codes: ["CARD_RENEWAL_WINDOW_OPEN"]
  },
  {
    name: "expiry on 31 May: window from 1 March",
    basis: "M-Nerima (応当日がない場合は翌月1日)",
    input: renew({ expiresOn: "2026-05-31" }, "2026-03-01"),
    decision: "allowed"
  },
  {
    name: "expiry on 31 May: not on 28 February",
    basis: "M-Nerima",
    input: renew({ expiresOn: "2026-05-31" }, "2026-02-28"),
    decision: "refused",
    codes: ["CARD_RENEWAL_WINDOW_NOT_OPEN"]
  }
]

const reissue = (
  cause: string | undefined,
  applicant: Record<string, unknown>,
  documents: ReadonlyArray<unknown>,
  more: Record<string, unknown> = {}
) => input("card_reissuance", V, applicant, { ...(cause ? { cause } : {}), documents, ...more })
const LOST = { ...ADULT, card: { status: "lost", expiresOn: "2031-05-10" } }
const VALID = { ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } }

export const reissuanceCases: ReadonlyArray<Case> = [
  {
    name: "lapsed because the validity change was missed: charged though past its expiry",
    basis: "M-Tamba, M-Mitake, M-Hokudai",
    input: reissue(
      "lapsed",
      {
        ...ADULT,
        nationality: "foreign",
        residenceStatus: "period_of_stay",
        residencePeriodEnd: "2028-03-31",
        card: { status: "expired", expiresOn: "2025-05-01" }
      },
      [doc("residence_card", { expiresOn: "2028-03-31" })]
    ),
    decision: "allowed",
    fee: 1000
  },
  {
    name: "lost, as an express issuance: 2,000 yen paid when applying",
    basis: "M-Meiwa, M-Towada, M-Mitake, M-Kishiwada",
    input: reissue("lost", { ...LOST, lossReportedOn: "2025-05-20" }, ["drivers_license"], { mode: "express" }),
    decision: "allowed",
    codes: ["EXPRESS_ELIGIBLE", "EXPRESS_MAILED"],
    absent: ["NEW_CARD_HANDED_OVER", "EXPRESS_POSSIBLE"],
    fee: 2000
  },
  {
    name: "express after the 30 days from the loss report",
    basis: "M-Meiwa, M-Kusu",
    input: reissue("lost", { ...LOST, lossReportedOn: "2025-04-01" }, ["drivers_license"], { mode: "express" }),
    decision: "refused",
    codes: ["EXPRESS_DEADLINE_PASSED"]
  },
  {
    name: "express for a new photo (own wish) is not possible",
    basis: "M-Mitake",
    input: reissue("own_wish", VALID, ["drivers_license"], { mode: "express" }),
    decision: "refused",
    codes: ["EXPRESS_NOT_ELIGIBLE"]
  },
  {
    name: "express through a proxy: the applicant must come",
    basis: "M-Yaita, M-Kishiwada",
    input: reissue("lost", { ...LOST, lossReportedOn: "2025-05-20" }, ["drivers_license"], {
      mode: "express",
      attendee: { kind: "proxy", relation: "spouse" }
    }),
    decision: "refused",
    codes: ["EXPRESS_APPLICANT_MUST_ATTEND"]
  },
  {
    name: "no apply-at-counter mode for a re-issuance",
    basis: "M-Nagoya-lost, M-Makinohara",
    input: reissue("lost", LOST, ["drivers_license"], { mode: "apply_at_counter" }),
    decision: "refused",
    codes: ["REISSUANCE_MODE_NOT_APPLICABLE"]
  },
  {
    name: "lost at home: no police report, 1,000 yen",
    basis: "M-Nagoya-lost, M-Minabe, M-Hikone",
    input: reissue("lost", LOST, ["drivers_license"]),
    decision: "allowed",
    codes: ["HOME_LOSS_STATEMENT", "NEW_CARD_HANDED_OVER"],
    fee: 1000
  },
  {
    name: "lost outside without the police receipt number",
    basis: "M-Nagoya-lost, M-Makinohara",
    input: reissue("lost", { ...LOST, lostOutsideHome: true }, ["drivers_license"]),
    decision: "refused",
    missing: ["POLICE_RECEIPT_NUMBER"]
  },
  {
    name: "lost outside with the police receipt number",
    basis: "M-Nagoya-lost, M-Kishiwada",
    input: reissue("lost", { ...LOST, lostOutsideHome: true }, ["drivers_license", "police_receipt_number"]),
    decision: "allowed",
    fee: 1000
  },
  {
    name: "lost outside, the police report filed (receipt number on record)",
    basis: "M-Nagoya-lost, M-Kishiwada",
    input: reissue("lost", { ...LOST, lostOutsideHome: true, policeReportFiled: true }, ["drivers_license"]),
    decision: "allowed"
  },
  {
    name: "stolen, reported to the police: free",
    basis: "M-Matsuyama-fee, M-Makubetsu",
    input: reissue("stolen", LOST, ["drivers_license", "police_receipt_number"]),
    decision: "allowed",
    fee: 0
  },
  {
    name: "stolen without the police report",
    basis: "M-Nagoya-lost",
    input: reissue("stolen", LOST, ["drivers_license"]),
    decision: "refused",
    missing: ["POLICE_RECEIPT_NUMBER"]
  },
  {
    name: "destroyed in a fire, with the disaster certificate: free",
    basis: "M-Matsuyama-fee, M-Makubetsu (り災証明)",
    input: reissue("disaster", { ...LOST, cardDestroyed: true }, ["passport", "disaster_certificate"]),
    decision: "allowed",
    fee: 0
  },
  {
    name: "destroyed in a fire without the certificate",
    basis: "M-Matsuyama-fee, M-Makubetsu",
    input: reissue("disaster", { ...LOST, cardDestroyed: true }, ["passport"]),
    decision: "allowed",
    codes: ["DISASTER_CERTIFICATE_FOR_EXEMPTION"],
    fee: 1000
  },
  {
    name: "damaged: 1,000 yen, the card is returned",
    basis: "M-Minabe, M-Soma, M-Mitake",
    input: reissue("damaged", VALID, ["passport", CARD]),
    decision: "allowed",
    codes: ["OLD_CARD_RETURNED"],
    fee: 1000
  },
  {
    name: "damaged, no certificates: 800 yen",
    basis: "M-Minabe, M-Nagoya-lost (800円)",
    input: reissue("damaged", VALID, ["passport", CARD], { certificates: [] }),
    decision: "allowed",
    fee: 800
  },
  {
    name: "endorsement field full: free",
    basis: "M-Matsuyama-fee, M-Makubetsu",
    input: reissue("endorsement_full", { ...VALID, endorsementFieldFull: true }, ["passport", CARD]),
    decision: "allowed",
    fee: 0
  },
  {
    name: "number change: free",
    basis: "M-Matsuyama-fee",
    input: reissue("number_change", VALID, ["passport", CARD]),
    decision: "allowed",
    fee: 0
  },
  {
    name: "own wish within three months of expiry: free",
    basis: "M-Matsuyama-fee, M-Makubetsu",
    input: reissue("own_wish", { ...ADULT, card: { status: "valid", expiresOn: "2025-07-31" } }, ["passport", CARD]),
    decision: "allowed",
    fee: 0
  },
  {
    name: "own wish (new photo): 1,000 yen",
    basis: "M-Matsuyama-fee, M-Hikone",
    input: reissue("own_wish", VALID, ["passport", CARD]),
    decision: "allowed",
    fee: 1000
  },
  {
    name: "lapsed by a missed procedure: 1,000 yen",
    basis: "M-Tamba, M-Mitake, M-Hokudai",
    input: reissue("lapsed", { ...ADULT, card: { status: "abolished" } }, ["passport"]),
    decision: "allowed",
    fee: 1000
  },
  {
    name: "proxy with power of attorney",
    basis: "M-Fujinomiya, M-Kishiwada (§11-6 default)",
    input: reissue("lost", LOST, [doc("power_of_attorney"), ...PROXY_IDS], proxy("busy_at_work")),
    decision: "allowed",
    codes: ["PROXY_WITH_POWER_OF_ATTORNEY"]
  },
  {
    name: "proxy without power of attorney",
    basis: "M-Fujinomiya, M-Kishiwada",
    input: reissue("lost", LOST, [...PROXY_IDS], proxy(undefined)),
    decision: "refused",
    missing: ["POWER_OF_ATTORNEY"]
  },
  {
    name: "proxy where the city allows only the applicant or legal representative",
    basis: "§11-6 variant (Nakajima village; the default follows M-Fujinomiya, M-Kishiwada)",
    variants: { reissuanceByProxy: "not_allowed" },
    input: reissue("lost", LOST, [doc("power_of_attorney"), ...PROXY_IDS], proxy(undefined)),
    decision: "refused",
    codes: ["REISSUANCE_BY_PROXY_NOT_ALLOWED"]
  },
  {
    name: "no cause given",
    basis: "M-Nagoya-lost",
    input: reissue(undefined, LOST, ["passport"]),
    decision: "refused",
    codes: ["REISSUANCE_CAUSE_REQUIRED"]
  },
  {
    name: "the card was found before abolition",
    basis: "M-Tomiya, M-Tokai",
    input: reissue("lost", { ...ADULT, card: { status: "suspended" }, cardFoundOn: "2025-05-30" }, ["passport"]),
    decision: "refused",
    codes: ["CARD_FOUND_LIFT_SUSPENSION"]
  },
  {
    name: "parent applies for a damaged child's card",
    basis: "M-Nagoya-lost, M-Hagi",
    input: reissue(
      "damaged",
      { ...CHILD, card: { status: "valid", expiresOn: "2029-01-01" } },
      [CARD, rep("drivers_license")],
      parent({ applicantPresent: false })
    ),
    decision: "allowed",
    codes: ["LEGAL_REPRESENTATIVE_APPLIES"],
    fee: 1000
  },
  {
    name: "endorsement field not full",
    basis: "M-Kawaguchi, M-Matsuyama-fee",
    input: reissue("endorsement_full", { ...VALID, endorsementFieldFull: false }, ["passport", CARD]),
    decision: "refused",
    codes: ["ENDORSEMENT_FIELD_NOT_FULL"]
  },
  {
    name: "a valid card lost: suspend through the hotline",
    basis: "M-Nagoya-lost, M-Tomiya (0120-95-0178)",
    input: reissue("lost", VALID, ["passport"]),
    decision: "allowed",
    codes: ["SUSPEND_THE_CARD"]
  }
]
