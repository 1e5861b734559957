/**
 * The counter check form (受付判定) and the eligibility input it stands for. Every field is named by
 * its path in the input of `POST /api/v1/eligibility/check` (`applicant.card.expiresOn`), documents by
 * holder and type (`doc.attendee.drivers_license`, with their flags beside them:
 * `doc.attendee.drivers_license.expiresOn`). `toEligibilityInput` turns the posted form into that
 * input — empty fields are left out, so the rules' own defaults apply — and the API decides; nothing
 * here judges anything. The catalogues say which fields the form offers and how each is read.
 */
import type { Label } from "../i18n.ts"
import type { DocumentCategory, VocabularyDocument } from "./types.ts"

/** The posted form as plain values (repeated names as arrays), echoed back to refill the form. */
export type FormValues = Readonly<Record<string, string | ReadonlyArray<string>>>

export const formValues = (data: FormData): FormValues => {
  const out: Record<string, string | Array<string>> = {}
  for (const [name, raw] of data.entries()) {
    if (typeof raw !== "string") continue
    const existing = out[name]
    if (existing === undefined) out[name] = raw
    else out[name] = Array.isArray(existing) ? [...existing, raw] : [existing as string, raw]
  }
  return out
}

/** The first value of a field, trimmed ("" when absent). */
export const valueOf = (values: FormValues, name: string): string => {
  const v = values[name]
  return (Array.isArray(v) ? (v[0] ?? "") : ((v as string | undefined) ?? "")).trim()
}

/** Every value of a field. */
export const valuesOf = (values: FormValues, name: string): ReadonlyArray<string> => {
  const v = values[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v as string]
}

/** How a field is read: a date, a code from a vocabulary, a tick (true or absent), or yes / no / unknown. */
export type FieldKind = "date" | "select" | "tick" | "yesno" | "multi"

export interface Field {
  /** The path in the eligibility input. */
  readonly path: string
  readonly kind: FieldKind
  readonly label: Label
  /** For `select` and `multi`: the vocabulary listing the codes. */
  readonly vocabulary?: Exclude<keyof VocabularyDocument, "sources">
  readonly hint?: Label
}

/** A titled group of applicant facts. */
export interface FieldGroup {
  readonly id: string
  readonly title: Label
  readonly fields: ReadonlyArray<Field>
}

/** The applicant's main facts (always shown). */
export const applicantFields: ReadonlyArray<Field> = [
  {
    path: "applicant.nationality",
    kind: "select",
    vocabulary: "nationalities",
    label: { ja: "国籍", en: "Nationality" }
  },
  {
    path: "applicant.residenceStatus",
    kind: "select",
    vocabulary: "residenceStatuses",
    label: { ja: "在留資格の区分", en: "Residence status" }
  },
  {
    path: "applicant.residencePeriodEnd",
    kind: "date",
    label: { ja: "在留期間の満了日", en: "End of the period of stay" }
  },
  {
    path: "applicant.adultGuardianship",
    kind: "tick",
    label: { ja: "成年被後見人である", en: "Adult ward under guardianship" }
  }
]

/** The applicant's card and certificates. */
export const cardFields: ReadonlyArray<Field> = [
  {
    path: "applicant.card.status",
    kind: "select",
    vocabulary: "cardStatuses",
    label: { ja: "カードの状態", en: "Card status" }
  },
  {
    path: "applicant.card.kind",
    kind: "select",
    vocabulary: "cardKinds",
    label: { ja: "カードの種類", en: "Card kind" }
  },
  { path: "applicant.card.issuedOn", kind: "date", label: { ja: "カードの発行日", en: "Card issued on" } },
  { path: "applicant.card.expiresOn", kind: "date", label: { ja: "カードの有効期限", en: "Card expires on" } },
  {
    path: "applicant.card.signatureCert.status",
    kind: "select",
    vocabulary: "certStatuses",
    label: { ja: "署名用電子証明書の状態", en: "Signature certificate status" }
  },
  {
    path: "applicant.card.signatureCert.expiresOn",
    kind: "date",
    label: { ja: "署名用電子証明書の有効期限", en: "Signature certificate expires on" }
  },
  {
    path: "applicant.card.authCert.status",
    kind: "select",
    vocabulary: "certStatuses",
    label: { ja: "利用者証明用電子証明書の状態", en: "Authentication certificate status" }
  },
  {
    path: "applicant.card.authCert.expiresOn",
    kind: "date",
    label: { ja: "利用者証明用電子証明書の有効期限", en: "Authentication certificate expires on" }
  }
]

/** Facts only some procedures ask about, grouped by the situation. */
export const factGroups: ReadonlyArray<FieldGroup> = [
  {
    id: "pins",
    title: { ja: "暗証番号", en: "PINs" },
    fields: [
      {
        path: "applicant.canEnterPins",
        kind: "yesno",
        label: { ja: "本人が暗証番号を入力できる", en: "The applicant can enter the PINs" }
      },
      { path: "applicant.pinForgotten", kind: "tick", label: { ja: "暗証番号を忘れた", en: "PIN forgotten" } },
      {
        path: "applicant.lockedPins",
        kind: "multi",
        vocabulary: "pins",
        label: { ja: "ロックされた暗証番号", en: "Locked PINs" }
      }
    ]
  },
  {
    id: "issuance",
    title: { ja: "交付・更新", en: "Hand-over and renewal" },
    fields: [
      {
        path: "applicant.isRenewal",
        kind: "tick",
        label: { ja: "有効期限による更新のカード", en: "The card replaces an expiring one" }
      },
      {
        path: "applicant.previousCardStatus",
        kind: "select",
        vocabulary: "cardStatuses",
        label: { ja: "前のカードの状態", en: "Previous card status" }
      },
      {
        path: "applicant.applicationReceivedOn",
        kind: "date",
        label: { ja: "申請受付日(J-LIS)", en: "Application received on (J-LIS)" }
      },
      {
        path: "applicant.inquiryMailedOn",
        kind: "date",
        label: { ja: "照会書の発送日", en: "Inquiry form mailed on" }
      },
      {
        path: "applicant.registeredDomicileInCity",
        kind: "tick",
        label: { ja: "本籍がこの市にある", en: "Registered domicile (honseki) in this city" }
      }
    ]
  },
  {
    id: "notification",
    title: { ja: "通知カード", en: "Notification card" },
    fields: [
      {
        path: "applicant.holdsNotificationCard",
        kind: "tick",
        label: { ja: "通知カードを持っている", en: "Holds a notification card" }
      },
      {
        path: "applicant.notificationCardLost",
        kind: "tick",
        label: { ja: "通知カードを紛失した", en: "Notification card lost" }
      }
    ]
  },
  {
    id: "loss",
    title: { ja: "紛失・破損・再交付", en: "Loss, damage, re-issuance" },
    fields: [
      { path: "applicant.lossReportedOn", kind: "date", label: { ja: "紛失届の日", en: "Loss reported on" } },
      { path: "applicant.lostOutsideHome", kind: "tick", label: { ja: "屋外で紛失した", en: "Lost outside the home" } },
      {
        path: "applicant.policeReportFiled",
        kind: "tick",
        label: { ja: "警察に遺失届・盗難届を出した", en: "Reported to the police" }
      },
      {
        path: "applicant.cardDestroyed",
        kind: "tick",
        label: { ja: "カードが焼失・滅失した", en: "Card destroyed" }
      },
      { path: "applicant.cardFoundOn", kind: "date", label: { ja: "カードが見つかった日", en: "Card found on" } },
      {
        path: "applicant.endorsementFieldFull",
        kind: "yesno",
        label: { ja: "追記欄が満欄", en: "Endorsement field full" }
      }
    ]
  },
  {
    id: "changes",
    title: { ja: "記載事項の変更・転入・転出", en: "Changes, moving in and out" },
    fields: [
      {
        path: "applicant.changeKind",
        kind: "select",
        vocabulary: "changeKinds",
        label: { ja: "変更の内容", en: "What changed" }
      },
      { path: "applicant.addressChangedOn", kind: "date", label: { ja: "住所の変更日", en: "Address changed on" } },
      {
        path: "applicant.plannedAddressOrNameChange",
        kind: "tick",
        label: { ja: "近く住所・氏名の変更予定がある", en: "An address or name change is planned" }
      },
      { path: "applicant.movedInOn", kind: "date", label: { ja: "転入した日", en: "Moved in on" } },
      {
        path: "applicant.moveInReportedOn",
        kind: "date",
        label: { ja: "転入届の日", en: "Move-in reported on" },
        hint: { ja: "空欄 = 今回の来庁で届出", en: "blank = reported at this visit" }
      },
      { path: "applicant.plannedMoveOutOn", kind: "date", label: { ja: "転出予定日", en: "Planned move-out date" } }
    ]
  },
  {
    id: "abroad",
    title: { ja: "国外転出・在留", en: "Moving abroad, period of stay" },
    fields: [
      { path: "applicant.departureDate", kind: "date", label: { ja: "国外転出予定日", en: "Departure date" } },
      { path: "applicant.residesAbroad", kind: "tick", label: { ja: "国外に住んでいる", en: "Lives abroad" } },
      {
        path: "applicant.stayRenewalPending",
        kind: "tick",
        label: { ja: "在留期間更新の申請中", en: "Renewal of stay applied for" }
      },
      {
        path: "applicant.stayRenewed",
        kind: "tick",
        label: { ja: "在留期間が更新された", en: "Period of stay renewed" }
      }
    ]
  }
]

/** Details of a document as presented: which flags the form offers for it. */
export type DocumentDetail =
  | "expiresOn"
  | "issuedOn"
  | "copy"
  | "photo"
  | "noPhoto"
  | "renewalPendingStamp"
  | "incomplete"
  | "sealed"
  | "statesInabilityToAttend"
  | "matchesResidentRecord"

export const detailLabels: Record<DocumentDetail, Label> = {
  expiresOn: { ja: "有効期限", en: "Expires on" },
  issuedOn: { ja: "発行日", en: "Issued on" },
  copy: { ja: "写し(コピー)", en: "A copy" },
  photo: { ja: "顔写真付き", en: "With photo" },
  noPhoto: { ja: "写真なし", en: "No photo" },
  renewalPendingStamp: { ja: "「在留期間更新許可申請中」の記載", en: "Stamped 'renewal of stay applied for'" },
  incomplete: { ja: "記入もれあり", en: "Not fully completed" },
  sealed: { ja: "暗証番号を目隠し・封入済み", en: "PINs concealed or sealed" },
  statesInabilityToAttend: { ja: "来庁できない旨の記載あり", en: "States the applicant cannot attend" },
  matchesResidentRecord: { ja: "住民票と記載が一致", en: "Matches the resident record" }
}

/** The detail fields offered for a document type. */
export const detailsFor = (type: string, category: DocumentCategory): ReadonlyArray<DocumentDetail> => {
  switch (category) {
    case "identity_a":
      if (type === "driving_history_certificate") return ["issuedOn", "copy"]
      if (type === "juki_card") return ["expiresOn", "noPhoto", "copy"]
      if (type === "residence_card") return ["expiresOn", "renewalPendingStamp", "copy"]
      return ["expiresOn", "copy"]
    case "identity_b":
      if (type === "health_insurance_card") return ["issuedOn", "expiresOn", "copy"]
      if (type === "face_photo_certificate") return ["issuedOn", "copy"]
      return ["expiresOn", "photo", "copy"]
    case "never_identity":
      return type === "notification_card" ? ["matchesResidentRecord"] : []
    case "procedure":
      if (type === "issuance_notice" || type === "inquiry_reply") return ["incomplete", "sealed"]
      if (["application_form", "pin_setting_request", "overseas_continued_use_form"].includes(type)) {
        return ["incomplete"]
      }
      return []
    case "authority":
      if (type === "power_of_attorney") return ["incomplete", "statesInabilityToAttend"]
      return ["issuedOn", "copy"]
    case "evidence":
      return []
  }
}

/** Identity documents belong to a person (applicant or attendee); other papers count for the applicant. */
export const isPersonal = (category: DocumentCategory): boolean =>
  category === "identity_a" || category === "identity_b" || category === "never_identity"

/** The document section of the form: who holds them and which categories. */
export const documentSections: ReadonlyArray<{
  readonly id: string
  readonly holder: "applicant" | "attendee"
  readonly categories: ReadonlyArray<DocumentCategory>
  readonly title: Label
}> = [
  {
    id: "applicant-id",
    holder: "applicant",
    categories: ["identity_a", "identity_b", "never_identity"],
    title: { ja: "本人の本人確認書類", en: "The applicant's identity documents" }
  },
  {
    id: "attendee-id",
    holder: "attendee",
    categories: ["identity_a", "identity_b", "never_identity"],
    title: { ja: "代理人(来庁者)の本人確認書類", en: "The representative's identity documents" }
  },
  {
    id: "papers",
    holder: "applicant",
    categories: ["procedure", "authority"],
    title: { ja: "手続の書類・代理権の書類", en: "Procedure papers and proof of authority" }
  },
  {
    id: "evidence",
    holder: "applicant",
    categories: ["evidence"],
    title: {
      ja: "来庁できない理由の疎明資料(写し可)",
      en: "Evidence that the applicant cannot attend (copies accepted)"
    }
  }
]

export const categoryLabels: Record<DocumentCategory, Label> = {
  identity_a: { ja: "A群(1点で可・顔写真付き)", en: "Group A (one suffices, photo ID)" },
  identity_b: { ja: "B群(2点以上)", en: "Group B (two or more)" },
  never_identity: { ja: "本人確認書類にならないもの", en: "Never identity documents" },
  procedure: { ja: "手続の書類", en: "Procedure papers" },
  authority: { ja: "代理権の確認書類", en: "Proof of authority" },
  evidence: { ja: "疎明資料", en: "Evidence" }
}

/** The form name of a document, or of one of its details. */
export const docField = (holder: "applicant" | "attendee", type: string, detail?: DocumentDetail): string =>
  detail === undefined ? `doc.${holder}.${type}` : `doc.${holder}.${type}.${detail}`

const setPath = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const keys = path.split(".")
  let node = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (typeof next === "object" && next !== null) node = next as Record<string, unknown>
    else {
      const created: Record<string, unknown> = {}
      node[key] = created
      node = created
    }
  }
  node[keys[keys.length - 1]!] = value
}

const readField = (values: FormValues, field: Field): unknown => {
  switch (field.kind) {
    case "date":
    case "select": {
      const v = valueOf(values, field.path)
      return v === "" ? undefined : v
    }
    case "tick":
      return valueOf(values, field.path) !== "" ? true : undefined
    case "yesno": {
      const v = valueOf(values, field.path)
      return v === "yes" ? true : v === "no" ? false : undefined
    }
    case "multi": {
      const all = valuesOf(values, field.path).filter((v) => v !== "")
      return all.length > 0 ? all : undefined
    }
  }
}

/** Top-level and attendee fields (procedure options and who came). */
const procedureFields: ReadonlyArray<Field> = [
  { path: "mode", kind: "select", label: { ja: "申請方式", en: "Mode" } },
  { path: "cause", kind: "select", label: { ja: "事由", en: "Cause" } },
  { path: "eventOn", kind: "date", label: { ja: "事由の発生日", en: "Event date" } },
  { path: "site", kind: "select", label: { ja: "拠点", en: "Site" } },
  { path: "attendee.relation", kind: "select", label: { ja: "本人との関係", en: "Relation" } },
  { path: "attendee.sameHousehold", kind: "tick", label: { ja: "同一世帯", en: "Same household" } },
  { path: "attendee.reason", kind: "select", label: { ja: "来庁できない理由", en: "Reason" } },
  { path: "attendee.applicantPresent", kind: "yesno", label: { ja: "本人も来庁", en: "Applicant present" } }
]

/** Marker that the certificate boxes were on the form (so none ticked means none, not "default"). */
export const CERTIFICATES_SHOWN = "certificates.shown"

/**
 * The eligibility input of the posted form. Documents are listed by holder and type with the flags
 * ticked; the city is the screen's.
 */
export const toEligibilityInput = (
  values: FormValues,
  city: string,
  documentCategories: Readonly<Record<string, DocumentCategory>>
): Record<string, unknown> => {
  const input: Record<string, unknown> = {
    procedure: valueOf(values, "procedure"),
    visitDate: valueOf(values, "visitDate"),
    city
  }
  const applicantBirth = valueOf(values, "applicant.birthDate")
  setPath(input, "applicant.birthDate", applicantBirth)
  for (const field of [...procedureFields, ...applicantFields, ...cardFields, ...factGroups.flatMap((g) => g.fields)]) {
    const v = readField(values, field)
    if (v !== undefined) setPath(input, field.path, v)
  }
  if (valueOf(values, CERTIFICATES_SHOWN) !== "") input["certificates"] = valuesOf(values, "certificates")
  const kind = valueOf(values, "attendee.kind") || "self"
  const attendee = (input["attendee"] as Record<string, unknown> | undefined) ?? {}
  // Who came decides which details count: the applicant alone has no relation, reason or household.
  input["attendee"] = kind === "self" ? { kind } : { ...attendee, kind }
  const documents: Array<Record<string, unknown>> = []
  for (const [type, category] of Object.entries(documentCategories)) {
    const holders: ReadonlyArray<"applicant" | "attendee"> =
      isPersonal(category) && kind !== "self" ? ["applicant", "attendee"] : ["applicant"]
    for (const holder of holders) {
      if (valueOf(values, docField(holder, type)) === "") continue
      const doc: Record<string, unknown> = { type, holder }
      for (const detail of detailsFor(type, category)) {
        const v = valueOf(values, docField(holder, type, detail))
        if (v === "") continue
        if (detail === "expiresOn" || detail === "issuedOn") doc[detail] = v
        else if (detail === "incomplete") doc["completed"] = false
        else if (detail === "noPhoto") doc["photo"] = false
        else doc[detail] = true
      }
      documents.push(doc)
    }
  }
  input["documents"] = documents
  return input
}
