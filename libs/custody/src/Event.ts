/**
 * Custody events: what a clerk records (the API body of `POST /cities/{city}/custody/events`), and
 * the ledger entry it becomes. Events are append-only; a mistake is followed by a correcting event,
 * never edited. Every free-text field passes the My Number guard, and persons are staff or city
 * officials named for the record (a resident is never named).
 *
 * The body stored in the ledger is the event with every item resolved — id, kind, reference, count
 * and the holdings the units were taken from — so the ledger alone tells who held what, where and when.
 */
import { Decode, MyNumber, Values } from "@madoguchi/domain"
import { ActivityLog } from "@madoguchi/domain"
import { DisposalMethod, ItemKind, StaffRole } from "@madoguchi/domain/profile/Custody"
import { Effect, Schema } from "effect"
import { Temporal } from "temporal-polyfill"
import { ItemId, Reference, Status } from "./Item.ts"

const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s)

const text = (min: number, max: number, what: { ja: string; en: string }) =>
  MyNumber.FreeText.check(
    Schema.makeFilter(
      (s: string) =>
        (s.trim().length >= min && s.length <= max && noControl(s)) ||
        Decode.bilingual(
          `${what.ja}は${min}〜${max}文字で、改行などの制御文字は使えません`,
          `${what.en} must be ${min}–${max} characters without control characters`
        ),
      { identifier: `${what.en}Text`, expected: `${min}–${max} characters` }
    )
  )

/** @category schemas */
export const Note = text(1, 500, { ja: "備考", en: "note" })

/** Organisations a person can belong to. @category schemas */
export const Organization = Schema.Literals(["city", "contractor", "jlis", "other"])
export type Organization = typeof Organization.Type

/** @category models */
export const organizationLabel: Readonly<Record<Organization, { readonly ja: string; readonly en: string }>> = {
  city: { ja: "市", en: "city" },
  contractor: { ja: "受託者", en: "contractor" },
  jlis: { ja: "J-LIS", en: "J-LIS" },
  other: { ja: "その他", en: "other" }
}

/** A person named on the record: city official, contractor staff, J-LIS courier. @category schemas */
export const Person = Schema.Struct({
  name: text(1, 60, { ja: "氏名", en: "name" }),
  organization: Organization,
  /** 所属・役職 (市民課 主事, 業務管理者, …). */
  title: Schema.optional(text(1, 60, { ja: "所属・役職", en: "title" }))
})
export type Person = typeof Person.Type

/** An instant with its offset (`2026-04-01T09:12:00+09:00`). @category schemas */
export const Instant = Schema.String.check(
  Schema.makeFilter(
    (s: string) => {
      try {
        Temporal.Instant.from(s)
        return /[zZ]|[+-]\d{2}:?\d{2}$/.test(s)
      } catch {
        return false
      }
    },
    {
      identifier: "Instant",
      expected: "an ISO 8601 date-time with offset",
      message: Decode.bilingual(
        "日時は 2026-04-01T09:12:00+09:00 の形式(時差付き)で指定してください",
        "expected an ISO 8601 date-time with an offset, e.g. 2026-04-01T09:12:00+09:00"
      )
    }
  )
)

const Count = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))

const either = (what: string) =>
  Schema.makeFilter(
    (s: {
      readonly id?: string | undefined
      readonly kind?: string | undefined
      readonly reference?: string | undefined
    }) =>
      (s.id !== undefined) !== (s.reference !== undefined) ||
      Decode.bilingual(
        `${what}は id か管理番号(reference)のどちらか一方で指定してください`,
        `name the ${what === "品目" ? "item" : "batch"} by id or by reference, not both and not neither`
      )
  )

/** An item already in the ledger, by id or by kind and reference; `count` defaults to every unit that can move. @category schemas */
export const ItemSelector = Schema.Struct({
  id: Schema.optional(ItemId),
  kind: Schema.optional(ItemKind),
  reference: Schema.optional(Reference),
  count: Schema.optional(Count)
}).check(
  either("品目"),
  Schema.makeFilter(
    (s) =>
      s.reference === undefined ||
      s.kind !== undefined ||
      Decode.bilingual("管理番号で指定するときは品目(kind)も指定してください", "a reference needs its kind")
  )
)
export type ItemSelector = typeof ItemSelector.Type

/** A batch a new item belongs to: one registered earlier, or one registered in the same event. @category schemas */
export const BatchSelector = Schema.Struct({
  id: Schema.optional(ItemId),
  reference: Schema.optional(Reference)
}).check(either("納品単位"))
export type BatchSelector = typeof BatchSelector.Type

/** An item that enters custody with this event. @category schemas */
export const NewItem = Schema.Struct({
  kind: ItemKind,
  /** Required for cards and batches. */
  reference: Schema.optional(Reference),
  /** Units in a bundle (default 1; a card is always 1). */
  quantity: Schema.optional(Count),
  description: Schema.optional(text(1, 200, { ja: "内容", en: "description" })),
  batch: Schema.optional(BatchSelector),
  /** For a batch: the count on the delivery slip. */
  declaredCount: Schema.optional(Count)
})
export type NewItem = typeof NewItem.Type

const PlaceId = Schema.String.check(
  Schema.makeFilter((s: string) => /^[a-z][a-z0-9_-]{0,40}$/.test(s), {
    identifier: "PlaceId",
    expected: "a place id of the profile",
    message: Decode.bilingual("保管場所IDが正しくありません", "expected a place id of the profile")
  })
)

const common = {
  /** When it happened; now when absent. */
  occurredAt: Schema.optional(Instant),
  note: Schema.optional(Note)
}
const items = Schema.Array(ItemSelector).check(Schema.isBetweenLength(1, 1000))
const newItems = Schema.Array(NewItem).check(Schema.isBetweenLength(1, 1000))
const kind = <K extends string>(k: K) => Schema.Literal(k)

/** A resident handing in papers (回収): never named. @category schemas */
export const Resident = Schema.Struct({ organization: Schema.Literal("resident") })
export type Resident = typeof Resident.Type

/** Received from J-LIS, city staff or a resident's papers (回収), into custody. @category schemas */
export const Received = Schema.Struct({
  kind: kind("received"),
  ...common,
  from: Schema.Union([Person, Resident]),
  to: Person,
  place: PlaceId,
  newItems: Schema.optional(newItems),
  items: Schema.optional(items)
})
/** Made by the contractor (an ID copy, a notice printed and put in an envelope). @category schemas */
export const Created = Schema.Struct({ kind: kind("created"), ...common, by: Person, place: PlaceId, newItems })
/** 返戻: undeliverable mail back from the city into the contractor's hands. @category schemas */
export const Returned = Schema.Struct({
  kind: kind("returned"),
  ...common,
  from: Person,
  to: Person,
  place: PlaceId,
  newItems: Schema.optional(newItems),
  items: Schema.optional(items)
})
/** 交付前設定 done on the 統合端末. @category schemas */
export const SetupDone = Schema.Struct({ kind: kind("setup_done"), ...common, by: Person, items })
/** 封緘. @category schemas */
export const Sealed = Schema.Struct({ kind: kind("sealed"), ...common, by: Person, items })
/** Put away in a storage place. @category schemas */
export const Stored = Schema.Struct({ kind: kind("stored"), ...common, by: Person, place: PlaceId, items })
/** Moved to another place (or into transit). @category schemas */
export const Moved = Schema.Struct({
  kind: kind("moved"),
  ...common,
  by: Person,
  fromPlace: Schema.optional(PlaceId),
  place: PlaceId,
  items
})
/** From one contractor person to another, both named (a 預り証 is printed). @category schemas */
export const HandedOver = Schema.Struct({
  kind: kind("handed_over"),
  ...common,
  from: Person,
  to: Person,
  place: Schema.optional(PlaceId),
  items
})
/** A card handed to its resident. `counter` also records the issuance as counter work. @category schemas */
export const Issued = Schema.Struct({
  kind: kind("issued"),
  ...common,
  by: Person,
  items,
  counter: Schema.optional(Schema.Struct({ site: Schema.String, channel: ActivityLog.Channel }))
})
/** Handed back to the city (a 預り証 is printed). @category schemas */
export const TransferredToCity = Schema.Struct({
  kind: kind("transferred_to_city"),
  ...common,
  from: Person,
  to: Person,
  items
})
/** Disposal asked for: what, how and when (Koganei 第17条2). @category schemas */
export const DisposalRequested = Schema.Struct({
  kind: kind("disposal_requested"),
  ...common,
  by: Person,
  items,
  method: DisposalMethod,
  plannedOn: Values.LocalDate,
  reason: text(1, 500, { ja: "理由", en: "reason" })
})
/** @category schemas */
export const DisposalApproved = Schema.Struct({
  kind: kind("disposal_approved"),
  ...common,
  approver: Person,
  items,
  /** The city asks to witness the disposal (Koganei 第17条3). */
  witnessRequired: Schema.Boolean
})
/** A request refused or withdrawn: the units are held again. @category schemas */
export const DisposalRejected = Schema.Struct({
  kind: kind("disposal_rejected"),
  ...common,
  by: Person,
  items,
  reason: text(1, 500, { ja: "理由", en: "reason" })
})
/** Destroyed or erased: how, by whom, witnessed by whom. @category schemas */
export const DisposalDone = Schema.Struct({
  kind: kind("disposal_done"),
  ...common,
  by: Person,
  items,
  method: DisposalMethod,
  witness: Schema.optional(Person)
})
/** Cannot be found (an incident to report: Koganei 第19条). @category schemas */
export const ReportedMissing = Schema.Struct({
  kind: kind("reported_missing"),
  occurredAt: Schema.optional(Instant),
  by: Person,
  items,
  note: Note
})
/** @category schemas */
export const Found = Schema.Struct({ kind: kind("found"), ...common, by: Person, place: PlaceId, items })
/** A physical count of a place (棚卸; Kawanishi ウB 申請書の枚数の確認). @category schemas */
export const Counted = Schema.Struct({
  kind: kind("counted"),
  ...common,
  by: Person,
  place: PlaceId,
  counts: Schema.Array(
    Schema.Struct({ kind: ItemKind, count: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000 })) })
  ).check(Schema.isBetweenLength(1, 20))
})
/** A note on items without a change of state (a phone call about returned mail: Ota 6(2)⑥). @category schemas */
export const Noted = Schema.Struct({
  kind: kind("noted"),
  occurredAt: Schema.optional(Instant),
  by: Person,
  items,
  note: Note
})

/** Any event a clerk records, discriminated by `kind`. @category schemas */
export const EventInput = Schema.Union([
  Received,
  Created,
  Returned,
  SetupDone,
  Sealed,
  Stored,
  Moved,
  HandedOver,
  Issued,
  TransferredToCity,
  DisposalRequested,
  DisposalApproved,
  DisposalRejected,
  DisposalDone,
  ReportedMissing,
  Found,
  Counted,
  Noted
]).pipe(Schema.toTaggedUnion("kind"))
export type EventInput = typeof EventInput.Type

/** @category models */
export type EventKind = EventInput["kind"]

/** @category models */
export const eventKinds: ReadonlyArray<EventKind> = [
  "received",
  "created",
  "returned",
  "setup_done",
  "sealed",
  "stored",
  "moved",
  "handed_over",
  "issued",
  "transferred_to_city",
  "disposal_requested",
  "disposal_approved",
  "disposal_rejected",
  "disposal_done",
  "reported_missing",
  "found",
  "counted",
  "noted"
]

/** @category models */
export const eventLabel: Readonly<Record<EventKind, { readonly ja: string; readonly en: string }>> = {
  received: { ja: "受領", en: "received" },
  created: { ja: "作成", en: "created" },
  returned: { ja: "返戻受領", en: "returned mail received" },
  setup_done: { ja: "交付前設定", en: "pre-issuance setup" },
  sealed: { ja: "封緘", en: "sealed" },
  stored: { ja: "保管", en: "stored" },
  moved: { ja: "移動", en: "moved" },
  handed_over: { ja: "引継ぎ", en: "handed over" },
  issued: { ja: "交付", en: "issued" },
  transferred_to_city: { ja: "市へ引渡し", en: "handed back to the city" },
  disposal_requested: { ja: "廃棄申請", en: "disposal requested" },
  disposal_approved: { ja: "廃棄承認", en: "disposal approved" },
  disposal_rejected: { ja: "廃棄申請の却下・取下げ", en: "disposal refused or withdrawn" },
  disposal_done: { ja: "廃棄・消去", en: "disposed of" },
  reported_missing: { ja: "所在不明の報告", en: "reported missing" },
  found: { ja: "発見", en: "found" },
  counted: { ja: "数量確認(棚卸)", en: "counted" },
  noted: { ja: "記録", en: "note" }
}

const byKind = new Map<string, Schema.ConstraintDecoder<unknown>>(
  EventInput.members.map((m) => [m.fields.kind.literal, m] as const)
)
const KindOnly = Schema.Struct({ kind: Schema.Literals(eventKinds) })

/**
 * Decode an event body exactly (an unknown key is an error), every problem with its path: first its
 * `kind`, then the fields of that kind.
 *
 * @category constructors
 */
export const decodeEvent = (input: unknown): Effect.Effect<EventInput, Decode.DecodeError> =>
  Effect.flatMap(Decode.decode(KindOnly)(input), ({ kind }) =>
    Decode.decode(byKind.get(kind)!, { exact: true })(input)
  ) as Effect.Effect<EventInput, Decode.DecodeError>

/**
 * Who records the event: the logged-in staff member, by staff id or login (letters, digits and
 * `. _ @ : + -`; never quotes, which keeps the hashed header unambiguous).
 *
 * @category schemas
 */
export const Actor = Schema.Struct({
  id: Schema.String.check(
    Schema.makeFilter((s: string) => /^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,99}$/.test(s), {
      identifier: "ActorId",
      expected: "a staff id or login",
      message: Decode.bilingual(
        "記録者IDは英数字と . _ @ : + - の100文字以内です",
        "the recording staff id is 1–100 letters, digits and . _ @ : + -"
      )
    })
  ),
  role: StaffRole
})
export type Actor = typeof Actor.Type

// ---------------------------------------------------------------------------------------------------
// The stored body

/** Units taken from one holding. @category schemas */
export const Move = Schema.Struct({
  status: Status,
  place: Schema.NullOr(Schema.String),
  holder: Schema.NullOr(Schema.String),
  count: Schema.Int
})
export type Move = typeof Move.Type

/** An item the event touches, resolved. @category schemas */
export const BodyItem = Schema.Struct({
  id: Schema.String,
  kind: ItemKind,
  reference: Schema.optional(Schema.String),
  count: Schema.Int,
  moves: Schema.Array(Move)
})
export type BodyItem = typeof BodyItem.Type

/** An item registered by the event. @category schemas */
export const BodyNewItem = Schema.Struct({
  id: Schema.String,
  kind: ItemKind,
  reference: Schema.optional(Schema.String),
  quantity: Schema.Int,
  description: Schema.optional(Schema.String),
  batchId: Schema.optional(Schema.String),
  declaredCount: Schema.optional(Schema.Int)
})
export type BodyNewItem = typeof BodyNewItem.Type

/** A physical count with what the ledger expected at that moment. @category schemas */
export const BodyCount = Schema.Struct({ kind: ItemKind, counted: Schema.Int, expected: Schema.Int })
export type BodyCount = typeof BodyCount.Type

const StoredPerson = Schema.Struct({
  /** Absent only for a resident. */
  name: Schema.optional(Schema.String),
  organization: Schema.Literals(["city", "contractor", "jlis", "other", "resident"]),
  title: Schema.optional(Schema.String)
})

/** The event as stored in the ledger (canonical JSON). @category schemas */
export const Body = Schema.Struct({
  kind: Schema.Literals(eventKinds),
  from: Schema.optional(StoredPerson),
  to: Schema.optional(StoredPerson),
  by: Schema.optional(StoredPerson),
  approver: Schema.optional(StoredPerson),
  witness: Schema.optional(StoredPerson),
  place: Schema.optional(Schema.String),
  fromPlace: Schema.optional(Schema.String),
  method: Schema.optional(Schema.String),
  plannedOn: Schema.optional(Schema.String),
  reason: Schema.optional(Schema.String),
  witnessRequired: Schema.optional(Schema.Boolean),
  note: Schema.optional(Schema.String),
  counter: Schema.optional(Schema.Struct({ site: Schema.String, channel: Schema.String })),
  counts: Schema.optional(Schema.Array(BodyCount)),
  newItems: Schema.optional(Schema.Array(BodyNewItem)),
  items: Schema.optional(Schema.Array(BodyItem))
})
export type Body = typeof Body.Type

/** One entry of the ledger. @category models */
export interface LedgerEntry {
  readonly cityCode: string
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

/** The local (Asia/Tokyo) date of an instant. @category constructors */
export const localDateOf = (instant: string): string =>
  Temporal.Instant.from(instant).toZonedDateTimeISO("Asia/Tokyo").toPlainDate().toString()

/** An instant as stored: UTC, milliseconds, `Z`. @category constructors */
export const normalizeInstant = (instant: string): string =>
  new Date(Temporal.Instant.from(instant).epochMilliseconds).toISOString()

/** The instant the Tokyo day `date` begins, as stored. @category constructors */
export const startOfDay = (date: string): string =>
  new Date(
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: "Asia/Tokyo" }).toInstant().epochMilliseconds
  ).toISOString()
