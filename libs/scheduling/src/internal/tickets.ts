/**
 * Queue tickets (番号札): numbering and the row ↔ view mapping shared by walk-ins and checked-in
 * reservations. Numbers run per site, day and procedure group; the counter row is taken with an
 * upsert in the ticket's own transaction, so numbers are sequential and never handed out twice.
 */
import { Database } from "@madoguchi/db"
import { Effect } from "effect"
import { sql } from "kysely"
import { formatInstant } from "./time.ts"

/** @category models */
export type TicketStatus = "waiting" | "called" | "serving" | "done" | "skipped" | "cancelled"

/** A ticket as the staff screen sees it. @category models */
export interface Ticket {
  readonly id: string
  readonly site: string
  readonly date: string
  readonly group: string
  readonly number: number
  /** What the call display shows: `A-012`. */
  readonly label: string
  readonly kind: "walk_in" | "reservation"
  readonly reservationId?: string
  readonly outreachSessionId?: string
  readonly procedure?: string
  readonly status: TicketStatus
  /** The window (窓口番号) it was called to. */
  readonly window?: number
  readonly callCount: number
  /** Arrived more than the no-show minutes after the reservation's start: served after those waiting. */
  readonly late: boolean
  /** Queue order: a reservation's start time, or the arrival time of a walk-in or a late reservation. */
  readonly queuedAt: string
  readonly issuedAt: string
  readonly calledAt?: string
  readonly servedAt?: string
  readonly doneAt?: string
  readonly outcome?: "done" | "refused" | "second_visit"
  readonly issuanceNoticeNumber?: string
}

/** The ticket columns. @category models */
export interface TicketRow {
  readonly id: string
  readonly site: string
  readonly day: string
  readonly group_id: string
  readonly number: number
  readonly label: string
  readonly kind: string
  readonly reservation_id: string | null
  readonly outreach_session_id: string | null
  readonly procedure: string | null
  readonly priority_at: Date
  readonly late: boolean
  readonly status: string
  readonly window_no: number | null
  readonly call_count: number
  readonly outcome: string | null
  readonly issuance_notice_number: string | null
  readonly issued_at: Date
  readonly called_at: Date | null
  readonly served_at: Date | null
  readonly done_at: Date | null
}

export const ticketColumns = [
  "id",
  "site",
  "day",
  "group_id",
  "number",
  "label",
  "kind",
  "reservation_id",
  "outreach_session_id",
  "procedure",
  "priority_at",
  "late",
  "status",
  "window_no",
  "call_count",
  "outcome",
  "issuance_notice_number",
  "issued_at",
  "called_at",
  "served_at",
  "done_at"
] as const

/** @category constructors */
export const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  site: r.site,
  date: r.day,
  group: r.group_id,
  number: r.number,
  label: r.label,
  kind: r.kind === "reservation" ? "reservation" : "walk_in",
  ...(r.reservation_id !== null ? { reservationId: r.reservation_id } : {}),
  ...(r.outreach_session_id !== null ? { outreachSessionId: r.outreach_session_id } : {}),
  ...(r.procedure !== null ? { procedure: r.procedure } : {}),
  status: r.status as TicketStatus,
  ...(r.window_no !== null ? { window: r.window_no } : {}),
  callCount: r.call_count,
  late: r.late,
  queuedAt: formatInstant(r.priority_at),
  issuedAt: formatInstant(r.issued_at),
  ...(r.called_at !== null ? { calledAt: formatInstant(r.called_at) } : {}),
  ...(r.served_at !== null ? { servedAt: formatInstant(r.served_at) } : {}),
  ...(r.done_at !== null ? { doneAt: formatInstant(r.done_at) } : {}),
  ...(r.outcome !== null ? { outcome: r.outcome as "done" | "refused" | "second_visit" } : {}),
  ...(r.issuance_notice_number !== null ? { issuanceNoticeNumber: r.issuance_notice_number } : {})
})

/** @category models */
export interface IssueTicket {
  readonly cityCode: string
  readonly site: string
  readonly day: string
  readonly group: string
  readonly prefix: string
  readonly kind: "walk_in" | "reservation"
  readonly reservationId?: string | undefined
  readonly outreachSessionId?: string | null | undefined
  readonly procedure?: string | null | undefined
  /** Queue order; absent = now (arrival). */
  readonly priorityAt?: Date | undefined
  readonly late?: boolean | undefined
  readonly issuanceNoticeNumber?: string | null | undefined
}

/** Issue the next number of the site's day and group. Run inside a transaction. @category constructors */
export const issue = Effect.fn("Tickets.issue")(function* (t: IssueTicket) {
  const db = yield* Database.Database
  const counter = yield* db.use((k, signal) =>
    k
      .insertInto("queue_counter")
      .values({ city_code: t.cityCode, site: t.site, day: t.day, group_id: t.group, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(["city_code", "site", "day", "group_id"])
          .doUpdateSet({ last_number: sql`queue_counter.last_number + 1` })
      )
      .returning("last_number")
      .executeTakeFirstOrThrow({ signal })
  )
  const n = counter.last_number
  return yield* db.use((k, signal) =>
    k
      .insertInto("queue_ticket")
      .values({
        city_code: t.cityCode,
        site: t.site,
        day: t.day,
        group_id: t.group,
        number: n,
        label: `${t.prefix}-${String(n).padStart(3, "0")}`,
        kind: t.kind,
        reservation_id: t.reservationId ?? null,
        outreach_session_id: t.outreachSessionId ?? null,
        procedure: t.procedure ?? null,
        priority_at: t.priorityAt ?? sql<Date>`now()`,
        late: t.late ?? false,
        issuance_notice_number: t.issuanceNoticeNumber ?? null
      })
      .returning(ticketColumns)
      .executeTakeFirstOrThrow({ signal })
  )
})
