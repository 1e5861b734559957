/**
 * The `custody` section of a city profile: which kinds of cards and personal documents the contractor
 * holds, the places they may be kept (a locked cabinet, a counter, an outreach site, in transit), the
 * deadlines by which they must go back to the city, how they may be disposed of and who approves it.
 * `@madoguchi/custody` enforces these on its ledger; a fifth city declares its own here.
 */
import { Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { Label } from "../Values.ts"

const Id = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_-]{0,40}$/.test(s) ||
      bilingual(`IDは英小文字・数字・下線・ハイフンです: ${s}`, `expected a lowercase id, got ${JSON.stringify(s)}`),
    { identifier: "CustodyId", expected: "a lowercase id" }
  )
)

/**
 * What the contractor holds. Cards are identified by their serial / management number, never by the
 * 個人番号; a `batch` is a delivery unit (a box of N cards, a bundle of notices) that groups items.
 *
 * @category schemas
 */
export const ItemKind = Schema.Literals([
  "batch",
  "card",
  "issuance_notice",
  "application_form",
  "pin_setting_request",
  "id_copy",
  "envelope",
  "notification_card_return",
  "collected_card",
  "lent_material",
  "storage_media",
  "other_document"
])
export type ItemKind = typeof ItemKind.Type

/**
 * What a place is: `storage` (a locked cabinet or room, 施錠保管庫 — Koganei 特記事項 第7条⑴), a
 * `counter`, the `back_office`, an `outreach` site, or `transit` (being carried between places).
 *
 * @category schemas
 */
export const PlaceKind = Schema.Literals(["storage", "counter", "back_office", "outreach", "transit"])
export type PlaceKind = typeof PlaceKind.Type

/** A place where items may be kept. @category schemas */
export const Place = Schema.Struct({
  id: Id,
  name: Label,
  kind: PlaceKind,
  /** The site of the profile this place belongs to, when it belongs to one. */
  site: Schema.optional(Id)
})
export type Place = typeof Place.Type

/** Custody event kinds a deadline can start or stop on. @category schemas */
export const DeadlineEvent = Schema.Literals([
  "received",
  "created",
  "returned",
  "transferred_to_city",
  "issued",
  "disposal_done"
])
export type DeadlineEvent = typeof DeadlineEvent.Type

/**
 * How long an item may stay with the contractor, counted from the day the clock starts:
 * - `calendar_days` n — by the end of the n-th day after it (民法 第140条: the first day is not counted;
 *   Ota's 「納品から2週間以内」 is 14);
 * - `business_days` n — by the end of the n-th business day after it (weekends, national holidays and
 *   12/29–1/3 are not business days);
 * - `same_day` — by the end of that day;
 * - `next_session` — by the next session (開催日) after that day, from the city's session calendar;
 * - `contract_end` — by the last day of the contract.
 *
 * @category schemas
 */
export const DueLimit = Schema.Union([
  Schema.Struct({
    kind: Schema.Literals(["calendar_days", "business_days"]),
    days: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 365 }))
  }),
  Schema.Struct({ kind: Schema.Literals(["same_day", "next_session", "contract_end"]) })
])
export type DueLimit = typeof DueLimit.Type

/**
 * A deadline: items of these kinds, once the clock starts (the first `start` event on the item or on
 * its batch), must have left the contractor by one of the `end` events. `due` applies when the clock
 * starts on a business day; `dueOnClosedDay`, when given, applies when it starts on a day the city is
 * closed (Koganei: 平日は当日中、日曜は翌開催日まで).
 *
 * @category schemas
 */
export const DeadlineRule = Schema.Struct({
  id: Id,
  label: Label,
  /** Item kinds the rule applies to; absent = every kind except batches. */
  kinds: Schema.optional(Schema.Array(ItemKind)),
  start: Schema.Array(DeadlineEvent).check(Schema.isMinLength(1)),
  end: Schema.Array(DeadlineEvent).check(Schema.isMinLength(1)),
  /** Only when the start event happened at one of these places (ids). */
  atPlaces: Schema.optional(Schema.Array(Id)),
  due: DueLimit,
  dueOnClosedDay: Schema.optional(DueLimit),
  /** Where in the specification the rule comes from. */
  source: Schema.String
})
export type DeadlineRule = typeof DeadlineRule.Type

/**
 * How personal data is destroyed: shredding (裁断), dissolution (溶解), incineration (焼却), physical
 * destruction of media (媒体の物理的破壊 — Koganei 第17条4), data erasure (データ消去), degaussing (磁気消去).
 *
 * @category schemas
 */
export const DisposalMethod = Schema.Literals([
  "shredding",
  "dissolution",
  "incineration",
  "physical_destruction",
  "data_erasure",
  "degaussing"
])
export type DisposalMethod = typeof DisposalMethod.Type

/** Staff roles (DESIGN.md). @category schemas */
export const StaffRole = Schema.Literals(["city_staff", "contractor_manager", "contractor_operator", "viewer"])
export type StaffRole = typeof StaffRole.Type

/** @category schemas */
export const DisposalPolicy = Schema.Struct({
  /** Disposal needs a prior approval event (Koganei 第17条2: 事前に…申請し、その承諾を得なければならない). */
  requiresApproval: Schema.Boolean,
  /** Roles of the logged-in person who may record the approval. */
  approverRoles: Schema.Array(StaffRole),
  /** `always`: every disposal names a witness; `on_request`: only when the approval asks for one (Koganei 第17条3). */
  witness: Schema.Literals(["always", "on_request"]),
  methods: Schema.Array(DisposalMethod).check(Schema.isMinLength(1)),
  source: Schema.String
})
export type DisposalPolicy = typeof DisposalPolicy.Type

/** @category schemas */
export const CustodySection = Schema.Struct({
  /** Item kinds this city's contract involves; others are refused. */
  itemKinds: Schema.Array(ItemKind).check(Schema.isMinLength(1)),
  places: Schema.Array(Place).check(
    Schema.makeFilter((places: ReadonlyArray<Place>) =>
      places.length === 0
        ? bilingual("保管場所を1つ以上定義してください", "define at least one place")
        : new Set(places.map((p) => p.id)).size === places.length ||
          bilingual("保管場所IDが重複しています", "place ids must be unique")
    )
  ),
  /** Cards must have their pre-issuance setup (交付前設定) recorded before they are issued (Ota 6(2)②). */
  setupBeforeIssue: Schema.Boolean,
  /** Kinds that must be sealed (封緘) before they go back to the city (Ota 6(2)④). */
  sealBeforeTransfer: Schema.Array(ItemKind),
  deadlines: Schema.Array(DeadlineRule),
  disposal: DisposalPolicy
}).check(
  Schema.makeFilter((section) => {
    const kinds = new Set<string>(section.itemKinds)
    const places = new Set(section.places.map((p) => p.id))
    const problems: Array<string> = []
    for (const kind of section.sealBeforeTransfer) {
      if (!kinds.has(kind)) problems.push(`sealBeforeTransfer: ${kind}`)
    }
    for (const rule of section.deadlines) {
      for (const kind of rule.kinds ?? []) if (!kinds.has(kind)) problems.push(`deadlines.${rule.id}.kinds: ${kind}`)
      for (const place of rule.atPlaces ?? []) {
        if (!places.has(place)) problems.push(`deadlines.${rule.id}.atPlaces: ${place}`)
      }
    }
    if (new Set(section.deadlines.map((d) => d.id)).size !== section.deadlines.length) problems.push("deadlines: id")
    return (
      problems.length === 0 ||
      bilingual(
        `itemKinds / places に無い品目・場所、または重複した期限IDを参照しています: ${problems.join(", ")}`,
        `refers to an item kind or place not declared in itemKinds / places, or repeats a deadline id: ${problems.join(", ")}`
      )
    )
  })
)
export type CustodySection = typeof CustodySection.Type
