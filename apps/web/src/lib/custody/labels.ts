/**
 * The words of the 台帳 screens: item kinds, unit statuses, event kinds (with what each one means at
 * the desk), organisations, disposal methods and deadline states, each code of `@madoguchi/custody`
 * with its Japanese and English label. The API decides and refuses; these lists only offer the codes
 * to choose from and name what the API answers.
 */
import type { Label } from "../i18n.ts"
import type {
  Breakdown,
  DeadlineState,
  DisposalMethod,
  EventKind,
  ItemKind,
  Organization,
  StoredPerson,
  Status
} from "./types.ts"

export const itemKinds: ReadonlyArray<{ readonly code: ItemKind } & Label> = [
  { code: "card", ja: "マイナンバーカード", en: "My Number Card" },
  { code: "batch", ja: "納品単位(箱・束)", en: "Batch (box or bundle)" },
  { code: "issuance_notice", ja: "交付通知書", en: "Issuance notice" },
  { code: "application_form", ja: "交付申請書", en: "Application form" },
  { code: "pin_setting_request", ja: "暗証番号設定依頼書", en: "PIN setting request" },
  { code: "id_copy", ja: "本人確認書類の写し", en: "Copy of an ID document" },
  { code: "envelope", ja: "封筒(宛名記載済・発送物)", en: "Envelope (addressed, mail)" },
  { code: "notification_card_return", ja: "通知カード返納届", en: "Notification card return form" },
  { code: "collected_card", ja: "回収カード(通知カード・住基カード)", en: "Collected card (notification / Juki card)" },
  { code: "lent_material", ja: "貸与物(資料・機器)", en: "Lent material (papers, equipment)" },
  { code: "storage_media", ja: "電磁的記録媒体", en: "Storage media" },
  { code: "other_document", ja: "その他書類", en: "Other document" }
]

export const kindLabel = Object.fromEntries(itemKinds.map((k) => [k.code, { ja: k.ja, en: k.en }])) as Record<
  ItemKind,
  Label
>

/** Kinds a clerk handles as physical things (a batch itself never moves). */
export const physicalKinds: ReadonlyArray<{ readonly code: ItemKind } & Label> = itemKinds.filter(
  (k) => k.code !== "batch"
)

export const statuses: ReadonlyArray<{ readonly code: Status } & Label> = [
  { code: "held", ja: "保管中", en: "Held" },
  { code: "returned", ja: "返戻(保管中)", en: "Returned mail (held)" },
  { code: "disposal_requested", ja: "廃棄申請中", en: "Disposal requested" },
  { code: "disposal_approved", ja: "廃棄承認済", en: "Disposal approved" },
  { code: "missing", ja: "所在不明", en: "Missing" },
  { code: "issued", ja: "交付済", en: "Issued" },
  { code: "handed_back", ja: "市へ引渡済", en: "Handed back to the city" },
  { code: "disposed", ja: "廃棄・消去済", en: "Disposed of" }
]

export const statusLabel = Object.fromEntries(statuses.map((s) => [s.code, { ja: s.ja, en: s.en }])) as Record<
  Status,
  Label
>

/** Statuses in which the contractor physically holds the unit. */
export const inCustodyStatuses: ReadonlyArray<Status> = ["held", "returned", "disposal_requested", "disposal_approved"]

export const organizations: ReadonlyArray<{ readonly code: Organization } & Label> = [
  { code: "city", ja: "市", en: "City" },
  { code: "contractor", ja: "受託者", en: "Contractor" },
  { code: "jlis", ja: "J-LIS", en: "J-LIS" },
  { code: "other", ja: "その他", en: "Other" }
]

export const organizationLabel: Record<StoredPerson["organization"], Label> = {
  city: { ja: "市", en: "city" },
  contractor: { ja: "受託者", en: "contractor" },
  jlis: { ja: "J-LIS", en: "J-LIS" },
  other: { ja: "その他", en: "other" },
  resident: { ja: "住民(氏名は記録しません)", en: "resident (never named)" }
}

export const disposalMethods: ReadonlyArray<{ readonly code: DisposalMethod } & Label> = [
  { code: "shredding", ja: "裁断(シュレッダー)", en: "Shredding" },
  { code: "dissolution", ja: "溶解", en: "Dissolution" },
  { code: "incineration", ja: "焼却", en: "Incineration" },
  { code: "physical_destruction", ja: "媒体の物理的破壊", en: "Physical destruction of media" },
  { code: "data_erasure", ja: "データ消去", en: "Data erasure" },
  { code: "degaussing", ja: "磁気消去", en: "Degaussing" }
]

export const methodLabel = (code: string): Label =>
  disposalMethods.find((m) => m.code === code) ?? { ja: code, en: code }

export const deadlineStateLabel: Record<DeadlineState, Label> = {
  overdue: { ja: "期限超過", en: "Overdue" },
  due_today: { ja: "本日期限", en: "Due today" },
  undetermined: { ja: "期限未確定", en: "Due day unknown" },
  open: { ja: "期限内", en: "Open" },
  met: { ja: "期限内に完了", en: "Met" },
  met_late: { ja: "期限後に完了", en: "Met late" },
  closed: { ja: "対象外(交付・廃棄等)", en: "Closed otherwise" }
}

/** The columns of a reconciliation, in the order of the equation registered = issued + … */
export const breakdownColumns: ReadonlyArray<{ readonly key: keyof Breakdown } & Label> = [
  { key: "registered", ja: "登録", en: "Registered" },
  { key: "issued", ja: "交付", en: "Issued" },
  { key: "inStock", ja: "在庫", en: "In stock" },
  { key: "returned", ja: "返戻", en: "Returned mail" },
  { key: "disposed", ja: "廃棄", en: "Disposed of" },
  { key: "handedBack", ja: "市へ引渡", en: "Handed back" },
  { key: "missing", ja: "所在不明", en: "Missing" }
]

/** Rows of bundles (items counted by quantity) the record form offers. */
export const BUNDLE_ROWS = 4

/** Who an event names, and which organisations each person may belong to. */
export type PersonRole = "from" | "to" | "by" | "approver" | "witness"

export interface PersonSpec {
  readonly role: PersonRole
  readonly label: Label
  readonly organizations: ReadonlyArray<Organization | "resident">
  readonly defaultOrganization: Organization | "resident"
  /** A witness may be left out (then no one is recorded). */
  readonly optional?: boolean
}

/** What the form of an event kind asks for. */
export interface EventSpec {
  readonly kind: EventKind
  readonly label: Label
  /** What it means at the desk, in one line. */
  readonly hint: Label
  readonly persons: ReadonlyArray<PersonSpec>
  readonly place?: "required" | "optional"
  readonly fromPlace?: boolean
  /** Items that enter the ledger with this event. */
  readonly newItems?: "required" | "optional"
  /** Items already in the ledger. */
  readonly items?: "required" | "optional"
  readonly counts?: boolean
  readonly counter?: boolean
  readonly method?: boolean
  readonly plannedOn?: boolean
  readonly reason?: boolean
  readonly witnessRequired?: boolean
  readonly note: "optional" | "required"
  /** A 預り証 is printed for it. */
  readonly receipt?: boolean
}

const by = (label: Label = { ja: "作業した人", en: "Done by" }): PersonSpec => ({
  role: "by",
  label,
  organizations: ["contractor", "city", "other"],
  defaultOrganization: "contractor"
})

export const eventSpecs: ReadonlyArray<EventSpec> = [
  {
    kind: "received",
    label: { ja: "受領", en: "Received" },
    hint: {
      ja: "J-LIS・市職員から(または住民の書類を回収して)受け取り、保管を始める。納品単位(箱)と納品数もここで登録します。",
      en: "Taken over from J-LIS or city staff (or papers collected from residents); register the box and its slip count here."
    },
    persons: [
      {
        role: "from",
        label: { ja: "渡した人", en: "Handed over by" },
        organizations: ["city", "jlis", "other", "resident"],
        defaultOrganization: "city"
      },
      {
        role: "to",
        label: { ja: "受け取った人(受託者)", en: "Received by (contractor)" },
        organizations: ["contractor"],
        defaultOrganization: "contractor"
      }
    ],
    place: "required",
    newItems: "optional",
    items: "optional",
    note: "optional",
    receipt: true
  },
  {
    kind: "setup_done",
    label: { ja: "交付前設定", en: "Pre-issuance setup" },
    hint: {
      ja: "統合端末でカードの交付前設定を終えた。",
      en: "The card's pre-issuance setup on the terminal is done."
    },
    persons: [by()],
    items: "required",
    note: "optional"
  },
  {
    kind: "stored",
    label: { ja: "保管", en: "Stored" },
    hint: { ja: "施錠できる保管場所にしまった。", en: "Put away in a lockable storage place." },
    persons: [by()],
    place: "required",
    items: "required",
    note: "optional"
  },
  {
    kind: "moved",
    label: { ja: "移動", en: "Moved" },
    hint: {
      ja: "別の場所へ移した(窓口へ、会場へ、移送中へ)。",
      en: "Moved to another place (to a counter, a venue, into transit)."
    },
    persons: [by()],
    place: "required",
    fromPlace: true,
    items: "required",
    note: "optional"
  },
  {
    kind: "handed_over",
    label: { ja: "引継ぎ", en: "Handed over" },
    hint: {
      ja: "受託者の中で人から人へ渡した。渡した人・受け取った人を記録し、預り証を印刷します。",
      en: "From one contractor person to another, both named; a receipt (預り証) is printed."
    },
    persons: [
      {
        role: "from",
        label: { ja: "渡した人", en: "Handed over by" },
        organizations: ["contractor"],
        defaultOrganization: "contractor"
      },
      {
        role: "to",
        label: { ja: "受け取った人", en: "Received by" },
        organizations: ["contractor"],
        defaultOrganization: "contractor"
      }
    ],
    place: "optional",
    items: "required",
    note: "optional",
    receipt: true
  },
  {
    kind: "issued",
    label: { ja: "交付", en: "Issued" },
    hint: { ja: "カードを本人に交付した。", en: "The card was handed to its resident." },
    persons: [by({ ja: "交付した人", en: "Issued by" })],
    items: "required",
    counter: true,
    note: "optional"
  },
  {
    kind: "created",
    label: { ja: "作成", en: "Created" },
    hint: {
      ja: "受託者が作成した書類(発送通知・写しなど)を台帳に載せる。",
      en: "Papers the contractor made (mailing notices, copies) enter the ledger."
    },
    persons: [by({ ja: "作成した人", en: "Made by" })],
    place: "required",
    newItems: "required",
    note: "optional"
  },
  {
    kind: "sealed",
    label: { ja: "封緘", en: "Sealed" },
    hint: { ja: "書類を封筒に入れて封をした。", en: "The papers were put in an envelope and sealed." },
    persons: [by()],
    items: "required",
    note: "optional"
  },
  {
    kind: "returned",
    label: { ja: "返戻受領", en: "Returned mail" },
    hint: {
      ja: "宛先不明などで戻った郵便物を市から受け取った。",
      en: "Undeliverable mail came back from the city into the contractor's hands."
    },
    persons: [
      {
        role: "from",
        label: { ja: "渡した人", en: "Handed over by" },
        organizations: ["city", "jlis", "other"],
        defaultOrganization: "city"
      },
      {
        role: "to",
        label: { ja: "受け取った人(受託者)", en: "Received by (contractor)" },
        organizations: ["contractor"],
        defaultOrganization: "contractor"
      }
    ],
    place: "required",
    newItems: "optional",
    items: "optional",
    note: "optional",
    receipt: true
  },
  {
    kind: "transferred_to_city",
    label: { ja: "市へ引渡し", en: "Handed back to the city" },
    hint: {
      ja: "市職員へ引き渡した(返還・納品)。預り証を印刷します。",
      en: "Handed to city staff (returned or delivered); a receipt is printed."
    },
    persons: [
      {
        role: "from",
        label: { ja: "渡した人(受託者)", en: "Handed over by (contractor)" },
        organizations: ["contractor"],
        defaultOrganization: "contractor"
      },
      {
        role: "to",
        label: { ja: "受け取った市職員", en: "Received by (city staff)" },
        organizations: ["city"],
        defaultOrganization: "city"
      }
    ],
    items: "required",
    note: "optional",
    receipt: true
  },
  {
    kind: "disposal_requested",
    label: { ja: "廃棄申請", en: "Disposal requested" },
    hint: {
      ja: "廃棄・消去する品目・数量・方法・予定日を市に申請した。",
      en: "Asked the city to dispose of items: what, how many, how and when."
    },
    persons: [by({ ja: "申請した人", en: "Requested by" })],
    items: "required",
    method: true,
    plannedOn: true,
    reason: true,
    note: "optional"
  },
  {
    kind: "disposal_approved",
    label: { ja: "廃棄承認", en: "Disposal approved" },
    hint: {
      ja: "市が廃棄を承認した(市職員のログインで記録します)。立会いを求めるかも記録します。",
      en: "The city approved the disposal (recorded while signed in as city staff), and whether it will witness it."
    },
    persons: [
      {
        role: "approver",
        label: { ja: "承認した人", en: "Approved by" },
        organizations: ["city"],
        defaultOrganization: "city"
      }
    ],
    items: "required",
    witnessRequired: true,
    note: "optional"
  },
  {
    kind: "disposal_rejected",
    label: { ja: "廃棄申請の却下・取下げ", en: "Disposal refused or withdrawn" },
    hint: {
      ja: "廃棄申請が却下された、または取り下げた。品目は保管中に戻ります。",
      en: "The request was refused or withdrawn; the items are held again."
    },
    persons: [by({ ja: "記録する人", en: "Recorded by" })],
    items: "required",
    reason: true,
    note: "optional"
  },
  {
    kind: "disposal_done",
    label: { ja: "廃棄・消去", en: "Disposed of" },
    hint: {
      ja: "廃棄・消去した。方法と立会者を記録します。",
      en: "Destroyed or erased: record the method and the witness."
    },
    persons: [
      by({ ja: "廃棄した人", en: "Disposed of by" }),
      {
        role: "witness",
        label: { ja: "立会者", en: "Witness" },
        organizations: ["city", "contractor", "other"],
        defaultOrganization: "city",
        optional: true
      }
    ],
    items: "required",
    method: true,
    note: "optional"
  },
  {
    kind: "reported_missing",
    label: { ja: "所在不明の報告", en: "Reported missing" },
    hint: {
      ja: "見つからない(事故として市へ報告する)。状況を備考に書きます。",
      en: "Cannot be found (an incident to report); describe it in the note."
    },
    persons: [by({ ja: "報告した人", en: "Reported by" })],
    items: "required",
    note: "required"
  },
  {
    kind: "found",
    label: { ja: "発見", en: "Found" },
    hint: { ja: "所在不明だった品目が見つかった。", en: "A missing item was found." },
    persons: [by({ ja: "見つけた人", en: "Found by" })],
    place: "required",
    items: "required",
    note: "optional"
  },
  {
    kind: "counted",
    label: { ja: "数量確認(棚卸)", en: "Counted" },
    hint: {
      ja: "保管場所の実数を数えた。台帳の数との差は照合に表示されます。",
      en: "A physical count of a place; the difference from the ledger shows in reconciliation."
    },
    persons: [by({ ja: "数えた人", en: "Counted by" })],
    place: "required",
    counts: true,
    note: "optional"
  },
  {
    kind: "noted",
    label: { ja: "記録(メモ)", en: "Note" },
    hint: {
      ja: "状態を変えずに経過を残す(返戻について本人へ電話した、など)。",
      en: "A note without a change of state (a call about returned mail, …)."
    },
    persons: [by({ ja: "記録する人", en: "Recorded by" })],
    items: "required",
    note: "required"
  }
]

export const isEventKind = (s: string | null | undefined): s is EventKind =>
  typeof s === "string" && eventSpecs.some((e) => e.kind === s)

export const specOf = (kind: EventKind): EventSpec => eventSpecs.find((e) => e.kind === kind)!

export const eventLabel = (kind: string): Label =>
  eventSpecs.find((e) => e.kind === kind)?.label ?? { ja: kind, en: kind }

/** Event kinds that have a printable 預り証. */
export const receiptKinds: ReadonlyArray<EventKind> = eventSpecs.filter((e) => e.receipt).map((e) => e.kind)
