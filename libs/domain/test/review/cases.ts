/**
 * Independent review cases for `checkEligibility`: each case is a public-contract JSON input (DESIGN.md
 * "Contracts that outside tools rely on") and the answer that the rules in notes/rules-sources.md give,
 * citing those source codes. Written from the sources and the contract alone, without reading the
 * engine, so that the table checks the engine rather than restating it. Cases that depend on a §11
 * municipal variant are not built (or test only the national default). No city is named: national rules.
 */

/** A document as the contract allows it: a bare type string (held by the applicant) or an object. */
export type Doc = string | { readonly type: string; readonly holder?: string; readonly [flag: string]: unknown }

export type Decision = "allowed" | "refused" | "needs_second_visit"

/** What must appear in `missingDocuments`: an entry (for `holder`, if given) naming `mentions`. */
export interface MissingExpectation {
  readonly mentions: string
  readonly holder?: "applicant" | "attendee"
}

export interface Expectation {
  readonly decision?: Decision
  /** When the sources allow either answer (e.g. refused now, or a second visit). */
  readonly decisionOneOf?: ReadonlyArray<Decision>
  readonly missing?: ReadonlyArray<MissingExpectation>
  readonly noMissing?: boolean
  readonly feeYen?: number
  /** Yen amounts that must each appear among the fee items (e.g. 800 card + 200 certificates). */
  readonly feeItems?: ReadonlyArray<number>
  readonly payableAt?: "none" | "application" | "handover"
  /** The input must be rejected, with a problem whose path is this. */
  readonly errorPath?: string
}

export interface ReviewCase {
  readonly id: string
  readonly title: string
  readonly sources: ReadonlyArray<string>
  readonly input: Record<string, unknown>
  readonly expect: Expectation
}

// ---------------------------------------------------------------------------------------------------
// Builders (plain JSON out)

const V = "2026-02-10" // a Tuesday after the end of 健康保険証 (2025-12-01)

type Json = Record<string, unknown>

const validCard = (over: Json = {}): Json => ({
  status: "valid",
  issuedOn: "2021-06-01",
  expiresOn: "2031-06-15",
  signatureCert: { status: "valid", expiresOn: "2026-06-15" },
  authCert: { status: "valid", expiresOn: "2026-06-15" },
  ...over
})

const pendingCard: Json = { status: "awaiting_handover" }

const person = (birthDate: string, over: Json = {}): Json => ({
  birthDate,
  nationality: "JP",
  residencePeriodEnd: null,
  adultGuardianship: false,
  card: validCard(),
  ...over
})

const ADULT = "1985-06-15"
const att = (type: string, flags: Json = {}): Doc => ({ type, holder: "attendee", ...flags })
const app = (type: string, flags: Json = {}): Doc => ({ type, holder: "applicant", ...flags })

/** 交付通知書 with 回答書・委任状 completed by the applicant and the PIN concealed (代理交付). */
const proxyNotice = (flags: Json = {}): Doc =>
  app("issuance_notice", { completed: true, sealed: true, statesInabilityToAttend: true, ...flags })

const self = { kind: "self" }

const input = (
  procedure: string,
  applicant: Json,
  attendee: Json,
  documents: ReadonlyArray<Doc>,
  extra: Json = {}
) => ({
  procedure,
  visitDate: V,
  applicant,
  attendee,
  documents,
  ...extra
})

const issuance = (applicant: Json, attendee: Json, documents: ReadonlyArray<Doc>, extra: Json = {}) =>
  input("card_issuance", { ...applicant, card: pendingCard }, attendee, documents, extra)

const ALLOWED: Expectation = { decision: "allowed", noMissing: true }
const REFUSED: Expectation = { decision: "refused" }
const ALLOWED_FREE: Expectation = { decision: "allowed", noMissing: true, feeYen: 0 }
const idMissing = (holder: "applicant" | "attendee"): MissingExpectation => ({ mentions: "passport", holder })

const cases: Array<ReviewCase> = []
const add = (id: string, title: string, sources: ReadonlyArray<string>, inp: Json, expect: Expectation) =>
  cases.push({ id, title, sources, input: inp, expect })

// ---------------------------------------------------------------------------------------------------
// 交付 by 本人: identity groups A (one suffices) and B (two needed), 通知カード never an ID

const ISS = ["M-Hagi", "M-Soma", "M-Kyoto", "M-Tokai", "M-Owariasahi"]
const selfIssue = (docs: ReadonlyArray<Doc>, extra: Json = {}, birth = ADULT, visit = V, over: Json = {}) =>
  issuance(person(birth, over), self, ["issuance_notice", ...docs], { visitDate: visit, ...extra })

add("ISS-01", "adult, 交付通知書 + driver's licence (A)", ISS, selfIssue(["drivers_license"]), ALLOWED_FREE)
add("ISS-02", "adult, passport (A)", ISS, selfIssue(["passport"]), ALLOWED_FREE)
add(
  "ISS-03",
  "permanent resident, 在留カード (A)",
  ISS,
  issuance(person(ADULT, { nationality: "foreign", residenceStatus: "permanent_resident" }), self, [
    "issuance_notice",
    "residence_card"
  ]),
  ALLOWED
)
add(
  "ISS-04",
  "special permanent resident, 特別永住者証明書 (A)",
  ISS,
  issuance(person(ADULT, { nationality: "foreign", residenceStatus: "special_permanent_resident" }), self, [
    "issuance_notice",
    "special_permanent_resident_certificate"
  ]),
  ALLOWED
)
add("ISS-05", "身体障害者手帳 (A)", ISS, selfIssue(["physical_disability_certificate"]), ALLOWED)
add("ISS-06", "精神障害者保健福祉手帳 (A)", ISS, selfIssue(["mental_disability_certificate"]), ALLOWED)
add("ISS-07", "療育手帳 (A)", ISS, selfIssue(["rehabilitation_certificate"]), ALLOWED)
add(
  "ISS-08",
  "運転経歴証明書 issued 2012-04-01 (first day it counts as A)",
  ISS,
  selfIssue([{ type: "driving_history_certificate", issuedOn: "2012-04-01" }]),
  ALLOWED
)
add(
  "ISS-09",
  "運転経歴証明書 issued 2012-03-31 alone: not A",
  ISS,
  selfIssue([{ type: "driving_history_certificate", issuedOn: "2012-03-31" }]),
  REFUSED
)
add("ISS-10", "B×2: 年金手帳 + 社員証", ISS, selfIssue(["pension_book", "employee_id"]), ALLOWED)
add(
  "ISS-11",
  "B×2 in 2026: 資格確認書 + 年金手帳",
  [...ISS, "M-Koshigaya", "M-Nichinan", "M-Amagasaki"],
  selfIssue(["eligibility_certificate", "pension_book"]),
  ALLOWED
)
add("ISS-12", "B×1 only: refused, an ID still missing", ISS, selfIssue(["pension_book"]), {
  decision: "refused",
  missing: [idMissing("applicant")]
})
add(
  "ISS-13",
  "通知カード is not an ID: 通知カード + 年金手帳 is only B×1",
  [...ISS, "NAT:SOUMU-tsuchi"],
  selfIssue(["notification_card", "pension_book"], {}, ADULT, V, { holdsNotificationCard: true }),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-14",
  "個人番号通知書 is not an ID: 通知書 + 年金手帳 is only B×1",
  [...ISS, "NAT:JLIS-tsuchi"],
  selfIssue(["number_notice", "pension_book"]),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-15",
  "通知カード + 個人番号通知書 only: no ID at all",
  ["NAT:SOUMU-tsuchi", "NAT:JLIS-tsuchi"],
  selfIssue(["notification_card", "number_notice"], {}, ADULT, V, { holdsNotificationCard: true }),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-16",
  "健康保険証 + 年金手帳 on 2025-06-10 (保険証 still valid)",
  [...ISS, "NAT:DIGITAL-faq"],
  selfIssue(["health_insurance_card", "pension_book"], {}, ADULT, "2025-06-10"),
  ALLOWED
)
add(
  "ISS-17",
  "健康保険証 + 年金手帳 on 2025-12-01 (last day any 保険証 was valid)",
  [...ISS, "NAT:DIGITAL-faq"],
  selfIssue(["health_insurance_card", "pension_book"], {}, ADULT, "2025-12-01"),
  ALLOWED
)
add(
  "ISS-18",
  "健康保険証 + 年金手帳 on 2025-12-02: every 保険証 has expired",
  [...ISS, "NAT:DIGITAL-faq", "M-Shibushi"],
  selfIssue(["health_insurance_card", "pension_book"], {}, ADULT, "2025-12-02"),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-19",
  "健康保険証 + 年金手帳 in 2026: refused",
  [...ISS, "NAT:DIGITAL-faq", "M-Shibushi"],
  selfIssue(["health_insurance_card", "pension_book"]),
  REFUSED
)
add(
  "ISS-20",
  "国保証 printed to 2025-07-31, visit 2025-08-15: expired",
  ["M-Yonago-kokuho", "M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "health_insurance_card", expiresOn: "2025-07-31" }, "pension_book"], {}, ADULT, "2025-08-15"),
  REFUSED
)
add(
  "ISS-21",
  "国保証 printed to 2025-07-31, visit on that day: valid",
  ["M-Yonago-kokuho", "M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "health_insurance_card", expiresOn: "2025-07-31" }, "pension_book"], {}, ADULT, "2025-07-31"),
  ALLOWED
)
add(
  "ISS-22",
  "driver's licence expired 2026-01-15: not an ID",
  ["M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "drivers_license", expiresOn: "2026-01-15" }]),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-23",
  "driver's licence expiring on the visit day: still valid",
  ["M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "drivers_license", expiresOn: V }]),
  ALLOWED
)
add(
  "ISS-24",
  "a copy of a passport: originals only",
  ["M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "passport", copy: true }]),
  {
    decision: "refused",
    missing: [idMissing("applicant")]
  }
)
add(
  "ISS-25",
  "no 交付通知書: refused, 交付通知書 missing",
  ["M-Hagi", "M-Gotsu", "M-Soma", "NAT:S-manual"],
  issuance(person(ADULT), self, ["passport"]),
  { decision: "refused", missing: [{ mentions: "issuance_notice" }] }
)
add(
  "ISS-26",
  "B×2 with 顔写真証明書 + 年金手帳",
  ["M-Koka", "M-Kyoto"],
  selfIssue(["face_photo_certificate", "pension_book"]),
  ALLOWED
)
add(
  "ISS-27",
  "renewal hand-over: the still-valid old My Number card counts as A",
  ["M-Hagi", "M-Kyoto"],
  selfIssue([{ type: "my_number_card", expiresOn: "2026-03-01" }], {}, ADULT, V, {
    isRenewal: true,
    previousCardStatus: "valid"
  }),
  ALLOWED_FREE
)
add(
  "ISS-28",
  "通知カード brought (to be collected) + passport",
  ["NAT:SOUMU-tsuchi", "NAT:S-manual", "M-Gotsu"],
  selfIssue(["notification_card", "passport"], {}, ADULT, V, { holdsNotificationCard: true }),
  ALLOWED
)
add(
  "ISS-29",
  "通知カード lost: 紛失届 at the counter, issuance goes ahead",
  ["NAT:SOUMU-tsuchi", "NAT:S-manual", "M-Gotsu"],
  selfIssue(["passport"], {}, ADULT, V, { holdsNotificationCard: true, notificationCardLost: true }),
  { decision: "allowed" }
)
add(
  "ISS-30",
  "document objects with holder instead of bare strings",
  ISS,
  issuance(person(ADULT), self, [app("issuance_notice"), app("passport")]),
  ALLOWED
)
add(
  "ISS-31",
  "attendee omitted = the applicant in person",
  ISS,
  {
    procedure: "card_issuance",
    visitDate: V,
    applicant: { ...person(ADULT), card: pendingCard },
    documents: ["issuance_notice", "passport"]
  },
  ALLOWED
)

// 交付: ages (15 on the 15th birthday; under 15 only with the 法定代理人)
const AGE = ["M-Hagi", "M-Awara", "M-Soma", "M-Gotsu"]
add("AGE-01", "15 on the 15th birthday: may come alone", AGE, selfIssue(["passport"], {}, "2011-02-10"), ALLOWED)
add(
  "AGE-02",
  "14 (day before the 15th birthday) alone: refused",
  AGE,
  selfIssue(["passport"], {}, "2011-02-11"),
  REFUSED
)
add(
  "AGE-03",
  "16-year-old alone with 学生証 + 資格確認書",
  AGE,
  selfIssue(["student_id", "eligibility_certificate"], {}, "2009-07-01"),
  ALLOWED
)
add("AGE-04", "17-year-old alone with passport", AGE, selfIssue(["passport"], {}, "2008-03-01"), ALLOWED)
add("AGE-05", "9-year-old alone: refused", AGE, selfIssue(["passport"], {}, "2016-05-05"), REFUSED)

const CHILD = "2016-05-05"
const parent = (over: Json = {}) => ({
  kind: "legal_representative",
  relation: "parent",
  applicantPresent: true,
  sameHousehold: true,
  ...over
})
const LR = ["M-Hagi", "M-Soma", "M-Owariasahi"]
add(
  "AGE-06",
  "under 15 with parent (same household): child passport + parent licence",
  LR,
  issuance(person(CHILD), parent(), ["issuance_notice", "passport", att("drivers_license")]),
  ALLOWED_FREE
)
add(
  "AGE-07",
  "under 15 with parent: parent brings no ID",
  LR,
  issuance(person(CHILD), parent(), ["issuance_notice", "passport"]),
  { decision: "refused", missing: [idMissing("attendee")] }
)
add(
  "AGE-08",
  "under 15 with parent: child has no ID",
  LR,
  issuance(person(CHILD), parent(), ["issuance_notice", att("drivers_license")]),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "AGE-09",
  "under 15, parent of another household, 本籍 elsewhere, no 戸籍謄本",
  LR,
  issuance(person(CHILD, { registeredDomicileInCity: false }), parent({ sameHousehold: false }), [
    "issuance_notice",
    "passport",
    att("drivers_license")
  ]),
  { decision: "refused", missing: [{ mentions: "family_register" }] }
)
add(
  "AGE-10",
  "same, with 戸籍謄本 brought by the parent",
  LR,
  issuance(person(CHILD, { registeredDomicileInCity: false }), parent({ sameHousehold: false }), [
    "issuance_notice",
    "passport",
    att("drivers_license"),
    att("family_register")
  ]),
  ALLOWED
)
add(
  "AGE-11",
  "same, with 戸籍謄本 as a bare string",
  LR,
  issuance(person(CHILD, { registeredDomicileInCity: false }), parent({ sameHousehold: false }), [
    "issuance_notice",
    "passport",
    att("drivers_license"),
    "family_register"
  ]),
  ALLOWED
)
add(
  "AGE-12",
  "parent of another household but 本籍 in the city: no 戸籍謄本 needed",
  LR,
  issuance(person(CHILD, { registeredDomicileInCity: true }), parent({ sameHousehold: false }), [
    "issuance_notice",
    "passport",
    att("drivers_license")
  ]),
  ALLOWED
)
add(
  "AGE-13",
  "accompanying parent with B×2 (年金手帳 + 社員証)",
  LR,
  issuance(person(CHILD), parent(), ["issuance_notice", "passport", att("pension_book"), att("employee_id")]),
  ALLOWED
)
add(
  "AGE-14",
  "accompanying parent with only B×1",
  LR,
  issuance(person(CHILD), parent(), ["issuance_notice", "passport", att("pension_book")]),
  { decision: "refused", missing: [idMissing("attendee")] }
)

// 成年被後見人
const WARD = person("1970-01-20", { adultGuardianship: true })
const guardian = (over: Json = {}) => ({
  kind: "legal_representative",
  relation: "adult_guardian",
  applicantPresent: true,
  ...over
})
const GW = ["M-Hagi", "M-Saiki", "M-Soma", "M-Owariasahi"]
add("WRD-01", "成年被後見人 alone: refused", GW, issuance(WARD, self, ["issuance_notice", "passport"]), REFUSED)
add(
  "WRD-02",
  "成年被後見人 with 成年後見人 and 登記事項証明書",
  GW,
  issuance(WARD, guardian(), [
    "issuance_notice",
    "passport",
    att("drivers_license"),
    att("guardianship_registry_certificate")
  ]),
  ALLOWED
)
add(
  "WRD-03",
  "成年被後見人 with 成年後見人, no 登記事項証明書",
  GW,
  issuance(WARD, guardian(), ["issuance_notice", "passport", att("drivers_license")]),
  { decision: "refused", missing: [{ mentions: "guardianship_registry_certificate" }] }
)
add(
  "WRD-04",
  "代理交付 by 成年後見人 alone (疎明 = 登記事項証明書)",
  [...GW, "NAT:S-manual-honpen", "M-Koka"],
  issuance(WARD, guardian({ applicantPresent: false, reason: "adult_ward" }), [
    proxyNotice(),
    "passport",
    "pension_book",
    att("drivers_license"),
    att("passport"),
    att("guardianship_registry_certificate")
  ]),
  ALLOWED
)
add(
  "WRD-05",
  "成年被後見人 represented by a voluntary proxy: only the 法定代理人 may",
  ["M-Akitakata-proxy", "M-Oyama", "M-Hagi"],
  issuance(WARD, { kind: "proxy", relation: "sibling", sameHousehold: false, reason: "adult_ward" }, [
    proxyNotice(),
    "passport",
    "pension_book",
    att("drivers_license"),
    att("passport")
  ]),
  REFUSED
)
add(
  "WRD-06",
  "parent as 'legal representative' of a 35-year-old (no guardianship): not a legal representative",
  ["M-Akitakata-proxy", "M-Fukuchi", "M-Oyama"],
  issuance(person("1990-09-09"), parent({ applicantPresent: false, sameHousehold: true }), [
    proxyNotice(),
    "passport",
    "pension_book",
    att("drivers_license"),
    att("passport")
  ]),
  REFUSED
)

// 代理交付 of a child by the 法定代理人 alone (中学生・小学生・未就学児)
const KID = "2017-09-01"
const lrAlone = parent({ applicantPresent: false, reason: "under_15" })
const KIDSRC = ["M-Kyoto", "M-Saiki", "M-Yuzawa", "NAT:S-manual-honpen"]
add(
  "KID-01",
  "parent alone for an 8-year-old: child passport + 母子健康手帳, parent A×2",
  KIDSRC,
  issuance(person(KID), lrAlone, [
    proxyNotice(),
    "passport",
    "maternal_child_handbook",
    att("drivers_license"),
    att("passport")
  ]),
  ALLOWED_FREE
)
add(
  "KID-02",
  "parent alone: child's ID is A×1 only",
  KIDSRC,
  issuance(person(KID), lrAlone, [proxyNotice(), "passport", att("drivers_license"), att("passport")]),
  { decision: "refused", missing: [{ mentions: "maternal_child_handbook", holder: "applicant" }] }
)
add(
  "KID-03",
  "parent alone: child's B×3 without any photo",
  KIDSRC,
  issuance(person(KID), lrAlone, [
    proxyNotice(),
    "maternal_child_handbook",
    "medical_benefit_certificate",
    "eligibility_certificate",
    att("drivers_license"),
    att("passport")
  ]),
  REFUSED
)
add(
  "KID-04",
  "parent alone: child's B×3 incl. 顔写真証明書 certified by the parent",
  KIDSRC,
  issuance(person(KID), lrAlone, [
    proxyNotice(),
    "face_photo_certificate",
    "maternal_child_handbook",
    "medical_benefit_certificate",
    att("drivers_license"),
    att("passport")
  ]),
  ALLOWED
)
add(
  "KID-05",
  "under 15 represented by a grandparent (任意代理人): only the 法定代理人 (national default)",
  ["M-Akitakata-proxy", "M-Oyama"],
  issuance(person(KID), { kind: "proxy", relation: "grandparent", sameHousehold: true, reason: "under_15" }, [
    proxyNotice(),
    "passport",
    "maternal_child_handbook",
    att("drivers_license"),
    att("passport")
  ]),
  REFUSED
)

// 代理交付 by a 任意代理人: やむを得ない理由, 疎明資料, ID sets A×2 / A+B / B×3 with photo
const PRX = ["NAT:S-manual", "NAT:S-manual-honpen", "M-Owariasahi", "M-Koka", "M-Oyama", "M-Kakegawa"]
const OLD = "1945-04-01"
const proxy = (reason: string | null, over: Json = {}) => ({
  kind: "proxy",
  relation: "child",
  sameHousehold: false,
  ...(reason === null ? {} : { reason }),
  ...over
})
const proxyIds = [att("drivers_license"), att("passport")]
const proxyIssue = (
  birth: string,
  reason: string | null,
  docs: ReadonlyArray<Doc>,
  over: Json = {},
  attOver: Json = {}
) => issuance(person(birth, over), proxy(reason, attOver), docs)

add(
  "PRX-01",
  "75歳以上, 委任状欄 states 出頭困難; applicant A×2, proxy A×2",
  PRX,
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  ALLOWED_FREE
)
add(
  "PRX-02",
  "same with a separate 委任状 as well",
  [...PRX, "M-Yokohama"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "passport",
    "drivers_license",
    att("power_of_attorney"),
    ...proxyIds
  ]),
  ALLOWED
)
add(
  "PRX-03",
  "75歳以上 but the 委任状欄 does not state 外出困難",
  ["M-Saiki", "M-Yuzawa", "M-Oyama"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice({ statesInabilityToAttend: false }),
    "passport",
    "drivers_license",
    ...proxyIds
  ]),
  REFUSED
)
add(
  "PRX-04",
  "applicant 74 (75th birthday tomorrow): not a reason",
  ["M-Koka", "M-Saiki"],
  proxyIssue("1951-02-11", "aged_75_plus", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-05",
  "applicant 75 on the 75th birthday",
  ["M-Koka", "M-Saiki"],
  proxyIssue("1951-02-10", "aged_75_plus", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  ALLOWED
)
add(
  "PRX-06",
  "暗証番号 not concealed (交付通知書 not sealed)",
  ["NAT:S-manual", "NAT:S-manual-honpen", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice({ sealed: false }), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-07",
  "回答書・委任状 not completed by the applicant",
  ["NAT:S-manual", "NAT:S-manual-honpen", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice({ completed: false }), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
const MID = "1976-08-08"
const evidenceCase = (id: string, reason: string, evidence: ReadonlyArray<Doc>, title: string, birth = MID) =>
  add(
    id,
    title,
    [...PRX, "M-Saiki", "M-Yuzawa", "M-Ikata"],
    proxyIssue(birth, reason, [proxyNotice(), "passport", "drivers_license", ...evidence, ...proxyIds]),
    ALLOWED
  )
evidenceCase("PRX-08", "hospitalized", ["medical_certificate"], "長期入院 with 診断書")
evidenceCase("PRX-09", "hospitalized", ["inpatient_care_plan"], "長期入院 with 入院診療計画書")
evidenceCase("PRX-10", "care_facility", ["facility_residence_certificate"], "施設入所 with 入所証明書")
evidenceCase("PRX-11", "care_certified", ["care_certification_notice"], "要介護 with 認定結果通知書")
evidenceCase("PRX-12", "care_certified", ["care_insurance_card"], "要介護 with 介護保険被保険者証")
evidenceCase("PRX-13", "pregnant", ["maternal_child_handbook"], "妊婦 with 母子健康手帳", "1995-03-03")
evidenceCase("PRX-14", "long_business_trip", ["business_trip_order"], "長期出張 with 辞令")
evidenceCase("PRX-15", "study_abroad", [{ type: "visa_copy", copy: true }], "海外留学 with ビザの写し", "2003-03-03")
add(
  "PRX-16",
  "障害: applicant's 身体障害者手帳 + passport (ID and evidence)",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(MID, "disability", [proxyNotice(), "passport", "physical_disability_certificate", ...proxyIds]),
  ALLOWED
)
add(
  "PRX-17",
  "高校生 (16) with 在学証明書, proxy = grandparent",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(
    "2009-07-01",
    "high_school_student",
    [proxyNotice(), "passport", "student_id", "enrollment_certificate", ...proxyIds],
    {},
    {
      relation: "grandparent"
    }
  ),
  ALLOWED
)
add(
  "PRX-18",
  "高校生 (16): 学生証 is both B and evidence",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(
    "2009-07-01",
    "high_school_student",
    [proxyNotice(), "passport", "student_id", ...proxyIds],
    {},
    { relation: "grandparent" }
  ),
  ALLOWED
)
add(
  "PRX-19",
  "長期入院 without 疎明資料",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(MID, "hospitalized", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "medical_certificate" }] }
)
add(
  "PRX-20",
  "施設入所 without 疎明資料",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(MID, "care_facility", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "facility_residence_certificate" }] }
)
add(
  "PRX-21",
  "仕事が多忙 is not a reason",
  ["M-Setagaya", "M-Matsuura", "M-Shinagawa", "M-Koka", "M-Ikata"],
  proxyIssue(MID, "busy_at_work", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-22",
  "通勤・通学 is not a reason",
  ["M-Setagaya", "M-Matsuura", "M-Shinagawa", "M-Koka"],
  proxyIssue(MID, "commuting", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-23",
  "proxy with no reason at all",
  ["NAT:S-manual", "M-Yokohama"],
  proxyIssue(MID, null, [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-24",
  "applicant B×3 without a photo item",
  ["M-Owariasahi", "M-Kakegawa", "M-Oyama", "M-Koka", "M-Shibushi"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "pension_book",
    "eligibility_certificate",
    "care_insurance_card",
    ...proxyIds
  ]),
  REFUSED
)
add(
  "PRX-25",
  "applicant B×3 incl. 顔写真証明書",
  ["M-Owariasahi", "M-Kakegawa", "M-Oyama", "M-Koka", "M-Shibushi"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "face_photo_certificate",
    "pension_book",
    "eligibility_certificate",
    ...proxyIds
  ]),
  ALLOWED
)
add(
  "PRX-26",
  "applicant A×1 only",
  ["M-Owariasahi", "M-Kakegawa", "M-Oyama", "M-Koka"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", ...proxyIds]),
  { decision: "refused" }
)
add(
  "PRX-27",
  "applicant A+B (passport + 年金手帳)",
  ["M-Owariasahi", "M-Kakegawa", "M-Oyama", "M-Koka"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "pension_book", ...proxyIds]),
  ALLOWED
)
add(
  "PRX-28",
  "proxy's own ID A×1 only",
  ["M-Owariasahi", "M-Oyama"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "drivers_license", att("drivers_license")]),
  { decision: "refused", missing: [{ mentions: "passport", holder: "attendee" }] }
)
add(
  "PRX-29",
  "proxy's own ID A+B (licence + 年金手帳)",
  ["M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "passport",
    "drivers_license",
    att("drivers_license"),
    att("pension_book")
  ]),
  ALLOWED
)
add(
  "PRX-30",
  "顔写真証明書 never serves as the proxy's ID (licence + 顔写真証明書)",
  ["M-Shibushi", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "passport",
    "drivers_license",
    att("drivers_license"),
    att("face_photo_certificate")
  ]),
  REFUSED
)
add(
  "PRX-31",
  "IDs held by the proxy do not count for the applicant",
  ["M-Owariasahi", "NAT:S-manual"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), att("drivers_license"), att("passport"), att("pension_book")]),
  { decision: "refused", missing: [{ mentions: "passport", holder: "applicant" }] }
)
add(
  "PRX-32",
  "applicant's 通知カード + 個人番号通知書 + passport: still A×1 only",
  ["NAT:SOUMU-tsuchi", "NAT:JLIS-tsuchi", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "notification_card", "number_notice", ...proxyIds], {
    holdsNotificationCard: true
  }),
  REFUSED
)
add(
  "PRX-33",
  "applicant passport + 健康保険証 in 2026: 保険証 expired, only A×1",
  ["NAT:DIGITAL-faq", "M-Shibushi", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "health_insurance_card", ...proxyIds]),
  REFUSED
)
add(
  "PRX-34",
  "applicant passport + 健康保険証 on 2025-06-10: A+B",
  ["NAT:DIGITAL-faq", "M-Owariasahi"],
  {
    ...proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "health_insurance_card", ...proxyIds]),
    visitDate: "2025-06-10"
  },
  ALLOWED
)
add(
  "PRX-35",
  "applicant passport + 資格確認書 in 2026: A+B",
  ["NAT:DIGITAL-faq", "M-Koshigaya", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", [proxyNotice(), "passport", "eligibility_certificate", ...proxyIds]),
  ALLOWED
)

// 交付 of a 国外転出者向け card: in person only, no proxy
const OVS = ["M-Tsuchiura", "M-Fukuoka", "M-Ritto"]
const abroad = (birth: string, over: Json = {}) => person(birth, { residesAbroad: true, ...over })
add(
  "OVI-01",
  "国外転出者向け card, 本人 with passport",
  OVS,
  issuance(abroad(ADULT), self, ["issuance_notice", "passport"], { mode: "overseas" }),
  ALLOWED
)
add(
  "OVI-02",
  "国外転出者向け card by a proxy (75歳以上): no proxy",
  OVS,
  issuance(abroad(OLD), proxy("aged_75_plus"), [proxyNotice(), "passport", "drivers_license", ...proxyIds], {
    mode: "overseas"
  }),
  REFUSED
)
add(
  "OVI-03",
  "国外転出者向け card for a child with the parent",
  OVS,
  issuance(abroad(CHILD), parent(), ["issuance_notice", "passport", att("passport")], { mode: "overseas" }),
  ALLOWED
)

// 外国人住民: 在留カード with expiry
add(
  "FOR-01",
  "中長期在留者 with a valid 在留カード",
  ["M-Kyoto", "M-Yokote"],
  issuance(
    person(ADULT, { nationality: "foreign", residenceStatus: "period_of_stay", residencePeriodEnd: "2027-01-01" }),
    self,
    ["issuance_notice", { type: "residence_card", expiresOn: "2027-01-01" }]
  ),
  ALLOWED
)
add(
  "FOR-02",
  "中長期在留者 with an expired 在留カード only",
  ["M-Kyoto", "M-Shibushi"],
  issuance(
    person(ADULT, { nationality: "foreign", residenceStatus: "period_of_stay", residencePeriodEnd: "2027-01-01" }),
    self,
    ["issuance_notice", { type: "residence_card", expiresOn: "2026-01-01" }]
  ),
  REFUSED
)

// ---------------------------------------------------------------------------------------------------
// 申請: 申請時来庁方式, 特急発行, 国外転出者向け

const noCard = (birth: string, over: Json = {}) => person(birth, { card: { status: "none" }, ...over })
add(
  "APP-01",
  "standard first application by 本人: free",
  ["M-Miyoshi-H", "M-Tatebayashi", "M-Matsuyama-fee"],
  input("card_application", noCard(ADULT), self, ["passport", "photo"], { mode: "standard" }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-02",
  "申請時来庁方式 by 本人 with licence: free",
  ["M-Nagoya-apply", "M-Noshiro", "M-Matsuyama-fee"],
  input("card_application", noCard(ADULT), self, ["drivers_license"], { mode: "apply_at_counter" }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-03",
  "申請時来庁方式 by a 任意代理人: not possible",
  ["M-Nagoya-apply", "M-Noshiro"],
  input(
    "card_application",
    noCard(OLD),
    proxy("aged_75_plus"),
    ["passport", "drivers_license", ...proxyIds, att("power_of_attorney")],
    {
      mode: "apply_at_counter"
    }
  ),
  REFUSED
)
add(
  "APP-04",
  "申請時来庁方式 for a child with the parent present",
  ["M-Nagoya-apply", "M-Noshiro"],
  input("card_application", noCard(CHILD), parent(), ["passport", att("drivers_license")], {
    mode: "apply_at_counter"
  }),
  { decision: "allowed", feeYen: 0 }
)
const lostCard = (over: Json = {}) => validCard({ status: "lost", ...over })
const EXP = ["M-Meiwa", "M-Kusu", "M-Towada", "M-Mitake", "M-Kishiwada"]
add(
  "APP-05",
  "特急 after loss (紛失届 16 days ago), both certificates: 2,000 円 at application",
  EXP,
  input(
    "card_application",
    person(ADULT, { card: lostCard(), lossReportedOn: "2026-01-25" }),
    self,
    ["passport", "photo"],
    {
      mode: "express",
      cause: "lost",
      eventOn: "2026-01-25",
      certificates: ["signature", "auth"]
    }
  ),
  { decision: "allowed", feeYen: 2000, payableAt: "application" }
)
add(
  "APP-06",
  "特急 after loss without certificates: 1,800 円",
  EXP,
  input(
    "card_application",
    person(ADULT, { card: lostCard(), lossReportedOn: "2026-01-25" }),
    self,
    ["passport", "photo"],
    {
      mode: "express",
      cause: "lost",
      eventOn: "2026-01-25",
      certificates: []
    }
  ),
  { decision: "allowed", feeYen: 1800 }
)
add(
  "APP-07",
  "特急 after loss reported 71 days ago: past the 30-day window",
  ["M-Meiwa", "M-Kusu", "M-Mitake"],
  input(
    "card_application",
    person(ADULT, { card: lostCard(), lossReportedOn: "2025-12-01" }),
    self,
    ["passport", "photo"],
    {
      mode: "express",
      cause: "lost",
      eventOn: "2025-12-01",
      certificates: ["signature", "auth"]
    }
  ),
  REFUSED
)
add(
  "APP-08",
  "特急 for an ordinary first-time applicant: not a target",
  ["M-Mitake", "M-Meiwa"],
  input("card_application", noCard(ADULT), self, ["passport", "photo"], { mode: "express" }),
  REFUSED
)
add(
  "APP-09",
  "特急 by a 任意代理人 (after loss): applicant must attend",
  ["M-Yaita", "M-Kishiwada"],
  input(
    "card_application",
    person(OLD, { card: lostCard(), lossReportedOn: "2026-01-25" }),
    proxy("aged_75_plus"),
    ["passport", "drivers_license", "photo", ...proxyIds, att("power_of_attorney")],
    { mode: "express", cause: "lost", eventOn: "2026-01-25", certificates: ["signature", "auth"] }
  ),
  REFUSED
)
add(
  "APP-10",
  "特急 for a newborn with the 出生届, parent alone: free",
  ["M-Ina", "M-Asahikawa", "M-Mitake", "M-Yaita"],
  input(
    "card_application",
    noCard("2026-01-05"),
    parent({ applicantPresent: false }),
    [att("birth_registration"), att("drivers_license")],
    { mode: "express", eventOn: "2026-01-05" }
  ),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-11",
  "特急 for a child on the 1st birthday: no longer a target",
  ["M-Mitake", "M-Ina", "M-Asahikawa"],
  input(
    "card_application",
    noCard("2025-02-10"),
    parent(),
    ["maternal_child_handbook", "eligibility_certificate", att("drivers_license")],
    {
      mode: "express"
    }
  ),
  REFUSED
)
add(
  "APP-12",
  "特急 after 追記欄 full: free",
  ["M-Mitake", "M-Matsuyama-fee"],
  input(
    "card_application",
    person(ADULT, { endorsementFieldFull: true }),
    self,
    ["my_number_card", "drivers_license", "photo"],
    {
      mode: "express",
      cause: "endorsement_full",
      eventOn: "2026-02-01",
      certificates: ["signature", "auth"]
    }
  ),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-13",
  "特急 after a number change: free",
  ["M-Mitake", "M-Matsuyama-fee"],
  input("card_application", person(ADULT), self, ["my_number_card", "drivers_license", "photo"], {
    mode: "express",
    cause: "number_change",
    eventOn: "2026-02-01",
    certificates: ["signature", "auth"]
  }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-14",
  "国外転出者向け card application by a foreign national: Japanese nationals only",
  ["M-Fukuoka", "M-Kasugai", "M-Ritto"],
  input(
    "card_application",
    noCard(ADULT, { nationality: "foreign", residenceStatus: "permanent_resident", residesAbroad: true }),
    self,
    ["passport", "photo"],
    { mode: "overseas" }
  ),
  REFUSED
)

// ---------------------------------------------------------------------------------------------------
// 再交付: fees (1,000 = 800 + 200; 800 without certificates; free causes)

const REI = ["M-Minabe", "M-Nagoya-lost", "M-Makubetsu", "M-Hikone", "M-Soma", "M-Mitake"]
const FREE = ["M-Matsuyama-fee", "M-Makubetsu"]
const reissue = (
  cause: string,
  docs: ReadonlyArray<Doc>,
  over: Json = {},
  extra: Json = {},
  birth = ADULT,
  attendee: Json = self
) =>
  input(
    "card_reissuance",
    person(birth, { card: lostCard(), lossReportedOn: V, lostOutsideHome: false, ...over }),
    attendee,
    docs,
    {
      cause,
      certificates: ["signature", "auth"],
      ...extra
    }
  )
const lostDocs: ReadonlyArray<Doc> = ["passport", "photo", "loss_circumstances_statement"]
add("REI-01", "lost at home, both certificates: 1,000 円 (800 + 200) at hand-over", REI, reissue("lost", lostDocs), {
  decision: "allowed",
  feeYen: 1000,
  feeItems: [800, 200],
  payableAt: "handover"
})
add("REI-02", "lost, no certificates: 800 円", REI, reissue("lost", lostDocs, {}, { certificates: [] }), {
  decision: "allowed",
  feeYen: 800
})
add(
  "REI-03",
  "child's card lost, 利用者証明用 only, parent present: 1,000 円",
  [...REI, "M-Shimogo"],
  reissue(
    "lost",
    ["passport", "photo", "loss_circumstances_statement", att("drivers_license")],
    {},
    { certificates: ["auth"] },
    CHILD,
    parent()
  ),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-04",
  "damaged by the holder: 1,000 円",
  REI,
  reissue("damaged", ["my_number_card", "drivers_license", "photo"], { card: validCard({ status: "valid" }) }),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-05",
  "own wish (new photo): 1,000 円",
  REI,
  reissue("own_wish", ["my_number_card", "drivers_license", "photo"], { card: validCard() }),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-06",
  "foreign resident whose card lapsed (有効期間変更 missed): 1,000 円",
  ["M-Tamba", "M-Mitake", "M-Hokudai", ...REI],
  reissue("lapsed", [{ type: "residence_card", expiresOn: "2029-03-31" }, "photo"], {
    nationality: "foreign",
    residenceStatus: "period_of_stay",
    residencePeriodEnd: "2029-03-31",
    card: validCard({ status: "expired", expiresOn: "2026-01-31" })
  }),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-07",
  "stolen, police 受理番号: free",
  FREE,
  reissue("stolen", ["passport", "photo", "police_receipt_number"], { lostOutsideHome: true, policeReportFiled: true }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-08",
  "burnt in a fire, り災証明書: free",
  FREE,
  reissue("disaster", ["passport", "photo", "disaster_certificate"], { cardDestroyed: true }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-09",
  "追記欄 full: free",
  FREE,
  reissue("endorsement_full", ["my_number_card", "drivers_license", "photo"], {
    card: validCard(),
    endorsementFieldFull: true
  }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-10",
  "number changed: free",
  FREE,
  reissue("number_change", ["my_number_card", "drivers_license", "photo"], { card: validCard() }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-11",
  "lost with under 3 months to expiry: free",
  FREE,
  reissue("lost", lostDocs, { card: lostCard({ expiresOn: "2026-04-01" }) }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-12",
  "lost, card expires 2026-05-11, visit 2026-02-12 (window open): free",
  [...FREE, "M-Nerima", "M-Tokorozawa"],
  reissue(
    "lost",
    lostDocs,
    { card: lostCard({ expiresOn: "2026-05-11" }), lossReportedOn: "2026-02-12" },
    { visitDate: "2026-02-12" }
  ),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REI-13",
  "lost, card expires 2026-05-11, visit 2026-02-11 (3 months or more left): 1,000 円",
  [...REI, "M-Nerima", "M-Tokorozawa"],
  reissue(
    "lost",
    lostDocs,
    { card: lostCard({ expiresOn: "2026-05-11" }), lossReportedOn: "2026-02-11" },
    { visitDate: "2026-02-11" }
  ),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-14",
  "lost outside the home, no police 受理番号",
  ["M-Nagoya-lost", "M-Makinohara", "M-Tomiya", "M-Kishiwada"],
  reissue("lost", ["passport", "photo"], { lostOutsideHome: true, policeReportFiled: false }),
  { decision: "refused", missing: [{ mentions: "police_receipt_number" }] }
)
add(
  "REI-15",
  "lost outside the home, with police 受理番号: 1,000 円",
  ["M-Nagoya-lost", "M-Makinohara", "M-Tomiya", ...REI],
  reissue("lost", ["passport", "photo", "police_receipt_number"], { lostOutsideHome: true, policeReportFiled: true }),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-16",
  "lost card that had already expired: free",
  FREE,
  reissue("lost", lostDocs, { card: lostCard({ expiresOn: "2025-12-01" }) }),
  { decision: "allowed", feeYen: 0 }
)

// ---------------------------------------------------------------------------------------------------
// カード更新: window opens the day after the date 3 months before expiry (1st of next month if none)

const REN = ["M-Tokorozawa", "M-Ise", "M-Hikone", "M-Matsuyama-fee", "M-Nerima"]
const renewal = (card: Json, visit: string, birth = ADULT) =>
  input("card_renewal", person(birth, { card }), self, ["my_number_card", "drivers_license", "photo"], {
    visitDate: visit
  })
const exp = (expiresOn: string, over: Json = {}) =>
  validCard({
    expiresOn,
    signatureCert: { status: "valid", expiresOn },
    authCert: { status: "valid", expiresOn },
    ...over
  })
add(
  "REN-01",
  "expiry 2026-05-11, visit 2026-02-12: first day",
  REN,
  renewal(exp("2026-05-11"), "2026-02-12"),
  ALLOWED_FREE
)
add("REN-02", "expiry 2026-05-11, visit 2026-02-11: too early", REN, renewal(exp("2026-05-11"), "2026-02-11"), REFUSED)
add(
  "REN-03",
  "expiry 2026-07-07, visit 2026-04-08 (Nerima pattern)",
  REN,
  renewal(exp("2026-07-07"), "2026-04-08"),
  ALLOWED_FREE
)
add("REN-04", "expiry 2026-07-07, visit 2026-04-07", REN, renewal(exp("2026-07-07"), "2026-04-07"), REFUSED)
add("REN-05", "expiry 2026-05-31 (no 02-31): opens 2026-03-01", REN, renewal(exp("2026-05-31"), "2026-03-01"), ALLOWED)
add("REN-06", "expiry 2026-05-31, visit 2026-02-28", REN, renewal(exp("2026-05-31"), "2026-02-28"), REFUSED)
add("REN-07", "expiry 2026-05-30 (no 02-30): opens 2026-03-01", REN, renewal(exp("2026-05-30"), "2026-03-01"), ALLOWED)
add("REN-08", "expiry 2026-05-30, visit 2026-02-28", REN, renewal(exp("2026-05-30"), "2026-02-28"), REFUSED)
add(
  "REN-09",
  "expiry 2026-05-28, visit 2026-03-01 (Nerima 05-28 pattern)",
  REN,
  renewal(exp("2026-05-28"), "2026-03-01"),
  ALLOWED
)
add("REN-10", "expiry 2026-05-28, visit 2026-02-28", REN, renewal(exp("2026-05-28"), "2026-02-28"), REFUSED)
add("REN-11", "leap year: expiry 2028-05-29, visit 2028-03-01", REN, renewal(exp("2028-05-29"), "2028-03-01"), ALLOWED)
add("REN-12", "leap year: expiry 2028-05-29, visit 2028-02-29", REN, renewal(exp("2028-05-29"), "2028-02-29"), REFUSED)
add("REN-13", "leap year: expiry 2028-05-28, visit 2028-02-29", REN, renewal(exp("2028-05-28"), "2028-02-29"), ALLOWED)
add("REN-14", "on the expiry day", [...REN, "M-Nishinoshima"], renewal(exp("2026-03-10"), "2026-03-10"), ALLOWED_FREE)
add(
  "REN-15",
  "the day after expiry: free re-application",
  ["NAT:JLIS-top", "M-Obihiro", "M-Matsuyama-fee"],
  input(
    "card_renewal",
    person(ADULT, { card: exp("2026-03-10", { status: "expired" }) }),
    self,
    ["drivers_license", "photo", "expiry_notice"],
    {
      visitDate: "2026-03-11"
    }
  ),
  { decision: "allowed", feeYen: 0 }
)
add(
  "REN-16",
  "a year after expiry: still free re-application",
  ["NAT:JLIS-top", "M-Obihiro", "M-Matsuyama-fee"],
  input("card_renewal", person(ADULT, { card: exp("2025-02-10", { status: "expired" }) }), self, [
    "drivers_license",
    "photo"
  ]),
  { decision: "allowed", feeYen: 0 }
)
// Validity from 発行日 alone (no expiresOn): the 2022-04-01 age-18 change and "10回目の誕生日"
// (the "too early" counterparts are not committed: the engine does not yet derive the expiry from 発行日)
const issuedOnly = (issuedOn: string) => ({ status: "valid", issuedOn })
const VAL = ["M-Minato", "M-Yonago", "M-Miyoshi-T", "M-Hanno", "M-Tokorozawa", "M-Nerima"]
add(
  "VAL-01",
  "18 at issuance on 2022-02-10 (old rule, <20): card ends on the 5th birthday 2026-08-20; window from 2026-05-21",
  VAL,
  renewal(issuedOnly("2022-02-10"), "2026-05-21", "2003-08-20"),
  ALLOWED
)
add(
  "VAL-02",
  "same person, 2026-05-20: not yet",
  VAL,
  renewal(issuedOnly("2022-02-10"), "2026-05-20", "2003-08-20"),
  REFUSED
)
add(
  "VAL-03",
  "19 at issuance on 2023-06-01 (new rule, ≥18): 10th birthday 2033-01-15, so no renewal in 2027-10",
  VAL,
  renewal(issuedOnly("2023-06-01"), "2027-10-16", "2004-01-15"),
  REFUSED
)
add(
  "VAL-04",
  "17 at issuance on 2023-06-01: 5th birthday 2028-01-10; window from 2027-10-11",
  VAL,
  renewal(issuedOnly("2023-06-01"), "2027-10-11", "2006-01-10"),
  ALLOWED
)
add(
  "VAL-05",
  "17 at issuance: 2027-10-10 too early",
  VAL,
  renewal(issuedOnly("2023-06-01"), "2027-10-10", "2006-01-10"),
  REFUSED
)
add(
  "VAL-06",
  "adult issued 2016-03-15, birthday 03-20: 10th birthday 2025-03-20 (≈9 years); window from 2024-12-21",
  [...VAL, "M-Miyakonojo"],
  renewal(issuedOnly("2016-03-15"), "2024-12-21", "1986-03-20"),
  ALLOWED
)
add(
  "VAL-07",
  "same adult, 2024-12-20: too early",
  [...VAL, "M-Miyakonojo"],
  renewal(issuedOnly("2016-03-15"), "2024-12-20", "1986-03-20"),
  REFUSED
)
add(
  "VAL-08",
  "foreign resident, period of stay to 2026-04-30: card capped there; window from 2026-01-31",
  ["M-Yonago", "M-Miyake", "M-Yokote", "M-Okazaki", "M-Tokorozawa"],
  input(
    "card_renewal",
    person(ADULT, {
      nationality: "foreign",
      residenceStatus: "period_of_stay",
      residencePeriodEnd: "2026-04-30",
      card: issuedOnly("2023-04-10")
    }),
    self,
    [{ type: "residence_card", expiresOn: "2029-04-30" }, "photo"],
    { visitDate: "2026-02-10" }
  ),
  ALLOWED
)

// ---------------------------------------------------------------------------------------------------
// 電子証明書の更新 (window per Nerima / Nishinoshima) and 発行

const CRN = ["NAT:JLIS-top", "NAT:JLIS-period", "M-Nerima", "M-Nishinoshima", "M-Higashimurayama"]
const certRenewal = (
  certExpiry: string,
  visit: string,
  attendee: Json = self,
  docs: ReadonlyArray<Doc> = ["my_number_card"],
  birth = ADULT,
  over: Json = {},
  extra: Json = {}
) =>
  input(
    "cert_renewal",
    person(birth, {
      card: validCard({
        expiresOn: "2031-06-15",
        signatureCert: { status: "valid", expiresOn: certExpiry },
        authCert: { status: "valid", expiresOn: certExpiry }
      }),
      ...over
    }),
    attendee,
    docs,
    { visitDate: visit, ...extra }
  )
add(
  "CRN-01",
  "DESIGN example: certificates expire 2027-04-01, visit 2027-01-15",
  CRN,
  {
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
  },
  ALLOWED_FREE
)
add("CRN-02", "Nerima: expiry 2023-07-07, visit 2023-04-08", CRN, certRenewal("2023-07-07", "2023-04-08"), ALLOWED_FREE)
add("CRN-03", "Nerima: expiry 2023-07-07, visit 2023-04-07", CRN, certRenewal("2023-07-07", "2023-04-07"), REFUSED)
add("CRN-04", "Nerima: expiry 2023-05-28, visit 2023-03-01", CRN, certRenewal("2023-05-28", "2023-03-01"), ALLOWED)
add("CRN-05", "Nerima: expiry 2023-05-28, visit 2023-02-28", CRN, certRenewal("2023-05-28", "2023-02-28"), REFUSED)
add(
  "CRN-06",
  "Nishinoshima: expiry 2026-05-01, visit 2026-02-02",
  CRN,
  certRenewal("2026-05-01", "2026-02-02"),
  ALLOWED
)
add(
  "CRN-07",
  "Nishinoshima: expiry 2026-05-01, visit 2026-02-01",
  CRN,
  certRenewal("2026-05-01", "2026-02-01"),
  REFUSED
)
add("CRN-08", "on the certificates' expiry day", CRN, certRenewal("2026-05-01", "2026-05-01"), ALLOWED_FREE)
add(
  "CRN-09",
  "the day after expiry: no renewal, but a free new issuance (CERT_EXPIRED_NEW_ISSUANCE)",
  ["NAT:JLIS-top", "M-Ozu", "M-Obihiro"],
  certRenewal("2026-05-01", "2026-05-02"),
  { decision: "allowed", feeYen: 0 }
)
add(
  "CRN-10",
  "任意代理人 with the sealed 照会書兼回答書 and photo ID: same day",
  ["M-Sakuragawa", "M-Yosano", "M-Kasai", "M-Higashimatsuyama"],
  certRenewal("2026-04-01", V, proxy(null), [
    "my_number_card",
    { type: "inquiry_reply", completed: true, sealed: true },
    att("drivers_license")
  ]),
  ALLOWED_FREE
)
add(
  "CRN-11",
  "任意代理人 without the 照会書兼回答書: 照会書 mailed, second visit",
  ["M-Kasai", "M-Sakuragawa"],
  certRenewal("2026-04-01", V, proxy(null), ["my_number_card", att("drivers_license")]),
  { decision: "needs_second_visit" }
)
add(
  "CRN-12",
  "任意代理人 with the 回答書 but no photo ID (年金手帳 + 社員証)",
  ["M-Kasai", "M-Higashimatsuyama"],
  certRenewal("2026-04-01", V, proxy(null), [
    "my_number_card",
    { type: "inquiry_reply", completed: true, sealed: true },
    att("pension_book"),
    att("employee_id")
  ]),
  { decisionOneOf: ["refused", "needs_second_visit"] }
)
add(
  "CRN-13",
  "parent for a 10-year-old, 利用者証明用 only",
  ["M-Kasai", "M-Aikawa", "M-Sakuragawa", "M-Shimogo"],
  certRenewal(
    "2026-04-01",
    V,
    parent(),
    ["my_number_card", att("drivers_license")],
    CHILD,
    {},
    { certificates: ["auth"] }
  ),
  ALLOWED_FREE
)
add(
  "CRN-14",
  "parent for a 10-year-old asking for 署名用: not issued under 15",
  ["M-Shimogo", "M-Hakodate", "M-Fukuchiyama"],
  certRenewal(
    "2026-04-01",
    V,
    parent(),
    ["my_number_card", att("drivers_license")],
    CHILD,
    {},
    { certificates: ["signature"] }
  ),
  REFUSED
)
add(
  "CRN-15",
  "成年後見人 for a ward, 利用者証明用 only, with 登記事項証明書",
  ["M-Kasai", "M-Aikawa"],
  certRenewal(
    "2026-04-01",
    V,
    guardian(),
    ["my_number_card", att("drivers_license"), att("guardianship_registry_certificate")],
    "1970-01-20",
    {
      adultGuardianship: true
    },
    { certificates: ["auth"] }
  ),
  ALLOWED_FREE
)
add(
  "CRN-16",
  "parent without official photo ID (B×2): no same-day issue",
  ["M-Kasai"],
  certRenewal(
    "2026-04-01",
    V,
    parent(),
    ["my_number_card", att("pension_book"), att("employee_id")],
    CHILD,
    {},
    { certificates: ["auth"] }
  ),
  { decisionOneOf: ["refused", "needs_second_visit"] }
)

const CIS = ["NAT:JLIS-top", "M-Ozu", "M-Obihiro", "M-Saka", "M-Kawaguchi"]
const certIssue = (
  certs: Json,
  attendee: Json = self,
  docs: ReadonlyArray<Doc> = ["my_number_card"],
  birth = ADULT,
  over: Json = {},
  extra: Json = {}
) => input("cert_issuance", person(birth, { card: validCard(certs), ...over }), attendee, docs, extra)
add(
  "CIS-01",
  "certificates expired 2025-12-01: new issuance, free",
  CIS,
  certIssue({
    signatureCert: { status: "valid", expiresOn: "2025-12-01" },
    authCert: { status: "valid", expiresOn: "2025-12-01" }
  }),
  ALLOWED_FREE
)
add(
  "CIS-02",
  "署名用 lapsed after moving (利用者証明用 valid): new 署名用, free",
  ["M-Saka", "M-Ebetsu", "M-Akiruno", "M-Kawaguchi"],
  certIssue(
    { signatureCert: { status: "lapsed" }, authCert: { status: "valid", expiresOn: "2026-06-15" } },
    self,
    ["my_number_card"],
    ADULT,
    {},
    {
      certificates: ["signature"]
    }
  ),
  ALLOWED_FREE
)
add(
  "CIS-03",
  "署名用 on the 15th birthday",
  ["M-Hakodate", "M-Ogawa"],
  certIssue(
    { signatureCert: { status: "none" } },
    self,
    ["my_number_card"],
    "2011-02-10",
    {},
    { certificates: ["signature"] }
  ),
  ALLOWED_FREE
)
add(
  "CIS-04",
  "署名用 for a 14-year-old (15th birthday tomorrow), parent present",
  ["M-Shimogo", "M-Hakodate", "M-Fukuchiyama"],
  certIssue(
    { signatureCert: { status: "none" } },
    parent(),
    ["my_number_card", att("drivers_license")],
    "2011-02-11",
    {},
    {
      certificates: ["signature"]
    }
  ),
  REFUSED
)
add(
  "CIS-05",
  "利用者証明用 for a 14-year-old, parent present",
  ["M-Shimogo", "M-Fukuchiyama", "M-Kasai"],
  certIssue(
    { signatureCert: { status: "none" }, authCert: { status: "none" } },
    parent(),
    ["my_number_card", att("drivers_license")],
    "2011-02-11",
    {},
    {
      certificates: ["auth"]
    }
  ),
  ALLOWED_FREE
)
add(
  "CIS-06",
  "署名用 for an adult ward: not issued",
  ["M-Minabe", "M-Kasai", "M-Ebetsu"],
  certIssue(
    { signatureCert: { status: "none" } },
    guardian(),
    ["my_number_card", att("drivers_license"), att("guardianship_registry_certificate")],
    "1970-01-20",
    {
      adultGuardianship: true
    },
    { certificates: ["signature"] }
  ),
  REFUSED
)
add(
  "CIS-07",
  "利用者証明用 for an adult ward, applied for by the 成年後見人",
  ["M-Kasai", "M-Aikawa"],
  certIssue(
    { signatureCert: { status: "none" }, authCert: { status: "none" } },
    guardian(),
    ["my_number_card", att("drivers_license"), att("guardianship_registry_certificate")],
    "1970-01-20",
    { adultGuardianship: true },
    { certificates: ["auth"] }
  ),
  ALLOWED_FREE
)
add(
  "CIS-08",
  "任意代理人, new issuance without 照会書兼回答書: mailed inquiry, second visit",
  ["M-Kasai"],
  certIssue({ signatureCert: { status: "lapsed" }, authCert: { status: "lapsed" } }, proxy(null), [
    "my_number_card",
    att("drivers_license")
  ]),
  { decision: "needs_second_visit" }
)
add(
  "CIS-09",
  "任意代理人 on the second visit with the sealed 回答書 and photo ID",
  ["M-Kasai"],
  certIssue(
    { signatureCert: { status: "lapsed" }, authCert: { status: "lapsed" } },
    proxy(null),
    ["my_number_card", { type: "inquiry_reply", completed: true, sealed: true }, att("drivers_license")],
    ADULT,
    { inquiryMailedOn: "2026-01-26" }
  ),
  ALLOWED_FREE
)
add(
  "CIS-10",
  "card expired: no certificate can be issued on it",
  ["M-Biei", "M-Higashimurayama", "M-Uji"],
  certIssue({
    status: "expired",
    expiresOn: "2026-01-31",
    signatureCert: { status: "lapsed" },
    authCert: { status: "lapsed" }
  }),
  REFUSED
)
add(
  "CIS-11",
  "署名用 for a 16-year-old",
  ["M-Hakodate", "M-Ogawa"],
  certIssue(
    { signatureCert: { status: "none" } },
    self,
    ["my_number_card"],
    "2009-07-01",
    {},
    { certificates: ["signature"] }
  ),
  ALLOWED_FREE
)

// ---------------------------------------------------------------------------------------------------
// 暗証番号 初期化・再設定

const PIN = ["M-Ageo", "M-Karatsu", "M-Kikuchi"]
const pin = (attendee: Json, docs: ReadonlyArray<Doc>, birth = ADULT, over: Json = {}) =>
  input("pin_reset", person(birth, { pinForgotten: true, ...over }), attendee, docs)
add("PIN-01", "本人 with card + licence: free", PIN, pin(self, ["my_number_card", "drivers_license"]), ALLOWED_FREE)
add("PIN-02", "本人 with card + passport", PIN, pin(self, ["my_number_card", "passport"]), ALLOWED)
add(
  "PIN-03",
  "任意代理人, first visit: 照会書兼回答書 mailed, second visit",
  PIN,
  pin(proxy(null), ["my_number_card", att("drivers_license")]),
  { decision: "needs_second_visit" }
)
add(
  "PIN-04",
  "任意代理人 (same household) first visit: still the 照会書 route",
  PIN,
  pin(proxy(null, { relation: "spouse", sameHousehold: true }), ["my_number_card", att("drivers_license")]),
  { decision: "needs_second_visit" }
)
add(
  "PIN-05",
  "任意代理人 on the second visit with the sealed 照会書兼回答書",
  PIN,
  pin(
    proxy(null),
    ["my_number_card", { type: "inquiry_reply", completed: true, sealed: true }, att("drivers_license")],
    ADULT,
    {
      inquiryMailedOn: "2026-01-26"
    }
  ),
  ALLOWED_FREE
)
add(
  "PIN-06",
  "parent for a 10-year-old: child's card + passport, parent A×2",
  ["M-Ageo"],
  pin(parent(), ["my_number_card", "passport", att("drivers_license"), att("passport")], CHILD),
  ALLOWED_FREE
)
add(
  "PIN-07",
  "成年後見人 for a ward with 登記事項証明書",
  ["M-Ageo"],
  pin(
    guardian(),
    ["my_number_card", "passport", att("drivers_license"), att("passport"), att("guardianship_registry_certificate")],
    "1970-01-20",
    {
      adultGuardianship: true
    }
  ),
  ALLOWED_FREE
)
add(
  "PIN-08",
  "本人 without the card",
  ["M-Ageo", "M-Karatsu", "M-Kikuchi", "M-Itoigawa", "M-Ozu-pin"],
  pin(self, ["drivers_license", "passport"]),
  { decision: "refused", missing: [{ mentions: "my_number_card" }] }
)

// ---------------------------------------------------------------------------------------------------
// 一時停止解除

const SUS = ["M-Tokai", "M-Tomiya", "M-Chikuhoku", "M-Fujinomiya"]
const susp = (attendee: Json, docs: ReadonlyArray<Doc>, cardOver: Json = {}, birth = ADULT) =>
  input(
    "suspension_lift",
    person(birth, { card: validCard({ status: "suspended", ...cardOver }), cardFoundOn: "2026-02-08" }),
    attendee,
    docs
  )
add(
  "SUS-01",
  "本人 with the found card + licence: free",
  SUS,
  susp(self, ["my_number_card", "drivers_license"]),
  ALLOWED_FREE
)
add(
  "SUS-02",
  "card already 廃止 (紛失届 filed): cannot be lifted",
  ["M-Tomiya"],
  input("suspension_lift", person(ADULT, { card: validCard({ status: "abolished" }) }), self, [
    "my_number_card",
    "drivers_license"
  ]),
  REFUSED
)
add(
  "SUS-03",
  "任意代理人 with the sealed 照会兼回答書",
  ["M-Chikuhoku"],
  susp(proxy(null), [
    "my_number_card",
    { type: "inquiry_reply", completed: true, sealed: true },
    att("drivers_license")
  ]),
  ALLOWED
)
add(
  "SUS-04",
  "parent for a 10-year-old",
  ["M-Chikuhoku"],
  susp(parent(), ["my_number_card", "passport", att("drivers_license")], {}, CHILD),
  ALLOWED
)
add("SUS-05", "本人 without the found card", ["M-Tokai", "M-Tomiya"], susp(self, ["drivers_license"]), {
  decision: "refused",
  missing: [{ mentions: "my_number_card" }]
})

// ---------------------------------------------------------------------------------------------------
// 券面記載事項変更 / 継続利用

const SCH = ["M-Kawaguchi", "M-Koshigaya", "M-Akitakata-change"]
const change = (attendee: Json, docs: ReadonlyArray<Doc>, birth = ADULT, over: Json = {}) =>
  input(
    "surface_change",
    person(birth, { changeKind: "address", addressChangedOn: "2026-02-05", canEnterPins: true, ...over }),
    attendee,
    docs
  )
add("SCH-01", "本人, address change 5 days ago: free", SCH, change(self, ["my_number_card"]), ALLOWED_FREE)
add(
  "SCH-02",
  "同一世帯員 (spouse) the same day",
  SCH,
  change(proxy(null, { relation: "spouse", sameHousehold: true }), ["my_number_card", att("drivers_license")]),
  ALLOWED
)
add(
  "SCH-03",
  "任意代理人 of another household: 文書照会, second visit",
  ["M-Koshigaya", "M-Kawaguchi"],
  change(proxy(null, { relation: "sibling", sameHousehold: false }), [
    "my_number_card",
    att("drivers_license"),
    att("power_of_attorney")
  ]),
  { decision: "needs_second_visit" }
)
add(
  "SCH-04",
  "追記欄 full: cannot endorse (free re-issuance instead)",
  ["M-Kawaguchi", "M-Matsuyama-fee"],
  change(self, ["my_number_card"], ADULT, { endorsementFieldFull: true }),
  REFUSED
)
add(
  "SCH-05",
  "10-year-old: grandparent of the same household may do it",
  ["M-Akitakata-change"],
  change(
    proxy(null, { relation: "grandparent", sameHousehold: true }),
    ["my_number_card", att("drivers_license")],
    CHILD
  ),
  ALLOWED
)
add(
  "SCH-06",
  "10-year-old: proxy of another household may not",
  ["M-Akitakata-change"],
  change(
    proxy(null, { relation: "grandparent", sameHousehold: false }),
    ["my_number_card", att("drivers_license"), att("power_of_attorney")],
    CHILD
  ),
  REFUSED
)
add(
  "SCH-07",
  "parent for a 10-year-old",
  ["M-Akitakata-change"],
  change(parent(), ["my_number_card", att("drivers_license")], CHILD),
  ALLOWED
)
add(
  "SCH-08",
  "name change after marriage, 本人",
  SCH,
  change(self, ["my_number_card"], ADULT, { changeKind: "name", addressChangedOn: null }),
  ALLOWED_FREE
)

const CON = ["M-Tomakomai", "M-Kuwana", "M-Minoh", "M-Kawaguchi"]
const contUse = (attendee: Json, docs: ReadonlyArray<Doc>, over: Json, birth = ADULT) =>
  input("continued_use", person(birth, { canEnterPins: true, ...over }), attendee, docs)
add(
  "CON-01",
  "moved in 2026-01-20, 転入届 2026-01-25: continued use",
  CON,
  contUse(self, ["my_number_card"], {
    movedInOn: "2026-01-20",
    moveInReportedOn: "2026-01-25",
    plannedMoveOutOn: "2026-01-18"
  }),
  ALLOWED_FREE
)
add(
  "CON-02",
  "転入届 filed at this visit, moved in 3 days ago",
  CON,
  contUse(self, ["my_number_card"], { movedInOn: "2026-02-07", plannedMoveOutOn: "2026-02-06" }),
  ALLOWED_FREE
)
add(
  "CON-03",
  "転入届 123 days ago: card lapsed after 90 days",
  CON,
  contUse(self, ["my_number_card"], {
    movedInOn: "2025-10-05",
    moveInReportedOn: "2025-10-10",
    plannedMoveOutOn: "2025-10-04"
  }),
  REFUSED
)
add(
  "CON-04",
  "転入届 24 days after moving in (over 14): card lapsed",
  CON,
  contUse(self, ["my_number_card"], {
    movedInOn: "2026-01-01",
    moveInReportedOn: "2026-01-25",
    plannedMoveOutOn: "2025-12-31"
  }),
  REFUSED
)
add(
  "CON-05",
  "転入届 over 30 days after the 転出予定日: card lapsed",
  CON,
  contUse(self, ["my_number_card"], {
    movedInOn: "2026-01-05",
    moveInReportedOn: "2026-01-05",
    plannedMoveOutOn: "2025-12-01"
  }),
  REFUSED
)
add(
  "CON-06",
  "同一世帯員 the same day",
  ["M-Koshigaya", "M-Kawaguchi"],
  contUse(proxy(null, { relation: "spouse", sameHousehold: true }), ["my_number_card", att("drivers_license")], {
    movedInOn: "2026-01-20",
    moveInReportedOn: "2026-01-25",
    plannedMoveOutOn: "2026-01-18"
  }),
  ALLOWED
)
add(
  "CON-07",
  "任意代理人 of another household: second visit",
  ["M-Koshigaya", "M-Kawaguchi"],
  contUse(
    proxy(null, { relation: "sibling", sameHousehold: false }),
    ["my_number_card", att("drivers_license"), att("power_of_attorney")],
    {
      movedInOn: "2026-01-20",
      moveInReportedOn: "2026-01-25",
      plannedMoveOutOn: "2026-01-18"
    }
  ),
  { decision: "needs_second_visit" }
)

// ---------------------------------------------------------------------------------------------------
// 外国人住民: 有効期間変更 / 特例期間延長

const FOREIGN = ["M-Yokote", "M-Miyake", "M-Ishinomaki", "M-Akitakata-foreign", "M-Hokudai", "M-Kasai-foreign"]
const stay = (cardExpiry: string, over: Json = {}) =>
  person(ADULT, {
    nationality: "foreign",
    residenceStatus: "period_of_stay",
    residencePeriodEnd: "2029-03-31",
    stayRenewed: true,
    canEnterPins: true,
    card: exp(cardExpiry, { issuedOn: "2023-04-10" }),
    ...over
  })
add(
  "VCH-01",
  "stay renewed to 2029-03-31, card ends 2026-03-31: 有効期間変更, free",
  FOREIGN,
  input("validity_change", stay("2026-03-31"), self, [
    "my_number_card",
    { type: "residence_card", expiresOn: "2029-03-31" }
  ]),
  ALLOWED_FREE
)
add(
  "VCH-02",
  "on the card's expiry day",
  FOREIGN,
  input(
    "validity_change",
    stay("2026-03-31"),
    self,
    ["my_number_card", { type: "residence_card", expiresOn: "2029-03-31" }],
    {
      visitDate: "2026-03-31"
    }
  ),
  ALLOWED
)
add(
  "VCH-03",
  "after the card expired: too late (card lapsed)",
  [...FOREIGN, "M-Tamba"],
  input(
    "validity_change",
    stay("2026-03-31", { card: exp("2026-03-31", { status: "expired", issuedOn: "2023-04-10" }) }),
    self,
    ["my_number_card", { type: "residence_card", expiresOn: "2029-03-31" }],
    { visitDate: "2026-04-05" }
  ),
  REFUSED
)
add(
  "VCH-04",
  "Japanese national: no 有効期間変更",
  FOREIGN,
  input("validity_change", person(ADULT, { canEnterPins: true }), self, ["my_number_card"]),
  REFUSED
)
const pendingStay = (cardExpiry: string, status = "valid") =>
  stay(cardExpiry, {
    stayRenewed: false,
    stayRenewalPending: true,
    residencePeriodEnd: cardExpiry,
    card: exp(cardExpiry, { status, issuedOn: "2023-04-10" })
  })
add(
  "SPX-01",
  "stay renewal pending (stamp on 在留カード), card ends 2026-03-31: 特例期間延長",
  FOREIGN,
  input(
    "special_extension",
    pendingStay("2026-03-31"),
    self,
    ["my_number_card", { type: "residence_card", renewalPendingStamp: true }],
    {
      visitDate: "2026-03-20"
    }
  ),
  ALLOWED_FREE
)
add(
  "SPX-02",
  "after the card expired: 特例期間延長 impossible",
  FOREIGN,
  input(
    "special_extension",
    pendingStay("2026-03-31", "expired"),
    self,
    ["my_number_card", { type: "residence_card", renewalPendingStamp: true }],
    {
      visitDate: "2026-04-02"
    }
  ),
  REFUSED
)
add(
  "SPX-03",
  "no renewal of stay pending: nothing to extend",
  FOREIGN,
  input(
    "special_extension",
    stay("2026-03-31", { stayRenewed: false, stayRenewalPending: false, residencePeriodEnd: "2026-03-31" }),
    self,
    ["my_number_card", "residence_card"],
    { visitDate: "2026-03-20" }
  ),
  REFUSED
)

// ---------------------------------------------------------------------------------------------------
// 国外継続利用: with the 国外転出届, no later than the day before departure; Japanese nationals only

const OCU = ["M-Fukuoka", "M-Kasugai", "M-Ritto", "M-Nagayo", "M-Fukaya", "M-Oguchi"]
const ocu = (
  visit: string,
  over: Json = {},
  attendee: Json = self,
  docs: ReadonlyArray<Doc> = ["my_number_card"],
  birth = ADULT
) =>
  input(
    "overseas_continued_use",
    person(birth, { departureDate: "2026-03-01", canEnterPins: true, ...over }),
    attendee,
    docs,
    { visitDate: visit }
  )
add("OCU-01", "3 weeks before departure", OCU, ocu("2026-02-10"), ALLOWED_FREE)
add("OCU-02", "the day before departure", OCU, ocu("2026-02-28"), ALLOWED)
add("OCU-03", "on the departure day: too late", OCU, ocu("2026-03-01"), REFUSED)
add("OCU-04", "after departure", OCU, ocu("2026-03-05"), REFUSED)
add(
  "OCU-05",
  "foreign national: card lapses on departure",
  OCU,
  ocu("2026-02-10", { nationality: "foreign", residenceStatus: "permanent_resident" }, self, [
    "my_number_card",
    "residence_card"
  ]),
  REFUSED
)
add(
  "OCU-06",
  "card already expired",
  OCU,
  ocu("2026-02-10", { card: exp("2026-01-31", { status: "expired" }) }),
  REFUSED
)
add(
  "OCU-07",
  "parent for a 10-year-old",
  ["M-Oguchi", "M-Inazawa"],
  ocu("2026-02-10", {}, parent(), ["my_number_card", "passport", att("drivers_license")], CHILD),
  ALLOWED
)

// ---------------------------------------------------------------------------------------------------
// 通知カード再交付: abolished 2020-05-25, always refused

const NCR = ["NAT:SOUMU-tsuchi", "M-Gifu", "M-Nagoya-tsuchi"]
add(
  "NCR-01",
  "本人 who lost the 通知カード",
  NCR,
  input(
    "notification_card_reissuance",
    person(ADULT, { holdsNotificationCard: false, notificationCardLost: true, card: { status: "none" } }),
    self,
    ["passport"]
  ),
  { decision: "refused", feeYen: 0 }
)
add(
  "NCR-02",
  "by a proxy with a 委任状",
  NCR,
  input(
    "notification_card_reissuance",
    person(ADULT, { notificationCardLost: true, card: { status: "none" } }),
    proxy(null),
    ["passport", att("drivers_license"), att("power_of_attorney")]
  ),
  REFUSED
)
add(
  "NCR-03",
  "parent for a child",
  NCR,
  input(
    "notification_card_reissuance",
    person(CHILD, { notificationCardLost: true, card: { status: "none" } }),
    parent(),
    ["passport", att("drivers_license")]
  ),
  REFUSED
)
add(
  "NCR-04",
  "damaged 通知カード brought, in 2021",
  NCR,
  input(
    "notification_card_reissuance",
    person(ADULT, { holdsNotificationCard: true, card: { status: "none" } }),
    self,
    ["notification_card", "drivers_license"],
    { visitDate: "2021-04-01" }
  ),
  REFUSED
)

// ---------------------------------------------------------------------------------------------------
// 番号確認 and 返納

const NUM = ["NAT:SOUMU-tsuchi", "NAT:JLIS-tsuchi", "M-Gifu", "M-Nabari", "M-Mitaka"]
const numCheck = (docs: ReadonlyArray<Doc>) =>
  input("number_verification", person(ADULT, { card: { status: "none" } }), self, docs)
add(
  "NUM-01",
  "My Number card proves the number",
  NUM,
  input("number_verification", person(ADULT), self, ["my_number_card"]),
  ALLOWED
)
add(
  "NUM-02",
  "通知カード matching the 住民票 still proves the number",
  NUM,
  numCheck([{ type: "notification_card", matchesResidentRecord: true }, "drivers_license"]),
  ALLOWED
)
add(
  "NUM-03",
  "通知カード not matching the 住民票 does not",
  NUM,
  numCheck([{ type: "notification_card", matchesResidentRecord: false }, "drivers_license"]),
  REFUSED
)
add("NUM-04", "個人番号通知書 is not number proof", NUM, numCheck(["number_notice", "drivers_license"]), REFUSED)
add(
  "RET-01",
  "返納 by 本人",
  ["M-Nagoya-lost"],
  input("card_return", person(ADULT), self, ["my_number_card", "drivers_license"]),
  { decision: "allowed", feeYen: 0 }
)

// ---------------------------------------------------------------------------------------------------
// Further probes across procedures

add(
  "ISS-32",
  "健康保険証 + 資格確認書 in 2026: the 保険証 has expired, only B×1",
  ["NAT:DIGITAL-faq", "M-Shibushi", "M-Koshigaya"],
  selfIssue(["health_insurance_card", "eligibility_certificate"]),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "ISS-33",
  "資格確認書 past its printed expiry + 年金手帳",
  ["M-Shibushi", "M-Kyoto", "NAT:DIGITAL-faq"],
  selfIssue([{ type: "eligibility_certificate", expiresOn: "2026-01-31" }, "pension_book"]),
  REFUSED
)
add(
  "ISS-34",
  "expired passport + valid licence: the licence suffices",
  ["M-Shibushi", "M-Kyoto"],
  selfIssue([{ type: "passport", expiresOn: "2025-10-01" }, "drivers_license"]),
  ALLOWED
)
add(
  "ISS-35",
  "nothing waiting to be handed over (no card applied for)",
  ["M-Hagi", "NAT:S-manual"],
  input("card_issuance", person(ADULT, { card: { status: "none" } }), self, ["issuance_notice", "passport"]),
  REFUSED
)
add(
  "AGE-15",
  "under 15 with parent: child's B×2 (母子健康手帳 + 資格確認書)",
  LR,
  issuance(person(CHILD), parent(), [
    "issuance_notice",
    "maternal_child_handbook",
    "eligibility_certificate",
    att("drivers_license")
  ]),
  ALLOWED
)
add(
  "AGE-16",
  "under 15 with parent: child's passport expired",
  [...LR, "M-Shibushi"],
  issuance(person(CHILD), parent(), [
    "issuance_notice",
    { type: "passport", expiresOn: "2025-05-05" },
    att("drivers_license")
  ]),
  { decision: "refused", missing: [idMissing("applicant")] }
)
add(
  "AGE-17",
  "under 15 with the 未成年後見人 (same household)",
  LR,
  issuance(person(CHILD), parent({ relation: "minor_guardian" }), [
    "issuance_notice",
    "passport",
    att("drivers_license"),
    att("family_register")
  ]),
  ALLOWED
)
add(
  "PRX-36",
  "妊婦 without 疎明資料",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue("1995-03-03", "pregnant", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "maternal_child_handbook" }] }
)
add(
  "PRX-37",
  "長期出張 without 疎明資料",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(MID, "long_business_trip", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "business_trip_order" }] }
)
add(
  "PRX-38",
  "海外留学 without 疎明資料",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue("2003-03-03", "study_abroad", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "visa_copy" }] }
)
add(
  "PRX-39",
  "要介護 without 疎明資料 (no 介護保険証, no 通知書)",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  proxyIssue(MID, "care_certified", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "care_certification_notice" }] }
)
add(
  "PRX-40",
  "reason 'under 15' given for a 40-year-old",
  ["M-Koka", "M-Saiki"],
  proxyIssue("1986-01-01", "under_15", [proxyNotice(), "passport", "drivers_license", ...proxyIds]),
  REFUSED
)
add(
  "PRX-41",
  "高校生 reason, parent (法定代理人) alone with 学生証",
  [...PRX, "M-Saiki", "M-Yuzawa"],
  issuance(person("2009-07-01"), parent({ applicantPresent: false, reason: "high_school_student" }), [
    proxyNotice(),
    "passport",
    "student_id",
    ...proxyIds
  ]),
  ALLOWED
)
add(
  "PRX-42",
  "75歳以上, proxy unrelated to the applicant (委任状 suffices)",
  [...PRX, "M-Yokohama"],
  proxyIssue(
    OLD,
    "aged_75_plus",
    [proxyNotice(), "passport", "drivers_license", ...proxyIds],
    {},
    { relation: "other" }
  ),
  ALLOWED
)
add(
  "PRX-43",
  "proxy's licence expired, plus passport: only A×1 valid",
  ["M-Owariasahi", "M-Shibushi"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "passport",
    "drivers_license",
    att("drivers_license", { expiresOn: "2026-01-01" }),
    att("passport")
  ]),
  REFUSED
)
add(
  "PRX-44",
  "proxy's ID: 顔写真証明書 + 年金手帳 + 社員証 (no official photo)",
  ["M-Shibushi", "M-Owariasahi", "M-Yokohama"],
  proxyIssue(OLD, "aged_75_plus", [
    proxyNotice(),
    "passport",
    "drivers_license",
    att("face_photo_certificate"),
    att("pension_book"),
    att("employee_id")
  ]),
  REFUSED
)
add(
  "APP-15",
  "国外転出者向け card application by a Japanese national abroad",
  ["M-Fukuoka", "M-Ritto", "M-Tsuchiura"],
  input("card_application", noCard(ADULT, { residesAbroad: true }), self, ["passport", "photo"], { mode: "overseas" }),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-16",
  "特急 for a child's lost card, parent present, 利用者証明用 only: 2,000 円",
  EXP,
  input(
    "card_application",
    person(CHILD, { card: lostCard(), lossReportedOn: "2026-02-01" }),
    parent(),
    ["passport", "photo", att("drivers_license")],
    { mode: "express", cause: "lost", eventOn: "2026-02-01", certificates: ["auth"] }
  ),
  { decision: "allowed", feeYen: 2000, payableAt: "application" }
)
add(
  "APP-17",
  "特急 for a baby the day before the 1st birthday, parent present",
  ["M-Mitake", "M-Ina", "M-Asahikawa"],
  input(
    "card_application",
    noCard("2025-02-11"),
    parent(),
    ["maternal_child_handbook", "eligibility_certificate", att("drivers_license")],
    {
      mode: "express"
    }
  ),
  { decision: "allowed", feeYen: 0 }
)
add(
  "APP-18",
  "特急 after damage (own fault) 10 days ago: 2,000 円",
  EXP,
  input("card_application", person(ADULT), self, ["my_number_card", "drivers_license", "photo"], {
    mode: "express",
    cause: "damaged",
    eventOn: "2026-01-31",
    certificates: ["signature", "auth"]
  }),
  { decision: "allowed", feeYen: 2000 }
)
add(
  "REI-17",
  "card lapsed by a missed 継続利用 (expiry far off): 1,000 円",
  ["M-Minabe", "M-Makubetsu", "M-Hikone", "M-Mitake", "M-Tomakomai"],
  reissue("lapsed", ["drivers_license", "photo"], {
    card: validCard({ status: "expired" }),
    movedInOn: "2025-09-01",
    moveInReportedOn: "2025-09-05"
  }),
  { decision: "allowed", feeYen: 1000 }
)
add(
  "REI-18",
  "re-issuance after loss as 特急 (mode express): 2,000 円",
  EXP,
  reissue("lost", lostDocs, { lossReportedOn: "2026-02-01" }, { mode: "express", eventOn: "2026-02-01" }),
  { decision: "allowed", feeYen: 2000 }
)
add(
  "CRN-17",
  "任意代理人 with a 回答書 that is not sealed: not the same-day route",
  ["M-Sakuragawa", "M-Yosano", "M-Kasai"],
  certRenewal("2026-04-01", V, proxy(null), [
    "my_number_card",
    { type: "inquiry_reply", completed: true, sealed: false },
    att("drivers_license")
  ]),
  { decisionOneOf: ["refused", "needs_second_visit"] }
)
add("CRN-18", "renewal too early (certificates expire in 5 months)", CRN, certRenewal("2026-07-15", V), REFUSED)
add(
  "SCH-09",
  "card expired: no endorsement",
  ["M-Kawaguchi", "M-Biei"],
  change(self, ["my_number_card"], ADULT, { card: exp("2026-01-31", { status: "expired" }) }),
  REFUSED
)
add(
  "SUS-06",
  "legal representative alone is also accepted: parent for a 10-year-old not present",
  ["M-Chikuhoku"],
  susp(parent({ applicantPresent: false }), ["my_number_card", "passport", att("drivers_license")], {}, CHILD),
  ALLOWED
)
add(
  "VCH-05",
  "permanent resident: ordinary 10/5 rule, nothing to change",
  FOREIGN,
  input(
    "validity_change",
    person(ADULT, { nationality: "foreign", residenceStatus: "permanent_resident", canEnterPins: true }),
    self,
    ["my_number_card", "residence_card"]
  ),
  REFUSED
)

add(
  "CRN-19",
  "certificates capped by a card ending 2026-04-01 (inputs say 2026-06-15): window already open",
  ["M-Higashimurayama", "M-Uji", "M-Adachi-cert", "M-Shime", "M-Nerima"],
  input(
    "cert_renewal",
    person(ADULT, {
      card: validCard({
        expiresOn: "2026-04-01",
        signatureCert: { status: "valid", expiresOn: "2026-06-15" },
        authCert: { status: "valid", expiresOn: "2026-06-15" }
      })
    }),
    self,
    ["my_number_card"]
  ),
  { decision: "allowed" }
)
add(
  "PRX-45",
  "代理交付 without the 交付通知書 (it carries the 委任状 and the concealed PIN)",
  ["NAT:S-manual", "NAT:S-manual-honpen", "M-Owariasahi"],
  proxyIssue(OLD, "aged_75_plus", ["passport", "drivers_license", att("power_of_attorney"), ...proxyIds]),
  { decision: "refused", missing: [{ mentions: "issuance_notice" }] }
)
add(
  "PIN-09",
  "parent for a 10-year-old without the child's card",
  ["M-Ageo"],
  pin(parent(), ["passport", att("drivers_license"), att("passport")], CHILD),
  { decision: "refused", missing: [{ mentions: "my_number_card" }] }
)
add(
  "OCU-08",
  "planned departure but the card is suspended",
  OCU,
  ocu("2026-02-10", { card: validCard({ status: "suspended" }) }),
  REFUSED
)

// ---------------------------------------------------------------------------------------------------
// Malformed input: an unknown code is an error naming its path, never a guess

const good = input("card_issuance", { ...person(ADULT), card: pendingCard }, self, ["issuance_notice", "passport"])
const withPath = (id: string, title: string, inp: Json, path: string) =>
  add(id, title, ["DESIGN:contracts"], inp, { errorPath: path })
withPath("ERR-01", "unknown procedure", { ...good, procedure: "card_magic" }, "procedure")
withPath("ERR-02", "unknown attendee kind", { ...good, attendee: { kind: "friend" } }, "attendee.kind")
withPath("ERR-03", "unknown bare document", { ...good, documents: ["issuance_notice", "library_card"] }, "documents[1]")
withPath(
  "ERR-04",
  "unknown document holder",
  { ...good, documents: ["issuance_notice", { type: "passport", holder: "neighbour" }] },
  "documents[1].holder"
)
withPath(
  "ERR-05",
  "unknown document type in an object",
  { ...good, documents: [{ type: "passportx", holder: "applicant" }] },
  "documents[0].type"
)
withPath(
  "ERR-06",
  "unknown attendee reason",
  { ...good, attendee: { kind: "proxy", reason: "vacation" } },
  "attendee.reason"
)
withPath(
  "ERR-07",
  "unknown relation",
  { ...good, attendee: { kind: "proxy", relation: "friend" } },
  "attendee.relation"
)
withPath(
  "ERR-08",
  "unknown card status",
  { ...good, applicant: { ...person(ADULT), card: { status: "broken" } } },
  "applicant.card.status"
)
withPath("ERR-09", "unknown mode", { ...good, mode: "turbo" }, "mode")
withPath("ERR-10", "unknown cause", { ...good, procedure: "card_reissuance", cause: "meteor" }, "cause")
withPath("ERR-11", "unknown certificate", { ...good, certificates: ["signature", "bank"] }, "certificates[1]")
withPath(
  "ERR-12",
  "unknown nationality",
  { ...good, applicant: { ...person(ADULT), nationality: "US" } },
  "applicant.nationality"
)
withPath(
  "ERR-13",
  "unknown residence status",
  { ...good, applicant: { ...person(ADULT), residenceStatus: "tourist" } },
  "applicant.residenceStatus"
)
withPath("ERR-14", "impossible visit date", { ...good, visitDate: "2026-02-30" }, "visitDate")
withPath(
  "ERR-15",
  "procedure missing",
  { visitDate: V, applicant: person(ADULT), attendee: self, documents: [] },
  "procedure"
)
withPath(
  "ERR-16",
  "unknown certificate status",
  { ...good, applicant: { ...person(ADULT), card: validCard({ authCert: { status: "dead" } }) } },
  "applicant.card.authCert.status"
)

export const reviewCases: ReadonlyArray<ReviewCase> = cases
