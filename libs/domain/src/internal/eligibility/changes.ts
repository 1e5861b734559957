/**
 * Rule tables of the procedures that change or end a card: 券面記載事項変更, 継続利用 (転入), the
 * foreign residents' 有効期間変更 and 特例期間延長, 国外継続利用, 返納, and the abolished 通知カード
 * re-issuance, plus 番号確認. Sources: rules-sources §4, §6.8, §8.3, §8.4, §8.6.
 */
import * as Documents from "../../Documents.ts"
import { NOTIFICATION_CARD_ABOLISHED, OVERSEAS_CARD } from "../../RuleBook.ts"
import { basis } from "../../Sources.ts"
import { cardExpiry } from "../../Validity.ts"
import * as Dates from "../dates.ts"
import {
  authorityRules,
  bringCard,
  cardMustBeUsable,
  gates,
  minorOrWardAlone,
  proxyForMinorOrWard,
  tailNotes
} from "./common.ts"
import { type Ctx, Fact } from "./context.ts"
import { requires, rule, type Rule, step } from "./engine.ts"

const { Flag } = Documents
const NUMBER_NOTICE = Documents.indexOf("number_notice")
const NOTIFICATION_CARD = Documents.indexOf("notification_card")

const nn = <A>(a: A | null | undefined): A | undefined => (a === null ? undefined : a)

const CHANGE = basis("M-Kawaguchi", "M-Koshigaya", "M-Akitakata-change")
const MOVE_IN = basis("M-Tomakomai", "M-Kuwana", "M-Minoh", "M-Kawaguchi")
const FOREIGN = basis("M-Yokote", "M-Miyake", "M-Ishinomaki", "M-Akitakata-foreign", "M-Hokudai", "M-Kasai-foreign")
const ABROAD = basis("M-Fukuoka", "M-Kasugai", "M-Ritto", "M-Nagayo", "M-Fukaya", "M-Oguchi")

const attendeeIdentity = Documents.standardIdentity("ATTENDEE_IDENTITY", "attendee")
const powerOfAttorney = Documents.single(
  "POWER_OF_ATTORNEY",
  "applicant",
  "power_of_attorney",
  { ja: "本人が作成した委任状", en: "a power of attorney made by the applicant" },
  Flag.PRESENT | Flag.USABLE | Flag.COMPLETED
)

/**
 * Who may do a change on the card: the applicant, the legal representative, a member of the same
 * household the same day; another proxy only through a written inquiry (two visits)
 * [M-Koshigaya][M-Kawaguchi]; for a child under 15 or a ward only the legal representative or the
 * same household [M-Akitakata-change].
 */
const changeAttendance = (procedureBasis: string): ReadonlyArray<Rule> => [
  minorOrWardAlone(procedureBasis),
  proxyForMinorOrWard(basis("M-Akitakata-change"), true),
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: procedureBasis,
    on: { all: [Fact.ROUTE_SELF] },
    text: { ja: "本人の来庁です", en: "the applicant attends in person" }
  }),
  rule({
    code: "LEGAL_REPRESENTATIVE_FOR_CHANGE",
    outcome: "allow",
    basis: CHANGE,
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    text: { ja: "法定代理人による手続です", en: "the legal representative acts" }
  }),
  rule({
    code: "SAME_HOUSEHOLD_PROXY",
    outcome: "allow",
    basis: basis("M-Koshigaya", "M-Kawaguchi", "M-Akitakata-change"),
    on: { all: [Fact.ROUTE_PROXY, Fact.SAME_HOUSEHOLD] },
    text: { ja: "同一世帯の方は即日手続できます", en: "a member of the same household can do it the same day" }
  }),
  requires({
    code: "OTHER_PROXY_INQUIRY_NEEDED",
    basis: basis("M-Koshigaya", "M-Kawaguchi"),
    outcome: "second_visit",
    on: { all: [Fact.ROUTE_PROXY], none: [Fact.SAME_HOUSEHOLD] },
    requirement: Documents.single(
      "INQUIRY_REPLY",
      "applicant",
      "inquiry_reply",
      {
        ja: "本人が記入し封をした照会書兼回答書",
        en: "the inquiry-and-reply form completed and sealed by the applicant"
      },
      Flag.PRESENT | Flag.COMPLETED | Flag.SEALED
    ),
    next: [
      step(
        "INQUIRY_MAILED",
        "別世帯の代理人の場合は文書照会になります。本人あてに郵送する照会書兼回答書を、本人が記入・封をして、代理人がカード・委任状・本人確認書類とともにお持ちください(2回目の来庁)",
        "a proxy from another household goes through a written inquiry: the form mailed to the applicant comes back completed and sealed, with the card, the power of attorney and the proxy's ID (second visit)"
      )
    ]
  }),
  requires({
    code: "POWER_OF_ATTORNEY_MISSING",
    basis: basis("M-Koshigaya", "M-Kawaguchi"),
    on: { all: [Fact.ROUTE_PROXY], none: [Fact.SAME_HOUSEHOLD] },
    requirement: powerOfAttorney
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: CHANGE,
    on: { none: [Fact.ROUTE_SELF] },
    requirement: attendeeIdentity
  }),
  ...authorityRules(basis("M-Hagi", "M-Soma")),
  bringCard(procedureBasis),
  rule({
    code: "RESIDENT_REGISTRY_PIN_NEEDED",
    outcome: "note",
    basis: basis("M-Kawaguchi", "M-Akitakata-change"),
    when: (c) =>
      c.applicant.canEnterPins === false ||
      c.applicant.pinForgotten === true ||
      (nn(c.applicant.lockedPins) ?? []).includes("resident_registry"),
    text: {
      ja: "住民基本台帳用暗証番号(数字4桁)の入力が必要です。忘れた場合は同じ来庁時に再設定できます(本人確認書類が必要)",
      en: "the resident-registry PIN (4 digits) must be entered; if forgotten it can be reset at the same visit (identity documents needed)"
    }
  })
]

const signatureLapses = rule({
  code: "SIGNATURE_CERT_LAPSES",
  outcome: "note",
  basis: basis("M-Saka", "M-Ebetsu", "M-Akiruno", "M-Kawaguchi"),
  on: { all: [Fact.CAPABLE] },
  when: (c) => c.procedure !== "surface_change" || c.applicant.changeKind !== "other",
  text: {
    ja: "住所・氏名等の変更により署名用電子証明書は失効します(利用者証明用は引き続き使えます)。必要なら新たに発行します(無料)",
    en: "the change revokes the signature certificate (the authentication one stays valid); it can be issued anew (free)"
  },
  next: [
    step(
      "REISSUE_SIGNATURE_CERT",
      "必要なら署名用電子証明書を新たに発行してください(無料)",
      "have a new signature certificate issued if needed (free)"
    )
  ]
})

const endorsementFull = rule({
  code: "ENDORSEMENT_FIELD_FULL",
  outcome: "refuse",
  basis: basis("M-Kawaguchi", "M-Matsuyama-fee", "M-Makubetsu", "M-Yokote"),
  stop: true,
  when: (c) => c.applicant.endorsementFieldFull === true,
  text: {
    ja: "追記欄に余白がないため記載できません。追記欄満欄による再交付(無料)になります",
    en: "the endorsement field is full, so nothing more can be written; the card is re-issued free for a full field"
  },
  next: [
    step(
      "APPLY_REISSUANCE",
      "追記欄満欄による再交付を申請してください(無料)",
      "apply for a re-issuance for a full endorsement field (free)"
    )
  ]
})

/** @category rules */
export const surfaceChange: ReadonlyArray<Rule> = [
  ...gates,
  cardMustBeUsable(CHANGE),
  endorsementFull,
  rule({
    code: "SURFACE_CHANGE_ALLOWED",
    outcome: "allow",
    basis: CHANGE,
    text: {
      ja: "券面記載事項の変更(追記欄への記載)ができます",
      en: "the change can be written on the card (endorsement field)"
    }
  }),
  ...changeAttendance(CHANGE),
  rule({
    code: "CHANGE_WITHIN_14_DAYS",
    outcome: "note",
    basis: basis("M-Kawaguchi", "M-Akitakata-change"),
    when: (c) => {
      const changed = nn(c.applicant.addressChangedOn)
      return changed !== undefined && c.visit > Dates.addDays(changed, 14)
    },
    text: {
      ja: "住所の変更は、異動日から14日以内の届出と同時に券面記載事項の変更を行うことになっています",
      en: "an address change is to be reported, and written on the card, within 14 days of the move"
    }
  }),
  signatureLapses,
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 継続利用 (after moving in from another municipality)

const reportedOn = (c: Ctx) => nn(c.applicant.moveInReportedOn) ?? c.visit

/** @category rules */
export const continuedUse: ReadonlyArray<Rule> = [
  ...gates,
  cardMustBeUsable(MOVE_IN),
  rule({
    code: "CARD_LAPSED_90_DAYS_AFTER_MOVE_IN",
    outcome: "refuse",
    basis: MOVE_IN,
    stop: true,
    when: (c) => c.visit > Dates.addDays(reportedOn(c), 90),
    text: (c) => ({
      ja: `転入届(${reportedOn(c)})から90日(${Dates.addDays(reportedOn(c), 90)}まで)を過ぎたため、カードは失効しています`,
      en: `more than 90 days have passed since the move-in notification (${reportedOn(c)}; deadline ${Dates.addDays(reportedOn(c), 90)}): the card has lapsed`
    }),
    next: [
      step(
        "APPLY_REISSUANCE",
        "カードの再交付を申請してください(失効、1,000円)",
        "apply for a re-issued card (lapsed, 1,000 yen)"
      )
    ]
  }),
  rule({
    code: "CARD_LAPSED_MOVE_IN_30_DAYS_AFTER_PLANNED_MOVE_OUT",
    outcome: "refuse",
    basis: MOVE_IN,
    stop: true,
    when: (c) => {
      const planned = nn(c.applicant.plannedMoveOutOn)
      return planned !== undefined && reportedOn(c) > Dates.addDays(planned, 30)
    },
    text: (c) => ({
      ja: `転出予定日(${c.applicant.plannedMoveOutOn})から30日以内に転入届がなかったため、カードは失効しています`,
      en: `no move-in notification within 30 days of the planned move-out date (${c.applicant.plannedMoveOutOn}): the card has lapsed`
    }),
    next: [
      step(
        "APPLY_REISSUANCE",
        "カードの再交付を申請してください(失効、1,000円)",
        "apply for a re-issued card (lapsed, 1,000 yen)"
      )
    ]
  }),
  rule({
    code: "CARD_LAPSED_MOVE_IN_REPORTED_LATE",
    outcome: "refuse",
    basis: MOVE_IN,
    stop: true,
    when: (c) => {
      const moved = nn(c.applicant.movedInOn)
      return moved !== undefined && reportedOn(c) > Dates.addDays(moved, 14)
    },
    text: (c) => ({
      ja: `転入した日(${c.applicant.movedInOn})から14日以内に転入届がなかったため、カードは失効しています`,
      en: `the move-in was not notified within 14 days of moving in (${c.applicant.movedInOn}): the card has lapsed`
    }),
    next: [
      step(
        "APPLY_REISSUANCE",
        "カードの再交付を申請してください(失効、1,000円)",
        "apply for a re-issued card (lapsed, 1,000 yen)"
      )
    ]
  }),
  rule({
    code: "CONTINUED_USE_WITHIN_90_DAYS",
    outcome: "allow",
    basis: MOVE_IN,
    text: (c) => ({
      ja: `転入届から90日以内(${Dates.addDays(reportedOn(c), 90)}まで)のため、継続利用の手続ができます`,
      en: `within 90 days of the move-in notification (until ${Dates.addDays(reportedOn(c), 90)}): continued use is possible`
    })
  }),
  endorsementFull,
  ...changeAttendance(MOVE_IN),
  signatureLapses,
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// Foreign residents: 有効期間変更, 特例期間延長

const notForeignWithPeriod = (code: string, what: { ja: string; en: string }) =>
  rule({
    code,
    outcome: "refuse",
    basis: FOREIGN,
    stop: true,
    on: { none: [Fact.FOREIGN_WITH_PERIOD] },
    text: {
      ja: `${what.ja}は、在留期間の満了日が有効期限となっている外国人住民の方の手続です(永住者・特別永住者・高度専門職第2号は対象外)`,
      en: `${what.en} is for foreign residents whose card ends with their period of stay (not permanent, special permanent or highly skilled (ii) residents)`
    },
    next: [
      step(
        "NOT_NEEDED_RENEW_AT_EXPIRY",
        "カードの有効期限は在留期間に連動しないため、この手続は不要です。有効期限が近づいたらカードの更新(無料)をしてください",
        "the card does not end with a period of stay, so this is not needed; renew the card (free) when its expiry approaches"
      )
    ]
  })

const lapsedWithStay = (code: string) =>
  rule({
    code,
    outcome: "refuse",
    basis: basis("M-Yokote", "M-Hokudai", "M-Tamba", "M-Mitake"),
    stop: true,
    on: { all: [Fact.CARD_EXPIRED] },
    text: (c) => ({
      ja: `カードの有効期限(${c.cardExpiresOn ?? "—"})を過ぎているため手続できません(カードは失効)`,
      en: `the card expired${c.cardExpiresOn ? ` on ${c.cardExpiresOn}` : ""}, so this is no longer possible (the card has lapsed)`
    }),
    next: [
      step(
        "APPLY_REISSUANCE",
        "新しいカードの申請(再交付、1,000円)が必要です",
        "a new card must be applied for (re-issuance, 1,000 yen)"
      )
    ]
  })

/** @category rules */
export const validityChange: ReadonlyArray<Rule> = [
  ...gates,
  notForeignWithPeriod("VALIDITY_CHANGE_NOT_APPLICABLE", { ja: "有効期間変更", en: "a validity change" }),
  lapsedWithStay("CARD_LAPSED_BEFORE_VALIDITY_CHANGE"),
  cardMustBeUsable(FOREIGN),
  rule({
    code: "STAY_RENEWAL_STILL_PENDING",
    outcome: "refuse",
    basis: FOREIGN,
    stop: true,
    when: (c) => c.applicant.stayRenewed !== true && c.applicant.stayRenewalPending === true,
    text: {
      ja: "在留期間の更新がまだ許可されていません。カードの有効期限までに特例期間延長(2か月)の手続をしてください",
      en: "the renewal of stay has not been granted yet; before the card expires, apply for the special two-month extension"
    },
    next: [step("SPECIAL_EXTENSION", "特例期間延長の手続をしてください", "apply for the special extension")]
  }),
  rule({
    code: "STAY_NOT_RENEWED",
    outcome: "refuse",
    basis: FOREIGN,
    stop: true,
    when: (c) => c.applicant.stayRenewed !== true,
    text: {
      ja: "有効期間変更は在留期間の更新が許可された後、新しい在留カードで行います",
      en: "the validity change is made after the renewal of stay is granted, with the new residence card"
    },
    next: [
      step(
        "AFTER_STAY_RENEWED",
        "在留期間の更新許可を受けたら、カードの有効期限までに新しい在留カードを持ってお越しください(申請中なら特例期間延長)",
        "once the renewal of stay is granted, come with the new residence card before the card expires (while it is pending: the special extension)"
      )
    ]
  }),
  endorsementFull,
  requires({
    code: "NEW_RESIDENCE_CARD_MISSING",
    basis: FOREIGN,
    requirement: Documents.single("NEW_RESIDENCE_CARD", "applicant", "residence_card", {
      ja: "更新後の新しい在留カード",
      en: "the new residence card after the renewal of stay"
    })
  }),
  rule({
    code: "VALIDITY_CHANGE_ALLOWED",
    outcome: "allow",
    basis: FOREIGN,
    text: (c) => {
      const issuedOn = nn(c.card?.issuedOn)
      const end = nn(c.applicant.residencePeriodEnd)
      if (issuedOn === undefined || end === undefined)
        return {
          ja: "在留期間の更新後の有効期間変更ができます(無料。新しい在留期間満了日まで、最長で発行日後の10回目(未成年は5回目)の誕生日まで)",
          en: "the validity can be changed after the renewal of stay (free; to the new end of stay, at most the 10th birthday after issuance, 5th for minors)"
        }
      const until = cardExpiry({
        birthDate: c.applicant.birthDate,
        issuedOn,
        applicationReceivedOn: nn(c.applicant.applicationReceivedOn),
        ageBasis: c.variants.cardValidityAgeBasis,
        nationality: "foreign",
        residenceStatus: "period_of_stay",
        residencePeriodEnd: end
      }).expiresOn
      return {
        ja: `有効期間変更ができます(無料)。変更後の有効期限は ${until} です`,
        en: `the validity can be changed (free); the card will then expire on ${until}`
      }
    }
  }),
  ...changeAttendance(FOREIGN),
  ...tailNotes
]

/** @category rules */
export const specialExtension: ReadonlyArray<Rule> = [
  ...gates,
  notForeignWithPeriod("SPECIAL_EXTENSION_NOT_APPLICABLE", { ja: "特例期間延長", en: "the special extension" }),
  lapsedWithStay("CARD_LAPSED_BEFORE_SPECIAL_EXTENSION"),
  cardMustBeUsable(FOREIGN),
  rule({
    code: "STAY_ALREADY_RENEWED",
    outcome: "refuse",
    basis: FOREIGN,
    stop: true,
    when: (c) => c.applicant.stayRenewed === true,
    text: {
      ja: "在留期間の更新が許可されているため、特例期間延長ではなく有効期間変更の手続になります",
      en: "the renewal of stay has been granted: make a validity change instead of the special extension"
    },
    next: [
      step(
        "VALIDITY_CHANGE",
        "新しい在留カードで有効期間変更をしてください",
        "make a validity change with the new residence card"
      )
    ]
  }),
  rule({
    code: "STAY_RENEWAL_NOT_PENDING",
    outcome: "refuse",
    basis: FOREIGN,
    stop: true,
    when: (c) => c.applicant.stayRenewalPending !== true,
    text: {
      ja: "特例期間延長は、在留期間更新許可の申請中の方が対象です",
      en: "the special extension is for a person whose application to renew the period of stay is pending"
    },
    next: [
      step(
        "APPLY_STAY_RENEWAL_FIRST",
        "在留期間更新許可を申請した後、カードの有効期限までに「申請中」の押印がある在留カード(または受付メール)を持ってお越しください",
        "after applying to renew the period of stay, come before the card expires with the residence card stamped as pending (or the receipt e-mail)"
      )
    ]
  }),
  requires({
    code: "RENEWAL_PENDING_PROOF_MISSING",
    basis: FOREIGN,
    requirement: Documents.requirement(
      "RENEWAL_PENDING_PROOF",
      "applicant",
      {
        ja: "在留期間更新許可申請中であることの確認書類(「在留期間更新許可申請中」の押印がある在留カード、またはオンライン申請の受付メール)",
        en: "proof that the renewal of stay is pending (residence card stamped 「在留期間更新許可申請中」, or the online application receipt)"
      },
      Documents.alternative(
        { ja: "申請中の押印がある在留カード", en: "stamped residence card" },
        Documents.need(
          ["residence_card"],
          1,
          { ja: "申請中の押印がある在留カード", en: "stamped residence card" },
          Flag.PRESENT | Flag.RENEWAL_STAMP
        )
      ),
      Documents.alternative(
        { ja: "オンライン申請の受付メール等", en: "online application receipt" },
        Documents.need(
          ["stay_application_receipt"],
          1,
          { ja: "申請の受付票・受付メール", en: "application receipt" },
          Flag.PRESENT
        )
      )
    )
  }),
  rule({
    code: "SPECIAL_EXTENSION_ALLOWED",
    outcome: "allow",
    basis: FOREIGN,
    text: (c) =>
      c.cardExpiresOn === undefined
        ? {
            ja: "カードの有効期限を2か月延長できます(特例期間)",
            en: "the card can be extended by two months (special period)"
          }
        : {
            ja: `カードの有効期限を2か月延長できます(${Dates.addMonths(c.cardExpiresOn, 2).date} まで)`,
            en: `the card can be extended by two months (until ${Dates.addMonths(c.cardExpiresOn, 2).date})`
          },
    next: [
      step(
        "VALIDITY_CHANGE_AFTER_PERMISSION",
        "在留期間の更新が許可されたら、新しい在留カードで有効期間変更をしてください",
        "once the renewal of stay is granted, make a validity change with the new residence card"
      )
    ]
  }),
  ...changeAttendance(FOREIGN),
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 国外継続利用

const departure = (c: Ctx) => nn(c.applicant.departureDate) ?? nn(c.applicant.plannedMoveOutOn)

/** @category rules */
export const overseasContinuedUse: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "OVERSEAS_CONTINUED_USE_NOT_YET_AVAILABLE",
    outcome: "refuse",
    basis: OVERSEAS_CARD.basis,
    until: OVERSEAS_CARD.from,
    stop: true,
    text: {
      ja: "国外継続利用は2024年5月27日からです。それまでは国外転出でカードは失効します",
      en: "continued use abroad exists since 2024-05-27; before that the card lapsed on moving abroad"
    },
    next: [step("RETURN_CARD", "国外転出の際はカードを返納してください", "return the card when moving abroad")]
  }),
  rule({
    code: "OVERSEAS_CONTINUED_USE_JAPANESE_ONLY",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Kasugai"),
    stop: true,
    on: { all: [Fact.FOREIGN] },
    text: {
      ja: "国外継続利用は日本国籍の方のみです。外国籍の方のカードは国外転出により失効します",
      en: "continued use abroad is for Japanese nationals only; a foreign national's card lapses on moving abroad"
    },
    next: [step("RETURN_CARD", "カードを返納してください", "return the card")]
  }),
  cardMustBeUsable(ABROAD),
  rule({
    code: "OVERSEAS_CONTINUED_USE_TOO_LATE",
    outcome: "refuse",
    basis: basis("M-Fukuoka", "M-Ritto", "M-Fukaya"),
    stop: true,
    when: (c) => {
      const d = departure(c)
      return d !== undefined && c.visit >= d
    },
    text: (c) => ({
      ja: `国外継続利用は国外転出届と同時に、転出予定日の前日(${Dates.addDays(departure(c)!, -1)})までに行う必要があります`,
      en: `continued use abroad must be arranged with the overseas move-out notification by the day before departure (${Dates.addDays(departure(c)!, -1)})`
    }),
    next: [
      step(
        "OVERSEAS_CARD_INSTEAD",
        "カードを返納し、国外転出者向けカードを申請してください(転出後90日以内の再申請は無料)",
        "return the card and apply for a card for persons abroad (free when re-applied within 90 days of departure)"
      )
    ]
  }),
  rule({
    code: "OVERSEAS_CONTINUED_USE_ALLOWED",
    outcome: "allow",
    basis: ABROAD,
    text: (c) => {
      const d = departure(c)
      return {
        ja: `国外転出届と同時に国外継続利用の手続ができます${d ? `(転出予定日の前日 ${Dates.addDays(d, -1)} まで)` : "(転出予定日の前日まで)"}`,
        en: `continued use abroad can be arranged with the overseas move-out notification${d ? ` (by ${Dates.addDays(d, -1)}, the day before departure)` : " (by the day before departure)"}`
      }
    }
  }),
  minorOrWardAlone(ABROAD),
  proxyForMinorOrWard(basis("M-Oguchi", "M-Inazawa"), true),
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: ABROAD,
    on: { all: [Fact.ROUTE_SELF] },
    text: { ja: "本人の来庁です", en: "the applicant attends in person" }
  }),
  rule({
    code: "REPRESENTATIVE_FOR_OVERSEAS_CONTINUED_USE",
    outcome: "allow",
    basis: basis("M-Oguchi", "M-Inazawa", "M-Uchiko"),
    on: { none: [Fact.ROUTE_SELF] },
    text: {
      ja: "法定代理人・同一世帯の方・委任を受けた代理人が手続できます",
      en: "the legal representative, a member of the same household or a proxy with a power of attorney can do this"
    }
  }),
  requires({
    code: "POWER_OF_ATTORNEY_MISSING",
    basis: basis("M-Uchiko", "M-Oguchi", "M-Inazawa"),
    on: { all: [Fact.ROUTE_PROXY] },
    when: (c) => !c.sameHousehold || c.issuedCertificates.length > 0,
    requirement: powerOfAttorney
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: ABROAD,
    on: { none: [Fact.ROUTE_SELF] },
    requirement: attendeeIdentity
  }),
  ...authorityRules(basis("M-Hagi", "M-Soma")),
  bringCard(ABROAD),
  rule({
    code: "SIGNATURE_CERT_LAPSES_ABROAD",
    outcome: "note",
    basis: basis("M-Kasugai", "M-Nagayo", "M-Awaji", "M-Oguchi"),
    on: { all: [Fact.CAPABLE] },
    text: (c) =>
      c.variants.overseasSignatureLapse === "on_move_out_notification"
        ? {
            ja: "署名用電子証明書は国外転出届の時点で失効します。同じ来庁時に国外転出者用の署名用電子証明書を発行できます",
            en: "the signature certificate lapses with the move-out notification; a signature certificate for persons abroad can be issued at the same visit"
          }
        : {
            ja: "署名用電子証明書は転出予定日に失効します。同じ来庁時に国外転出者用の署名用電子証明書を発行できます",
            en: "the signature certificate lapses on the departure date; a signature certificate for persons abroad can be issued at the same visit"
          }
  }),
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 返納

const RETURN = basis("M-Fukuoka", "M-Kasugai", "SEED-Ota")

/** @category rules */
export const cardReturn: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "NOTHING_TO_RETURN",
    outcome: "refuse",
    basis: RETURN,
    stop: true,
    on: { any: [Fact.CARD_NONE, Fact.CARD_AWAITING] },
    text: { ja: "返納するカードがありません", en: "there is no card to return" },
    next: [
      step(
        "NOTHING_TO_RETURN",
        "返納の手続は不要です。申請中・交付前のカードを辞退する場合は市の担当窓口に連絡してください",
        "no return is needed; to withdraw a card applied for but not yet handed over, contact the city"
      )
    ]
  }),
  rule({
    code: "LOST_CARD_NOT_RETURNABLE",
    outcome: "refuse",
    basis: basis("M-Nagoya-lost", "M-Tomiya"),
    stop: true,
    on: { all: [Fact.CARD_LOST] },
    when: (c) => nn(c.applicant.cardFoundOn) === undefined,
    text: {
      ja: "紛失したカードは返納できません(紛失届で廃止します)",
      en: "a lost card cannot be returned (it is abolished through the loss report)"
    },
    next: [
      step(
        "BRING_FOUND_CARD",
        "カードが見つかった場合は、見つかったカードを持ってお越しください(返納できます)",
        "if the card is found, bring it: it can then be returned"
      )
    ]
  }),
  minorOrWardAlone(RETURN),
  rule({
    code: "CARD_RETURN_ALLOWED",
    outcome: "allow",
    basis: RETURN,
    text: { ja: "カードを返納(廃止)できます", en: "the card can be returned (abolished)" }
  }),
  bringCard(RETURN),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: RETURN,
    on: { none: [Fact.ROUTE_SELF] },
    requirement: attendeeIdentity
  }),
  ...authorityRules(basis("M-Hagi", "M-Soma")),
  requires({
    code: "POWER_OF_ATTORNEY_MISSING",
    basis: RETURN,
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: powerOfAttorney
  }),
  rule({
    code: "CONSIDER_OVERSEAS_CONTINUED_USE",
    outcome: "note",
    basis: ABROAD,
    from: OVERSEAS_CARD.from,
    on: { none: [Fact.FOREIGN] },
    when: (c) => departure(c) !== undefined && c.visit < departure(c)!,
    text: {
      ja: "国外へ転出する日本国籍の方は、返納せずに国外継続利用の手続(転出予定日の前日まで)をすることもできます",
      en: "a Japanese national moving abroad may keep the card through continued use abroad (by the day before departure) instead of returning it"
    }
  }),
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 通知カード再交付 (abolished) and 番号確認

/** @category rules */
export const notificationCardReissuance: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "NOTIFICATION_CARD_ABOLISHED",
    outcome: "refuse",
    basis: NOTIFICATION_CARD_ABOLISHED.basis,
    from: NOTIFICATION_CARD_ABOLISHED.from,
    stop: true,
    text: { ja: NOTIFICATION_CARD_ABOLISHED.ja, en: NOTIFICATION_CARD_ABOLISHED.en },
    next: [
      step("APPLY_CARD", "マイナンバーカードを申請してください(無料)", "apply for a My Number Card (free)"),
      step(
        "RESIDENT_RECORD_WITH_NUMBER",
        "番号の証明が必要な場合は、個人番号入りの住民票の写しを請求してください",
        "for proof of the number, request a copy of the resident record showing the individual number"
      )
    ]
  }),
  rule({
    code: "NOTIFICATION_CARD_REISSUANCE_BEFORE_ABOLITION",
    outcome: "allow",
    basis: basis("M-Gifu", "M-Nagoya-tsuchi"),
    until: NOTIFICATION_CARD_ABOLISHED.from,
    text: {
      ja: "通知カードの再交付ができます(2020年5月24日まで、手数料500円)",
      en: "the notification card can be re-issued (until 2020-05-24, fee 500 yen)"
    }
  }),
  requires({
    code: "APPLICANT_IDENTITY_MISSING",
    basis: basis("M-Gifu", "M-Kyoto"),
    until: NOTIFICATION_CARD_ABOLISHED.from,
    on: { all: [Fact.ROUTE_SELF] },
    requirement: Documents.standardIdentity("APPLICANT_IDENTITY", "applicant")
  }),
  ...tailNotes
]

const NUMBER = basis("SOUMU-tsuchi", "JLIS-tsuchi", "M-Nabari", "M-Mitaka", "M-Gifu")

const numberProof = Documents.requirement(
  "NUMBER_PROOF",
  "applicant",
  {
    ja: "番号確認書類: マイナンバーカード、または氏名・住所が住民票と一致する通知カードと本人確認書類(A群1点またはB群2点)",
    en: "proof of the number: the My Number Card, or a notification card whose name and address match the resident record together with identity documents (one A or two B)"
  },
  Documents.alternative(
    { ja: "マイナンバーカード", en: "My Number Card" },
    Documents.need(["my_number_card"], 1, { ja: "マイナンバーカード", en: "My Number Card" })
  ),
  Documents.alternative(
    { ja: "通知カード+A群1点", en: "notification card and one group-A document" },
    Documents.need(
      ["notification_card"],
      1,
      { ja: "記載が住民票と一致する通知カード", en: "notification card matching the resident record" },
      Flag.USABLE | Flag.MATCHES_RECORD
    ),
    Documents.need(Documents.GROUP_A, 1, { ja: "A群の書類", en: "group-A document" }, Flag.USABLE | Flag.GROUP_A)
  ),
  Documents.alternative(
    { ja: "通知カード+B群2点", en: "notification card and two group-B documents" },
    Documents.need(
      ["notification_card"],
      1,
      { ja: "記載が住民票と一致する通知カード", en: "notification card matching the resident record" },
      Flag.USABLE | Flag.MATCHES_RECORD
    ),
    Documents.need(Documents.GROUP_AB, 2, { ja: "B群の書類", en: "group-B document" }, Flag.USABLE | Flag.GROUP_B)
  )
)

/** @category rules */
export const numberVerification: ReadonlyArray<Rule> = [
  ...gates,
  minorOrWardAlone(NUMBER),
  rule({
    code: "NUMBER_NOTICE_NOT_PROOF",
    outcome: "note",
    basis: basis("JLIS-tsuchi"),
    when: (c) => Documents.brought(c.docs.applicant, NUMBER_NOTICE),
    text: {
      ja: "個人番号通知書は番号の証明書類にも本人確認書類にもなりません",
      en: "the individual-number notice proves neither the number nor identity"
    }
  }),
  rule({
    code: "NOTIFICATION_CARD_OUT_OF_DATE",
    outcome: "note",
    basis: basis("SOUMU-tsuchi", "M-Nabari", "M-Mitaka"),
    when: (c) =>
      Documents.brought(c.docs.applicant, NOTIFICATION_CARD) &&
      !Documents.has(c.docs.applicant, NOTIFICATION_CARD, Flag.PRESENT | Flag.MATCHES_RECORD),
    text: {
      ja: "通知カードは、氏名・住所が住民票と一致している場合に限り番号の証明に使えます",
      en: "a notification card proves the number only while its name and address match the resident record"
    }
  }),
  requires({
    code: "NUMBER_PROOF_MISSING",
    basis: NUMBER,
    requirement: numberProof,
    next: [
      step(
        "RESIDENT_RECORD_WITH_NUMBER",
        "個人番号入りの住民票の写しを請求すれば番号を証明できます",
        "a copy of the resident record showing the individual number proves the number"
      )
    ]
  }),
  rule({
    code: "NUMBER_PROOF_PRESENT",
    outcome: "allow",
    basis: NUMBER,
    when: (c) => Documents.satisfied(numberProof, c.docs),
    text: { ja: "番号を確認できる書類があります", en: "the documents prove the number" }
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: NUMBER,
    on: { none: [Fact.ROUTE_SELF] },
    requirement: attendeeIdentity
  }),
  ...authorityRules(basis("M-Hagi", "M-Soma")),
  requires({
    code: "POWER_OF_ATTORNEY_MISSING",
    basis: NUMBER,
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: powerOfAttorney
  }),
  ...tailNotes
]
