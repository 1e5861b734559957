/** Tables of @madoguchi/scheduling (owned by that lib; only its repositories use them). */
import type { ColumnType, Generated } from "kysely"
import type { Json, Timestamp } from "./Foundation.ts"

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export interface OutreachSessionTable {
  city_code: string
  id: Generated<string>
  site: string
  day: string
  /** `HH:MM`. */
  opens: string
  closes: string
  venue: string
  /** Seats bookable in advance; null = roster of walk-ins only. */
  capacity: number | null
  procedures: Json
  walk_ins: string
  status: Generated<string>
  note: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface BookingSlotTable {
  city_code: string
  id: Generated<string>
  site: string
  group_id: string
  kind: string
  day: string
  starts_at: Timestamp
  ends_at: Timestamp
  procedures: Json
  /** What the latest plan asked for; `capacity` never drops below seats already booked. */
  planned_capacity: number
  capacity: number
  quota_web: number | null
  quota_phone: number | null
  booked: Generated<number>
  booked_web: Generated<number>
  booked_phone: Generated<number>
  status: Generated<string>
  closed_reason: string | null
  outreach_session_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ReservationTable {
  city_code: string
  id: Generated<string>
  slot_id: string
  /** Shared by the reservations of one group booking (a family) across slots. */
  party_id: string | null
  seats: number
  channel: string
  procedure: string
  status: string
  occupies_seat: Generated<boolean>
  release_at: NullableTimestamp
  hold_expires_at: NullableTimestamp
  name_kana: string | null
  contact: string | null
  issuance_notice_number: string | null
  precheck: ColumnType<unknown, string | null, string | null>
  waitlist_entry_id: string | null
  rescheduled_from: string | null
  rescheduled_to: string | null
  created_by: string
  created_at: Generated<Date>
  confirmed_at: NullableTimestamp
  cancelled_at: NullableTimestamp
  checked_in_at: NullableTimestamp
  no_show_at: NullableTimestamp
  done_at: NullableTimestamp
  purged_at: NullableTimestamp
  /** 予約番号: generated from the id by the database (`reservation_code`), never written. */
  code: ColumnType<string, never, never>
}

export interface BookingRequestTable {
  city_code: string
  key: string
  operation: string
  request_sha256: string
  reservation_id: string
  created_at: Generated<Date>
}

export interface WaitlistEntryTable {
  city_code: string
  id: Generated<string>
  slot_id: string
  seats: number
  channel: string
  procedure: string
  status: Generated<string>
  name_kana: string | null
  contact: string | null
  issuance_notice_number: string | null
  offered_reservation_id: string | null
  created_at: Generated<Date>
  offered_at: NullableTimestamp
  closed_at: NullableTimestamp
  purged_at: NullableTimestamp
}

export interface BookingOutboxTable {
  city_code: string
  id: Generated<number>
  kind: string
  reservation_id: string | null
  waitlist_entry_id: string | null
  recipient: string | null
  payload: Json
  created_at: Generated<Date>
  sent_at: NullableTimestamp
  attempts: Generated<number>
  last_error: string | null
}

export interface QueueCounterTable {
  city_code: string
  site: string
  day: string
  group_id: string
  last_number: number
}

export interface QueueTicketTable {
  city_code: string
  id: Generated<string>
  site: string
  day: string
  group_id: string
  number: number
  label: string
  kind: string
  reservation_id: string | null
  outreach_session_id: string | null
  procedure: string | null
  priority_at: Timestamp
  late: Generated<boolean>
  status: Generated<string>
  window_no: number | null
  call_count: Generated<number>
  outcome: string | null
  issuance_notice_number: string | null
  issued_at: Generated<Date>
  called_at: NullableTimestamp
  served_at: NullableTimestamp
  done_at: NullableTimestamp
  purged_at: NullableTimestamp
}

export interface BookingGeneratedDayTable {
  city_code: string
  day: string
  generated_at: Generated<Date>
}

export interface SchedulingTables {
  booking_generated_day: BookingGeneratedDayTable
  outreach_session: OutreachSessionTable
  booking_slot: BookingSlotTable
  reservation: ReservationTable
  booking_request: BookingRequestTable
  waitlist_entry: WaitlistEntryTable
  booking_outbox: BookingOutboxTable
  queue_counter: QueueCounterTable
  queue_ticket: QueueTicketTable
}
