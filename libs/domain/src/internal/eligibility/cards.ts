/**
 * Rule tables of the card procedures: hand-over (交付), application (申請: 通常, 申請時来庁方式, 特急発行,
 * 国外転出者向け), renewal at expiry and re-issuance (再交付). Sources: rules-sources §4–§9.
 */
import * as Documents from "../../Documents.ts"
import { EXPRESS_ISSUANCE, OVERSEAS_CARD, PHOTOLESS_UNDER_1 } from "../../RuleBook.ts"
import { basis } from "../../Sources.ts"
import { renewalWindow, windowStatus } from "../../Validity.ts"
import { type Cause, Cause as Causes } from "../../Vocabulary.ts"
import * as Dates from "../dates.ts"
import {
  absenceReasonRules,
  applicantInPerson,
  authorityRules,
  gates,
  legalRepresentativeInstead,
  minorOrWardAlone,
  proxyForMinorOrWard,
  subProxyRules,
  tailNotes
} from "./common.ts"
import { type Ctx, Fact } from "./context.ts"
import { type Guard, requires, rule, type Rule, step } from "./engine.ts"

const { Flag } = Documents

const NOTIFICATION_CARD = Documents.indexOf("notification_card")
const BIRTH_REGISTRATION = Documents.indexOf("birth_registration")
const PHOTO = Documents.indexOf("photo")
const EXPIRY_NOTICE = Documents.indexOf("expiry_notice")
const DISASTER_CERTIFICATE = Documents.indexOf("disaster_certificate")

const ISSUE = basis("S-manual", "M-Hagi", "M-Gotsu", "M-Soma")
const ISSUE_MINOR = basis("M-Hagi", "M-Awara", "M-Soma")
const PROXY_HANDOVER = basis("S-manual", "S-manual-honpen", "M-Owariasahi", "M-Koka", "M-Mimata", "M-Yokohama")
const ID_SETS = basis("M-Hagi", "M-Kyoto", "M-Tokai", "M-Owariasahi", "M-Soma")
const PROXY_ID_SETS = basis("M-Owariasahi", "M-Kakegawa", "M-Oyama", "M-Koka", "M-Shibushi", "M-Kyoto")

const SELF: Guard = { all: [Fact.ROUTE_SELF] }
const ACCOMPANIED: Guard = { all: [Fact.ROUTE_ACCOMPANIED] }
const IN_PERSON: Guard = { any: [Fact.ROUTE_SELF, Fact.ROUTE_ACCOMPANIED] }
const REPRESENTED_ROUTES = [Fact.ROUTE_REP_ALONE, Fact.ROUTE_PROXY]
const REPRESENTED: Guard = { any: REPRESENTED_ROUTES }

const applicantIdentity = Documents.standardIdentity("APPLICANT_IDENTITY", "applicant")
const attendeeIdentity = Documents.standardIdentity("ATTENDEE_IDENTITY", "attendee")
const attendeeProxyIdentity = Documents.proxyAttendeeIdentity(false)
const attendeeProxyIdentityB3 = Documents.proxyAttendeeIdentity(true)

const attendanceAllows: ReadonlyArray<Rule> = [
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: ISSUE,
    on: SELF,
    text: { ja: "本人の来庁です", en: "the applicant attends in person" }
  }),
  rule({
    code: "ACCOMPANIED_BY_LEGAL_REPRESENTATIVE",
    outcome: "allow",
    basis: ISSUE_MINOR,
    on: ACCOMPANIED,
    text: {
      ja: "本人(15歳未満・成年被後見人)が法定代理人と一緒に来庁しています",
      en: "the applicant (under 15 or an adult ward) attends with the legal representative"
    }
  })
]

// ---------------------------------------------------------------------------------------------
// 交付 (hand-over)

const overseasFrom = step(
  "AVAILABLE_FROM",
  `国外転出者向けカードは${OVERSEAS_CARD.from}から申請・交付できます。それまでは国内に住所がある間に通常の申請をしてください`,
  `cards for persons abroad exist from ${OVERSEAS_CARD.from}; before then apply in the standard way while resident in Japan`
)

const japaneseOnlyNext = step(
  "STANDARD_WHILE_RESIDENT",
  "外国籍の方は、国内に住所がある間に通常の申請・交付をご利用ください(国外転出でカードは失効します)",
  "a foreign national uses the standard application and hand-over while resident in Japan (the card lapses on moving abroad)"
)

const overseasInPerson = step(
  "APPLICANT_IN_PERSON",
  "本人が来庁してください(15歳未満は法定代理人と一緒に)",
  "the applicant comes in person (under 15: with the legal representative)"
)

const notificationCardNotes: ReadonlyArray<Rule> = [
  rule({
    code: "NOTIFICATION_CARD_COLLECTED",
    outcome: "note",
    basis: basis("SOUMU-tsuchi", "S-manual", "M-Gotsu"),
    when: (c) => c.applicant.holdsNotificationCard === true || Documents.brought(c.docs.applicant, NOTIFICATION_CARD),
    text: {
      ja: "通知カードはカードの交付時に回収します",
      en: "the notification card is collected when the card is handed over"
    },
    next: [
      step(
        "BRING_NOTIFICATION_CARD",
        "通知カードをお持ちください(回収します)",
        "bring the notification card (it is collected)"
      )
    ]
  }),
  rule({
    code: "NOTIFICATION_CARD_LOSS_REPORT",
    outcome: "note",
    basis: basis("SOUMU-tsuchi", "S-manual", "M-Gotsu"),
    when: (c) => c.applicant.notificationCardLost === true,
    text: {
      ja: "通知カードを紛失している場合は、窓口で通知カード紛失届を記入します",
      en: "a lost notification card is declared on a loss form at the counter"
    },
    next: [
      step(
        "NOTIFICATION_CARD_LOSS_FORM",
        "窓口で通知カード紛失届を記入してください",
        "fill in the notification-card loss form at the counter"
      )
    ]
  })
]

/** @category rules */
export const cardIssuance: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "OVERSEAS_CARD_NOT_YET_AVAILABLE",
    outcome: "refuse",
    basis: OVERSEAS_CARD.basis,
    until: OVERSEAS_CARD.from,
    stop: true,
    on: { all: [Fact.MODE_OVERSEAS] },
    text: { ja: OVERSEAS_CARD.ja, en: OVERSEAS_CARD.en },
    next: [overseasFrom]
  }),
  rule({
    code: "OVERSEAS_CARD_JAPANESE_ONLY",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Kasugai", "M-Tsuchiura"),
    stop: true,
    on: { all: [Fact.MODE_OVERSEAS, Fact.FOREIGN] },
    text: {
      ja: "国外転出者向けカードは日本国籍の方(戸籍の附票に記録のある方)のみです",
      en: "cards for persons abroad are issued to Japanese nationals (recorded in the family-register supplement) only"
    },
    next: [japaneseOnlyNext]
  }),
  rule({
    code: "OVERSEAS_HANDOVER_IN_PERSON_ONLY",
    outcome: "refuse",
    basis: basis("M-Tsuchiura"),
    stop: true,
    on: { all: [Fact.MODE_OVERSEAS], any: REPRESENTED_ROUTES },
    text: {
      ja: "国外転出者向けカードは本人への手交のみで、代理人には交付できません(15歳未満は法定代理人と一緒に来庁)",
      en: "a card for a person abroad is handed to the applicant in person only, never to a representative (under 15: with the legal representative)"
    },
    next: [overseasInPerson]
  }),
  rule({
    code: "MAILED_CARD_NOT_HANDED_OVER",
    outcome: "refuse",
    basis: basis("M-Nagoya-apply", "M-Noshiro", "M-Meiwa", "M-Yaita", "M-Mitake"),
    stop: true,
    on: { any: [Fact.MODE_APPLY_AT_COUNTER, Fact.MODE_EXPRESS] },
    text: (c) =>
      c.mode === "express"
        ? {
            ja: "特急発行のカードは簡易書留で本人あてに郵送されるため、窓口での交付はありません",
            en: "an express card is mailed to the applicant by registered post; it is not handed over at the counter"
          }
        : {
            ja: "申請時来庁方式のカードは本人確認済みで本人あてに郵送されるため、窓口での交付はありません",
            en: "a card applied for in the apply-at-counter mode is mailed to the applicant (identity was checked when applying); it is not handed over at the counter"
          },
    next: [
      step(
        "WAIT_FOR_MAIL",
        "郵送されるカードをお待ちください。受け取れずに市に戻った場合は、市の担当窓口に連絡して受取方法を確認してください",
        "wait for the card to arrive by mail; if it could not be delivered and went back to the city, contact the city to arrange how to receive it"
      )
    ]
  }),
  rule({
    code: "NO_CARD_TO_HAND_OVER",
    outcome: "refuse",
    basis: ISSUE,
    stop: true,
    on: { all: [Fact.CARD_NONE] },
    text: { ja: "交付できるカードがありません(未申請)", en: "there is no card to hand over (no application)" },
    next: [step("APPLY_CARD", "マイナンバーカードを申請してください(無料)", "apply for a My Number Card (free)")]
  }),
  minorOrWardAlone(ISSUE_MINOR),
  proxyForMinorOrWard(basis("M-Akitakata-proxy", "M-Oyama", "M-Hagi", "M-Saiki")),
  ...subProxyRules,
  ...absenceReasonRules(),
  ...attendanceAllows,
  rule({
    code: "LEGAL_REPRESENTATIVE_HANDOVER",
    outcome: "allow",
    basis: basis("S-manual-honpen", "M-Akitakata-proxy", "M-Fukuchi", "M-Oyama", "M-Kyoto", "M-Saiki"),
    on: { all: [Fact.ROUTE_REP_ALONE], none: [Fact.CAPABLE] },
    text: (c) =>
      c.ward
        ? {
            ja: "成年後見人による代理交付です(登記事項証明書が代理権と疎明資料を兼ねます)",
            en: "hand-over to the adult guardian (the guardianship registry certificate proves both authority and the reason)"
          }
        : {
            ja: "法定代理人による代理交付です(中学生以下は理由の疎明資料不要)",
            en: "hand-over to the legal representative (no evidence of the reason is needed for a child of junior-high-school age or younger)"
          }
  }),
  requires({
    code: "ISSUANCE_NOTICE_MISSING",
    basis: ISSUE,
    on: { none: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "ISSUANCE_NOTICE",
      "applicant",
      "issuance_notice",
      { ja: "交付通知書(はがき)", en: "the issuance notice (postcard)" },
      Flag.PRESENT
    ),
    next: [
      step(
        "ISSUANCE_NOTICE_LOST",
        "交付通知書を紛失した場合は、市の担当窓口に連絡して再発行または対応方法を確認してください",
        "if the issuance notice is lost, contact the city to have it re-issued or to agree how to proceed"
      )
    ]
  }),
  requires({
    code: "ISSUANCE_NOTICE_NOT_COMPLETED",
    basis: PROXY_HANDOVER,
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "ISSUANCE_NOTICE_COMPLETED_SEALED",
      "applicant",
      "issuance_notice",
      {
        ja: "交付通知書(本人が回答書・委任状・暗証番号欄を記入し、暗証番号を目隠しシール等で隠したもの)",
        en: "the issuance notice with the reply, power-of-attorney and PIN fields completed by the applicant and the PINs concealed"
      },
      Flag.PRESENT | Flag.COMPLETED | Flag.SEALED
    )
  }),
  requires({ code: "APPLICANT_IDENTITY_MISSING", basis: ID_SETS, on: IN_PERSON, requirement: applicantIdentity }),
  requires({
    code: "APPLICANT_IDENTITY_PROXY_SET_MISSING",
    basis: PROXY_ID_SETS,
    on: REPRESENTED,
    requirement: Documents.proxyApplicantIdentity,
    next: [
      step(
        "FACE_PHOTO_CERTIFICATE",
        "顔写真付きの書類がない場合は、病院・施設の長、ケアマネジャー、法定代理人等が作成する「個人番号カード顔写真証明書」が使えます",
        "without a photo document, a face-photo certificate made by a hospital or facility head, a care manager or the legal representative can be used"
      )
    ]
  }),
  requires({ code: "ATTENDEE_IDENTITY_MISSING", basis: ID_SETS, on: ACCOMPANIED, requirement: attendeeIdentity }),
  requires({
    code: "ATTENDEE_IDENTITY_PROXY_SET_MISSING",
    basis: basis("M-Owariasahi", "M-Oyama", "M-Shibushi", "M-Yokohama"),
    on: REPRESENTED,
    requirement: (c) =>
      c.variants.proxyHandoverAttendeeId === "a2_or_ab_or_b3" ? attendeeProxyIdentityB3 : attendeeProxyIdentity
  }),
  ...authorityRules(basis("S-manual", "M-Hagi", "M-Soma", "M-Owariasahi")),
  ...notificationCardNotes,
  rule({
    code: "JUKI_CARD_RETURNED",
    outcome: "note",
    basis: basis("S-manual"),
    on: { all: [Fact.JUKI_CARD_BROUGHT] },
    text: {
      ja: "住民基本台帳カードはカードの交付時に返納していただきます",
      en: "the Basic Resident Register card is returned at the hand-over"
    }
  }),
  rule({
    code: "OLD_CARD_RETURNED",
    outcome: "note",
    basis: basis("M-Hagi", "M-Shibushi", "M-Matsuyama-fee"),
    on: { all: [Fact.IS_RENEWAL] },
    text: {
      ja: "更新の場合は、古いマイナンバーカードを返納していただきます(返納しない場合は後の再交付が有料になります)",
      en: "for a renewal the old My Number Card is returned (not returning it makes a later re-issuance chargeable)"
    },
    next: [step("BRING_OLD_CARD", "古いマイナンバーカードをお持ちください", "bring the old My Number Card")]
  }),
  rule({
    code: "SIGNATURE_CERT_NOT_ISSUED",
    outcome: "note",
    basis: basis("M-Shimogo", "M-Hakodate", "M-Minabe", "M-Kasai"),
    on: { none: [Fact.CAPABLE] },
    text: (c) =>
      c.ward
        ? {
            ja: "成年被後見人の方には署名用電子証明書は原則発行されません",
            en: "no signature certificate is issued to an adult ward"
          }
        : {
            ja: "15歳未満の方には署名用電子証明書は原則発行されません",
            en: "no signature certificate is issued to a child under 15"
          }
  }),
  rule({
    code: "CERTIFICATES_NOT_ISSUED_HERE",
    outcome: "note",
    basis: "city profile",
    on: { all: [Fact.SITE_RULE] },
    when: (c) => c.siteRule!.certificates === false,
    text: (c) => ({
      ja: "この会場では電子証明書を発行しません。必要な場合は市役所の窓口で発行手続をしてください(無料)",
      en: "no electronic certificates are issued at this venue; they can be issued at the city hall counter (free)",
      basis: c.siteRule?.basis
    })
  }),
  rule({
    code: "CARD_MAILED_AFTER_RECEPTION",
    outcome: "note",
    basis: "city profile",
    on: { all: [Fact.SITE_RULE] },
    when: (c) => c.siteRule!.cardDelivery === "mail",
    text: (c) => ({
      ja: "この会場では交付の受付のみを行い、カードは後日郵送します(宛名を記入した封筒をお預かりします)",
      en: "this venue takes the hand-over procedure only; the card is mailed afterwards (an addressed envelope is collected)",
      basis: c.siteRule?.basis
    })
  }),
  rule({
    code: "PIN_SETTING",
    outcome: "note",
    basis: basis("JLIS-jpki", "M-Shimogo"),
    on: { none: [Fact.ROUTE_PROXY] },
    text: (c) =>
      c.under15
        ? {
            ja: "暗証番号(利用者証明用・住民基本台帳用・券面事項入力補助用、各数字4桁)は法定代理人が設定します",
            en: "the PINs (authentication, resident registry and surface-input, 4 digits each) are set by the legal representative"
          }
        : {
            ja: "暗証番号(署名用: 英数字6〜16桁、その他: 数字4桁)を設定します",
            en: "PINs are set at the hand-over (signature: 6–16 letters and digits; the others: 4 digits)"
          }
  }),
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 申請 (application) and カード更新 (renewal): shared attendance and documents

const APPLY_AT_COUNTER = basis("M-Nagoya-apply", "M-Noshiro")
const EXPRESS = basis("M-Meiwa", "M-Kusu", "M-Tanabe", "M-Yaita", "M-Mitake", "M-Kishiwada", "M-Asahikawa")

const EXPRESS_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  "lost",
  "stolen",
  "damaged",
  "disaster",
  "endorsement_full",
  "number_change",
  "moved_from_abroad",
  "new_mid_long_term_resident",
  "released_from_detention",
  "newly_registered"
])

const nn = <A>(a: A | null | undefined): A | undefined => (a === null ? undefined : a)

/** The day the express window of the cause opened (30 days) [M-Meiwa][M-Kusu][M-Mitake]. */
const expressEventDate = (c: Ctx): string | undefined => {
  const explicit = nn(c.input.eventOn)
  if (explicit !== undefined) return explicit
  if (c.cause === "lost" || c.cause === "stolen") return nn(c.applicant.lossReportedOn)
  if (c.cause === "moved_from_abroad" || c.cause === "new_mid_long_term_resident")
    return nn(c.applicant.moveInReportedOn) ?? nn(c.applicant.movedInOn)
  return undefined
}

const expressBirthRoute = (c: Ctx) =>
  c.mode === "express" &&
  c.under1 &&
  (c.route === "rep_alone" || c.route === "proxy") &&
  Documents.brought(c.docs.applicant, BIRTH_REGISTRATION)

const BIRTH_ROUTE: Guard = { all: [Fact.MODE_EXPRESS, Fact.UNDER_1], any: REPRESENTED_ROUTES }
const hasBirthRegistration = (c: Ctx) => Documents.brought(c.docs.applicant, BIRTH_REGISTRATION)

const expressMailed = rule({
  code: "EXPRESS_MAILED",
  outcome: "note",
  basis: EXPRESS,
  on: { all: [Fact.MODE_EXPRESS] },
  text: {
    ja: "特急発行のカードは申請から1週間程度(最短5日)で簡易書留により郵送されます",
    en: "an express card is mailed by registered post about one week after the application (at least five days)"
  },
  next: [step("WAIT_FOR_EXPRESS_MAIL", "約1週間で届くカードをお待ちください", "wait about a week for the card")]
})

const OVERSEAS_IN_PERSON = [overseasInPerson]
const IN_PERSON_OR_STANDARD = [
  applicantInPerson,
  step(
    "STANDARD_APPLICATION_INSTEAD",
    "代理人による場合は通常の申請(交付時来庁方式)をご利用ください",
    "a representative may use the standard application (card received at the counter)"
  )
]

const applicationAttendance: ReadonlyArray<Rule> = [
  minorOrWardAlone(ISSUE_MINOR),
  proxyForMinorOrWard(basis("M-Akitakata-proxy", "M-Oyama", "M-Hagi")),
  rule({
    code: "APPLICANT_MUST_ATTEND",
    outcome: "refuse",
    basis: basis("M-Nagoya-apply", "M-Noshiro", "M-Yaita", "M-Kishiwada", "M-Tsuchiura"),
    stop: true,
    on: { none: [Fact.MODE_STANDARD], any: REPRESENTED_ROUTES },
    when: (c) => !expressBirthRoute(c),
    text: (c) =>
      c.mode === "express"
        ? {
            ja: "特急発行の申請は本人の来庁が必要です(出生届と同時の申請を除く)",
            en: "an express application needs the applicant in person (except together with a birth registration)"
          }
        : c.mode === "overseas"
          ? {
              ja: "国外転出者向けカードの申請は本人(15歳未満は法定代理人と一緒)が行います",
              en: "a card for a person abroad is applied for by the applicant in person (under 15: with the legal representative)"
            }
          : {
              ja: "申請時来庁方式は本人確認をして郵送するため、本人の来庁が必要で、代理人による申請はできません",
              en: "in the apply-at-counter mode the applicant's identity is checked and the card is mailed, so the applicant must attend; no representative"
            },
    next: (c) => (c.mode === "overseas" ? OVERSEAS_IN_PERSON : IN_PERSON_OR_STANDARD)
  }),
  rule({
    code: "EXPRESS_WITH_BIRTH_REGISTRATION",
    outcome: "allow",
    basis: basis("M-Ina", "M-Asahikawa", "M-Yaita"),
    on: BIRTH_ROUTE,
    when: hasBirthRegistration,
    text: {
      ja: "出生届と同時の特急発行申請です(本人の来庁は不要、顔写真なし)",
      en: "express application together with the birth registration (the child need not attend; no photo)"
    }
  }),
  ...attendanceAllows,
  rule({
    code: "REPRESENTATIVE_SUBMITS_APPLICATION",
    outcome: "allow",
    basis: basis("M-Nagoya-apply", "S-manual"),
    on: { all: [Fact.MODE_STANDARD], any: REPRESENTED_ROUTES },
    text: {
      ja: "通常の申請(交付時来庁方式)は、本人が記入した申請書を代理人が提出できます。本人確認は交付時に行います",
      en: "a standard application (card received at the counter) completed by the applicant may be submitted by a representative; identity is checked at hand-over"
    }
  }),
  requires({
    code: "APPLICATION_FORM_MISSING",
    basis: basis("M-Nagoya-apply", "S-manual"),
    on: { all: [Fact.MODE_STANDARD, Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "APPLICATION_FORM",
      "applicant",
      "application_form",
      { ja: "本人が記入・署名した交付申請書", en: "the application form completed and signed by the applicant" },
      Flag.PRESENT | Flag.COMPLETED
    )
  }),
  requires({
    code: "APPLICANT_IDENTITY_MISSING",
    basis: basis("M-Nagoya-apply", "M-Hagi", "M-Kyoto"),
    on: { none: [Fact.MODE_STANDARD], any: [Fact.ROUTE_SELF, Fact.ROUTE_ACCOMPANIED] },
    requirement: applicantIdentity
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: basis("M-Nagoya-apply", "M-Hagi", "M-Soma"),
    on: { none: [Fact.MODE_STANDARD] },
    when: (c) => c.route === "accompanied" || expressBirthRoute(c),
    requirement: attendeeIdentity
  }),
  ...authorityRules(
    basis("M-Hagi", "M-Soma", "M-Owariasahi"),
    { none: [Fact.MODE_STANDARD] },
    (c) => c.route === "accompanied" || expressBirthRoute(c)
  ),
  rule({
    code: "PHOTOLESS_UNDER_1",
    outcome: "note",
    basis: PHOTOLESS_UNDER_1.basis,
    from: PHOTOLESS_UNDER_1.from,
    on: { all: [Fact.UNDER_1] },
    text: { ja: PHOTOLESS_UNDER_1.ja, en: PHOTOLESS_UNDER_1.en }
  }),
  rule({
    code: "PHOTO_NEEDED",
    outcome: "note",
    basis: basis("M-Nagoya-lost", "SEED-Ota"),
    when: (c) => !(c.under1 && c.visit >= PHOTOLESS_UNDER_1.from!) && !Documents.brought(c.docs.applicant, PHOTO),
    text: {
      ja: "顔写真が必要です(縦4.5cm×横3.5cm。窓口で撮影できる場合があります)",
      en: "a photo is needed (4.5 × 3.5 cm; it may be taken at the counter)"
    }
  }),
  rule({
    code: "CARD_MAILED",
    outcome: "note",
    basis: APPLY_AT_COUNTER,
    on: { all: [Fact.MODE_APPLY_AT_COUNTER] },
    text: {
      ja: "申請時来庁方式では、カードは後日本人あてに郵送されます(窓口での受取は不要)",
      en: "in the apply-at-counter mode the card is mailed to the applicant later (no second visit)"
    },
    next: [step("WAIT_FOR_MAIL", "カードの郵送をお待ちください", "wait for the card to arrive by mail")]
  }),
  expressMailed,
  rule({
    code: "OVERSEAS_HANDOVER_NOTE",
    outcome: "note",
    basis: basis("M-Tsuchiura", "M-Fukuoka"),
    on: { all: [Fact.MODE_OVERSEAS] },
    text: {
      ja: "国外転出者向けカードの受取は本人のみ(代理人不可、15歳未満は法定代理人と一緒)です",
      en: "the card for a person abroad is handed over to the applicant in person only (no representative; under 15 with the legal representative)"
    }
  }),
  rule({
    code: "STANDARD_HANDOVER_LATER",
    outcome: "note",
    basis: ISSUE,
    on: { all: [Fact.MODE_STANDARD] },
    text: {
      ja: "カードができると交付通知書(はがき)が届きます。交付通知書と本人確認書類を持って受け取りに来てください",
      en: "when the card is ready an issuance notice (postcard) is mailed; come with it and identity documents to receive the card"
    }
  }),
  ...notificationCardNotes
]

const STANDARD_REISSUANCE_INSTEAD = [
  step(
    "STANDARD_REISSUANCE_INSTEAD",
    "特急ではない通常の再交付を申請してください(カードは後日窓口で交付)",
    "apply for a standard re-issuance instead (the card is handed over at the counter later)"
  )
]
const STANDARD_APPLICATION_INSTEAD = [
  step("STANDARD_APPLICATION_INSTEAD", "通常の申請をご利用ください", "use the standard application")
]
const standardInstead = (c: Ctx) =>
  c.procedure === "card_reissuance" ? STANDARD_REISSUANCE_INSTEAD : STANDARD_APPLICATION_INSTEAD

const expressNotYetAvailable = rule({
  code: "EXPRESS_NOT_YET_AVAILABLE",
  outcome: "refuse",
  basis: EXPRESS_ISSUANCE.basis,
  until: EXPRESS_ISSUANCE.from,
  stop: true,
  on: { all: [Fact.MODE_EXPRESS] },
  text: { ja: EXPRESS_ISSUANCE.ja, en: EXPRESS_ISSUANCE.en },
  next: standardInstead
})

const applicationGates: ReadonlyArray<Rule> = [
  expressNotYetAvailable,
  rule({
    code: "OVERSEAS_CARD_NOT_YET_AVAILABLE",
    outcome: "refuse",
    basis: OVERSEAS_CARD.basis,
    until: OVERSEAS_CARD.from,
    stop: true,
    on: { any: [Fact.MODE_OVERSEAS, Fact.RESIDES_ABROAD] },
    text: { ja: OVERSEAS_CARD.ja, en: OVERSEAS_CARD.en },
    next: [overseasFrom]
  }),
  rule({
    code: "OVERSEAS_CARD_JAPANESE_ONLY",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Kasugai", "M-Tsuchiura"),
    stop: true,
    on: { all: [Fact.MODE_OVERSEAS, Fact.FOREIGN] },
    text: {
      ja: "国外転出者向けカードは日本国籍の方(戸籍の附票に記録のある方)のみです",
      en: "cards for persons abroad are issued to Japanese nationals (recorded in the family-register supplement) only"
    },
    next: [japaneseOnlyNext]
  }),
  rule({
    code: "OVERSEAS_CARD_NOT_ABROAD",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Tsuchiura", "M-Nagayo"),
    stop: true,
    on: { all: [Fact.MODE_OVERSEAS], none: [Fact.RESIDES_ABROAD] },
    when: (c) => nn(c.applicant.departureDate) === undefined,
    text: {
      ja: "国外転出者向けカードは、国外に住んでいる方・国外へ転出する方が対象です",
      en: "the card for persons abroad is for those living abroad or moving abroad"
    },
    next: [
      step(
        "STANDARD_APPLICATION_INSTEAD",
        "国内にお住まいの方は通常の申請をご利用ください(国外転出が決まったら転出予定日を添えて申請できます)",
        "a person living in Japan uses the standard application (once a move abroad is planned, apply with the departure date)"
      )
    ]
  }),
  rule({
    code: "RESIDES_ABROAD",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Ritto", "M-Tsuchiura"),
    from: OVERSEAS_CARD.from,
    stop: true,
    on: { all: [Fact.RESIDES_ABROAD], none: [Fact.MODE_OVERSEAS] },
    text: {
      ja: "国外にお住まいの方は、国外転出者向けカードを申請してください",
      en: "a person living abroad applies for the card for persons abroad"
    },
    next: [
      step(
        "OVERSEAS_CARD_APPLICATION",
        "国外転出者向けカードとして申請してください(本籍地の市区町村・在外公館等)",
        "apply for the card for persons abroad (via the municipality of the family register, an embassy or consulate, …)"
      )
    ]
  }),
  rule({
    code: "APPLICATION_PENDING",
    outcome: "refuse",
    basis: ISSUE,
    stop: true,
    on: { all: [Fact.CARD_AWAITING] },
    text: {
      ja: "申請済みのカードが交付待ちになっています",
      en: "a card already applied for is waiting to be handed over"
    },
    next: [
      step("RECEIVE_CARD", "交付通知書を持ってカードを受け取ってください", "receive the card with the issuance notice")
    ]
  })
]

const expressRules: ReadonlyArray<Rule> = [
  rule({
    code: "EXPRESS_NOT_ELIGIBLE",
    outcome: "refuse",
    basis: EXPRESS,
    from: EXPRESS_ISSUANCE.from,
    stop: true,
    on: { all: [Fact.MODE_EXPRESS], none: [Fact.UNDER_1] },
    when: (c) => c.cause === undefined || !EXPRESS_CAUSES.has(c.cause),
    text: (c) => ({
      ja: `特急発行の対象ではありません${c.cause ? `(事由: ${Causes.get(c.cause).ja})` : "(初めての通常の申請は対象外)"}。対象: 1歳未満、国外からの転入、紛失・盗難、焼失・破損、追記欄の満欄、番号変更、新たな中長期在留者、刑事施設等からの出所など`,
      en: `not eligible for express issuance${c.cause ? ` (cause: ${Causes.get(c.cause).en})` : " (first-time ordinary applications are not)"}; eligible: under 1, moved in from abroad, lost or stolen, burnt or damaged, endorsement field full, number change, new mid- to long-term resident, released from detention`
    }),
    next: standardInstead
  }),
  rule({
    code: "EXPRESS_DEADLINE_PASSED",
    outcome: "refuse",
    basis: EXPRESS,
    from: EXPRESS_ISSUANCE.from,
    stop: true,
    on: { all: [Fact.MODE_EXPRESS, Fact.CAUSE] },
    when: (c) => {
      if (!EXPRESS_CAUSES.has(c.cause!)) return false
      const event = expressEventDate(c)
      return event !== undefined && c.visit > Dates.addDays(event, 30)
    },
    text: (c) => ({
      ja: `特急発行の申請期限(${expressEventDate(c)}から30日、${Dates.addDays(expressEventDate(c)!, 30)}まで)を過ぎています`,
      en: `the express application period (30 days from ${expressEventDate(c)}, until ${Dates.addDays(expressEventDate(c)!, 30)}) has passed`
    }),
    next: standardInstead
  }),
  rule({
    code: "EXPRESS_ELIGIBLE",
    outcome: "allow",
    basis: EXPRESS,
    from: EXPRESS_ISSUANCE.from,
    on: { all: [Fact.MODE_EXPRESS] },
    when: (c) => c.under1 || (c.cause !== undefined && EXPRESS_CAUSES.has(c.cause)),
    text: (c) => {
      const event = expressEventDate(c)
      if (c.under1 && (c.cause === undefined || !EXPRESS_CAUSES.has(c.cause)))
        return {
          ja: `1歳未満のため特急発行の対象です(1歳の誕生日の前日、${Dates.addDays(Dates.dateOfAge(c.applicant.birthDate, 1), -1)}まで)`,
          en: `eligible for express issuance as a child under 1 (until the day before the first birthday, ${Dates.addDays(Dates.dateOfAge(c.applicant.birthDate, 1), -1)})`
        }
      return {
        ja: `特急発行の対象です(事由: ${Causes.get(c.cause!).ja}${event ? `、申請期限 ${Dates.addDays(event, 30)}` : "、事由の発生から30日以内"})`,
        en: `eligible for express issuance (cause: ${Causes.get(c.cause!).en}${event ? `, apply by ${Dates.addDays(event, 30)}` : ", within 30 days of the event"})`
      }
    }
  })
]

/** The applicant holds a valid card outside its renewal window (guarded: usable card, not the overseas mode). */
const holdsValidCard = (c: Ctx) =>
  (c.cause === undefined || c.cause === "own_wish") &&
  (c.cardExpiresOn === undefined ||
    windowStatus(c.cardExpiresOn, c.visit, { opening: c.variants.windowOpening }) === "not_yet_open")

/** @category rules */
export const cardApplication: ReadonlyArray<Rule> = [
  ...gates,
  ...applicationGates,
  ...expressRules,
  rule({
    code: "HOLDS_VALID_CARD",
    outcome: "refuse",
    basis: basis("JLIS-top", "M-Tokorozawa", "M-Matsuyama-fee"),
    stop: true,
    on: { all: [Fact.CARD_USABLE], none: [Fact.MODE_OVERSEAS] },
    when: holdsValidCard,
    text: (c) => ({
      ja: `有効なカードをお持ちです${c.cardExpiresOn ? `(有効期限 ${c.cardExpiresOn}、更新は ${renewalWindow(c.cardExpiresOn, { opening: c.variants.windowOpening }).opensOn} から)` : ""}。新しいカードが必要な場合は再交付(本人希望、有料)になります`,
      en: `the applicant holds a valid card${c.cardExpiresOn ? ` (expires ${c.cardExpiresOn}; renewal from ${renewalWindow(c.cardExpiresOn, { opening: c.variants.windowOpening }).opensOn})` : ""}; a new card before then is a re-issuance at the holder's wish (fee)`
    }),
    next: [
      step(
        "REISSUANCE_OWN_WISH",
        "写真の変更等で新しいカードが必要な場合は再交付を申請してください(1,000円、電子証明書なしは800円)",
        "for a new card (e.g. a new photo) apply for re-issuance (1,000 yen; 800 yen without certificates)"
      )
    ]
  }),
  rule({
    code: "CARD_RENEWAL_WINDOW_OPEN",
    outcome: "allow",
    basis: basis("JLIS-top", "M-Tokorozawa", "M-Ise", "M-Hikone"),
    on: { all: [Fact.CARD_USABLE, Fact.CARD_EXPIRY_KNOWN] },
    when: (c) => windowStatus(c.cardExpiresOn!, c.visit, { opening: c.variants.windowOpening }) === "open",
    text: (c) => ({
      ja: `カードの有効期限(${c.cardExpiresOn})まで3か月未満のため、更新の申請ができます(無料)`,
      en: `less than three months remain before the card expires (${c.cardExpiresOn}): it can be renewed (free)`
    })
  }),
  ...applicationAttendance,
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// カード更新 (renewal at expiry)

const RENEWAL = basis("JLIS-top", "M-Tokorozawa", "M-Ise", "M-Hikone", "M-Matsuyama-fee")

/** The day the card's renewal window opens (a year ahead for a card held abroad [M-Hitachinaka]). */
const cardWindowOpens = (c: Ctx): string =>
  (c.memo.cardWindow ??= renewalWindow(c.cardExpiresOn!, {
    opening: c.variants.windowOpening,
    months: c.card?.kind === "overseas" ? 12 : 3
  }).opensOn)
const cardWindow = (c: Ctx) =>
  c.visit > c.cardExpiresOn! ? "expired" : c.visit >= cardWindowOpens(c) ? "open" : "not_yet_open"

const APPLY_CARD = [
  step("APPLY_CARD", "マイナンバーカードを申請してください(無料)", "apply for a My Number Card (free)")
]
const APPLY_REISSUANCE = [step("APPLY_REISSUANCE", "カードの再交付を申請してください", "apply for a re-issued card")]
const REISSUANCE_OWN_WISH_LATER = step(
  "REISSUANCE_OWN_WISH",
  "それより前に新しいカードが必要な場合は再交付(本人希望、1,000円)になります",
  "a new card before then is a re-issuance at the holder's wish (1,000 yen)"
)

/** @category rules */
export const cardRenewal: ReadonlyArray<Rule> = [
  ...gates,
  ...applicationGates,
  ...expressRules,
  rule({
    code: "NO_CARD_TO_RENEW",
    outcome: "refuse",
    basis: RENEWAL,
    stop: true,
    on: { any: [Fact.CARD_NONE, Fact.CARD_LOST, Fact.CARD_ABOLISHED] },
    text: (c) =>
      c.cardState === "none"
        ? { ja: "更新するカードがありません", en: "there is no card to renew" }
        : {
            ja: "紛失・廃止したカードは更新ではなく再交付になります",
            en: "a lost or abolished card is re-issued, not renewed"
          },
    next: (c) => (c.cardState === "none" ? APPLY_CARD : APPLY_REISSUANCE)
  }),
  rule({
    code: "CARD_RENEWAL_WINDOW_NOT_OPEN",
    outcome: "refuse",
    basis: RENEWAL,
    stop: true,
    on: { all: [Fact.CARD_EXPIRY_KNOWN] },
    when: (c) => cardWindow(c) === "not_yet_open",
    text: (c) => ({
      ja: `カードの更新は有効期限(${c.cardExpiresOn})まで3か月未満になってから、${cardWindowOpens(c)} からできます`,
      en: `the card can be renewed once less than three months remain before it expires (${c.cardExpiresOn}): from ${cardWindowOpens(c)}`
    }),
    next: (c) => [
      step(
        "COME_BACK_FROM",
        `${cardWindowOpens(c)} 以降にお越しください`,
        `come back on or after ${cardWindowOpens(c)}`
      ),
      REISSUANCE_OWN_WISH_LATER
    ]
  }),
  rule({
    code: "CARD_RENEWAL_WINDOW_OPEN",
    outcome: "allow",
    basis: RENEWAL,
    on: { all: [Fact.CARD_EXPIRY_KNOWN] },
    when: (c) => cardWindow(c) === "open",
    text: (c) => ({
      ja: `有効期限(${c.cardExpiresOn})まで3か月未満のため更新できます(${cardWindowOpens(c)} から、無料)`,
      en: `less than three months remain before expiry (${c.cardExpiresOn}): renewal possible from ${cardWindowOpens(c)} (free)`
    })
  }),
  rule({
    code: "CARD_EXPIRED_FREE_REAPPLICATION",
    outcome: "allow",
    basis: basis("JLIS-top", "M-Obihiro", "M-Matsuyama-fee"),
    on: { all: [Fact.CARD_EXPIRY_KNOWN] },
    when: (c) => cardWindow(c) === "expired",
    text: (c) => ({
      ja: `カードの有効期限(${c.cardExpiresOn})は過ぎていますが、無料で再申請できます(有効期限通知書の申請書ID・QRコードも使えます)`,
      en: `the card expired on ${c.cardExpiresOn}; it can still be re-applied for free (the application ID or QR code on the expiry notice works)`
    })
  }),
  rule({
    code: "CARD_EXPIRY_NOT_GIVEN",
    outcome: "note",
    basis: RENEWAL,
    on: { none: [Fact.CARD_EXPIRY_KNOWN] },
    text: {
      ja: "カードの有効期限が入力されていません。更新は有効期限まで3か月未満になってからできます",
      en: "the card's expiry date was not given; renewal is possible once less than three months remain"
    }
  }),
  rule({
    code: "EXPIRY_NOTICE_NOT_REQUIRED",
    outcome: "note",
    basis: basis("M-Ise", "M-Higashimatsuyama", "M-Okazaki"),
    when: (c) => !Documents.brought(c.docs.applicant, EXPIRY_NOTICE),
    text: {
      ja: "有効期限通知書がなくても更新できます",
      en: "the renewal does not need the expiry notice"
    }
  }),
  rule({
    code: "FOREIGN_RESIDENT_VALIDITY_CHANGE",
    outcome: "note",
    basis: basis("M-Yokote", "M-Miyake", "M-Ishinomaki"),
    on: { all: [Fact.FOREIGN_WITH_PERIOD] },
    text: {
      ja: "在留期間の満了で有効期限が来る場合、在留期間を更新したら有効期間変更(無料)で延長できます。有効期限通知書は届きません",
      en: "when the card ends with the period of stay, a renewed stay lets the card be extended by a validity change (free); no expiry notice is sent"
    }
  }),
  ...applicationAttendance,
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 再交付 (re-issuance)

const OVERSEAS_CARD_APPLICATION = [
  step(
    "OVERSEAS_CARD_APPLICATION",
    "国外転出者向けカードとして申請してください(カードの申請、国外転出者向け)",
    "apply for the card for persons abroad (card application, overseas mode)"
  )
]
const STANDARD_OR_EXPRESS_REISSUANCE = [
  step(
    "STANDARD_REISSUANCE_INSTEAD",
    "通常の再交付(または対象事由なら特急発行)として申請してください",
    "apply for a standard re-issuance (or an express one for an eligible cause)"
  )
]

const REISSUE = basis("M-Nagoya-lost", "M-Makinohara", "M-Tomiya", "M-Kishiwada", "M-Tsunagi")
const REISSUE_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  "lost",
  "stolen",
  "damaged",
  "disaster",
  "endorsement_full",
  "number_change",
  "lapsed",
  "own_wish"
])

const returnsOldCard = (c: Ctx) =>
  c.cause !== "lost" && c.cause !== "stolen" && c.cause !== "disaster" && c.applicant.cardDestroyed !== true

const APPLICANT_IN_PERSON = [applicantInPerson]
const LEGAL_REPRESENTATIVE_INSTEAD = [legalRepresentativeInstead]

/** @category rules */
export const cardReissuance: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "REISSUANCE_CAUSE_REQUIRED",
    outcome: "refuse",
    basis: REISSUE,
    stop: true,
    on: { none: [Fact.CAUSE] },
    text: {
      ja: "再交付の事由(紛失・盗難・破損・災害・追記欄の満欄・番号変更・失効・本人希望)を指定してください",
      en: "give the cause of the re-issuance (lost, stolen, damaged, disaster, endorsement field full, number change, lapsed, own wish)"
    },
    next: [
      step(
        "GIVE_CAUSE",
        "再交付の事由を確認して指定してください(事由により手数料と必要書類が変わります)",
        "confirm and give the cause (the fee and the papers depend on it)"
      )
    ]
  }),
  rule({
    code: "REISSUANCE_CAUSE_NOT_APPLICABLE",
    outcome: "refuse",
    basis: REISSUE,
    stop: true,
    on: { all: [Fact.CAUSE] },
    when: (c) => !REISSUE_CAUSES.has(c.cause!),
    text: (c) => ({
      ja: `「${Causes.get(c.cause!).ja}」は再交付ではなく新規の申請(特急発行の対象)です`,
      en: `"${Causes.get(c.cause!).en}" calls for a new application (eligible for express issuance), not a re-issuance`
    }),
    next: [
      step(
        "APPLY_CARD_EXPRESS",
        "カードの申請として手続してください(事由の発生から30日以内なら特急発行も可)",
        "apply as a card application (express issuance possible within 30 days of the event)"
      )
    ]
  }),
  rule({
    code: "REISSUANCE_MODE_NOT_APPLICABLE",
    outcome: "refuse",
    basis: basis("M-Nagoya-lost", "M-Makinohara", "M-Meiwa", "M-Mitake", "M-Tsuchiura"),
    stop: true,
    on: { any: [Fact.MODE_APPLY_AT_COUNTER, Fact.MODE_OVERSEAS] },
    text: (c) =>
      c.mode === "overseas"
        ? {
            ja: "国外転出者向けカードは再交付ではなく、国外転出者向けカードの申請で行います",
            en: "a card for a person abroad is applied for as such (card application, overseas mode), not as a re-issuance"
          }
        : {
            ja: "再交付は窓口で申請し、新しいカードは後日窓口で交付します(郵送を希望する場合は特急発行の対象事由に限ります)。申請時来庁方式はありません",
            en: "a re-issuance is applied for at the counter and the new card handed over there later (it is mailed only as an express issuance for an eligible cause); there is no apply-at-counter mode"
          },
    next: (c) => (c.mode === "overseas" ? OVERSEAS_CARD_APPLICATION : STANDARD_OR_EXPRESS_REISSUANCE)
  }),
  expressNotYetAvailable,
  ...expressRules,
  rule({
    code: "EXPRESS_APPLICANT_MUST_ATTEND",
    outcome: "refuse",
    basis: basis("M-Yaita", "M-Kishiwada"),
    stop: true,
    on: { all: [Fact.MODE_EXPRESS], any: REPRESENTED_ROUTES },
    text: {
      ja: "特急発行の申請は本人の来庁が必要です(出生届と同時の申請を除く)",
      en: "an express application needs the applicant in person (except together with a birth registration)"
    },
    next: [
      step(
        "APPLICANT_IN_PERSON",
        "本人が来庁して特急発行を申請してください",
        "the applicant comes in person to apply for the express issuance"
      ),
      step(
        "STANDARD_REISSUANCE_INSTEAD",
        "代理人による場合は通常の再交付を申請してください",
        "a representative may apply for a standard re-issuance"
      )
    ]
  }),
  rule({
    code: "NO_CARD_TO_REISSUE",
    outcome: "refuse",
    basis: REISSUE,
    stop: true,
    on: { all: [Fact.CARD_NONE] },
    text: { ja: "再交付するカードがありません", en: "there is no card to re-issue" },
    next: [step("APPLY_CARD", "マイナンバーカードを申請してください(無料)", "apply for a My Number Card (free)")]
  }),
  rule({
    code: "ENDORSEMENT_FIELD_NOT_FULL",
    outcome: "refuse",
    basis: basis("M-Kawaguchi", "M-Matsuyama-fee"),
    stop: true,
    on: { all: [Fact.CAUSE] },
    when: (c) => c.cause === "endorsement_full" && c.applicant.endorsementFieldFull === false,
    text: {
      ja: "追記欄に余白があるため、追記欄満欄による再交付にはなりません",
      en: "the endorsement field is not full, so it is not a re-issuance for a full field"
    },
    next: [
      step(
        "SURFACE_CHANGE_INSTEAD",
        "変更は追記欄への記載(券面記載事項変更、無料)でできます。それでも新しいカードが必要な場合は本人希望の再交付(1,000円)になります",
        "the change can be written in the endorsement field (card-surface change, free); a new card anyway is a re-issuance at the holder's wish (1,000 yen)"
      )
    ]
  }),
  rule({
    code: "CARD_FOUND_LIFT_SUSPENSION",
    outcome: "refuse",
    basis: basis("M-Tomiya", "M-Tokai", "M-Chikuhoku"),
    stop: true,
    on: { all: [Fact.CAUSE] },
    when: (c) =>
      (c.cause === "lost" || c.cause === "stolen") &&
      nn(c.applicant.cardFoundOn) !== undefined &&
      (c.cardState === "suspended" || c.cardState === "lost" || c.cardState === "unknown"),
    text: {
      ja: "カードが見つかった場合は、廃止前であれば一時停止解除で引き続き使えます(無料)",
      en: "a card found before it was abolished can be used again after lifting the suspension (free)"
    },
    next: [
      step(
        "LIFT_SUSPENSION",
        "見つかったカードを持って一時停止解除の手続をしてください",
        "bring the found card to have the suspension lifted"
      )
    ]
  }),
  minorOrWardAlone(REISSUE),
  proxyForMinorOrWard(basis("M-Akitakata-proxy", "M-Oyama")),
  rule({
    code: "REISSUANCE_BY_PROXY_NOT_ALLOWED",
    outcome: "refuse",
    basis: "rules-sources §11-6 (Nakajima village)",
    stop: true,
    on: { all: [Fact.ROUTE_PROXY] },
    when: (c) => c.variants.reissuanceByProxy === "not_allowed",
    text: {
      ja: "この市では、再交付の申請は本人または法定代理人に限ります",
      en: "in this city only the applicant or the legal representative may apply for re-issuance"
    },
    next: (c) => (c.capable ? APPLICANT_IN_PERSON : LEGAL_REPRESENTATIVE_INSTEAD)
  }),
  ...attendanceAllows,
  rule({
    code: "LEGAL_REPRESENTATIVE_APPLIES",
    outcome: "allow",
    basis: REISSUE,
    on: { all: [Fact.ROUTE_REP_ALONE] },
    text: { ja: "法定代理人による再交付の申請です", en: "re-issuance applied for by the legal representative" }
  }),
  rule({
    code: "PROXY_WITH_POWER_OF_ATTORNEY",
    outcome: "allow",
    basis: basis("M-Fujinomiya", "M-Kishiwada"),
    on: { all: [Fact.ROUTE_PROXY] },
    text: {
      ja: "任意代理人による再交付の申請です(委任状が必要)",
      en: "re-issuance applied for by a voluntary proxy (power of attorney needed)"
    }
  }),
  rule({
    code: "SUSPEND_THE_CARD",
    outcome: "note",
    basis: basis("M-Nagoya-lost", "M-Makinohara", "M-Tomiya"),
    on: { all: [Fact.CAUSE], any: [Fact.CARD_USABLE, Fact.CARD_UNKNOWN] },
    when: (c) => c.cause === "lost" || c.cause === "stolen",
    text: {
      ja: "紛失・盗難の場合は、マイナンバー総合フリーダイヤル(0120-95-0178、24時間365日)で一時利用停止をし、窓口で紛失届を出します",
      en: "for a lost or stolen card, suspend it through the My Number toll-free line (0120-95-0178, 24 hours) and file a loss report at the counter"
    },
    next: [
      step("CALL_HOTLINE", "0120-95-0178 に電話して一時利用停止をしてください", "call 0120-95-0178 to suspend the card")
    ]
  }),
  requires({
    code: "POLICE_RECEIPT_NUMBER_MISSING",
    basis: basis("M-Nagoya-lost", "M-Makinohara", "M-Kishiwada", "M-Tsunagi"),
    on: { all: [Fact.CAUSE] },
    when: (c) =>
      (c.cause === "stolen" || (c.cause === "lost" && c.applicant.lostOutsideHome === true)) &&
      c.applicant.policeReportFiled !== true,
    requirement: Documents.single(
      "POLICE_RECEIPT_NUMBER",
      "applicant",
      "police_receipt_number",
      {
        ja: "警察に届け出た遺失届・盗難届の受理番号",
        en: "the receipt number of the loss or theft report filed with the police"
      },
      Flag.PRESENT
    ),
    next: [
      step(
        "REPORT_TO_POLICE",
        "警察に遺失届(盗難の場合は盗難届)を出し、受理番号を控えてお持ちください",
        "report the loss (or theft) to the police and bring the receipt number"
      )
    ]
  }),
  rule({
    code: "HOME_LOSS_STATEMENT",
    outcome: "note",
    basis: basis("M-Nagoya-lost", "M-Makinohara"),
    on: { all: [Fact.CAUSE] },
    when: (c) => c.cause === "lost" && c.applicant.lostOutsideHome !== true,
    text: {
      ja: "自宅での紛失は警察への届出は不要で、窓口で紛失の経緯を説明する書類を記入します",
      en: "a card lost at home needs no police report; a statement of the circumstances is filled in at the counter"
    }
  }),
  rule({
    code: "DISASTER_CERTIFICATE_FOR_EXEMPTION",
    outcome: "note",
    basis: basis("M-Matsuyama-fee", "M-Makubetsu"),
    on: { all: [Fact.CAUSE] },
    when: (c) => c.cause === "disaster" && !Documents.brought(c.docs.applicant, DISASTER_CERTIFICATE),
    text: {
      ja: "災害・火災による滅失は、り災証明書があれば手数料が免除されます",
      en: "a card destroyed in a disaster or fire is re-issued free with a disaster certificate"
    },
    next: [
      step(
        "BRING_DISASTER_CERTIFICATE",
        "り災証明書をお持ちください(手数料免除)",
        "bring the disaster certificate (fee waived)"
      )
    ]
  }),
  rule({
    code: "OLD_CARD_RETURNED",
    outcome: "note",
    basis: basis("M-Matsuyama-fee", "M-Makubetsu", "M-Nagoya-lost"),
    on: { all: [Fact.CAUSE] },
    when: returnsOldCard,
    text: {
      ja: "お手元のカードは再交付の際に返納(廃止)していただきます",
      en: "the card still in hand is returned (abolished) at the re-issuance"
    },
    next: [step("BRING_OLD_CARD", "現在のカードをお持ちください", "bring the current card")]
  }),
  requires({
    code: "APPLICANT_IDENTITY_MISSING",
    basis: basis("M-Nagoya-lost", "M-Kyoto"),
    on: IN_PERSON,
    requirement: applicantIdentity
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: basis("M-Kishiwada", "M-Fujinomiya"),
    on: { none: [Fact.ROUTE_SELF] },
    requirement: attendeeIdentity
  }),
  ...authorityRules(basis("M-Hagi", "M-Soma")),
  requires({
    code: "POWER_OF_ATTORNEY_MISSING",
    basis: basis("M-Fujinomiya", "M-Kishiwada"),
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "POWER_OF_ATTORNEY",
      "applicant",
      "power_of_attorney",
      { ja: "本人が作成した委任状", en: "a power of attorney made by the applicant" },
      Flag.PRESENT | Flag.USABLE | Flag.COMPLETED
    )
  }),
  rule({
    code: "PHOTO_NEEDED",
    outcome: "note",
    basis: basis("M-Nagoya-lost", "M-Makinohara"),
    when: (c) => !Documents.brought(c.docs.applicant, PHOTO),
    text: {
      ja: "再交付の申請には顔写真が必要です(窓口で撮影できる場合があります)",
      en: "a photo is needed for the re-issuance application (it may be taken at the counter)"
    }
  }),
  expressMailed,
  rule({
    code: "NEW_CARD_HANDED_OVER",
    outcome: "note",
    basis: REISSUE,
    on: { none: [Fact.MODE_EXPRESS] },
    text: {
      ja: "新しいカードは後日、窓口で本人に交付します。手数料は交付時に支払います",
      en: "the new card is handed over at the counter later; the fee is paid at the hand-over"
    }
  }),
  rule({
    code: "EXPRESS_POSSIBLE",
    outcome: "note",
    basis: EXPRESS,
    from: EXPRESS_ISSUANCE.from,
    on: { all: [Fact.CAUSE], none: [Fact.MODE_EXPRESS] },
    when: (c) => {
      if (!EXPRESS_CAUSES.has(c.cause!)) return false
      const event = expressEventDate(c) ?? c.visit
      return c.visit <= Dates.addDays(event, 30)
    },
    text: {
      ja: "この事由では、事由の発生(紛失届等)から30日以内なら特急発行(約1週間、郵送。有料の場合は1,000円加算)も申請できます",
      en: "for this cause an express issuance (about a week, mailed; 1,000 yen more when the re-issuance is charged) can be applied for within 30 days of the event"
    }
  }),
  ...tailNotes
]
