/**
 * Custody routes: record custody events (with `Idempotency-Key`), query items and ledger entries,
 * verify the hash chain (public contract: `{ ok, entries, firstBrokenAt? }`), daily anchors, the
 * deadline list, reconciliation per batch and per day, the 台帳 as CSV / XLSX, and the printable
 * 預り証 and disposal certificate (HTML). Also the layer that wires custody into the runtime: the
 * activity log of reporting and the session calendar of scheduling.
 */
import { Chain, Custody, Event, Item, SessionCalendar } from "@madoguchi/custody"
import { Decode, MyNumber, Profile, Values } from "@madoguchi/domain"
import type { Staff } from "@madoguchi/db"
import { Reports } from "@madoguchi/reporting"
import { Calendar } from "@madoguchi/scheduling"
import { Effect, Layer, Option, Schema } from "effect"
import { Hono } from "hono"
import { requireStaff } from "../Auth.ts"
import { registerStatuses } from "../Errors.ts"
import { type AppContext, type AppEnv, query, run } from "../Http.ts"
import { describe } from "../OpenApi.ts"

registerStatuses({
  CustodyEventRefused: { status: 409 },
  CustodyNotConfigured: { status: 404 },
  CustodyItemNotFound: { status: 404 },
  CustodyEventNotFound: { status: 404 },
  NotAHandover: { status: 404 },
  IdempotencyKeyReused: { status: 422 },
  AnchorOfAnotherCity: { status: 400 },
  LedgerCorrupted: { status: 500 },
  LedgerExportFailed: { status: 500 }
})

/**
 * The next outreach session after a day, from the city calendar of scheduling (Koganei: 翌開催日).
 *
 * @category layers
 */
export const sessionCalendarLayer: Layer.Layer<SessionCalendar.SessionCalendar, never, Profile.Profiles> = Layer.effect(
  SessionCalendar.SessionCalendar,
  Effect.gen(function* () {
    const profiles = yield* Profile.Profiles
    return SessionCalendar.SessionCalendar.of({
      nextSessionAfter: (cityCode, date) =>
        profiles.get(cityCode).pipe(
          Effect.map((profile) => {
            const start = new Date(`${date}T00:00:00Z`)
            const from = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10)
            const to = new Date(start.getTime() + 120 * 86_400_000).toISOString().slice(0, 10)
            const next = Calendar.sessions(profile, from, to).find((s) => s.kind === "outreach")
            return Option.fromNullishOr(next?.date)
          }),
          Effect.orElseSucceed(() => Option.none())
        )
    })
  })
)

/**
 * Custody with what it uses from the other libs: the activity log (a card issued at the counter is
 * counted once) and the session calendar. Needs `Database` and `Profiles`.
 *
 * @category layers
 */
export const custodyLayer = Custody.Custody.layer.pipe(Layer.provide(Layer.merge(Reports.layer, sessionCalendarLayer)))

const recorders = requireStaff("contractor_operator", "contractor_manager", "city_staff")
const anyStaff = requireStaff()

/** The staff member as the ledger's recorder: the login when it is a plain id, else the staff id. */
const actorOf = (staff: Staff.StaffMember | undefined): Event.Actor =>
  staff
    ? { id: /^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,99}$/.test(staff.login) ? staff.login : staff.id, role: staff.role }
    : { id: "anonymous", role: "viewer" }

/** A place id as the profile writes them (whether the city has it, the service says). */
const PlaceId = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_-]{0,40}$/.test(s) ||
      Decode.bilingual(`保管場所IDが正しくありません: ${s}`, `not a place id: ${JSON.stringify(s)}`),
    { identifier: "PlaceId", expected: "a place id of the profile" }
  )
)

/** Part of a holder's name, as typed in a filter. */
const HolderText = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      (s.trim().length >= 1 && s.length <= 60) ||
      Decode.bilingual("持っている人の名前は1〜60文字で指定してください", "a holder's name is 1–60 characters"),
    { identifier: "HolderText", expected: "1–60 characters" }
  )
)

const Limit = (maximum: number) =>
  Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum }))

const ItemsQuery = Schema.Struct({
  kind: Schema.optional(Item.ItemKind),
  status: Schema.optional(Item.Status),
  place: Schema.optional(PlaceId),
  /** Part of the holder's name (spaces, case and full-width forms ignored). */
  holder: Schema.optional(HolderText),
  /** The batch's item id. */
  batch: Schema.optional(Item.ItemId),
  /** The batch's number (箱番号). */
  batchReference: Schema.optional(Item.Reference),
  reference: Schema.optional(Item.Reference),
  inCustody: Schema.optional(Schema.Literals(["true", "false"])),
  limit: Schema.optional(Limit(1000)),
  /** The `next` of the previous page. */
  after: Schema.optional(Item.ItemCursor)
})

const VerifyQuery = Schema.Struct({
  /** The city's copies of daily anchors, as printed (`102059 2026-04-01 #12 …`) or `[YYYY-MM-DD:]SEQ:HASH`; repeat for several. */
  anchor: Schema.optional(Schema.Union([Schema.String, Schema.Array(Schema.String)]))
})

const RangeQuery = Schema.Struct({
  from: Schema.optional(Values.LocalDate),
  to: Schema.optional(Values.LocalDate)
})

const EventKind = Schema.Literals(Event.eventKinds)

const EntriesQuery = Schema.Struct({
  ...RangeQuery.fields,
  /** Event kinds; repeat for several. */
  kind: Schema.optional(Schema.Union([EventKind, Schema.Array(EventKind)])),
  /** `desc`: newest first. */
  order: Schema.optional(Schema.Literals(["asc", "desc"])),
  limit: Schema.optional(Limit(Custody.maxEntries)),
  /** The `next` of the previous page (a sequence number). */
  after: Schema.optional(Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 0, maximum: 1e15 })))
})
const DeadlinesQuery = Schema.Struct({ today: Schema.optional(Values.LocalDate) })
const LedgerQuery = Schema.Struct({
  ...RangeQuery.fields,
  format: Schema.optional(Schema.Literals(["json", "csv", "xlsx"])),
  /** Only these item kinds, e.g. `kind=lent_material` for the list of lent materials (Kawanishi 1.4(2)). */
  kind: Schema.optional(Schema.Union([Item.ItemKind, Schema.Array(Item.ItemKind)])),
  /** JSON only: a page of entries, as `/entries` answers it. */
  limit: EntriesQuery.fields.limit,
  after: EntriesQuery.fields.after
})
const CertificateQuery = Schema.Struct({
  ...RangeQuery.fields,
  contractor: Schema.optional(
    MyNumber.FreeText.check(
      Schema.makeFilter(
        (s: string) =>
          (s.trim().length >= 1 && s.length <= 100) ||
          Decode.bilingual("受託者名は1〜100文字で指定してください", "the contractor's name is 1–100 characters"),
        { identifier: "ContractorName", expected: "1–100 characters" }
      )
    )
  )
})

/** Today in Asia/Tokyo. */
const todayInTokyo = () => Event.localDateOf(new Date().toISOString())

const city = (c: AppContext) => c.req.param("city") ?? ""

const html = (c: AppContext) => (page: string) =>
  c.body(page, 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })

const problem = (path: string, ja: string, en: string) => new Decode.DecodeError({ problems: [{ path, ja, en }] })

const invalidJson = problem("", "JSON として読めません", "the body is not valid JSON")

/** A period whose start is after its end names both. */
const checkRange = <Q extends { readonly from?: string | undefined; readonly to?: string | undefined }>(q: Q) =>
  q.from !== undefined && q.to !== undefined && q.from > q.to
    ? Effect.fail(
        problem(
          "to",
          `期間の終わり(${q.to})が始め(${q.from})より前です`,
          `the period ends (${q.to}) before it starts (${q.from})`
        )
      )
    : Effect.succeed(q)

/** The `Idempotency-Key` header: 1–200 visible ASCII characters (a UUID made when the form was drawn). */
const idempotencyKey = (c: AppContext) => {
  const key = c.req.header("idempotency-key")
  if (key === undefined) return Effect.succeed(undefined)
  return /^[\x21-\x7e]{1,200}$/.test(key)
    ? Effect.succeed(key)
    : Effect.fail(
        problem(
          "Idempotency-Key",
          "Idempotency-Key は空白を含まない英数字・記号の200文字以内です",
          "Idempotency-Key is 1–200 visible ASCII characters"
        )
      )
}

/** A path segment decoded like any input, its problems named by the segment. */
const pathParam = <S extends Schema.ConstraintDecoder<unknown>>(c: AppContext, name: string, schema: S) =>
  Decode.decode(schema)(c.req.param(name) ?? "").pipe(
    Effect.mapError((e) => new Decode.DecodeError({ problems: e.problems.map((p) => ({ ...p, path: name })) }))
  )

/** A date in the path, decoded like any input. */
const dateParam = (c: AppContext) => pathParam(c, "date", Values.LocalDate)

/** The city's copies of anchors; a bad copy is reported like any input problem. */
const parseAnchors = (raw: string | ReadonlyArray<string> | undefined) =>
  Effect.forEach(raw === undefined ? [] : typeof raw === "string" ? [raw] : raw, (text, i) => {
    const anchor = Chain.parseAnchor(text)
    return anchor
      ? Effect.succeed(anchor)
      : Effect.fail(
          problem(
            `anchor[${i}]`,
            `アンカーが読めません: ${text}。日報の印字どおり(団体コード 日付 #連番 ハッシュ64桁)か、[YYYY-MM-DD:]連番:ハッシュで指定してください`,
            `cannot read the anchor ${JSON.stringify(text)}: give it as printed on the daily report (city code, date, #seq, 64 hex digits) or as [YYYY-MM-DD:]SEQ:HASH`
          )
        )
  })

export const custodyRoutes = new Hono<AppEnv>()
  .post("/cities/:city/custody/events", recorders, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const raw = yield* Effect.tryPromise({
          try: () => c.req.json() as Promise<unknown>,
          catch: () => invalidJson
        })
        const key = yield* idempotencyKey(c)
        const input = yield* Event.decodeEvent(raw)
        const custody = yield* Custody.Custody
        return yield* custody.record(city(c), input, actorOf(c.var.staff), key ? { idempotencyKey: key } : {})
      }),
      (recorded) => c.json(recorded.entry, recorded.created ? 201 : 200)
    )
  )
  .get("/cities/:city/custody/settings", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const custody = yield* Custody.Custody
        return yield* custody.settings(city(c))
      })
    )
  )
  .get("/cities/:city/custody/items", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, ItemsQuery)
        const custody = yield* Custody.Custody
        const limit = q.limit ?? 200
        // One more than asked: whether there is a next page.
        const found = yield* custody.items(city(c), {
          kind: q.kind,
          status: q.status,
          place: q.place,
          holder: q.holder,
          batchId: q.batch,
          batchReference: q.batchReference,
          reference: q.reference,
          inCustody: q.inCustody === undefined ? undefined : q.inCustody === "true",
          limit: limit + 1,
          after: q.after
        })
        const items = found.slice(0, limit)
        return { items, ...(found.length > limit ? { next: Item.cursorOf(items[items.length - 1]!) } : {}) }
      })
    )
  )
  .get("/cities/:city/custody/items/:id", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const custody = yield* Custody.Custody
        return yield* custody.item(city(c), { id: c.req.param("id") })
      })
    )
  )
  .get("/cities/:city/custody/entries", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, EntriesQuery).pipe(Effect.flatMap(checkRange))
        const custody = yield* Custody.Custody
        return yield* custody.entries(city(c), {
          from: q.from,
          to: q.to,
          kinds: q.kind === undefined ? undefined : typeof q.kind === "string" ? [q.kind] : q.kind,
          order: q.order,
          limit: q.limit,
          after: q.after
        })
      })
    )
  )
  .get("/cities/:city/custody/verify", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, VerifyQuery)
        const anchors = yield* parseAnchors(q.anchor)
        const custody = yield* Custody.Custody
        return yield* custody.verify(city(c), { anchors })
      })
    )
  )
  .get("/cities/:city/custody/anchors/:date", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const date = yield* dateParam(c)
        const custody = yield* Custody.Custody
        return yield* custody.anchor(city(c), date)
      })
    )
  )
  .get("/cities/:city/custody/deadlines", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, DeadlinesQuery)
        const custody = yield* Custody.Custody
        return yield* custody.deadlines(city(c), q.today ?? todayInTokyo())
      })
    )
  )
  .get("/cities/:city/custody/reconciliation/batches/:reference", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const reference = yield* pathParam(c, "reference", Item.Reference)
        const custody = yield* Custody.Custody
        return yield* custody.reconcileBatch(city(c), { reference })
      })
    )
  )
  .get("/cities/:city/custody/reconciliation/days/:date", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const date = yield* dateParam(c)
        const custody = yield* Custody.Custody
        return yield* custody.reconcileDay(city(c), date)
      })
    )
  )
  .get("/cities/:city/custody/ledger", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, LedgerQuery).pipe(Effect.flatMap(checkRange))
        const custody = yield* Custody.Custody
        if ((q.format ?? "json") === "json") {
          return {
            json: yield* custody.entries(city(c), { from: q.from, to: q.to, limit: q.limit, after: q.after })
          } as const
        }
        return {
          file: yield* custody.exportLedger(city(c), {
            from: q.from,
            to: q.to,
            format: q.format === "xlsx" ? "xlsx" : "csv",
            itemKinds: q.kind === undefined ? undefined : typeof q.kind === "string" ? [q.kind] : q.kind
          })
        } as const
      }),
      (result) => {
        if ("json" in result) return c.json(result.json)
        const file = result.file
        const payload = typeof file.body === "string" ? file.body : new Uint8Array(file.body)
        return new Response(payload, {
          status: 200,
          headers: {
            "content-type": file.contentType,
            "content-disposition": `attachment; filename="${file.filename}"`
          }
        })
      }
    )
  )
  .get("/cities/:city/custody/receipts/:event", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const custody = yield* Custody.Custody
        return yield* custody.receipt(city(c), c.req.param("event"))
      }),
      html(c)
    )
  )
  .get("/cities/:city/custody/certificate", anyStaff, (c) =>
    run(
      c,
      Effect.gen(function* () {
        const q = yield* query(c, CertificateQuery).pipe(Effect.flatMap(checkRange))
        const custody = yield* Custody.Custody
        return yield* custody.certificate(city(c), { from: q.from, to: q.to, contractor: q.contractor })
      }),
      html(c)
    )
  )

describe("POST", "/cities/:city/custody/events", {
  summary:
    "保管記録 / record a custody event (received, issued, handed over, disposal…; header `Idempotency-Key`): 201 with the ledger entry, 409 `CUSTODY_EVENT_REFUSED` listing every contradiction",
  tag: "custody",
  body: Event.EventInput,
  statuses: [201, 400, 401, 403, 404, 409, 422]
})
describe("GET", "/cities/:city/custody/settings", {
  summary:
    "保管管理の設定 / the city's custody settings from its profile: item kinds, places with their names, sealing, deadline rules, disposal policy (approval, approver roles, witness, methods)",
  tag: "custody",
  statuses: [401, 404]
})
describe("GET", "/cities/:city/custody/items", {
  summary:
    "品目の一覧 / items by kind, status, place, holder, batch or reference: { items, next? } in registration order; pass next as after for the following page",
  tag: "custody",
  query: ItemsQuery,
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/items/:id", {
  summary: "品目と履歴 / one item with its batch and its ledger history",
  tag: "custody",
  statuses: [401, 404]
})
describe("GET", "/cities/:city/custody/entries", {
  summary:
    "台帳の記録 / ledger entries by date and kind: { entries, next? }, at most limit (default 200, up to 1000); order=desc for newest first; pass next as after for the following page",
  tag: "custody",
  query: EntriesQuery,
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/verify", {
  summary:
    "台帳の検証 / recompute the hash chain: { ok, entries, firstBrokenAt? } (anchor= checks the city's copies, as printed on the daily report or [date:]seq:hash)",
  tag: "custody",
  query: VerifyQuery,
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/anchors/:date", {
  summary: "日次アンカー / the chain head at the close of a day, to print on the daily report",
  tag: "custody",
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/deadlines", {
  summary: "期限の一覧 / items with their deadlines: overdue, due today, open, undetermined",
  tag: "custody",
  query: DeadlinesQuery,
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/reconciliation/batches/:reference", {
  summary: "納品単位の照合 / a batch: registered = issued + in stock + returned + disposed + handed back",
  tag: "custody",
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/reconciliation/days/:date", {
  summary: "日次の照合 / a day's flows, the units that came in that day, and stock-takes",
  tag: "custody",
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/ledger", {
  summary: "台帳の出力 / the ledger as CSV (UTF-8 BOM), XLSX, or JSON (a page of entries, as /entries)",
  tag: "custody",
  query: LedgerQuery,
  statuses: [400, 401, 404]
})
describe("GET", "/cities/:city/custody/receipts/:event", {
  summary: "預り証 / the printable receipt of a hand-over (HTML, A4)",
  tag: "custody",
  statuses: [401, 404]
})
describe("GET", "/cities/:city/custody/certificate", {
  summary: "廃棄・消去証明書 / the disposal and erasure certificate (HTML, A4)",
  tag: "custody",
  query: CertificateQuery,
  statuses: [400, 401, 404]
})
