/**
 * The dated facts of the law: the changes that make a check on 2024-11-30 differ from one on
 * 2025-12-02. Each entry knows from which day it holds (and, for a rule that ended, the first day it
 * no longer holds) and cites its sources; the eligibility rules, validity and fees look their dates
 * up here rather than repeating them. `GET /vocabulary` lists the book.
 */
import { basis } from "./Sources.ts"

/** A rule with the period in which it holds. @category models */
export interface DatedRule {
  readonly id: string
  /** First day the rule holds (inclusive). */
  readonly from?: string
  /** First day the rule no longer holds (exclusive). */
  readonly until?: string
  /** What the date is compared with, when it is not the visit date. */
  readonly keyedOn?: string
  readonly ja: string
  readonly en: string
  readonly basis: string
}

/** True when `rule` holds on `date` (`YYYY-MM-DD`). @category predicates */
export const inForce = (rule: DatedRule, date: string): boolean =>
  (rule.from === undefined || date >= rule.from) && (rule.until === undefined || date < rule.until)

/** The age of majority for card validity fell from 20 to 18 (民法改正). @category rules */
export const ADULT_AGE_18: DatedRule = {
  id: "adult_age_18",
  from: "2022-04-01",
  keyedOn: "J-LIS application receipt date (申請受付日)",
  ja: "カードの有効期間の年齢区分は、申請受付日が2022年4月1日以降なら18歳、それより前なら20歳",
  en: "card validity uses age 18 for applications received from 2022-04-01, age 20 before",
  basis: basis("M-Minato", "M-Miyoshi-T", "M-Hanno")
}

/** 通知カード abolished: no re-issuance, no endorsement; 個人番号通知書 instead. @category rules */
export const NOTIFICATION_CARD_ABOLISHED: DatedRule = {
  id: "notification_card_abolished",
  from: "2020-05-25",
  ja: "通知カードは2020年5月25日に廃止(再交付・記載事項変更なし)。以後は個人番号通知書",
  en: "the notification card was abolished on 2020-05-25 (no re-issuance or changes); number notices since",
  basis: basis("SOUMU-tsuchi", "JLIS-tsuchi", "M-Gifu", "M-Nagoya-tsuchi")
}

/** 代理交付 reviewed: やむを得ない理由 broadened and clarified, evidence simplified. @category rules */
export const PROXY_HANDOVER_REVIEW: DatedRule = {
  id: "proxy_handover_review",
  from: "2023-03-31",
  ja: "代理交付のやむを得ない理由を2023年3月31日に拡充・明確化",
  en: "the reasons accepted for a proxy hand-over were broadened and clarified on 2023-03-31",
  basis: basis("S-manual-honpen", "M-Koka", "M-Yuzawa")
}

/** 国外転出者向け cards and 国外継続利用. @category rules */
export const OVERSEAS_CARD: DatedRule = {
  id: "overseas_card",
  from: "2024-05-27",
  ja: "2024年5月27日から国外転出後もカードを継続利用でき、国外転出者向けカードを申請できる",
  en: "since 2024-05-27 a card can be kept abroad (continued use) and cards are issued to persons abroad",
  basis: basis("M-Fukuoka", "M-Kasugai", "M-Ritto", "M-Tsuchiura")
}

/** 特急発行 (about one week, card mailed). @category rules */
export const EXPRESS_ISSUANCE: DatedRule = {
  id: "express_issuance",
  from: "2024-12-02",
  ja: "特急発行は2024年12月2日から",
  en: "express issuance exists since 2024-12-02",
  basis: basis("M-Meiwa", "M-Kusu", "M-Tanabe", "M-Mitake")
}

/** A card applied for under age 1 has no face photo. @category rules */
export const PHOTOLESS_UNDER_1: DatedRule = {
  id: "photoless_under_1",
  from: "2024-12-02",
  ja: "2024年12月2日以降、1歳未満で申請したカードは顔写真なし(選択不可)",
  en: "since 2024-12-02 a card applied for under age 1 carries no photo (not optional)",
  basis: basis("M-Ina", "M-Joso")
}

/** No new 健康保険証 are issued; issued ones stay valid to their printed expiry. @category rules */
export const HEALTH_INSURANCE_NEW_ISSUANCE_ENDED: DatedRule = {
  id: "health_insurance_new_issuance_ended",
  from: "2024-12-02",
  ja: "健康保険証の新規発行は2024年12月2日に終了(発行済みのものは記載の有効期限まで有効)",
  en: "no health insurance cards are issued from 2024-12-02; issued ones stay valid to their printed expiry",
  basis: basis("DIGITAL-faq")
}

/** Every issued 健康保険証 has expired: none is an identity document any more. @category rules */
export const HEALTH_INSURANCE_CARDS_EXPIRED: DatedRule = {
  id: "health_insurance_cards_expired",
  from: "2025-12-02",
  ja: "2025年12月1日までにすべての健康保険証の有効期限が到来。12月2日以降は本人確認書類にならない(資格確認書を使用)",
  en: "every health insurance card had expired by 2025-12-01; from 2025-12-02 none is an identity document (use the eligibility certificate)",
  basis: basis("DIGITAL-faq", "M-Shibushi", "M-Kyoto")
}

/** The whole book, oldest first. @category constants */
export const all: ReadonlyArray<DatedRule> = [
  NOTIFICATION_CARD_ABOLISHED,
  ADULT_AGE_18,
  PROXY_HANDOVER_REVIEW,
  OVERSEAS_CARD,
  EXPRESS_ISSUANCE,
  PHOTOLESS_UNDER_1,
  HEALTH_INSURANCE_NEW_ISSUANCE_ENDED,
  HEALTH_INSURANCE_CARDS_EXPIRED
]
