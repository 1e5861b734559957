/**
 * The custody API's answers as the 台帳 screens read them (`GET /api/v1/cities/{city}/custody/…`):
 * the city's custody settings, items with their holdings, ledger entries with their resolved bodies,
 * verification, daily anchors, deadlines and reconciliation. Only the fields the screens use; the API
 * is the source of truth.
 */
import type { Label } from "../i18n.ts"

export type ItemKind =
  | "batch"
  | "card"
  | "issuance_notice"
  | "application_form"
  | "pin_setting_request"
  | "id_copy"
  | "envelope"
  | "notification_card_return"
  | "collected_card"
  | "lent_material"
  | "storage_media"
  | "other_document"

export type Status =
  "held" | "returned" | "disposal_requested" | "disposal_approved" | "missing" | "issued" | "handed_back" | "disposed"

export type EventKind =
  | "received"
  | "created"
  | "returned"
  | "setup_done"
  | "sealed"
  | "stored"
  | "moved"
  | "handed_over"
  | "issued"
  | "transferred_to_city"
  | "disposal_requested"
  | "disposal_approved"
  | "disposal_rejected"
  | "disposal_done"
  | "reported_missing"
  | "found"
  | "counted"
  | "noted"

export type Organization = "city" | "contractor" | "jlis" | "other"

export type DisposalMethod =
  "shredding" | "dissolution" | "incineration" | "physical_destruction" | "data_erasure" | "degaussing"

export type PlaceKind = "storage" | "counter" | "back_office" | "outreach" | "transit"

/** A place of the city's profile where items may be kept. */
export interface Place {
  readonly id: string
  readonly name: Label
  readonly kind: PlaceKind
  readonly site?: string
}

/** `GET …/custody/settings`: the `custody` section of the city's profile, with its city code. */
export interface CustodySettings {
  readonly cityCode: string
  /** Item kinds this city's contract involves; the API refuses others. */
  readonly itemKinds: ReadonlyArray<ItemKind>
  readonly places: ReadonlyArray<Place>
  readonly setupBeforeIssue: boolean
  readonly sealBeforeTransfer: ReadonlyArray<ItemKind>
  readonly deadlines: ReadonlyArray<{ readonly id: string; readonly label: Label; readonly source: string }>
  readonly disposal: {
    readonly requiresApproval: boolean
    readonly approverRoles: ReadonlyArray<string>
    readonly witness: "always" | "on_request"
    readonly methods: ReadonlyArray<DisposalMethod>
    readonly source: string
  }
}

export interface Holding {
  readonly status: Status
  readonly place: string | null
  readonly holder: string | null
  readonly count: number
}

export interface ItemState {
  readonly id: string
  readonly kind: ItemKind
  readonly reference?: string
  readonly description?: string
  readonly quantity: number
  readonly batchId?: string
  readonly declaredCount?: number
  readonly holdings: ReadonlyArray<Holding>
  readonly setupDone: boolean
  readonly sealed: boolean
  readonly disposal?: {
    readonly requestSeq: number
    readonly method: string
    readonly plannedOn: string
    readonly approvedSeq?: number
    readonly approver?: string
    readonly witnessRequired?: boolean
  }
  readonly createdSeq: number
  readonly lastSeq: number
  readonly lastOccurredAt: string
}

/** A person as stored in the ledger (a resident is never named). */
export interface StoredPerson {
  readonly name?: string
  readonly organization: Organization | "resident"
  readonly title?: string
}

export interface BodyItem {
  readonly id: string
  readonly kind: ItemKind
  readonly reference?: string
  readonly count: number
  readonly moves: ReadonlyArray<Holding>
}

export interface BodyNewItem {
  readonly id: string
  readonly kind: ItemKind
  readonly reference?: string
  readonly quantity: number
  readonly description?: string
  readonly batchId?: string
  readonly declaredCount?: number
}

export interface Body {
  readonly kind: EventKind
  readonly from?: StoredPerson
  readonly to?: StoredPerson
  readonly by?: StoredPerson
  readonly approver?: StoredPerson
  readonly witness?: StoredPerson
  readonly place?: string
  readonly fromPlace?: string
  readonly method?: string
  readonly plannedOn?: string
  readonly reason?: string
  readonly witnessRequired?: boolean
  readonly note?: string
  readonly counter?: { readonly site: string; readonly channel: string }
  readonly counts?: ReadonlyArray<{ readonly kind: ItemKind; readonly counted: number; readonly expected: number }>
  readonly newItems?: ReadonlyArray<BodyNewItem>
  readonly items?: ReadonlyArray<BodyItem>
}

export interface LedgerEntry {
  readonly seq: number
  readonly id: string
  readonly kind: EventKind
  readonly occurredAt: string
  readonly occurredOn: string
  readonly recordedAt: string
  readonly recordedBy: string
  readonly body: Body
  readonly prevHash: string
  readonly hash: string
}

/** `GET …/custody/items`: a page in registration order; `next` (absent on the last page) is the `after` of the following one. */
export interface ItemPage {
  readonly items: ReadonlyArray<ItemState>
  readonly next?: string
}

/** `GET …/custody/entries`: a bounded page; `next` is the `after` of the following one. */
export interface EntryPage {
  readonly entries: ReadonlyArray<LedgerEntry>
  readonly next?: number
}

export interface ItemDetail {
  readonly item: ItemState
  readonly batch?: ItemState
  readonly history: ReadonlyArray<LedgerEntry>
}

export interface VerifyResult {
  readonly ok: boolean
  readonly entries: number
  readonly headSeq: number
  readonly headHash: string
  readonly anchorsChecked: number
  readonly firstBrokenAt?: { readonly seq: number; readonly reason: string; readonly id?: string } & Label
}

export interface DailyAnchor {
  readonly cityCode: string
  readonly date: string
  readonly seq: number
  readonly hash: string
  readonly final: boolean
  readonly storedMismatch?: { readonly seq: number; readonly hash: string }
  readonly text: string
}

export type DeadlineState = "met" | "met_late" | "closed" | "open" | "due_today" | "overdue" | "undetermined"

export interface DeadlineLine {
  readonly rule: string
  readonly itemId: string
  readonly state: DeadlineState
  readonly startedOn: string
  readonly dueOn?: string
  readonly closedOn?: string
  readonly daysLate?: number
  readonly openUnits: number
  readonly label: Label
  readonly kind: ItemKind
  readonly reference?: string
  readonly description?: string
  readonly places: ReadonlyArray<string>
  readonly holders: ReadonlyArray<string>
}

export interface DeadlineReport {
  readonly today: string
  readonly lines: ReadonlyArray<DeadlineLine>
  readonly overdue: number
  readonly dueToday: number
  readonly undetermined: number
}

export interface Discrepancy extends Label {
  readonly code: string
  readonly itemId?: string
}

export interface Breakdown {
  readonly registered: number
  readonly issued: number
  readonly inStock: number
  readonly returned: number
  readonly disposed: number
  readonly handedBack: number
  readonly missing: number
}

export interface BatchReconciliation extends Breakdown {
  readonly batchId: string
  readonly reference?: string
  readonly declaredCount?: number
  readonly members: number
  readonly balanced: boolean
  readonly discrepancies: ReadonlyArray<Discrepancy>
}

export interface DayFlow {
  readonly kind: ItemKind
  readonly opening: number
  readonly received: number
  readonly created: number
  readonly returned: number
  readonly found: number
  readonly issued: number
  readonly handedBack: number
  readonly disposed: number
  readonly missing: number
  readonly closing: number
}

export interface DailyReconciliation {
  readonly date: string
  readonly flows: ReadonlyArray<DayFlow>
  readonly cohort: Breakdown & { readonly balanced: boolean }
  readonly counts: ReadonlyArray<{
    readonly seq: number
    readonly place: string
    readonly kind: ItemKind
    readonly counted: number
    readonly expected: number
    readonly difference: number
  }>
  readonly balanced: boolean
  readonly discrepancies: ReadonlyArray<Discrepancy>
}
