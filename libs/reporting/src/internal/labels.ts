/**
 * Japanese and English labels for the codes a report shows: procedures (DESIGN.md vocabulary),
 * channels, outcomes, refusal reasons, phone and complaint categories, documents, breakdowns. A
 * profile's `reports.labels` overrides any of them; an unknown code is shown as itself.
 */
import { type Values, Vocabulary } from "@madoguchi/domain"

type Label = Values.Label

const table: Readonly<Record<string, Label>> = {
  // procedures
  card_issuance: { ja: "カード交付", en: "Card issuance" },
  card_application: { ja: "カード申請(申請サポート)", en: "Card application (support)" },
  card_reissuance: { ja: "カード再交付", en: "Card reissuance" },
  card_renewal: { ja: "カード更新", en: "Card renewal" },
  cert_issuance: { ja: "電子証明書の発行", en: "Certificate issuance" },
  cert_renewal: { ja: "電子証明書の更新", en: "Certificate renewal" },
  pin_reset: { ja: "暗証番号の初期化・再設定", en: "PIN reset" },
  suspension_lift: { ja: "一時停止解除", en: "Suspension lift" },
  surface_change: { ja: "券面記載事項変更", en: "Card surface change" },
  continued_use: { ja: "継続利用(転入)", en: "Continued use (move-in)" },
  validity_change: { ja: "有効期間変更", en: "Validity change" },
  special_extension: { ja: "特例期間延長", en: "Special extension" },
  overseas_continued_use: { ja: "国外継続利用", en: "Continued use abroad" },
  card_return: { ja: "返納・廃止", en: "Card return" },
  notification_card_reissuance: { ja: "通知カード再交付(廃止)", en: "Notification card reissuance (abolished)" },
  number_verification: { ja: "番号確認", en: "Number verification" },
  general_inquiry: { ja: "問い合わせ・案内", en: "General inquiry" },
  // channels
  reservation: { ja: "予約", en: "Reservation" },
  walk_in: { ja: "予約なし来庁", en: "Walk-in" },
  phone_booked: { ja: "電話予約", en: "Phone-booked" },
  outreach: { ja: "出張窓口", en: "Outreach" },
  holiday_opening: { ja: "休日開庁", en: "Holiday opening" },
  // outcomes
  done: { ja: "完了", en: "Done" },
  refused: { ja: "受付不可", en: "Refused" },
  second_visit: { ja: "再来庁", en: "Second visit needed" },
  // refusal reasons
  missing_document: { ja: "書類の不足", en: "Missing document" },
  invalid_document: { ja: "書類の不備", en: "Invalid document" },
  not_eligible: { ja: "要件を満たさない", en: "Not eligible" },
  attendee_not_allowed: { ja: "代理人不可", en: "Attendee not allowed" },
  outside_window: { ja: "手続期間外", en: "Outside the window" },
  card_not_ready: { ja: "カード未着", en: "Card not ready" },
  pin_unknown: { ja: "暗証番号不明", en: "PIN unknown" },
  reservation_required: { ja: "予約が必要", en: "Reservation required" },
  system_unavailable: { ja: "システム停止", en: "System unavailable" },
  // phone categories (reservation: see channels)
  required_documents: { ja: "必要書類", en: "Required documents" },
  card_pickup: { ja: "カードの受取", en: "Card pick-up" },
  pin: { ja: "暗証番号", en: "PIN" },
  lost_card: { ja: "紛失・一時停止", en: "Lost card" },
  address_change: { ja: "住所等の変更", en: "Address change" },
  health_insurance: { ja: "マイナ保険証", en: "Health insurance use" },
  hours_and_access: { ja: "開庁時間・場所", en: "Hours and access" },
  // complaint categories
  waiting: { ja: "待ち時間", en: "Waiting" },
  staff_conduct: { ja: "職員・従事者の対応", en: "Staff conduct" },
  procedure: { ja: "手続", en: "Procedure" },
  facility: { ja: "設備・会場", en: "Facility" },
  other: { ja: "その他", en: "Other" },
  // documents
  my_number_card: { ja: "マイナンバーカード", en: "My Number Card" },
  issuance_notice: { ja: "交付通知書", en: "Issuance notice" },
  notification_card: { ja: "通知カード", en: "Notification card" },
  juki_card: { ja: "住基カード", en: "Juki card" },
  drivers_license: { ja: "運転免許証", en: "Driver's licence" },
  passport: { ja: "パスポート", en: "Passport" },
  residence_card: { ja: "在留カード", en: "Residence card" },
  health_insurance_card: { ja: "健康保険証", en: "Health insurance card" },
  eligibility_certificate: { ja: "資格確認書", en: "Eligibility certificate" },
  pension_book: { ja: "年金手帳", en: "Pension book" },
  power_of_attorney: { ja: "委任状", en: "Power of attorney" },
  inquiry_reply: { ja: "照会書兼回答書", en: "Inquiry reply" },
  pin_setting_request: { ja: "暗証番号設定依頼書", en: "PIN setting request" },
  photo: { ja: "顔写真", en: "Photo" },
  expiry_notice: { ja: "有効期限通知書", en: "Expiry notice" },
  // breakdown dimensions
  by_procedure: { ja: "手続別", en: "By procedure" },
  by_channel: { ja: "来庁経路別", en: "By channel" },
  by_outcome: { ja: "結果別", en: "By outcome" },
  by_site: { ja: "拠点別", en: "By site" },
  by_date: { ja: "日別", en: "By date" },
  by_category: { ja: "内容別", en: "By topic" },
  by_reason: { ja: "理由別", en: "By reason" },
  by_document: { ja: "不足書類別", en: "By missing document" }
}

/** The domain vocabulary's label of a procedure or document code the table above does not name. */
const vocabulary = (code: string): Label | undefined => {
  if (Vocabulary.Procedure.is(code)) return Vocabulary.Procedure.get(code)
  if (Vocabulary.DocumentType.is(code)) return Vocabulary.DocumentType.get(code)
  return undefined
}

/**
 * A labeller: profile overrides, then the report labels above, the city's site names, the domain
 * vocabulary, and finally the code itself.
 *
 * @category constructors
 */
export const labeller =
  (overrides: Readonly<Record<string, Label>> = {}, sites: Readonly<Record<string, Label>> = {}) =>
  (code: string): Label => {
    const found = overrides[code] ?? table[code] ?? sites[code] ?? vocabulary(code)
    return found ? { ja: found.ja, en: found.en } : { ja: code, en: code }
  }

export type Labeller = ReturnType<typeof labeller>
