/**
 * The activity log port: every piece of counter work that a city pays for — a counter visit, a phone
 * call, a complaint, an outreach session's tally — recorded once, per city and site, append-only.
 * Booking (a served reservation or ticket) and custody (a card handed over) write to it through this
 * interface; staff enter the rest by hand; `@madoguchi/reporting` implements it with storage and
 * builds the daily, monthly and completion reports from it.
 *
 * Every activity carries a source key `{ source, sourceId }`. Recording is idempotent on
 * (city, source, sourceId): the same activity sent twice is stored once, so a retried request or a
 * visit that is both a reservation and a ticket is never counted twice (derive one activity per
 * served procedure, with a `sourceId` such as `"<ticket id>/<procedure>"`). A different activity under
 * a key already used is refused (`ActivitySourceConflict`). A mistaken entry is never edited: it is
 * voided by its source key, with a reason, and reports leave it out.
 *
 * Free text (phone content and answer, complaints, notes) passes the My Number guard.
 */
import { Context, Effect, Layer, Ref, Schema } from "effect"
import { bilingual, decode, type DecodeError } from "./Decode.ts"
import { FreeText } from "./MyNumber.ts"
import { SiteId } from "./Profile.ts"
import { CityCode, LocalDate, LocalTime } from "./Values.ts"
import { DocumentType, Procedure } from "./Vocabulary.ts"

/** Short free text (one line a clerk types at the counter or on the phone): 1–500 characters, no 個人番号. */
const ShortText = FreeText.check(Schema.isBetweenLength(1, 500))

/** Longer free text (how a complaint was handled): up to 2,000 characters, no 個人番号. */
const LongText = FreeText.check(Schema.isBetweenLength(1, 2000))

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const Minutes = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 24 * 60 }))

/**
 * Counter work that is not one of the procedures: a question answered at the counter or reception
 * (Ota 6(1)①: 受付・案内・誘導・問い合わせ対応).
 *
 * @category schemas
 */
export const GENERAL_INQUIRY = "general_inquiry"

/**
 * A procedure code of the vocabulary (`card_issuance`, `cert_renewal`, …; `Vocabulary.Procedure`) or
 * `general_inquiry`. Typed as a string so writers with their own procedure subsets need no cast; an
 * unknown code is refused when the activity is decoded.
 *
 * @category schemas
 */
export const ProcedureCode = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      Procedure.is(s) ||
      s === GENERAL_INQUIRY ||
      bilingual(
        `手続のコード「${s}」は使えません(GET /api/v1/vocabulary の一覧か general_inquiry)`,
        `unknown procedure code ${JSON.stringify(s)} (see GET /api/v1/vocabulary, or general_inquiry)`
      ),
    { identifier: "ProcedureCode", expected: "a procedure code" }
  )
)
export type ProcedureCode = typeof ProcedureCode.Type

/** A document code of the vocabulary (`Vocabulary.DocumentType`), typed as a string. @category schemas */
export const DocumentCode = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      DocumentType.is(s) ||
      bilingual(
        `書類のコード「${s}」は使えません(GET /api/v1/vocabulary の一覧から指定してください)`,
        `unknown document code ${JSON.stringify(s)} (see GET /api/v1/vocabulary)`
      ),
    { identifier: "DocumentCode", expected: "a document code" }
  )
)

/** Where an activity comes from. @category schemas */
export const Source = Schema.Literals(["reservation", "ticket", "custody", "manual"])
export type Source = typeof Source.Type

/** The idempotency key of an activity within its city. @category schemas */
export const SourceKey = Schema.Struct({
  source: Source,
  /** Id of the reservation, ticket or custody event (with a suffix per procedure), or a client-made id for manual entries. */
  sourceId: Schema.String.check(
    Schema.makeFilter(
      (s: string) =>
        /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,127}$/.test(s) ||
        bilingual(
          `記録元IDは128文字以内の英数字と . _ : / # - です`,
          `sourceId must be 1–128 characters of letters, digits and . _ : / # -`
        ),
      { identifier: "SourceId", expected: "a source id" }
    )
  )
})
export type SourceKey = typeof SourceKey.Type

/** How the visitor came. @category schemas */
export const Channel = Schema.Literals(["reservation", "walk_in", "phone_booked", "outreach", "holiday_opening"])
export type Channel = typeof Channel.Type

/** How a visit ended: done, refused (with the reason), or a second visit needed (照会書 route, card not ready, …). @category schemas */
export const Outcome = Schema.Literals(["done", "refused", "second_visit"])
export type Outcome = typeof Outcome.Type

/**
 * Why a visit could not be completed. `missing_document` with the document codes is the lever for
 * fewer repeat visits (what people forgot to bring).
 *
 * @category schemas
 */
export const RefusalReason = Schema.Literals([
  "missing_document",
  "invalid_document",
  "not_eligible",
  "attendee_not_allowed",
  "outside_window",
  "card_not_ready",
  "pin_unknown",
  "reservation_required",
  "system_unavailable",
  "other"
])
export type RefusalReason = typeof RefusalReason.Type

/** Fields every activity carries. */
const common = {
  cityCode: CityCode,
  /** Site id of the city profile (`honcho`, `special`, `outreach`, …). */
  site: SiteId,
  /** The business day the work belongs to. */
  date: LocalDate,
  /** Time of day, when known. */
  time: Schema.optional(LocalTime),
  key: SourceKey,
  /** Staff id or login of the person who did the work, when known. */
  staff: Schema.optional(Schema.String.check(Schema.isBetweenLength(1, 100)))
}

/** One procedure handled for one visitor at a counter or outreach desk. @category schemas */
export const CounterVisit = Schema.Struct({
  kind: Schema.Literal("counter_visit"),
  ...common,
  /** A procedure code, or `general_inquiry` for a question answered at the counter. */
  procedure: ProcedureCode,
  channel: Channel,
  outcome: Outcome,
  /** Why it was refused or needs a second visit (required unless `done`). */
  reason: Schema.optional(RefusalReason),
  /** Document codes that were missing or not acceptable (vocabulary of `documents[].type`). */
  missingDocuments: Schema.optional(Schema.Array(DocumentCode)),
  waitingMinutes: Schema.optional(Minutes),
  serviceMinutes: Schema.optional(Minutes),
  note: Schema.optional(ShortText)
}).check(
  Schema.makeFilter((v) =>
    v.outcome === "done"
      ? v.reason === undefined ||
        bilingual("完了した来庁には不可の理由を付けません", "a visit that was done has no refusal reason")
      : v.reason !== undefined ||
        bilingual("不可・再来庁の理由を選んでください", "a refused or second visit needs a reason")
  )
)
export type CounterVisit = typeof CounterVisit.Type

/** What a phone call was about (ranked in the monthly analysis). @category schemas */
export const PhoneCategory = Schema.Literals([
  "reservation",
  "required_documents",
  "card_pickup",
  "card_application",
  "card_renewal",
  "cert_renewal",
  "pin",
  "lost_card",
  "address_change",
  "health_insurance",
  "hours_and_access",
  "other"
])
export type PhoneCategory = typeof PhoneCategory.Type

/** One phone call: its topic, what was asked and the answer given, and whether it went on to staff. @category schemas */
export const PhoneCall = Schema.Struct({
  kind: Schema.Literal("phone_call"),
  ...common,
  category: PhoneCategory,
  content: ShortText,
  answer: ShortText,
  /** 職員への取次ぎ. */
  transferred: Schema.Boolean,
  durationMinutes: Schema.optional(Minutes)
})
export type PhoneCall = typeof PhoneCall.Type

/** @category schemas */
export const ComplaintCategory = Schema.Literals([
  "waiting",
  "staff_conduct",
  "procedure",
  "reservation",
  "facility",
  "other"
])
export type ComplaintCategory = typeof ComplaintCategory.Type

/** A complaint: what it was, how it was handled, and whether it was escalated to the city. @category schemas */
export const Complaint = Schema.Struct({
  kind: Schema.Literal("complaint"),
  ...common,
  category: ComplaintCategory,
  what: ShortText,
  handling: LongText,
  escalated: Schema.Boolean
})
export type Complaint = typeof Complaint.Type

/**
 * One outreach session (出張申請・出張交付) and its tally: procedures handled per code. A tally
 * counts only work not also logged visit by visit (a desk that logs every visit records a session
 * with an empty tally, for the session count and attendance).
 *
 * @category schemas
 */
export const OutreachSession = Schema.Struct({
  kind: Schema.Literal("outreach_session"),
  ...common,
  venue: ShortText,
  /** Procedure code → number handled. */
  tally: Schema.Record(ProcedureCode, Count),
  /** Questions answered at the desk, beyond the procedures. */
  inquiries: Schema.optional(Count),
  staffCount: Schema.optional(Count)
})
export type OutreachSession = typeof OutreachSession.Type

/** Any activity, discriminated by `kind`. @category schemas */
export const Activity = Schema.Union([CounterVisit, PhoneCall, Complaint, OutreachSession]).pipe(
  Schema.toTaggedUnion("kind")
)
export type Activity = typeof Activity.Type

/** @category schemas */
export const ActivityKind = Schema.Literals(["counter_visit", "phone_call", "complaint", "outreach_session"])
export type ActivityKind = typeof ActivityKind.Type

/** A request to void an earlier activity (a mistaken entry), by its source key. @category schemas */
export const VoidRequest = Schema.Struct({
  cityCode: CityCode,
  key: SourceKey,
  reason: ShortText,
  staff: Schema.optional(Schema.String.check(Schema.isBetweenLength(1, 100)))
})
export type VoidRequest = typeof VoidRequest.Type

/** What `record` did: stored it, or found the same activity already stored under its key. @category models */
export interface Recorded {
  readonly id: string
  readonly status: "recorded" | "duplicate"
}

/** @category models */
export interface Voided {
  readonly id: string
  readonly status: "voided" | "already_voided"
}

/** A different activity was already recorded under this source key. @category errors */
export class ActivitySourceConflict extends Schema.TaggedError<ActivitySourceConflict>(
  "@madoguchi/domain/ActivitySourceConflict"
)("ActivitySourceConflict", { cityCode: Schema.String, source: Schema.String, sourceId: Schema.String }) {
  get ja(): string {
    return `記録元 ${this.source}/${this.sourceId} には別の内容の記録が既にあります。訂正は取消のうえ新しい記録元IDで登録してください。`
  }
  get en(): string {
    return `a different activity is already recorded under ${this.source}/${this.sourceId}; void it and record the correction under a new source id`
  }
  override get message(): string {
    return this.en
  }
}

/** No activity under this source key. @category errors */
export class ActivityNotFound extends Schema.TaggedError<ActivityNotFound>("@madoguchi/domain/ActivityNotFound")(
  "ActivityNotFound",
  { cityCode: Schema.String, source: Schema.String, sourceId: Schema.String }
) {
  get ja(): string {
    return `記録元 ${this.source}/${this.sourceId} の記録が見つかりません`
  }
  get en(): string {
    return `no activity recorded under ${this.source}/${this.sourceId}`
  }
  override get message(): string {
    return this.en
  }
}

/**
 * The activity log. Implemented by `@madoguchi/reporting` (`ActivityStore.layer`); booking and custody
 * depend only on this interface. Input is decoded by the implementation (a value built in code is
 * checked like an API body), so it also fails with the decoding error of `@madoguchi/domain/Decode`.
 *
 * @category services
 */
export class ActivityLog extends Context.Service<
  ActivityLog,
  {
    readonly record: (activity: Activity) => Effect.Effect<Recorded, ActivitySourceConflict | DecodeError>
    readonly void: (request: VoidRequest) => Effect.Effect<Voided, ActivityNotFound | DecodeError>
  }
>()("@madoguchi/domain/ActivityLog") {}

/** Same activity, ignoring key order (JSON of a canonical form). @category constructors */
export const fingerprint = (activity: Activity): string => {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])])
          )
        : v
  return JSON.stringify(canonical(activity))
}

/** Decode an activity exactly (an unknown key is an error), every problem with its path. @category constructors */
export const decodeActivity = decode(Activity, { exact: true })

/** @category constructors */
export const decodeVoid = decode(VoidRequest, { exact: true })

/**
 * An in-memory activity log with the same idempotency and void rules as the stored one, for tests
 * of the libs that write to it. `entries` shows what was recorded (voided ones included, flagged).
 *
 * @category constructors
 */
export const makeMemory = Effect.gen(function* () {
  interface Entry {
    readonly id: string
    readonly activity: Activity
    readonly voided: boolean
  }
  const state = yield* Ref.make<ReadonlyArray<Entry>>([])
  const sameKey = (cityCode: string, key: SourceKey) => (e: Entry) =>
    e.activity.cityCode === cityCode && e.activity.key.source === key.source && e.activity.key.sourceId === key.sourceId

  const record = Effect.fn("ActivityLog.memory.record")(function* (input: Activity) {
    const activity = yield* decodeActivity(input)
    const outcome = yield* Ref.modify(state, (entries): readonly [Recorded | undefined, ReadonlyArray<Entry>] => {
      const found = entries.find(sameKey(activity.cityCode, activity.key))
      if (found) {
        return [
          fingerprint(found.activity) === fingerprint(activity) ? { id: found.id, status: "duplicate" } : undefined,
          entries
        ]
      }
      const id = String(entries.length + 1)
      return [{ id, status: "recorded" }, [...entries, { id, activity, voided: false }]]
    })
    if (outcome) return outcome
    return yield* new ActivitySourceConflict({
      cityCode: activity.cityCode,
      source: activity.key.source,
      sourceId: activity.key.sourceId
    })
  })

  const voidActivity = Effect.fn("ActivityLog.memory.void")(function* (input: VoidRequest) {
    const request = yield* decodeVoid(input)
    const outcome = yield* Ref.modify(state, (entries): readonly [Voided | undefined, ReadonlyArray<Entry>] => {
      const index = entries.findIndex(sameKey(request.cityCode, request.key))
      const found = entries[index]
      if (!found) return [undefined, entries]
      if (found.voided) return [{ id: found.id, status: "already_voided" }, entries]
      const next = entries.slice()
      next[index] = { ...found, voided: true }
      return [{ id: found.id, status: "voided" }, next]
    })
    if (outcome) return outcome
    return yield* new ActivityNotFound({
      cityCode: request.cityCode,
      source: request.key.source,
      sourceId: request.key.sourceId
    })
  })

  return { service: ActivityLog.of({ record, void: voidActivity }), entries: Ref.get(state) }
})

/** The in-memory activity log as a layer. @category layers */
export const layerMemory: Layer.Layer<ActivityLog> = Layer.effect(
  ActivityLog,
  Effect.map(makeMemory, (m) => m.service)
)
