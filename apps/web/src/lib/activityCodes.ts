/**
 * The choices of the activity entry forms (報告 screen), each code of `@madoguchi/domain`'s
 * `ActivityLog` with its label: procedures, channels, outcomes, refusal reasons, phone and complaint
 * topics, and the documents most often missing. The API decodes what is posted; these lists only
 * offer the codes to choose from.
 */
import type { Label } from "./i18n.ts"

export interface Choice extends Label {
  readonly code: string
}

export const procedures: ReadonlyArray<Choice> = [
  { code: "card_issuance", ja: "カード交付", en: "Card issuance (hand-over)" },
  { code: "card_application", ja: "カード申請(申請サポート)", en: "Card application (support)" },
  { code: "card_reissuance", ja: "カード再交付", en: "Card reissuance" },
  { code: "card_renewal", ja: "カード更新", en: "Card renewal" },
  { code: "cert_issuance", ja: "電子証明書の発行", en: "Certificate issuance" },
  { code: "cert_renewal", ja: "電子証明書の更新", en: "Certificate renewal" },
  { code: "pin_reset", ja: "暗証番号の初期化・再設定", en: "PIN reset" },
  { code: "suspension_lift", ja: "一時停止解除", en: "Suspension lift" },
  { code: "surface_change", ja: "券面記載事項変更", en: "Card surface change" },
  { code: "continued_use", ja: "継続利用(転入)", en: "Continued use (move-in)" },
  { code: "validity_change", ja: "有効期間変更", en: "Validity change" },
  { code: "special_extension", ja: "特例期間延長", en: "Special extension" },
  { code: "overseas_continued_use", ja: "国外継続利用", en: "Continued use abroad" },
  { code: "card_return", ja: "返納・廃止", en: "Card return" },
  { code: "number_verification", ja: "番号確認", en: "Number verification" }
]

export const generalInquiry: Choice = { code: "general_inquiry", ja: "問い合わせ・案内", en: "General inquiry" }

export const channels: ReadonlyArray<Choice> = [
  { code: "walk_in", ja: "予約なし来庁", en: "Walk-in" },
  { code: "reservation", ja: "予約", en: "Reservation" },
  { code: "phone_booked", ja: "電話予約", en: "Phone-booked" },
  { code: "outreach", ja: "出張窓口", en: "Outreach" },
  { code: "holiday_opening", ja: "休日開庁", en: "Holiday opening" }
]

export const outcomes: ReadonlyArray<Choice> = [
  { code: "done", ja: "完了", en: "Done" },
  { code: "refused", ja: "受付不可", en: "Refused" },
  { code: "second_visit", ja: "再来庁", en: "Second visit needed" }
]

export const refusalReasons: ReadonlyArray<Choice> = [
  { code: "missing_document", ja: "書類の不足", en: "Missing document" },
  { code: "invalid_document", ja: "書類の不備", en: "Invalid document" },
  { code: "not_eligible", ja: "要件を満たさない", en: "Not eligible" },
  { code: "attendee_not_allowed", ja: "代理人不可", en: "Attendee not allowed" },
  { code: "outside_window", ja: "手続期間外", en: "Outside the window" },
  { code: "card_not_ready", ja: "カード未着", en: "Card not ready" },
  { code: "pin_unknown", ja: "暗証番号不明", en: "PIN unknown" },
  { code: "reservation_required", ja: "予約が必要", en: "Reservation required" },
  { code: "system_unavailable", ja: "システム停止", en: "System unavailable" },
  { code: "other", ja: "その他", en: "Other" }
]

export const phoneCategories: ReadonlyArray<Choice> = [
  { code: "reservation", ja: "予約", en: "Reservation" },
  { code: "required_documents", ja: "必要書類", en: "Required documents" },
  { code: "card_pickup", ja: "カードの受取", en: "Card pick-up" },
  { code: "card_application", ja: "カードの申請", en: "Card application" },
  { code: "card_renewal", ja: "カードの更新", en: "Card renewal" },
  { code: "cert_renewal", ja: "電子証明書の更新", en: "Certificate renewal" },
  { code: "pin", ja: "暗証番号", en: "PIN" },
  { code: "lost_card", ja: "紛失・一時停止", en: "Lost card" },
  { code: "address_change", ja: "住所等の変更", en: "Address change" },
  { code: "health_insurance", ja: "マイナ保険証", en: "Health insurance use" },
  { code: "hours_and_access", ja: "開庁時間・場所", en: "Hours and access" },
  { code: "other", ja: "その他", en: "Other" }
]

export const complaintCategories: ReadonlyArray<Choice> = [
  { code: "waiting", ja: "待ち時間", en: "Waiting" },
  { code: "staff_conduct", ja: "職員・従事者の対応", en: "Staff conduct" },
  { code: "procedure", ja: "手続", en: "Procedure" },
  { code: "reservation", ja: "予約", en: "Reservation" },
  { code: "facility", ja: "施設・設備", en: "Facility" },
  { code: "other", ja: "その他", en: "Other" }
]

/** The documents visitors most often forget or bring in the wrong form (the vocabulary has more). */
export const commonDocuments: ReadonlyArray<Choice> = [
  { code: "issuance_notice", ja: "交付通知書(はがき)", en: "Issuance notice (postcard)" },
  { code: "notification_card", ja: "通知カード", en: "Notification card" },
  { code: "my_number_card", ja: "マイナンバーカード", en: "My Number Card" },
  { code: "juki_card", ja: "住基カード", en: "Juki card" },
  { code: "drivers_license", ja: "運転免許証", en: "Driver's licence" },
  { code: "passport", ja: "旅券", en: "Passport" },
  { code: "residence_card", ja: "在留カード", en: "Residence card" },
  { code: "eligibility_certificate", ja: "資格確認書", en: "Eligibility certificate" },
  { code: "health_insurance_card", ja: "健康保険証", en: "Health insurance card" },
  { code: "pension_book", ja: "年金手帳", en: "Pension book" },
  { code: "power_of_attorney", ja: "委任状", en: "Power of attorney" },
  { code: "inquiry_reply", ja: "照会書兼回答書", en: "Inquiry reply" },
  { code: "pin_setting_request", ja: "暗証番号設定依頼書", en: "PIN setting request" },
  { code: "photo", ja: "顔写真", en: "Photo" }
]

export const activityKinds: ReadonlyArray<Choice> = [
  { code: "counter_visit", ja: "窓口対応", en: "Counter visit" },
  { code: "phone_call", ja: "電話対応", en: "Phone call" },
  { code: "complaint", ja: "苦情", en: "Complaint" },
  { code: "outreach_session", ja: "出張窓口の実績", en: "Outreach session" }
]

export type ActivityKind = "counter_visit" | "phone_call" | "complaint" | "outreach_session"

export const isActivityKind = (s: string | null | undefined): s is ActivityKind =>
  s === "counter_visit" || s === "phone_call" || s === "complaint" || s === "outreach_session"

/** The label of a code in a list, or the code itself. */
export const labelOf = (list: ReadonlyArray<Choice>, code: string): Label =>
  list.find((c) => c.code === code) ?? { ja: code, en: code }
