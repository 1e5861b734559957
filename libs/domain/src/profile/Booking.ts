/**
 * The `booking` section of a city profile: how a city takes reservations and walk-ins. Procedure
 * groups say which procedures are booked together, at which sites and with how many windows (one
 * seat per window per slot); channels say what share of each slot the public booking page and the
 * phone line may take (staff may always fill a slot); holds, cancellations and lateness have
 * profile-set times; walk-ins are accepted, refused, or accepted only with the 交付通知書 per kind of
 * session. `bookingSettings` fills the defaults so callers never repeat them.
 */
import { Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { Label, LocalTime, minutesOf } from "../Values.ts"

const code = (what: string, identifier: string) =>
  Schema.String.check(
    Schema.makeFilter(
      (s: string) =>
        /^[a-z][a-z0-9_]{0,40}$/.test(s) ||
        bilingual(
          `${what}は英小文字・数字・下線で指定してください: ${s}`,
          `expected a ${identifier} (lowercase letters, digits, underscores), got ${JSON.stringify(s)}`
        ),
      { identifier, expected: `a ${identifier}` }
    )
  )

const intBetween = (minimum: number, maximum: number, what: string) =>
  Schema.Int.check(
    Schema.makeFilter(
      (n: number) =>
        (n >= minimum && n <= maximum) ||
        bilingual(
          `${what}は${minimum}〜${maximum}の整数で指定してください: ${n}`,
          `expected an integer from ${minimum} to ${maximum}, got ${n}`
        )
    )
  )

/**
 * Procedures that can be booked. `notification_card_reissuance` is not among them: 通知カード
 * reissuance was abolished on 2020-05-25 and is always refused.
 *
 * @category schemas
 */
export const BookableProcedure = Schema.Literals([
  "card_issuance",
  "card_application",
  "card_reissuance",
  "card_renewal",
  "cert_issuance",
  "cert_renewal",
  "pin_reset",
  "suspension_lift",
  "surface_change",
  "continued_use",
  "validity_change",
  "special_extension",
  "overseas_continued_use",
  "card_return",
  "number_verification"
])
export type BookableProcedure = typeof BookableProcedure.Type

/** How a booking reaches us: the public page, the phone line (clerk on the phone), staff at the counter. @category schemas */
export const Channel = Schema.Literals(["web", "phone", "staff"])
export type Channel = typeof Channel.Type

/** Kinds of opening, as the calendar names them. @category schemas */
export const SessionKind = Schema.Literals(["regular", "holiday_opening", "outreach"])
export type SessionKind = typeof SessionKind.Type

/** What happens to a visitor without a reservation. @category schemas */
export const WalkInPolicy = Schema.Literals(["accept", "with_issuance_notice", "refuse"])
export type WalkInPolicy = typeof WalkInPolicy.Type

/** Whether the 交付通知書 number is asked for with a booking. @category schemas */
export const NoticeNumberPolicy = Schema.Literals(["required", "optional", "none"])
export type NoticeNumberPolicy = typeof NoticeNumberPolicy.Type

/** A share of a slot's seats, 0–1. @category schemas */
export const Share = Schema.Number.check(
  Schema.makeFilter(
    (n: number) =>
      (Number.isFinite(n) && n >= 0 && n <= 1) ||
      bilingual(`割合は0〜1で指定してください: ${n}`, `expected a share from 0 to 1, got ${n}`)
  )
)

/**
 * Procedures booked and queued together, with their own ticket prefix (番号札 A-001) and the windows
 * they get at each site.
 *
 * @category schemas
 */
export const ProcedureGroup = Schema.Struct({
  id: code("手続グループID", "procedure group id"),
  label: Label,
  /** Letter(s) printed before the ticket number. */
  ticketPrefix: Schema.String.check(
    Schema.makeFilter(
      (s: string) =>
        /^[A-Z]{1,2}$/.test(s) ||
        bilingual(`番号札の記号は英大文字1〜2字です: ${s}`, `expected 1–2 capital letters, got ${JSON.stringify(s)}`)
    )
  ),
  procedures: Schema.Array(BookableProcedure).check(Schema.isMinLength(1)),
  /** Site id → windows given to this group there; a slot holds one person per window. */
  windows: Schema.Record(Schema.String, intBetween(0, 100, "窓口数")),
  /** Session kinds whose slots this group is booked in; absent = every kind. */
  sessionKinds: Schema.optional(Schema.Array(SessionKind)),
  /** False for groups served by ticket only (no slots are generated for them). */
  reservable: Schema.optional(Schema.Boolean),
  /** First and last bookable times within a session (counter hours inside business hours). */
  bookableFrom: Schema.optional(LocalTime),
  bookableUntil: Schema.optional(LocalTime)
})
export type ProcedureGroup = typeof ProcedureGroup.Type

/** @category schemas */
export const BookingSection = Schema.Struct({
  /** Length of one slot in minutes. */
  slotMinutes: intBetween(5, 480, "枠の長さ(分)"),
  /** How long a provisional hold (仮押さえ) keeps its seat; default 10. */
  holdMinutes: Schema.optional(intBetween(1, 240, "仮押さえの時間(分)")),
  /** A cancelled seat reopens only after this delay (against slot trading); default 0. */
  cancelReopenMinutes: Schema.optional(intBetween(0, 7 * 24 * 60, "キャンセル枠の再公開までの時間(分)")),
  /** Minutes late after which a reservation is a no-show and is served after those waiting; default 15. */
  noShowAfterMinutes: Schema.optional(intBetween(1, 240, "無断不来所とみなす遅れ(分)")),
  /** Most seats one booking (a family) may take; default 4. */
  maxSeatsPerBooking: Schema.optional(intBetween(1, 30, "1件あたりの人数")),
  /** Share of each slot's seats per channel; an absent channel does not take bookings. Staff may always fill a slot. */
  channels: Schema.Struct({ web: Schema.optional(Share), phone: Schema.optional(Share) }),
  /** The 交付通知書 number with a reservation. */
  issuanceNoticeNumber: Schema.optional(NoticeNumberPolicy),
  groups: Schema.Array(ProcedureGroup).check(
    Schema.makeFilter((groups: ReadonlyArray<ProcedureGroup>) =>
      groups.length === 0
        ? bilingual("手続グループを1つ以上定義してください", "define at least one procedure group")
        : new Set(groups.map((g) => g.id)).size === groups.length ||
          bilingual("手続グループIDが重複しています", "procedure group ids must be unique")
    ),
    Schema.makeFilter(
      (groups: ReadonlyArray<ProcedureGroup>) =>
        groups.every(
          (g) =>
            g.bookableFrom === undefined ||
            g.bookableUntil === undefined ||
            minutesOf(g.bookableFrom) < minutesOf(g.bookableUntil)
        ) || bilingual("予約受付の開始は終了より前にしてください", "bookableFrom must be before bookableUntil")
    )
  ),
  /** Walk-ins per kind of session; default accept. */
  walkIns: Schema.optional(
    Schema.Struct({
      regular: Schema.optional(WalkInPolicy),
      holiday_opening: Schema.optional(WalkInPolicy),
      outreach: Schema.optional(WalkInPolicy)
    })
  ),
  /** Outreach sessions (出張交付・出張申請). */
  outreach: Schema.optional(
    Schema.Struct({
      /** People booked per session (Koganei: 30). */
      capacityPerSession: intBetween(1, 1000, "1回あたりの定員"),
      /** Procedures offered at outreach; absent = the groups' procedures for outreach sessions. */
      procedures: Schema.optional(Schema.Array(BookableProcedure))
    })
  ),
  /** Personal data of a booking (name, contact, notice number) is erased this many days after its day; default 30. */
  retainPersonalDataDays: Schema.optional(intBetween(1, 3650, "個人情報の保存日数"))
})
export type BookingSection = typeof BookingSection.Type

/** The booking section with every default filled in. @category models */
export interface BookingSettings {
  readonly slotMinutes: number
  readonly holdMinutes: number
  readonly cancelReopenMinutes: number
  readonly noShowAfterMinutes: number
  readonly maxSeatsPerBooking: number
  readonly channels: BookingSection["channels"]
  readonly issuanceNoticeNumber: NoticeNumberPolicy
  readonly groups: ReadonlyArray<ProcedureGroup>
  readonly walkIns: Readonly<Record<SessionKind, WalkInPolicy>>
  readonly outreach?: NonNullable<BookingSection["outreach"]>
  readonly retainPersonalDataDays: number
}

/** @category constructors */
export const bookingSettings = (section: BookingSection): BookingSettings => ({
  slotMinutes: section.slotMinutes,
  holdMinutes: section.holdMinutes ?? 10,
  cancelReopenMinutes: section.cancelReopenMinutes ?? 0,
  noShowAfterMinutes: section.noShowAfterMinutes ?? 15,
  maxSeatsPerBooking: section.maxSeatsPerBooking ?? 4,
  channels: section.channels,
  issuanceNoticeNumber: section.issuanceNoticeNumber ?? "none",
  groups: section.groups,
  walkIns: {
    regular: section.walkIns?.regular ?? "accept",
    holiday_opening: section.walkIns?.holiday_opening ?? "accept",
    outreach: section.walkIns?.outreach ?? "accept"
  },
  ...(section.outreach ? { outreach: section.outreach } : {}),
  retainPersonalDataDays: section.retainPersonalDataDays ?? 30
})
