/**
 * The code names the counter speaks in: procedures and their options, who attends and why,
 * documents, card and certificate states, staff roles and operations. Each code has a Japanese and
 * an English label a clerk can read aloud; `GET /api/v1/vocabulary` and `madoguchi vocabulary` list
 * them. Codes are public API (see DESIGN.md "Contracts"): add new ones, never rename. Every code
 * schema refuses an unknown value with a bilingual message naming it.
 */
import { Schema } from "effect"
import { bilingual } from "./Decode.ts"

/** One code with its labels. @category models */
export interface Entry<C extends string = string> {
  readonly code: C
  readonly ja: string
  readonly en: string
}

/** A closed list of codes: its entries, schema, guard and labels. @category models */
export interface Vocabulary<C extends string, E extends Entry<C> = Entry<C>> {
  readonly name: { readonly ja: string; readonly en: string }
  readonly entries: ReadonlyArray<E>
  readonly codes: ReadonlyArray<C>
  readonly is: (s: unknown) => s is C
  readonly get: (code: C) => E
  readonly schema: Schema.refine<C, Schema.String>
}

const make = <const E extends Entry>(
  id: string,
  name: { readonly ja: string; readonly en: string },
  entries: ReadonlyArray<E>
): Vocabulary<E["code"], E> => {
  type C = E["code"]
  const byCode = new Map<string, E>(entries.map((e) => [e.code, e]))
  const is = (s: unknown): s is C => typeof s === "string" && byCode.has(s)
  const schema = Schema.String.check(
    Schema.makeFilter(
      (s: string) =>
        is(s) ||
        bilingual(
          `${name.ja}のコード「${s}」は使えません(GET /api/v1/vocabulary の一覧から指定してください)`,
          `unknown ${name.en} code ${JSON.stringify(s)} (see GET /api/v1/vocabulary)`
        ),
      { identifier: id, expected: `a ${name.en} code` },
      true
    )
  ).pipe(Schema.refine(is))
  return { name, entries, codes: entries.map((e) => e.code), is, get: (code) => byCode.get(code)!, schema }
}

// ---------------------------------------------------------------------------------------------
// Procedures and their options

/** @category vocabularies */
export const Procedure = make("Procedure", { ja: "手続", en: "procedure" }, [
  { code: "card_issuance", ja: "カードの交付(受取)", en: "card issuance (hand-over)" },
  { code: "card_application", ja: "カードの交付申請", en: "card application" },
  { code: "card_reissuance", ja: "カードの再交付申請", en: "card re-issuance" },
  { code: "card_renewal", ja: "カードの更新(有効期限による再申請)", en: "card renewal at expiry" },
  { code: "cert_issuance", ja: "電子証明書の発行", en: "electronic certificate issuance" },
  { code: "cert_renewal", ja: "電子証明書の更新", en: "electronic certificate renewal" },
  { code: "pin_reset", ja: "暗証番号の初期化・再設定", en: "PIN reset" },
  { code: "suspension_lift", ja: "一時停止解除", en: "lifting a temporary suspension" },
  { code: "surface_change", ja: "券面記載事項変更", en: "card-surface change (address, name …)" },
  { code: "continued_use", ja: "継続利用(転入)", en: "continued use after moving in" },
  { code: "validity_change", ja: "有効期間変更(在留期間更新後)", en: "validity change after a renewal of stay" },
  { code: "special_extension", ja: "特例期間延長", en: "special two-month extension (renewal of stay pending)" },
  { code: "overseas_continued_use", ja: "国外継続利用", en: "continued use abroad (moving overseas)" },
  { code: "card_return", ja: "カードの返納", en: "returning the card" },
  {
    code: "notification_card_reissuance",
    ja: "通知カードの再交付(廃止)",
    en: "notification card re-issuance (abolished)"
  },
  { code: "number_verification", ja: "個人番号の確認(番号確認書類)", en: "individual-number verification" }
] as const)
export type Procedure = (typeof Procedure.codes)[number]

/** How a card is applied for (and, for `overseas`, handed over). @category vocabularies */
export const ApplicationMode = make("ApplicationMode", { ja: "申請方式", en: "application mode" }, [
  { code: "standard", ja: "通常(交付時来庁方式)", en: "standard (receive at the counter)" },
  { code: "apply_at_counter", ja: "申請時来庁方式(カードは郵送)", en: "apply at the counter (card mailed)" },
  { code: "express", ja: "特急発行", en: "express issuance" },
  { code: "overseas", ja: "国外転出者向けカード", en: "card for persons who moved abroad" }
] as const)
export type ApplicationMode = (typeof ApplicationMode.codes)[number]

/** Why a new card is needed (re-issuance, express issuance). @category vocabularies */
export const Cause = make("Cause", { ja: "再交付・特急の事由", en: "re-issuance cause" }, [
  { code: "lost", ja: "紛失", en: "lost" },
  { code: "stolen", ja: "盗難", en: "stolen" },
  { code: "damaged", ja: "破損・汚損・ICチップ不良", en: "damaged or IC failure" },
  { code: "disaster", ja: "災害・火災による滅失", en: "destroyed in a disaster or fire" },
  { code: "endorsement_full", ja: "追記欄の満欄", en: "endorsement field full" },
  { code: "number_change", ja: "個人番号・住民票コードの変更", en: "individual number or resident code changed" },
  { code: "lapsed", ja: "失効(継続利用・有効期間変更をしなかった等)", en: "lapsed (e.g. no continued use)" },
  { code: "own_wish", ja: "本人の希望(写真の変更等)", en: "own wish (e.g. new photo)" },
  { code: "moved_from_abroad", ja: "国外からの転入", en: "moved in from abroad" },
  { code: "new_mid_long_term_resident", ja: "新たに中長期在留者となった", en: "new mid- to long-term resident" },
  { code: "released_from_detention", ja: "刑事施設等からの出所", en: "released from a penal institution" },
  {
    code: "newly_registered",
    ja: "戸籍のない者等の新たな住民登録",
    en: "newly registered resident without a family register"
  }
] as const)
export type Cause = (typeof Cause.codes)[number]

/** @category vocabularies */
export const Certificate = make("Certificate", { ja: "電子証明書", en: "electronic certificate" }, [
  { code: "signature", ja: "署名用電子証明書", en: "signature certificate" },
  { code: "auth", ja: "利用者証明用電子証明書", en: "user-authentication certificate" }
] as const)
export type Certificate = (typeof Certificate.codes)[number]

// ---------------------------------------------------------------------------------------------
// Who attends

/** @category vocabularies */
export const AttendeeKind = make("AttendeeKind", { ja: "来庁者の区分", en: "attendee kind" }, [
  { code: "self", ja: "本人", en: "the applicant" },
  { code: "legal_representative", ja: "法定代理人", en: "legal representative" },
  { code: "proxy", ja: "任意代理人", en: "voluntary proxy" }
] as const)
export type AttendeeKind = (typeof AttendeeKind.codes)[number]

/** @category vocabularies */
export const Relation = make("Relation", { ja: "本人との関係", en: "relation to the applicant" }, [
  { code: "parent", ja: "親権者", en: "parent with custody" },
  { code: "minor_guardian", ja: "未成年後見人", en: "guardian of a minor" },
  { code: "adult_guardian", ja: "成年後見人", en: "adult guardian" },
  { code: "curator", ja: "保佐人(代理権付与)", en: "curator with power of representation" },
  { code: "assistant", ja: "補助人(代理権付与)", en: "assistant with power of representation" },
  { code: "sub_proxy", ja: "復代理人(法定代理人が選任)", en: "sub-proxy appointed by the legal representative" },
  { code: "spouse", ja: "配偶者", en: "spouse" },
  { code: "child", ja: "子", en: "child" },
  { code: "grandparent", ja: "祖父母", en: "grandparent" },
  { code: "sibling", ja: "兄弟姉妹", en: "sibling" },
  { code: "other", ja: "その他", en: "other" }
] as const)
export type Relation = (typeof Relation.codes)[number]

/** A reason the applicant cannot come, with whether the rules accept it (§4.1). @category models */
export interface ReasonEntry<C extends string = string> extends Entry<C> {
  readonly accepted: boolean
}

/** Why the applicant cannot attend (代理交付 のやむを得ない理由), accepted or not. @category vocabularies */
export const AbsenceReason = make(
  "AbsenceReason",
  { ja: "来庁できない理由", en: "reason the applicant cannot attend" },
  [
    { code: "under_15", ja: "中学生・小学生・未就学児", en: "junior-high-school age or younger", accepted: true },
    { code: "aged_75_plus", ja: "75歳以上", en: "aged 75 or over", accepted: true },
    { code: "hospitalized", ja: "長期入院", en: "long-term hospitalisation", accepted: true },
    { code: "disability", ja: "障害がある", en: "disability", accepted: true },
    { code: "care_facility", ja: "施設入所", en: "living in a care facility", accepted: true },
    { code: "care_certified", ja: "要介護・要支援認定", en: "certified as needing care or support", accepted: true },
    { code: "pregnant", ja: "妊婦", en: "pregnant", accepted: true },
    {
      code: "long_business_trip",
      ja: "長期出張・長期航行の船員",
      en: "long business trip or seafarer at sea",
      accepted: true
    },
    { code: "study_abroad", ja: "海外留学", en: "studying abroad", accepted: true },
    {
      code: "high_school_student",
      ja: "高校生・高専生",
      en: "high-school or technical-college student",
      accepted: true
    },
    {
      code: "withdrawn",
      ja: "ひきこもり状態(社会的参加を回避している)",
      en: "socially withdrawn (hikikomori)",
      accepted: true
    },
    { code: "adult_ward", ja: "成年被後見人", en: "adult ward under guardianship", accepted: true },
    { code: "under_curatorship", ja: "被保佐人", en: "person under curatorship", accepted: true },
    { code: "under_assistance", ja: "被補助人", en: "person under assistance", accepted: true },
    { code: "busy_at_work", ja: "仕事が多忙", en: "busy at work", accepted: false },
    { code: "commuting", ja: "通勤・通学", en: "commuting to work or school", accepted: false },
    { code: "travel", ja: "旅行", en: "travelling", accepted: false },
    {
      code: "distant_school",
      ja: "遠方の大学・専門学校に在学",
      en: "studying at a distant university or college",
      accepted: false
    }
  ] as const satisfies ReadonlyArray<ReasonEntry>
)
export type AbsenceReason = (typeof AbsenceReason.codes)[number]

/** Whose document it is. @category vocabularies */
export const Holder = make("Holder", { ja: "書類の持ち主", en: "document holder" }, [
  { code: "applicant", ja: "本人(申請者)", en: "the applicant" },
  { code: "attendee", ja: "来庁者(代理人)", en: "the attendee (representative)" }
] as const)
export type Holder = (typeof Holder.codes)[number]

// ---------------------------------------------------------------------------------------------
// The applicant's card and status

/** @category vocabularies */
export const CardStatus = make("CardStatus", { ja: "カードの状態", en: "card status" }, [
  { code: "awaiting_handover", ja: "交付待ち", en: "awaiting hand-over" },
  { code: "valid", ja: "有効", en: "valid" },
  { code: "expired", ja: "有効期限切れ", en: "expired" },
  { code: "suspended", ja: "一時停止中", en: "temporarily suspended" },
  { code: "lost", ja: "紛失届出済", en: "reported lost" },
  { code: "abolished", ja: "廃止・失効", en: "abolished or lapsed" },
  { code: "none", ja: "カードなし", en: "no card" }
] as const)
export type CardStatus = (typeof CardStatus.codes)[number]

/** @category vocabularies */
export const CardKind = make("CardKind", { ja: "カードの種類", en: "card kind" }, [
  { code: "standard", ja: "通常のカード", en: "standard card" },
  { code: "overseas", ja: "国外転出者向けカード", en: "card for persons living abroad" }
] as const)
export type CardKind = (typeof CardKind.codes)[number]

/** @category vocabularies */
export const CertStatus = make("CertStatus", { ja: "電子証明書の状態", en: "certificate status" }, [
  { code: "valid", ja: "有効", en: "valid" },
  { code: "lapsed", ja: "失効", en: "lapsed or revoked" },
  { code: "none", ja: "なし", en: "none" }
] as const)
export type CertStatus = (typeof CertStatus.codes)[number]

/** @category vocabularies */
export const Nationality = make("Nationality", { ja: "国籍", en: "nationality" }, [
  { code: "JP", ja: "日本", en: "Japanese" },
  { code: "foreign", ja: "外国籍", en: "foreign national" }
] as const)
export type Nationality = (typeof Nationality.codes)[number]

/** @category vocabularies */
export const ResidenceStatus = make("ResidenceStatus", { ja: "在留資格の区分", en: "residence status" }, [
  { code: "permanent_resident", ja: "永住者", en: "permanent resident" },
  { code: "special_permanent_resident", ja: "特別永住者", en: "special permanent resident" },
  { code: "highly_skilled_2", ja: "高度専門職第2号", en: "highly skilled professional (ii)" },
  { code: "period_of_stay", ja: "在留期間のある在留資格", en: "status with a period of stay" }
] as const)
export type ResidenceStatus = (typeof ResidenceStatus.codes)[number]

/** @category vocabularies */
export const ChangeKind = make("ChangeKind", { ja: "変更の内容", en: "change kind" }, [
  { code: "address", ja: "住所", en: "address" },
  { code: "name", ja: "氏名", en: "name" },
  { code: "gender", ja: "性別", en: "gender" },
  { code: "birth_date", ja: "生年月日(訂正)", en: "date of birth (correction)" },
  { code: "other", ja: "その他", en: "other" }
] as const)
export type ChangeKind = (typeof ChangeKind.codes)[number]

/** @category vocabularies */
export const Pin = make("Pin", { ja: "暗証番号", en: "PIN" }, [
  { code: "signature", ja: "署名用電子証明書の暗証番号(6〜16桁の英数字)", en: "signature certificate PIN" },
  { code: "auth", ja: "利用者証明用電子証明書の暗証番号(数字4桁)", en: "user-authentication certificate PIN" },
  { code: "resident_registry", ja: "住民基本台帳用暗証番号(数字4桁)", en: "resident-registry PIN" },
  { code: "surface_info", ja: "券面事項入力補助用暗証番号(数字4桁)", en: "card-surface input-assist PIN" }
] as const)
export type Pin = (typeof Pin.codes)[number]

// ---------------------------------------------------------------------------------------------
// Documents

/** What a document is for at the counter. @category models */
export type DocumentCategory = "identity_a" | "identity_b" | "procedure" | "authority" | "evidence" | "never_identity"

/** @category models */
export interface DocumentEntry<C extends string = string> extends Entry<C> {
  readonly category: DocumentCategory
}

const documentRows = [
  // Identity documents, group A: one suffices (official photo ID) [M-Hagi][M-Kyoto][M-Owariasahi]
  { code: "my_number_card", ja: "マイナンバーカード", en: "My Number Card", category: "identity_a" },
  {
    code: "juki_card",
    ja: "住民基本台帳カード(写真付き)",
    en: "Basic Resident Register card (with photo)",
    category: "identity_a"
  },
  { code: "drivers_license", ja: "運転免許証", en: "driver's licence", category: "identity_a" },
  {
    code: "driving_history_certificate",
    ja: "運転経歴証明書(平成24年4月1日以降交付)",
    en: "driving history certificate (issued from 2012-04-01)",
    category: "identity_a"
  },
  { code: "passport", ja: "旅券(パスポート)", en: "passport", category: "identity_a" },
  {
    code: "physical_disability_certificate",
    ja: "身体障害者手帳",
    en: "physical disability certificate",
    category: "identity_a"
  },
  {
    code: "mental_disability_certificate",
    ja: "精神障害者保健福祉手帳",
    en: "mental disability certificate",
    category: "identity_a"
  },
  {
    code: "rehabilitation_certificate",
    ja: "療育手帳",
    en: "rehabilitation (ryōiku) certificate",
    category: "identity_a"
  },
  { code: "residence_card", ja: "在留カード", en: "residence card", category: "identity_a" },
  {
    code: "special_permanent_resident_certificate",
    ja: "特別永住者証明書",
    en: "special permanent resident certificate",
    category: "identity_a"
  },
  { code: "temporary_refuge_permit", ja: "一時庇護許可書", en: "temporary refuge permit", category: "identity_a" },
  { code: "provisional_stay_permit", ja: "仮滞在許可書", en: "provisional stay permit", category: "identity_a" },
  // Group B: two needed (name + birth date or name + address) [M-Kyoto][M-Koshigaya]
  {
    code: "health_insurance_card",
    ja: "健康保険証(有効期限内)",
    en: "health insurance card (while valid)",
    category: "identity_b"
  },
  {
    code: "eligibility_certificate",
    ja: "資格確認書",
    en: "health-insurance eligibility certificate",
    category: "identity_b"
  },
  { code: "pension_book", ja: "年金手帳", en: "pension book", category: "identity_b" },
  { code: "employee_id", ja: "社員証", en: "employee ID card", category: "identity_b" },
  { code: "student_id", ja: "学生証", en: "student ID card", category: "identity_b" },
  {
    code: "medical_benefit_certificate",
    ja: "医療受給者証",
    en: "medical benefit certificate",
    category: "identity_b"
  },
  {
    code: "maternal_child_handbook",
    ja: "母子健康手帳",
    en: "maternal and child health handbook",
    category: "identity_b"
  },
  {
    code: "care_insurance_card",
    ja: "介護保険被保険者証",
    en: "long-term care insurance card",
    category: "identity_b"
  },
  {
    code: "face_photo_certificate",
    ja: "個人番号カード顔写真証明書",
    en: "face-photo certificate",
    category: "identity_b"
  },
  // Procedure papers
  {
    code: "issuance_notice",
    ja: "交付通知書(個人番号カード交付・電子証明書発行通知書兼照会書)",
    en: "issuance notice (postcard with reply, power-of-attorney and PIN fields)",
    category: "procedure"
  },
  { code: "inquiry_reply", ja: "照会書兼回答書", en: "inquiry-and-reply form", category: "procedure" },
  { code: "expiry_notice", ja: "有効期限通知書", en: "expiry notice (from J-LIS)", category: "procedure" },
  { code: "application_form", ja: "交付申請書", en: "application form", category: "procedure" },
  { code: "photo", ja: "顔写真(縦4.5cm×横3.5cm)", en: "photo (4.5 × 3.5 cm)", category: "procedure" },
  { code: "pin_setting_request", ja: "暗証番号設定依頼書", en: "PIN setting request form", category: "procedure" },
  {
    code: "overseas_continued_use_form",
    ja: "国外継続利用の申請書",
    en: "continued-use-abroad form",
    category: "procedure"
  },
  { code: "found_card", ja: "見つかったカード", en: "the card that was found", category: "procedure" },
  {
    code: "police_receipt_number",
    ja: "警察の受理番号(遺失届・盗難届)",
    en: "police receipt number (loss or theft report)",
    category: "procedure"
  },
  {
    code: "loss_circumstances_statement",
    ja: "紛失の経緯説明書",
    en: "statement of the loss circumstances",
    category: "procedure"
  },
  { code: "disaster_certificate", ja: "り災証明書", en: "disaster certificate", category: "procedure" },
  { code: "birth_registration", ja: "出生届", en: "birth registration", category: "procedure" },
  { code: "birth_certificate", ja: "出生証明書", en: "birth certificate", category: "procedure" },
  {
    code: "stay_application_receipt",
    ja: "在留期間更新許可申請の受付票・受付メール",
    en: "receipt of the application to renew the period of stay",
    category: "procedure"
  },
  // Proof of authority (代理権)
  { code: "power_of_attorney", ja: "委任状", en: "power of attorney", category: "authority" },
  {
    code: "family_register",
    ja: "戸籍謄本(戸籍全部事項証明書)",
    en: "family register certificate",
    category: "authority"
  },
  {
    code: "guardianship_registry_certificate",
    ja: "登記事項証明書(成年後見・保佐・補助)",
    en: "guardianship registry certificate",
    category: "authority"
  },
  // Evidence that the applicant cannot attend (疎明資料) [M-Saiki][M-Yuzawa][M-Oyama][M-Ikata][M-Kakegawa]
  { code: "medical_certificate", ja: "診断書", en: "medical certificate", category: "evidence" },
  { code: "inpatient_care_plan", ja: "入院診療計画書", en: "inpatient care plan", category: "evidence" },
  { code: "hospital_receipt", ja: "入院費の領収書", en: "hospital receipt", category: "evidence" },
  { code: "medical_fee_statement", ja: "診療明細書", en: "medical fee statement", category: "evidence" },
  {
    code: "facility_residence_certificate",
    ja: "施設の入所証明書",
    en: "care-facility residence certificate",
    category: "evidence"
  },
  {
    code: "care_certification_notice",
    ja: "要介護・要支援の認定結果通知書",
    en: "care-need certification notice",
    category: "evidence"
  },
  {
    code: "disability_welfare_service_certificate",
    ja: "障害福祉サービス受給者証",
    en: "disability welfare service certificate",
    category: "evidence"
  },
  {
    code: "independence_support_medical_certificate",
    ja: "自立支援医療受給者証",
    en: "independence-support medical certificate",
    category: "evidence"
  },
  { code: "prenatal_checkup_receipt", ja: "妊婦健診の領収書", en: "prenatal check-up receipt", category: "evidence" },
  { code: "business_trip_order", ja: "出張命令書・辞令等", en: "business trip order", category: "evidence" },
  { code: "visa_copy", ja: "ビザ(査証)の写し", en: "copy of the visa", category: "evidence" },
  { code: "enrollment_certificate", ja: "在学証明書", en: "certificate of enrolment", category: "evidence" },
  // Never identity documents [SOUMU-tsuchi][JLIS-tsuchi]
  { code: "notification_card", ja: "通知カード", en: "notification card (paper)", category: "never_identity" },
  { code: "number_notice", ja: "個人番号通知書", en: "individual-number notice", category: "never_identity" }
] as const satisfies ReadonlyArray<DocumentEntry>

/** @category vocabularies */
export const DocumentType = make("DocumentType", { ja: "書類", en: "document" }, documentRows)
export type DocumentType = (typeof DocumentType.codes)[number]

// ---------------------------------------------------------------------------------------------
// Staff

/** Staff roles (DESIGN.md). @category vocabularies */
export const StaffRole = make("StaffRole", { ja: "職員の役割", en: "staff role" }, [
  { code: "city_staff", ja: "市職員", en: "city staff" },
  { code: "contractor_manager", ja: "業務管理者・責任者(受託者)", en: "contractor manager" },
  { code: "contractor_operator", ja: "業務従事者(受託者)", en: "contractor operator" },
  { code: "viewer", ja: "閲覧者", en: "viewer" }
] as const)
export type StaffRole = (typeof StaffRole.codes)[number]

/** Counter operations a city may reserve to its own staff. @category vocabularies */
export const Operation = make("Operation", { ja: "窓口の操作", en: "counter operation" }, [
  { code: "pin_setting", ja: "暗証番号の設定操作", en: "setting PINs on the terminal" },
  { code: "pin_verification", ja: "暗証番号の照合操作", en: "verifying PINs on the terminal" },
  { code: "identity_confirmation", ja: "本人確認(最終確認)", en: "final identity confirmation" },
  { code: "cert_issuance_operation", ja: "電子証明書の発行操作", en: "issuing certificates on the terminal" },
  { code: "card_handover", ja: "カードの手交", en: "handing the card over" },
  { code: "fee_collection", ja: "手数料の収納", en: "collecting fees" },
  { code: "application_acceptance", ja: "申請の受理", en: "accepting applications" }
] as const)
export type Operation = (typeof Operation.codes)[number]

/** How a site confirms identity. @category vocabularies */
export const IdentityConfirmation = make(
  "IdentityConfirmation",
  { ja: "本人確認の方法", en: "identity confirmation" },
  [
    { code: "at_counter", ja: "窓口で確認", en: "at the counter" },
    {
      code: "online_by_city_staff",
      ja: "WEB会議システム等でオンラインにより市職員が確認",
      en: "online by city staff (video call)"
    }
  ] as const
)
export type IdentityConfirmation = (typeof IdentityConfirmation.codes)[number]

/** How the card reaches the person after a site's hand-over procedure. @category vocabularies */
export const CardDelivery = make("CardDelivery", { ja: "カードの受け渡し", en: "card delivery" }, [
  { code: "at_counter", ja: "窓口で手交", en: "handed over at the counter" },
  { code: "mail", ja: "後日郵送", en: "mailed afterwards" }
] as const)
export type CardDelivery = (typeof CardDelivery.codes)[number]

/** Every vocabulary, in the order `GET /vocabulary` lists them. @category constants */
export const all = {
  procedures: Procedure,
  applicationModes: ApplicationMode,
  causes: Cause,
  certificates: Certificate,
  attendeeKinds: AttendeeKind,
  relations: Relation,
  absenceReasons: AbsenceReason,
  holders: Holder,
  cardStatuses: CardStatus,
  cardKinds: CardKind,
  certStatuses: CertStatus,
  nationalities: Nationality,
  residenceStatuses: ResidenceStatus,
  changeKinds: ChangeKind,
  pins: Pin,
  documentTypes: DocumentType,
  staffRoles: StaffRole,
  operations: Operation,
  identityConfirmations: IdentityConfirmation,
  cardDeliveries: CardDelivery
} as const

/** Every vocabulary as plain JSON: `{ procedures: [{ code, ja, en }], … }`. @category constructors */
export const listing = () => ({
  procedures: Procedure.entries,
  applicationModes: ApplicationMode.entries,
  causes: Cause.entries,
  certificates: Certificate.entries,
  attendeeKinds: AttendeeKind.entries,
  relations: Relation.entries,
  absenceReasons: AbsenceReason.entries,
  holders: Holder.entries,
  cardStatuses: CardStatus.entries,
  cardKinds: CardKind.entries,
  certStatuses: CertStatus.entries,
  nationalities: Nationality.entries,
  residenceStatuses: ResidenceStatus.entries,
  changeKinds: ChangeKind.entries,
  pins: Pin.entries,
  documentTypes: DocumentType.entries,
  staffRoles: StaffRole.entries,
  operations: Operation.entries,
  identityConfirmations: IdentityConfirmation.entries,
  cardDeliveries: CardDelivery.entries
})
