/**
 * The shapes the counter screens read from the API (`/api/v1/vocabulary`, eligibility, slots,
 * reservations, waitlist, tickets and the queue), as plain types for pages and components. The API
 * decodes everything that is posted; these types only describe what it answers.
 */
import type { Label } from "../i18n.ts"

/** The API's error body (`{ error: { code, ja, en, path?, problems? } }`). */
export interface ApiError extends Label {
  readonly code: string
  readonly path?: string
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly ja: string; readonly en: string }>
}

/** One code of a vocabulary with its labels. */
export interface Entry extends Label {
  readonly code: string
}

export interface AbsenceReasonEntry extends Entry {
  readonly accepted: boolean
}

export type DocumentCategory = "identity_a" | "identity_b" | "procedure" | "authority" | "evidence" | "never_identity"

export interface DocumentEntry extends Entry {
  readonly category: DocumentCategory
}

export interface SourceEntry {
  readonly code: string
  readonly url: string
  readonly title: string
  readonly national: boolean
}

/** `GET /api/v1/vocabulary` (the parts the screens use). */
export interface VocabularyDocument {
  readonly procedures: ReadonlyArray<Entry>
  readonly applicationModes: ReadonlyArray<Entry>
  readonly causes: ReadonlyArray<Entry>
  readonly certificates: ReadonlyArray<Entry>
  readonly attendeeKinds: ReadonlyArray<Entry>
  readonly relations: ReadonlyArray<Entry>
  readonly absenceReasons: ReadonlyArray<AbsenceReasonEntry>
  readonly holders: ReadonlyArray<Entry>
  readonly cardStatuses: ReadonlyArray<Entry>
  readonly cardKinds: ReadonlyArray<Entry>
  readonly certStatuses: ReadonlyArray<Entry>
  readonly nationalities: ReadonlyArray<Entry>
  readonly residenceStatuses: ReadonlyArray<Entry>
  readonly changeKinds: ReadonlyArray<Entry>
  readonly pins: ReadonlyArray<Entry>
  readonly documentTypes: ReadonlyArray<DocumentEntry>
  readonly decisions: ReadonlyArray<Entry>
  readonly sources: ReadonlyArray<SourceEntry>
}

export type Decision = "allowed" | "refused" | "needs_second_visit"

export interface Reason extends Label {
  readonly code: string
  readonly kind: "refuses" | "second_visit" | "allows" | "note"
  readonly basis: string
}

export interface Need extends Label {
  readonly oneOf: ReadonlyArray<string>
  readonly count: number
}

export interface Missing extends Label {
  readonly code: string
  readonly holder: "applicant" | "attendee"
  readonly alternatives: ReadonlyArray<Label & { readonly needs: ReadonlyArray<Need> }>
}

export interface Fee {
  readonly amountYen: number
  readonly items: ReadonlyArray<Label & { readonly code: string; readonly yen: number }>
  readonly payableAt: "none" | "application" | "handover"
  readonly exemption?: Label & { readonly code: string }
  readonly basis: string
}

/** `POST /api/v1/eligibility/check`. */
export interface EligibilityResult {
  readonly decision: Decision
  readonly procedure: string
  readonly visitDate: string
  readonly city?: string
  readonly reasons: ReadonlyArray<Reason>
  readonly missingDocuments: ReadonlyArray<Missing>
  readonly nextSteps: ReadonlyArray<Label & { readonly code: string }>
  readonly fee: Fee
}

/** A slot; staff see the counters too. */
export interface Slot {
  readonly id: string
  readonly site: string
  readonly group: string
  readonly kind: "regular" | "holiday_opening" | "outreach"
  readonly date: string
  /** `2026-10-05T09:00:00+09:00`. */
  readonly start: string
  readonly end: string
  readonly capacity: number
  readonly remaining: number
  readonly procedures: ReadonlyArray<string>
  readonly status?: "open" | "closed"
  readonly outreachSessionId?: string
  readonly booked?: number
  readonly bookedWeb?: number
  readonly bookedPhone?: number
  readonly quotaWeb?: number | null
  readonly quotaPhone?: number | null
  readonly closedReason?: string
  readonly bookable?: boolean
}

export type ReservationStatus =
  "held" | "confirmed" | "checked_in" | "done" | "no_show" | "cancelled" | "expired" | "rescheduled"

export interface Reservation {
  readonly id: string
  /** 予約番号: what the resident is given and reads out; the public finds a booking by it and the contact. */
  readonly code: string
  readonly status: ReservationStatus
  readonly slotId: string
  readonly site: string
  readonly start: string
  readonly end: string
  readonly procedure: string
  readonly seats: number
  readonly channel: "web" | "phone" | "staff"
  /** Absent from what the public sees. */
  readonly name?: string | null
  readonly contact?: string | null
  readonly issuanceNoticeNumber?: string
  readonly expiresAt?: string
  readonly reopensAt?: string
  readonly rescheduledFrom?: string
  readonly rescheduledTo?: string
  readonly precheck?: {
    readonly decision: Decision
    readonly bring: ReadonlyArray<string>
    readonly missingDocuments?: ReadonlyArray<string>
  }
  readonly createdAt: string
  readonly checkedInAt?: string
  readonly replayed?: true
}

export interface WaitlistEntry {
  readonly id: string
  readonly slotId: string
  readonly procedure: string
  readonly seats: number
  readonly channel: "web" | "phone" | "staff"
  readonly status: "waiting" | "offered" | "accepted" | "lapsed" | "withdrawn"
  readonly name: string | null
  readonly contact: string | null
  readonly position?: number
  readonly offeredReservationId?: string
  readonly createdAt: string
}

export type TicketStatus = "waiting" | "called" | "serving" | "done" | "skipped" | "cancelled"

export interface Ticket {
  readonly id: string
  readonly site: string
  readonly date: string
  readonly group: string
  readonly number: number
  readonly label: string
  readonly kind: "walk_in" | "reservation"
  readonly reservationId?: string
  readonly procedure?: string
  readonly status: TicketStatus
  readonly window?: number
  readonly callCount: number
  readonly late: boolean
  readonly queuedAt: string
  readonly issuedAt: string
  readonly outcome?: "done" | "refused" | "second_visit"
}

/** `GET …/queue?site`: what the call display and the console show (labels only, no names). */
export interface QueueState {
  readonly site: string
  readonly date: string
  /** Ticket ids come to staff only; the call display gets none. */
  readonly calling: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly window: number | null
    readonly calledAt: string | null
    readonly callCount: number
  }>
  readonly serving: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly window: number | null
  }>
  readonly waiting: ReadonlyArray<{
    readonly id?: string
    readonly label: string
    readonly group: string
    readonly kind: "walk_in" | "reservation"
    readonly late: boolean
    readonly queuedAt: string
  }>
  /** Called but absent (不在): staff put one back in line when its holder returns. */
  readonly skipped?: ReadonlyArray<{ readonly id?: string; readonly label: string; readonly group: string }>
  readonly counts: Readonly<Record<"waiting" | "called" | "serving" | "done" | "skipped" | "cancelled", number>>
}

export interface OutreachSession {
  readonly id: string
  readonly site: string
  readonly date: string
  readonly opens: string
  readonly closes: string
  readonly venue: string
  readonly capacity: number | null
  readonly booked: number
  readonly procedures: ReadonlyArray<string>
  readonly walkIns: "accept" | "with_issuance_notice" | "refuse"
  readonly status: "scheduled" | "cancelled"
}

/** A site of the city summary (`GET /cities/{city}`). */
export interface Site {
  readonly id: string
  readonly name: Label
  readonly kind: string
  readonly windows?: number
  readonly procedures?: ReadonlyArray<string>
}
