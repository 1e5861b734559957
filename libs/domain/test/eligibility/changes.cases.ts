/**
 * Table cases for changes to the card (券面記載事項変更, 継続利用, 有効期間変更, 特例期間延長, 国外継続利用),
 * returning it, the abolished notification card and number verification, each citing its sources.
 */
import { ADULT, type Case, CARD, doc, input, PROXY_IDS, REPLY, rep } from "./helpers.ts"

const V = "2025-06-02"
const HOLDER = { ...ADULT, card: { status: "valid", expiresOn: "2031-05-10" } }
const change = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}, visit = V) =>
  input("surface_change", visit, applicant, { documents: [CARD], ...more })

export const surfaceChangeCases: ReadonlyArray<Case> = [
  {
    name: "address change in person",
    basis: "M-Kawaguchi, M-Akitakata-change",
    input: change({ ...HOLDER, changeKind: "address" }),
    decision: "allowed",
    codes: ["SURFACE_CHANGE_ALLOWED", "SIGNATURE_CERT_LAPSES"]
  },
  {
    name: "endorsement field full",
    basis: "M-Kawaguchi, M-Matsuyama-fee (追記欄満欄は無料再交付)",
    input: change({ ...HOLDER, endorsementFieldFull: true }),
    decision: "refused",
    codes: ["ENDORSEMENT_FIELD_FULL"]
  },
  {
    name: "a member of the same household, same day",
    basis: "M-Koshigaya, M-Kawaguchi",
    input: change(HOLDER, {
      attendee: { kind: "proxy", relation: "spouse", sameHousehold: true },
      documents: [CARD, rep("drivers_license")]
    }),
    decision: "allowed",
    codes: ["SAME_HOUSEHOLD_PROXY"]
  },
  {
    name: "a proxy from another household: written inquiry",
    basis: "M-Koshigaya, M-Kawaguchi (文書照会)",
    input: change(HOLDER, {
      attendee: { kind: "proxy", relation: "sibling" },
      documents: [CARD, doc("power_of_attorney"), rep("drivers_license")]
    }),
    decision: "needs_second_visit",
    missing: ["INQUIRY_REPLY"]
  },
  {
    name: "a proxy from another household on the second visit",
    basis: "M-Koshigaya, M-Kawaguchi",
    input: change(HOLDER, {
      attendee: { kind: "proxy", relation: "sibling" },
      documents: [CARD, REPLY, doc("power_of_attorney"), rep("drivers_license")]
    }),
    decision: "allowed"
  },
  {
    name: "a proxy from another household without power of attorney",
    basis: "M-Koshigaya",
    input: change(HOLDER, {
      attendee: { kind: "proxy", relation: "sibling" },
      documents: [CARD, REPLY, rep("drivers_license")]
    }),
    decision: "refused",
    missing: ["POWER_OF_ATTORNEY"]
  },
  {
    name: "a grandparent of the same household for a child",
    basis: "M-Akitakata-change (法定代理人 or 同一世帯員)",
    input: change(
      { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
      {
        attendee: { kind: "proxy", relation: "grandparent", sameHousehold: true },
        documents: [CARD, rep("drivers_license")]
      }
    ),
    decision: "allowed"
  },
  {
    name: "another household's proxy for a child",
    basis: "M-Akitakata-change",
    input: change(
      { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
      {
        attendee: { kind: "proxy", relation: "grandparent" },
        documents: [CARD, REPLY, doc("power_of_attorney"), rep("drivers_license")]
      }
    ),
    decision: "refused",
    codes: ["PROXY_NOT_ALLOWED_FOR_MINOR_OR_WARD"]
  },
  {
    name: "parent for a child",
    basis: "M-Akitakata-change, M-Kawaguchi",
    input: change(
      { birthDate: "2015-01-01", card: { status: "valid", expiresOn: "2028-01-01" } },
      {
        attendee: { kind: "legal_representative", relation: "parent", sameHousehold: true, applicantPresent: false },
        documents: [CARD, rep("drivers_license")]
      }
    ),
    decision: "allowed",
    absent: ["SIGNATURE_CERT_LAPSES"]
  },
  {
    name: "expired card",
    basis: "M-Kawaguchi, JLIS-top",
    input: change({ ...ADULT, card: { status: "valid", expiresOn: "2025-05-01" } }),
    decision: "refused",
    codes: ["CARD_NOT_USABLE"]
  },
  {
    name: "forgotten resident-registry PIN",
    basis: "M-Kawaguchi, M-Akitakata-change",
    input: change({ ...HOLDER, pinForgotten: true }),
    decision: "allowed",
    codes: ["RESIDENT_REGISTRY_PIN_NEEDED"]
  },
  {
    name: "reported more than 14 days after the move",
    basis: "M-Kawaguchi (14日以内)",
    input: change({ ...HOLDER, changeKind: "address", addressChangedOn: "2025-05-01" }),
    decision: "allowed",
    codes: ["CHANGE_WITHIN_14_DAYS"]
  }
]

const cont = (applicant: Record<string, unknown>, visit = V, more: Record<string, unknown> = {}) =>
  input("continued_use", visit, { ...HOLDER, ...applicant }, { documents: [CARD], ...more })

export const continuedUseCases: ReadonlyArray<Case> = [
  {
    name: "on day 90 after the move-in notification",
    basis: "M-Tomakomai, M-Kuwana, M-Minoh (90日)",
    input: cont({ moveInReportedOn: "2025-03-04" }),
    decision: "allowed",
    codes: ["CONTINUED_USE_WITHIN_90_DAYS", "SIGNATURE_CERT_LAPSES"]
  },
  {
    name: "on day 91: the card has lapsed",
    basis: "M-Tomakomai, M-Kuwana, M-Minoh",
    input: cont({ moveInReportedOn: "2025-03-03" }),
    decision: "refused",
    codes: ["CARD_LAPSED_90_DAYS_AFTER_MOVE_IN"]
  },
  {
    name: "move-in notified 15 days after moving",
    basis: "M-Tomakomai, M-Kuwana (転入後14日以内)",
    input: cont({ movedInOn: "2025-05-01", moveInReportedOn: "2025-05-16" }),
    decision: "refused",
    codes: ["CARD_LAPSED_MOVE_IN_REPORTED_LATE"]
  },
  {
    name: "move-in notified on day 14",
    basis: "M-Tomakomai, M-Kuwana",
    input: cont({ movedInOn: "2025-05-01", moveInReportedOn: "2025-05-15" }),
    decision: "allowed"
  },
  {
    name: "move-in notified 31 days after the planned move-out",
    basis: "M-Tomakomai, M-Minoh (転出予定日から30日)",
    input: cont({ plannedMoveOutOn: "2025-04-15", moveInReportedOn: "2025-05-16" }),
    decision: "refused",
    codes: ["CARD_LAPSED_MOVE_IN_30_DAYS_AFTER_PLANNED_MOVE_OUT"]
  },
  {
    name: "move-in notified 30 days after the planned move-out",
    basis: "M-Tomakomai, M-Minoh",
    input: cont({ plannedMoveOutOn: "2025-04-15", moveInReportedOn: "2025-05-15" }),
    decision: "allowed"
  },
  {
    name: "continued use with the move-in notification itself",
    basis: "M-Kuwana, M-Kawaguchi",
    input: cont({ movedInOn: "2025-05-25" }),
    decision: "allowed"
  },
  {
    name: "same-household member",
    basis: "M-Koshigaya, M-Kawaguchi",
    input: cont({ moveInReportedOn: "2025-05-20" }, V, {
      attendee: { kind: "proxy", relation: "spouse", sameHousehold: true },
      documents: [CARD, rep("passport")]
    }),
    decision: "allowed"
  }
]

const FOREIGNER = {
  birthDate: "1992-03-03",
  nationality: "foreign",
  residenceStatus: "period_of_stay",
  residencePeriodEnd: "2027-03-02",
  card: { status: "valid", issuedOn: "2023-04-10", expiresOn: "2025-07-01" }
}
const validity = (applicant: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  input("validity_change", V, { ...FOREIGNER, ...applicant }, { documents: [CARD, "residence_card"], ...more })

export const foreignResidentCases: ReadonlyArray<Case> = [
  {
    name: "validity change after the renewal of stay",
    basis: "M-Yokote, M-Miyake, M-Ishinomaki",
    input: validity({ stayRenewed: true }),
    decision: "allowed",
    codes: ["VALIDITY_CHANGE_ALLOWED"],
    fee: 0
  },
  {
    name: "renewal of stay still pending",
    basis: "M-Yokote, M-Hokudai",
    input: validity({ stayRenewalPending: true }),
    decision: "refused",
    codes: ["STAY_RENEWAL_STILL_PENDING"]
  },
  {
    name: "card already expired",
    basis: "M-Yokote, M-Tamba, M-Hokudai (失効 → 1,000円)",
    input: validity({ stayRenewed: true, card: { status: "valid", expiresOn: "2025-06-01" } }),
    decision: "refused",
    codes: ["CARD_LAPSED_BEFORE_VALIDITY_CHANGE"]
  },
  {
    name: "permanent resident",
    basis: "M-Yokote, M-Miyake (永住者は対象外)",
    input: validity({ stayRenewed: true, residenceStatus: "permanent_resident" }),
    decision: "refused",
    codes: ["VALIDITY_CHANGE_NOT_APPLICABLE"]
  },
  {
    name: "Japanese national",
    basis: "M-Yokote",
    input: validity({ stayRenewed: true, nationality: "JP" }),
    decision: "refused",
    codes: ["VALIDITY_CHANGE_NOT_APPLICABLE"]
  },
  {
    name: "without the new residence card",
    basis: "M-Yokote, M-Ishinomaki",
    input: validity({ stayRenewed: true }, { documents: [CARD] }),
    decision: "refused",
    missing: ["NEW_RESIDENCE_CARD"]
  },
  {
    name: "no room left in the endorsement field",
    basis: "M-Yokote (追記欄の余白)",
    input: validity({ stayRenewed: true, endorsementFieldFull: true }),
    decision: "refused",
    codes: ["ENDORSEMENT_FIELD_FULL"]
  },
  {
    name: "special extension with the stamped residence card",
    basis: "M-Yokote, M-Akitakata-foreign",
    input: input(
      "special_extension",
      V,
      { ...FOREIGNER, stayRenewalPending: true },
      { documents: [CARD, doc("residence_card", { renewalPendingStamp: true })] }
    ),
    decision: "allowed",
    codes: ["SPECIAL_EXTENSION_ALLOWED"]
  },
  {
    name: "special extension with the online receipt",
    basis: "M-Yokote (受付メール)",
    input: input(
      "special_extension",
      V,
      { ...FOREIGNER, stayRenewalPending: true },
      { documents: [CARD, "stay_application_receipt"] }
    ),
    decision: "allowed"
  },
  {
    name: "special extension without proof",
    basis: "M-Yokote",
    input: input(
      "special_extension",
      V,
      { ...FOREIGNER, stayRenewalPending: true },
      { documents: [CARD, "residence_card"] }
    ),
    decision: "refused",
    missing: ["RENEWAL_PENDING_PROOF"]
  },
  {
    name: "special extension after the card expired",
    basis: "M-Yokote, M-Hokudai (期限後は不可)",
    input: input(
      "special_extension",
      "2025-07-02",
      { ...FOREIGNER, stayRenewalPending: true },
      { documents: [CARD, doc("residence_card", { renewalPendingStamp: true })] }
    ),
    decision: "refused",
    codes: ["CARD_LAPSED_BEFORE_SPECIAL_EXTENSION"]
  },
  {
    name: "special extension when the stay is already renewed",
    basis: "M-Yokote",
    input: input("special_extension", V, { ...FOREIGNER, stayRenewed: true }, { documents: [CARD, "residence_card"] }),
    decision: "refused",
    codes: ["STAY_ALREADY_RENEWED"]
  }
]

const abroad = (applicant: Record<string, unknown>, visit = "2025-07-31", more: Record<string, unknown> = {}) =>
  input(
    "overseas_continued_use",
    visit,
    { ...HOLDER, nationality: "JP", departureDate: "2025-08-01", ...applicant },
    { documents: [CARD], ...more }
  )

export const overseasCases: ReadonlyArray<Case> = [
  {
    name: "the day before departure",
    basis: "M-Fukuoka, M-Ritto, M-Fukaya",
    input: abroad({}),
    decision: "allowed",
    codes: ["OVERSEAS_CONTINUED_USE_ALLOWED", "SIGNATURE_CERT_LAPSES_ABROAD"]
  },
  {
    name: "on the departure day",
    basis: "M-Fukuoka, M-Ritto (前日まで)",
    input: abroad({}, "2025-08-01"),
    decision: "refused",
    codes: ["OVERSEAS_CONTINUED_USE_TOO_LATE"]
  },
  {
    name: "foreign national",
    basis: "M-Fukuoka, M-Kasugai",
    input: abroad({ nationality: "foreign" }),
    decision: "refused",
    codes: ["OVERSEAS_CONTINUED_USE_JAPANESE_ONLY"]
  },
  {
    name: "before 2024-05-27",
    basis: "M-Fukuoka (OVERSEAS_CARD)",
    input: abroad({ departureDate: "2024-06-01" }, "2024-05-20"),
    decision: "refused",
    codes: ["OVERSEAS_CONTINUED_USE_NOT_YET_AVAILABLE"]
  },
  {
    name: "same-household member with power of attorney for the certificates",
    basis: "M-Oguchi, M-Inazawa",
    input: abroad({}, "2025-07-31", {
      attendee: { kind: "proxy", relation: "spouse", sameHousehold: true },
      documents: [CARD, doc("power_of_attorney"), rep("passport")]
    }),
    decision: "allowed"
  },
  {
    name: "same-household member without power of attorney",
    basis: "M-Oguchi, M-Inazawa (委任状 for certificates)",
    input: abroad({}, "2025-07-31", {
      attendee: { kind: "proxy", relation: "spouse", sameHousehold: true },
      documents: [CARD, rep("passport")]
    }),
    decision: "refused",
    missing: ["POWER_OF_ATTORNEY"]
  },
  {
    name: "signature lapse at the move-out notification",
    basis: "M-Kasugai (§11-8 variant)",
    variants: { overseasSignatureLapse: "on_move_out_notification" },
    input: abroad({}),
    decision: "allowed",
    codes: ["SIGNATURE_CERT_LAPSES_ABROAD"]
  }
]

export const returnCases: ReadonlyArray<Case> = [
  {
    name: "return in person",
    basis: "M-Fukuoka, SEED-Ota",
    input: input("card_return", V, HOLDER, { documents: [CARD] }),
    decision: "allowed",
    codes: ["CARD_RETURN_ALLOWED"]
  },
  {
    name: "return without the card",
    basis: "M-Fukuoka",
    input: input("card_return", V, HOLDER, { documents: [] }),
    decision: "refused",
    missing: ["APPLICANT_CARD"]
  },
  {
    name: "return by a proxy without power of attorney",
    basis: "M-Fukuoka",
    input: input("card_return", V, HOLDER, {
      attendee: { kind: "proxy", relation: "child" },
      documents: [CARD, rep("passport")]
    }),
    decision: "refused",
    missing: ["POWER_OF_ATTORNEY"]
  },
  {
    name: "a lost card cannot be returned",
    basis: "M-Nagoya-lost, M-Tomiya",
    input: input("card_return", V, { ...ADULT, card: { status: "lost" } }, { documents: [] }),
    decision: "refused",
    codes: ["LOST_CARD_NOT_RETURNABLE"]
  },
  {
    name: "a Japanese national moving abroad may keep the card",
    basis: "M-Fukuoka, M-Kasugai",
    input: input(
      "card_return",
      V,
      { ...HOLDER, nationality: "JP", departureDate: "2025-08-01" },
      { documents: [CARD] }
    ),
    decision: "allowed",
    codes: ["CONSIDER_OVERSEAS_CONTINUED_USE"]
  }
]

export const notificationAndNumberCases: ReadonlyArray<Case> = [
  {
    name: "notification card re-issuance on 2020-05-25",
    basis: "SOUMU-tsuchi, M-Gifu, M-Nagoya-tsuchi",
    input: input("notification_card_reissuance", "2020-05-25", ADULT, { documents: ["passport"] }),
    decision: "refused",
    codes: ["NOTIFICATION_CARD_ABOLISHED"],
    fee: 0
  },
  {
    name: "notification card re-issuance on 2020-05-24",
    basis: "M-Gifu, M-Nagoya-tsuchi (500円)",
    input: input("notification_card_reissuance", "2020-05-24", ADULT, { documents: ["passport"] }),
    decision: "allowed",
    fee: 500
  },
  {
    name: "notification card re-issuance today",
    basis: "SOUMU-tsuchi, JLIS-tsuchi",
    input: input("notification_card_reissuance", V, ADULT),
    decision: "refused",
    codes: ["NOTIFICATION_CARD_ABOLISHED"]
  },
  {
    name: "number proven by the My Number Card",
    basis: "SOUMU-tsuchi, JLIS-tsuchi",
    input: input("number_verification", V, HOLDER, { documents: [CARD] }),
    decision: "allowed",
    codes: ["NUMBER_PROOF_PRESENT"]
  },
  {
    name: "matching notification card with a driver's licence",
    basis: "SOUMU-tsuchi, M-Nabari, M-Mitaka",
    input: input("number_verification", V, ADULT, {
      documents: [doc("notification_card", { matchesResidentRecord: true }), "drivers_license"]
    }),
    decision: "allowed"
  },
  {
    name: "matching notification card with two B documents",
    basis: "SOUMU-tsuchi, M-Nabari",
    input: input("number_verification", V, ADULT, {
      documents: [doc("notification_card", { matchesResidentRecord: true }), "pension_book", "eligibility_certificate"]
    }),
    decision: "allowed"
  },
  {
    name: "notification card out of date",
    basis: "SOUMU-tsuchi, M-Nabari, M-Mitaka",
    input: input("number_verification", V, ADULT, { documents: ["notification_card", "drivers_license"] }),
    decision: "refused",
    codes: ["NOTIFICATION_CARD_OUT_OF_DATE"],
    missing: ["NUMBER_PROOF"]
  },
  {
    name: "individual-number notice proves nothing",
    basis: "JLIS-tsuchi",
    input: input("number_verification", V, ADULT, { documents: ["number_notice", "drivers_license"] }),
    decision: "refused",
    codes: ["NUMBER_NOTICE_NOT_PROOF"]
  },
  {
    name: "proxy without power of attorney",
    basis: "SOUMU-tsuchi",
    input: input("number_verification", V, HOLDER, {
      attendee: { kind: "proxy", relation: "child" },
      documents: [CARD, ...PROXY_IDS]
    }),
    decision: "refused",
    missing: ["POWER_OF_ATTORNEY"]
  }
]
