/**
 * Rules shared by several procedures: the city's and site's offer (gates), who may represent whom,
 * the reasons accepted when the applicant cannot come and their evidence (rules-sources §4.1–4.2),
 * proof of a legal representative's authority, and the notes every answer may carry (unusable
 * documents, city-staff-only operations, unknown city).
 */
import * as Documents from "../../Documents.ts"
import { HEALTH_INSURANCE_CARDS_EXPIRED } from "../../RuleBook.ts"
import { basis } from "../../Sources.ts"
import {
  AbsenceReason,
  ApplicationMode,
  type DocumentType,
  DocumentType as DocumentTypes,
  Procedure
} from "../../Vocabulary.ts"
import * as Dates from "../dates.ts"
import { type Ctx, Fact } from "./context.ts"
import { type Guard, requires, rule, type Rule, type Step, step } from "./engine.ts"

const { Flag } = Documents
const INQUIRY_REPLY = Documents.indexOf("inquiry_reply")

// ---------------------------------------------------------------------------------------------
// Steps several refusals share: what would make the procedure possible.

/** @category steps */
export const applicantInPerson: Step = step(
  "APPLICANT_IN_PERSON",
  "本人が来庁してください(休日開庁・予約枠もご利用ください)",
  "the applicant must come in person (holiday openings and reservations may help)"
)

/** @category steps */
export const legalRepresentativeInstead: Step = step(
  "LEGAL_REPRESENTATIVE_INSTEAD",
  "法定代理人が、代理権を確認できる書類(戸籍謄本・登記事項証明書)を持ってお越しください",
  "the legal representative should come with proof of authority (family register or guardianship registry certificate)"
)

/** Sites of the city (other than the visited one) where `ok` holds. */
const otherSites = (c: Ctx, ok: (siteId: string, procedures: ReadonlyArray<string> | undefined) => boolean) =>
  (c.profile?.sites ?? []).filter((s) => s.id !== c.site?.id && s.kind !== "back_office" && ok(s.id, s.procedures))

const goElsewhere = (c: Ctx, sites: ReadonlyArray<{ readonly name: { readonly ja: string; readonly en: string } }>) =>
  sites.length === 0
    ? step(
        "GO_TO_CITY_HALL",
        "この手続を扱う市役所の窓口でお手続ください",
        "please do this at the city hall counter that handles it"
      )
    : {
        code: "GO_TO_OTHER_SITE",
        ja: `次の窓口で手続できます: ${sites.map((s) => s.name.ja).join("、")}`,
        en: `this can be done at: ${sites.map((s) => s.name.en).join(", ")}`
      }

// ---------------------------------------------------------------------------------------------
// Gates: what the city and the site offer (preceded by the note on a derived card expiry, which
// every answer that depends on it must carry even when a gate refuses).

const profileBasis = (c: Ctx): string => c.profile?.rules?.basis ?? c.profile?.contract.source ?? "city profile"

const procedureLabel = (p: Procedure) => Procedure.get(p)

const derivedRuleText = (c: Ctx) => {
  const d = c.cardExpiryDerived!
  switch (d.rule) {
    case "residence_period_end":
      return { ja: "在留期間満了日", en: "the end of the period of stay" }
    case "tenth_birthday":
      return {
        ja: `発行日後10回目の誕生日(発行時${d.ageAtBasis}歳、成年年齢${d.adultAge}歳)`,
        en: `the 10th birthday after issuance (aged ${d.ageAtBasis} at issuance, majority at ${d.adultAge})`
      }
    default:
      return {
        ja: `発行日後5回目の誕生日(発行時${d.ageAtBasis}歳、成年年齢${d.adultAge}歳)`,
        en: `the 5th birthday after issuance (aged ${d.ageAtBasis} at issuance, majority at ${d.adultAge})`
      }
  }
}

/** @category rules */
export const gates: ReadonlyArray<Rule> = [
  rule({
    code: "CARD_EXPIRY_DERIVED",
    outcome: "note",
    basis: basis("M-Minato", "M-Yonago", "M-Miyakonojo", "M-Hanno", "M-Miyoshi-T"),
    on: { all: [Fact.CARD_EXPIRY_DERIVED] },
    text: (c) => {
      const d = c.cardExpiryDerived!
      const how = derivedRuleText(c)
      return {
        ja: `カードの有効期限の入力がないため、発行日(${c.card!.issuedOn})と生年月日から ${d.expiresOn}(${how.ja})として判定しました`,
        en: `the card's expiry was not given: from its issuance date (${c.card!.issuedOn}) and the birth date it is taken as ${d.expiresOn} (${how.en})`,
        basis: d.basis
      }
    }
  }),
  rule({
    code: "CITY_PROFILE_NOT_FOUND",
    outcome: "note",
    basis: "DESIGN (national rules by default)",
    on: { all: [Fact.CITY_NOT_FOUND] },
    text: (c) => ({
      ja: `市「${c.input.city}」のプロファイルがないため、全国共通の規則で判定しました`,
      en: `no profile for city ${JSON.stringify(c.input.city)}: decided on the national rules`
    })
  }),
  rule({
    code: "SITE_NOT_FOUND",
    outcome: "note",
    basis: "city profile",
    on: { all: [Fact.SITE_UNKNOWN] },
    text: (c) => ({
      ja: `拠点「${c.input.site}」はこの市のプロファイルにありません(拠点の制限は適用していません)`,
      en: `site ${JSON.stringify(c.input.site)} is not in the city's profile (no site limits applied)`,
      basis: profileBasis(c)
    })
  }),
  rule({
    code: "PROCEDURE_NOT_OFFERED_BY_CITY",
    outcome: "refuse",
    basis: "city profile",
    stop: true,
    on: { all: [Fact.PROFILE] },
    when: (c) => {
      const offered = c.profile?.rules?.procedures
      return offered !== undefined && !offered.includes(c.procedure)
    },
    text: (c) => ({
      ja: `この市では「${procedureLabel(c.procedure).ja}」の手続を受け付けていません`,
      en: `this city does not offer ${procedureLabel(c.procedure).en}`,
      basis: profileBasis(c)
    }),
    next: [
      step(
        "ASK_CITY_DEPARTMENT",
        "この手続を扱う市の担当課に手続の場所と方法をお問い合わせください",
        "ask the city department in charge where and how this procedure is done"
      )
    ]
  }),
  rule({
    code: "PROCEDURE_NOT_OFFERED_AT_SITE",
    outcome: "refuse",
    basis: "city profile",
    stop: true,
    on: { all: [Fact.SITE] },
    when: (c) => c.site!.procedures !== undefined && !c.site!.procedures.includes(c.procedure),
    text: (c) => ({
      ja: `${c.site!.name.ja}では「${procedureLabel(c.procedure).ja}」を行っていません`,
      en: `${procedureLabel(c.procedure).en} is not offered at ${c.site!.name.en}`,
      basis: c.siteRule?.basis ?? profileBasis(c)
    }),
    next: (c) => [
      goElsewhere(
        c,
        otherSites(c, (_, procedures) => procedures === undefined || procedures.includes(c.procedure))
      )
    ]
  }),
  rule({
    code: "CERTIFICATES_NOT_ISSUED_AT_SITE",
    outcome: "refuse",
    basis: "city profile",
    stop: true,
    on: { all: [Fact.SITE_RULE] },
    when: (c) =>
      c.siteRule!.certificates === false && (c.procedure === "cert_issuance" || c.procedure === "cert_renewal"),
    text: (c) => ({
      ja: "この会場では電子証明書の発行・更新を行いません。市役所の窓口で手続してください",
      en: "electronic certificates are not issued or renewed at this venue; please go to the city hall counter",
      basis: c.siteRule?.basis ?? profileBasis(c)
    }),
    next: (c) => [
      goElsewhere(
        c,
        otherSites(
          c,
          (id, procedures) =>
            (procedures === undefined || procedures.includes(c.procedure)) &&
            c.profile?.rules?.sites?.find((r) => r.site === id)?.certificates !== false
        )
      )
    ]
  }),
  rule({
    code: "APPLICATION_MODE_NOT_OFFERED",
    outcome: "refuse",
    basis: "city profile",
    stop: true,
    on: { all: [Fact.PROFILE] },
    when: (c) => {
      if (c.procedure !== "card_application" && c.procedure !== "card_renewal") return false
      const city = c.profile?.rules?.applicationModes
      const site = c.siteRule?.applicationModes
      return (city !== undefined && !city.includes(c.mode)) || (site !== undefined && !site.includes(c.mode))
    },
    text: (c) => ({
      ja: `この${c.siteRule?.applicationModes ? "会場" : "市"}では申請方式「${modeJa(c)}」を受け付けていません`,
      en: `the application mode ${JSON.stringify(c.mode)} is not taken at this ${c.siteRule?.applicationModes ? "site" : "city"}`,
      basis: c.siteRule?.basis ?? profileBasis(c)
    }),
    next: (c) => {
      const city = c.profile?.rules?.applicationModes ?? ApplicationMode.codes
      const site = c.siteRule?.applicationModes
      const offered = city.filter((m) => site === undefined || site.includes(m))
      return [
        offered.length === 0
          ? step("GO_TO_CITY_HALL", "市役所の窓口で申請してください", "please apply at the city hall counter")
          : {
              code: "USE_OFFERED_MODE",
              ja: `ここで受け付ける申請方式で申請してください: ${offered.map((m) => ApplicationMode.get(m).ja).join("、")}`,
              en: `apply in a mode taken here: ${offered.map((m) => ApplicationMode.get(m).en).join(", ")}`
            }
      ]
    }
  }),
  rule({
    code: "NOT_A_LEGAL_REPRESENTATIVE",
    outcome: "refuse",
    basis: basis("S-manual", "M-Hagi", "M-Saiki"),
    stop: true,
    on: { all: [Fact.KIND_LEGAL_REP] },
    when: (c) => {
      const r = c.relation
      if (r === "curator" || r === "assistant") return false
      if (r !== undefined && r !== "parent" && r !== "minor_guardian" && r !== "adult_guardian") return true
      if (c.age >= 18 && !c.ward) return true
      return r === "adult_guardian" ? !c.ward : false
    },
    text: {
      ja: "法定代理人は、未成年者の親権者・未成年後見人と成年被後見人の成年後見人(代理権のある保佐人・補助人を含む)です。それ以外の方は任意代理人(委任状)として手続してください",
      en: "legal representatives are the parents or guardian of a minor and the guardian of an adult ward (or a curator or assistant with power of representation); anyone else acts as a voluntary proxy with a power of attorney"
    },
    next: [
      applicantInPerson,
      step(
        "AS_VOLUNTARY_PROXY",
        "本人が来庁できないやむを得ない理由がある場合は、任意代理人として委任状・疎明資料をそろえて手続してください",
        "if the applicant cannot come for an accepted reason, act as a voluntary proxy with a power of attorney and the evidence"
      )
    ]
  }),
  rule({
    code: "LEGAL_REP_OF_MINOR_15_TO_17_AS_PROXY",
    outcome: "note",
    basis: basis("M-Ageo", "M-Karatsu"),
    on: { all: [Fact.LEGAL_REP_AS_PROXY] },
    text: {
      ja: "15歳以上の方の電子証明書・暗証番号の手続では、親権者も任意代理人として扱います(照会書による確認)",
      en: "for certificates and PINs of a person aged 15 or over, a parent acts as a voluntary proxy (inquiry-form route)"
    }
  })
]

const modeJa = (c: Ctx) =>
  ({
    standard: "通常(交付時来庁方式)",
    apply_at_counter: "申請時来庁方式",
    express: "特急発行",
    overseas: "国外転出者向け"
  })[c.mode]

// ---------------------------------------------------------------------------------------------
// Attendance: the applicant alone, with the legal representative, or represented.

/** A child under 15 or an adult ward came alone. @category rules */
export const minorOrWardAlone = (procedureBasis: string): Rule =>
  rule({
    code: "MINOR_OR_WARD_NEEDS_LEGAL_REPRESENTATIVE",
    outcome: "refuse",
    basis: procedureBasis,
    stop: true,
    on: { all: [Fact.ROUTE_SELF], none: [Fact.CAPABLE] },
    text: (c) =>
      c.ward
        ? {
            ja: "成年被後見人の方の手続は、成年後見人(法定代理人)が行います。成年後見人と一緒にお越しください",
            en: "for an adult ward the adult guardian (legal representative) acts: please come with the guardian"
          }
        : {
            ja: "15歳未満の方は法定代理人(親権者等)と一緒にお越しください",
            en: "a child under 15 must come with a legal representative (parent or guardian)"
          },
    next: [
      step(
        "COME_WITH_LEGAL_REPRESENTATIVE",
        "法定代理人と一緒に、法定代理人の本人確認書類と代理権を確認できる書類(戸籍謄本・登記事項証明書)を持ってお越しください",
        "come with the legal representative, bringing their identity documents and proof of authority (family register or guardianship registry certificate)"
      )
    ]
  })

const ACCEPTED_REASONS = AbsenceReason.entries.filter((e) => e.accepted)

const acceptedList: Step = step(
  "ACCEPTED_REASONS",
  `代理人による手続ができる「やむを得ない理由」: ${ACCEPTED_REASONS.map((e) => e.ja).join("、")}`,
  `reasons accepted for a representative: ${ACCEPTED_REASONS.map((e) => e.en).join(", ")}`
)

/** A sub-proxy appointed by a child's legal representative, where the city allows it (§11-4). */
export const isSubProxy = (c: Ctx): boolean =>
  c.route === "proxy" && c.under15 && c.variants.minorProxy === "sub_proxy_allowed" && c.relation === "sub_proxy"

/** The evidence each reason needs (§4.2) [M-Saiki][M-Yuzawa][M-Oyama][M-Ikata][M-Kakegawa]. */
interface Evidence {
  readonly types: ReadonlyArray<DocumentType>
  readonly mask: number
  readonly ja: string
  readonly en: string
}

const ev = (types: ReadonlyArray<DocumentType>, mask: number = Flag.PRESENT): Evidence => ({
  types,
  mask,
  ja: `やむを得ない理由の疎明資料(${types.map((t) => DocumentTypes.get(t).ja).join("・")}のいずれか)`,
  en: `evidence of the reason (one of: ${types.map((t) => DocumentTypes.get(t).en).join(", ")})`
})

const STATEMENT: Evidence = {
  types: ["issuance_notice", "power_of_attorney"],
  mask: Flag.PRESENT | Flag.STATES_INABILITY,
  ja: "委任状欄(交付通知書)に外出困難・出頭困難である旨の記載",
  en: "the power-of-attorney field stating that the applicant cannot go out or attend"
}

const EVIDENCE: Partial<Record<AbsenceReason, Evidence>> = {
  aged_75_plus: STATEMENT,
  withdrawn: STATEMENT,
  hospitalized: ev([
    "medical_certificate",
    "inpatient_care_plan",
    "hospital_receipt",
    "medical_fee_statement",
    "face_photo_certificate"
  ]),
  disability: ev([
    "physical_disability_certificate",
    "mental_disability_certificate",
    "rehabilitation_certificate",
    "disability_welfare_service_certificate",
    "independence_support_medical_certificate"
  ]),
  care_facility: ev(["facility_residence_certificate", "face_photo_certificate"]),
  care_certified: ev(["care_insurance_card", "care_certification_notice", "face_photo_certificate"]),
  pregnant: ev(["maternal_child_handbook", "prenatal_checkup_receipt"]),
  long_business_trip: ev(["business_trip_order"]),
  study_abroad: ev(["visa_copy", "student_id", "enrollment_certificate"]),
  high_school_student: ev(["student_id", "enrollment_certificate"]),
  adult_ward: ev(["guardianship_registry_certificate"]),
  under_curatorship: ev(["guardianship_registry_certificate"]),
  under_assistance: ev(["guardianship_registry_certificate"])
}

const evidenceRequirements = new Map<AbsenceReason, Documents.Requirement>(
  (Object.entries(EVIDENCE) as Array<[AbsenceReason, Evidence]>).map(([reason, e]) => [
    reason,
    Documents.requirement(
      `EVIDENCE_${reason.toUpperCase()}`,
      "applicant",
      e,
      Documents.alternative(e, Documents.need(e.types, 1, e, e.mask))
    )
  ])
)

const REASON_BASIS = basis("S-manual-honpen", "M-Koka", "M-Yuzawa", "M-Saiki", "M-Oyama")

/**
 * The reasons for being represented and their evidence, for a voluntary proxy or a legal
 * representative of an applicant aged 15–17 acting alone.
 *
 * @category rules
 */
export const absenceReasonRules = (): ReadonlyArray<Rule> => [
  rule({
    code: "PROXY_REASON_REQUIRED",
    outcome: "refuse",
    basis: REASON_BASIS,
    stop: true,
    on: { all: [Fact.NEEDS_REASON], none: [Fact.REASON] },
    text: {
      ja: "代理人による手続には、本人が来庁できないやむを得ない理由が必要です",
      en: "a representative may act only when the applicant cannot come for an accepted reason"
    },
    next: [acceptedList]
  }),
  rule({
    code: "PROXY_REASON_NOT_ACCEPTED",
    outcome: "refuse",
    basis: basis("S-manual-honpen", "M-Setagaya", "M-Matsuura", "M-Shinagawa", "M-Ikata", "M-Koka"),
    stop: true,
    on: { all: [Fact.NEEDS_REASON, Fact.REASON], none: [Fact.REASON_ACCEPTED] },
    text: (c) => ({
      ja: `「${AbsenceReason.get(c.reason!).ja}」はやむを得ない理由に当たりません。本人が来庁してください`,
      en: `"${AbsenceReason.get(c.reason!).en}" is not an accepted reason; the applicant must come in person`
    }),
    next: [applicantInPerson, acceptedList]
  }),
  rule({
    code: "REASON_DOES_NOT_APPLY",
    outcome: "refuse",
    basis: REASON_BASIS,
    stop: true,
    on: { all: [Fact.NEEDS_REASON, Fact.REASON] },
    when: (c) =>
      (c.reason === "under_15" && !c.juniorHighOrYounger) ||
      (c.reason === "aged_75_plus" && c.age < 75) ||
      (c.reason === "high_school_student" && c.age < 15),
    text: (c) => ({
      ja: `本人(${c.age}歳)には理由「${AbsenceReason.get(c.reason!).ja}」が当てはまりません`,
      en: `the reason "${AbsenceReason.get(c.reason!).en}" does not apply to the applicant (aged ${c.age})`
    }),
    next: (c) => {
      if (c.reason === "aged_75_plus") {
        const from = Dates.dateOfAge(c.applicant.birthDate, 75)
        return [
          applicantInPerson,
          {
            code: "REASON_APPLIES_FROM",
            ja: `75歳の誕生日(${from})からは「75歳以上」の理由で代理人が手続できます`,
            en: `from the 75th birthday (${from}) a representative may act for the reason "aged 75 or over"`
          },
          acceptedList
        ]
      }
      if (c.reason === "high_school_student") return [legalRepresentativeInstead]
      return [applicantInPerson, acceptedList]
    }
  }),
  rule({
    code: "REASON_NEEDS_LEGAL_REPRESENTATIVE",
    outcome: "refuse",
    basis: basis("M-Saiki", "M-Kyoto", "M-Akitakata-proxy", "M-Oyama"),
    stop: true,
    on: { all: [Fact.NEEDS_REASON, Fact.REASON, Fact.KIND_PROXY] },
    when: (c) => c.reason === "under_15" || c.reason === "adult_ward",
    text: {
      ja: "中学生以下・成年被後見人の方の代理人は、法定代理人(親権者・成年後見人)に限られます",
      en: "for a child of junior-high-school age or younger, or an adult ward, only the legal representative may act"
    },
    next: [legalRepresentativeInstead]
  }),
  rule({
    code: "REASON_NEEDS_CURATOR",
    outcome: "refuse",
    basis: basis("S-manual-honpen", "M-Saiki", "M-Oyama"),
    stop: true,
    on: { all: [Fact.NEEDS_REASON, Fact.REASON] },
    when: (c) =>
      (c.reason === "under_curatorship" || c.reason === "under_assistance") &&
      c.relation !== "curator" &&
      c.relation !== "assistant",
    text: {
      ja: "被保佐人・被補助人の代理人は、マイナンバーの手続について代理権を付与された保佐人・補助人です",
      en: "for a person under curatorship or assistance, the curator or assistant with power of representation for My Number procedures acts"
    },
    next: [
      step(
        "CURATOR_INSTEAD",
        "マイナンバーの手続の代理権がある保佐人・補助人が、登記事項証明書(代理行為目録付き)を持ってお越しください。または本人が来庁してください",
        "the curator or assistant with power of representation for My Number procedures comes with the registry certificate (listing that power), or the applicant comes in person"
      )
    ]
  }),
  rule({
    code: "PROXY_REASON_ACCEPTED",
    outcome: "allow",
    basis: REASON_BASIS,
    on: { all: [Fact.NEEDS_REASON, Fact.REASON_ACCEPTED] },
    text: (c) => ({
      ja: `やむを得ない理由「${AbsenceReason.get(c.reason!).ja}」による代理人の手続です`,
      en: `a representative acts because the applicant cannot come: ${AbsenceReason.get(c.reason!).en}`
    })
  }),
  requires({
    code: "EVIDENCE_OF_REASON_MISSING",
    basis: basis("S-manual", "M-Saiki", "M-Yuzawa", "M-Oyama", "M-Ikata", "M-Kakegawa"),
    on: { all: [Fact.NEEDS_REASON, Fact.REASON] },
    when: (c) => evidenceRequirements.has(c.reason!),
    requirement: (c) => evidenceRequirements.get(c.reason!)!
  })
]

/** @category rules */
export const proxyForMinorOrWard = (procedureBasis: string, allowSameHousehold = false): Rule =>
  rule({
    code: "PROXY_NOT_ALLOWED_FOR_MINOR_OR_WARD",
    outcome: "refuse",
    basis: procedureBasis,
    stop: true,
    on: {
      all: [Fact.ROUTE_PROXY],
      none: [
        Fact.CAPABLE,
        Fact.LEGAL_REP_AS_PROXY,
        Fact.SUB_PROXY,
        ...(allowSameHousehold ? [Fact.SAME_HOUSEHOLD] : [])
      ]
    },
    text: (c) =>
      c.ward
        ? {
            ja: "成年被後見人の方の手続は、成年後見人(法定代理人)のみが代理できます",
            en: "only the adult guardian (legal representative) may act for an adult ward"
          }
        : {
            ja: `15歳未満の方の手続は、法定代理人(親権者・未成年後見人)${allowSameHousehold ? "または同一世帯の方" : ""}のみが代理できます`,
            en: `only the legal representative (parent or guardian)${allowSameHousehold ? " or a member of the same household" : ""} may act for a child under 15`
          },
    next: [legalRepresentativeInstead]
  })

/** A sub-proxy appointed by the legal representative (§11-4 variant) [M-Fukuchi]. @category rules */
export const subProxyRules: ReadonlyArray<Rule> = [
  rule({
    code: "SUB_PROXY_FOR_MINOR",
    outcome: "allow",
    basis: basis("M-Fukuchi"),
    on: { all: [Fact.SUB_PROXY] },
    text: {
      ja: "法定代理人が選任した復代理人による手続です(この市の運用)",
      en: "a sub-proxy appointed by the legal representative acts (this city's practice)"
    }
  }),
  requires({
    code: "SUB_PROXY_POWER_OF_ATTORNEY_MISSING",
    basis: basis("M-Fukuchi"),
    on: { all: [Fact.SUB_PROXY] },
    requirement: Documents.single(
      "SUB_PROXY_POWER_OF_ATTORNEY",
      "applicant",
      "power_of_attorney",
      { ja: "法定代理人が作成した委任状", en: "power of attorney made by the legal representative" },
      Flag.PRESENT | Flag.USABLE | Flag.COMPLETED
    )
  })
]

// ---------------------------------------------------------------------------------------------
// Proof of a legal representative's authority (代理権) [M-Hagi][M-Soma][M-Owariasahi][M-Sakuragawa][M-Ageo].

const relationOf = (c: Ctx) => c.relation ?? (c.ward ? "adult_guardian" : "parent")

const LEGAL_ROUTE: Guard = { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] }

const FAMILY_REGISTER = Documents.single("AUTHORITY_FAMILY_REGISTER", "applicant", "family_register", {
  ja: "代理権を確認できる書類: 戸籍謄本(同一世帯の親子、または本籍が市内の場合は不要)",
  en: "proof of authority: family register certificate (not needed for a parent in the same household or when the family register is kept in this city)"
})

const GUARDIANSHIP = Documents.single(
  "AUTHORITY_GUARDIANSHIP_CERTIFICATE",
  "applicant",
  "guardianship_registry_certificate",
  {
    ja: "代理権を確認できる書類: 登記事項証明書(成年後見・保佐・補助)",
    en: "proof of authority: guardianship registry certificate"
  }
)

/** @category predicates */
export const needsFamilyRegister = (c: Ctx): boolean => {
  const r = relationOf(c)
  if (r === "parent") return !c.sameHousehold && c.applicant.registeredDomicileInCity !== true
  if (r === "minor_guardian") return c.applicant.registeredDomicileInCity !== true
  return false
}

/** @category predicates */
export const needsGuardianshipCertificate = (c: Ctx): boolean => {
  const r = relationOf(c)
  return r === "adult_guardian" || r === "curator" || r === "assistant"
}

/** @category rules */
export const authorityRules = (
  procedureBasis: string,
  on: Guard = LEGAL_ROUTE,
  when?: (c: Ctx) => boolean
): ReadonlyArray<Rule> => [
  requires({
    code: "AUTHORITY_FAMILY_REGISTER_MISSING",
    basis: procedureBasis,
    on,
    when: when === undefined ? needsFamilyRegister : (c) => when(c) && needsFamilyRegister(c),
    requirement: FAMILY_REGISTER
  }),
  requires({
    code: "AUTHORITY_GUARDIANSHIP_CERTIFICATE_MISSING",
    basis: procedureBasis,
    on,
    when: when === undefined ? needsGuardianshipCertificate : (c) => when(c) && needsGuardianshipCertificate(c),
    requirement: GUARDIANSHIP
  })
]

// ---------------------------------------------------------------------------------------------
// The card itself, when a procedure works on it.

const cardStateText = (c: Ctx) => {
  switch (c.cardState) {
    case "expired":
      return {
        ja: `カードの有効期限(${c.cardExpiresOn ?? "—"})が過ぎています。カードの更新(無料)が必要です`,
        en: `the card expired${c.cardExpiresOn ? ` on ${c.cardExpiresOn}` : ""}; it must be renewed (free)`
      }
    case "suspended":
      return {
        ja: "カードが一時停止中です。先に一時停止解除の手続が必要です(同じ来庁時に可能)",
        en: "the card is temporarily suspended; the suspension must be lifted first (possible at the same visit)"
      }
    case "lost":
      return { ja: "カードは紛失届が出ています", en: "the card has been reported lost" }
    case "abolished":
      return { ja: "カードは廃止・失効しています", en: "the card has been abolished or has lapsed" }
    case "awaiting_handover":
      return { ja: "カードはまだ交付されていません", en: "the card has not been handed over yet" }
    default:
      return { ja: "マイナンバーカードをお持ちでありません", en: "the applicant holds no My Number Card" }
  }
}

const cardStateNext = (c: Ctx): ReadonlyArray<Step> => {
  switch (c.cardState) {
    case "expired":
      return [
        step(
          "RENEW_CARD",
          "カードの更新(再申請、無料)をしてください。有効期限通知書の申請書ID・QRコードが使えます",
          "renew the card (a new application, free); the application ID or QR code on the expiry notice can be used"
        )
      ]
    case "suspended":
      return [step("LIFT_SUSPENSION", "一時停止解除の手続をしてください", "have the suspension lifted first")]
    case "lost":
    case "abolished":
      return [step("APPLY_REISSUANCE", "カードの再交付を申請してください", "apply for a re-issued card")]
    case "awaiting_handover":
      return [step("RECEIVE_CARD", "先にカードの交付(受取)をしてください", "receive the card first")]
    default:
      return [step("APPLY_CARD", "マイナンバーカードを申請してください(無料)", "apply for a My Number Card (free)")]
  }
}

/** The procedure needs a valid card. @category rules */
export const cardMustBeUsable = (procedureBasis: string, allowUnknown = true): Rule =>
  rule({
    code: "CARD_NOT_USABLE",
    outcome: "refuse",
    basis: procedureBasis,
    stop: true,
    on: { none: allowUnknown ? [Fact.CARD_USABLE, Fact.CARD_UNKNOWN] : [Fact.CARD_USABLE] },
    text: cardStateText,
    next: cardStateNext
  })

/** The card must be brought. @category rules */
export const bringCard = (procedureBasis: string): Rule =>
  requires({
    code: "CARD_NOT_BROUGHT",
    basis: procedureBasis,
    requirement: Documents.single(
      "APPLICANT_CARD",
      "applicant",
      "my_number_card",
      { ja: "本人のマイナンバーカード", en: "the applicant's My Number Card" },
      Flag.PRESENT
    )
  })

// ---------------------------------------------------------------------------------------------
// Notes every answer may carry.

const IDENTITY_INDICES = Int32Array.from(Documents.GROUP_AB.map(Documents.indexOf))
const IDENTITY_TYPES: ReadonlyArray<DocumentType> = Documents.GROUP_AB

const collectUnusable = (flags: Int32Array, out: Array<DocumentType> | undefined): Array<DocumentType> | undefined => {
  for (let i = 0; i < IDENTITY_INDICES.length; i++) {
    const f = flags[IDENTITY_INDICES[i]!]!
    if (f !== 0 && (f & Flag.USABLE) === 0) (out ??= []).push(IDENTITY_TYPES[i]!)
  }
  return out
}

const NONE_UNUSABLE: ReadonlyArray<DocumentType> = []

/** Identity documents brought but not usable (expired, copies, suspended card…), both holders. */
const unusableDocuments = (c: Ctx): ReadonlyArray<DocumentType> => {
  const cached = c.memo.unusable as ReadonlyArray<DocumentType> | undefined
  if (cached !== undefined) return cached
  let out = collectUnusable(c.docs.applicant, undefined)
  if (c.docs.attendee !== c.docs.applicant) out = collectUnusable(c.docs.attendee, out)
  const result = out ?? NONE_UNUSABLE
  c.memo.unusable = result
  return result
}

const CITY_STAFF_PIN_PROCEDURES: ReadonlySet<Procedure> = new Set<Procedure>([
  "card_issuance",
  "pin_reset",
  "cert_issuance",
  "cert_renewal",
  "surface_change",
  "continued_use"
])

/** @category rules */
export const tailNotes: ReadonlyArray<Rule> = [
  rule({
    code: "INQUIRY_ALREADY_MAILED",
    outcome: "note",
    basis: basis("M-Kasai", "M-Kikuchi", "M-Koshigaya"),
    on: { all: [Fact.INQUIRY_MAILED] },
    when: (c) => !Documents.has(c.docs.applicant, INQUIRY_REPLY, Flag.PRESENT | Flag.COMPLETED | Flag.SEALED),
    text: (c) => ({
      ja: `照会書兼回答書は ${c.applicant.inquiryMailedOn} に本人あてに郵送済みです。本人が記入し封をしたものをお持ちください`,
      en: `the inquiry-and-reply form was mailed to the applicant on ${c.applicant.inquiryMailedOn}; bring it completed and sealed by the applicant`
    })
  }),
  rule({
    code: "HEALTH_INSURANCE_CARD_ENDED",
    outcome: "note",
    basis: HEALTH_INSURANCE_CARDS_EXPIRED.basis,
    from: HEALTH_INSURANCE_CARDS_EXPIRED.from,
    on: { all: [Fact.HEALTH_CARD_BROUGHT] },
    text: { ja: HEALTH_INSURANCE_CARDS_EXPIRED.ja, en: HEALTH_INSURANCE_CARDS_EXPIRED.en }
  }),
  rule({
    code: "DOCUMENT_NOT_USABLE",
    outcome: "note",
    basis: basis("M-Shibushi", "M-Kyoto"),
    on: { all: [Fact.UNUSABLE_IDENTITY] },
    text: (c) => {
      const list = unusableDocuments(c)
      return {
        ja: `次の書類は本人確認に使えません(有効期限切れ・写し・停止中等。原本で有効期限内のものに限ります): ${list.map((t) => DocumentTypes.get(t).ja).join("、")}`,
        en: `these documents cannot be used for identity (expired, a copy, or suspended; originals within their validity only): ${list.map((t) => DocumentTypes.get(t).en).join(", ")}`
      }
    }
  }),
  rule({
    code: "NOTIFICATION_CARD_NOT_IDENTITY",
    outcome: "note",
    basis: basis("SOUMU-tsuchi", "JLIS-tsuchi"),
    on: { all: [Fact.NOTIFICATION_BROUGHT] },
    when: (c) => c.procedure !== "number_verification",
    text: {
      ja: "通知カード・個人番号通知書は本人確認書類になりません",
      en: "the notification card and the individual-number notice are not identity documents"
    }
  }),
  rule({
    code: "CITY_STAFF_ONLY_OPERATION",
    outcome: "note",
    basis: "city profile",
    on: { all: [Fact.PROFILE] },
    when: (c) =>
      CITY_STAFF_PIN_PROCEDURES.has(c.procedure) &&
      (c.profile?.rules?.cityStaffOnly ?? []).some(
        (o) =>
          (o.operation === "pin_setting" || o.operation === "pin_verification") &&
          (o.sites === undefined ||
            c.input.site === undefined ||
            c.input.site === null ||
            o.sites.includes(c.input.site))
      ),
    text: (c) => ({
      ja: "暗証番号の設定・照合の操作は市職員が行います(委託事業者は行いません)",
      en: "PINs are set and verified on the terminal by city staff (not by the contractor)",
      basis: (c.profile?.rules?.cityStaffOnly ?? []).find(
        (o) => o.operation === "pin_setting" || o.operation === "pin_verification"
      )?.basis
    })
  }),
  rule({
    code: "IDENTITY_CONFIRMED_ONLINE_BY_CITY_STAFF",
    outcome: "note",
    basis: "city profile",
    on: { all: [Fact.SITE_RULE] },
    when: (c) => c.siteRule!.identityConfirmation === "online_by_city_staff",
    text: (c) => ({
      ja: "この会場では、市職員がWEB会議システム等によりオンラインで本人確認を行います",
      en: "at this venue city staff confirm identity online over a video call",
      basis: c.siteRule?.basis
    })
  })
]
