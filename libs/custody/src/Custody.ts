/**
 * The `Custody` service: record custody events on a city's ledger and read it back — items, entries,
 * verification of the hash chain, daily anchors, deadlines, reconciliation, the 台帳 export, receipts
 * and the disposal certificate.
 *
 * Appends are serialized per city by locking the city's chain-head row; within that lock the event is
 * checked against the items' current state (`Transition.decide`), hashed onto the chain, written with
 * its item index and projection, and the head moved — all in one transaction, so a refused event
 * writes nothing and two writers never fork the chain (a unique constraint on the predecessor hash
 * makes a fork impossible even for a writer that skipped the lock). A card issued with `counter` is
 * also recorded as counter work in the `ActivityLog` when the app provides one, in the same
 * transaction.
 */
import { createHash, randomUUID } from "node:crypto"
import { ActivityLog, Decode, type MyNumber, Profile } from "@madoguchi/domain"
import type { CustodySection } from "@madoguchi/domain/profile/Custody"
import { Database, type DbError } from "@madoguchi/db"
import { Clock, Context, Effect, Layer, Option, Schema } from "effect"
import * as BusinessDay from "./BusinessDay.ts"
import * as Chain from "./Chain.ts"
import * as Deadline from "./Deadline.ts"
import * as Documents from "./Documents.ts"
import { Actor, type EventInput, type LedgerEntry, localDateOf, startOfDay } from "./Event.ts"
import { canonicalJson } from "./internal/canonical.ts"
import * as Personal from "./internal/personal.ts"
import * as Repository from "./internal/Repository.ts"
import { type ItemKind, type ItemState, unitsInCustody } from "./Item.ts"
import * as LedgerExport from "./LedgerExport.ts"
import * as Reconciliation from "./Reconciliation.ts"
import { SessionCalendar } from "./SessionCalendar.ts"
import { CustodyEventRefused, decide, lookup, referenceKey, replay } from "./Transition.ts"

export { LedgerCorrupted } from "./internal/Repository.ts"
export type { ItemQuery } from "./internal/Repository.ts"

/** The city's profile has no `custody` section. @category errors */
export class CustodyNotConfigured extends Schema.TaggedError<CustodyNotConfigured>(
  "@madoguchi/custody/CustodyNotConfigured"
)("CustodyNotConfigured", { city: Schema.String }) {
  get ja(): string {
    return `${this.city} のプロファイルに custody(保管管理)の設定がありません`
  }
  get en(): string {
    return `the profile of ${this.city} has no custody section`
  }
  override get message(): string {
    return this.en
  }
}

/** @category errors */
export class CustodyItemNotFound extends Schema.TaggedError<CustodyItemNotFound>(
  "@madoguchi/custody/CustodyItemNotFound"
)("CustodyItemNotFound", { city: Schema.String, item: Schema.String }) {
  get ja(): string {
    return `品目 ${this.item} は台帳にありません`
  }
  get en(): string {
    return `item ${this.item} is not in the ledger`
  }
  override get message(): string {
    return this.en
  }
}

/** @category errors */
export class CustodyEventNotFound extends Schema.TaggedError<CustodyEventNotFound>(
  "@madoguchi/custody/CustodyEventNotFound"
)("CustodyEventNotFound", { city: Schema.String, event: Schema.String }) {
  get ja(): string {
    return `記録 ${this.event} は台帳にありません`
  }
  get en(): string {
    return `event ${this.event} is not in the ledger`
  }
  override get message(): string {
    return this.en
  }
}

/** The event has no 預り証 (it is not a hand-over). @category errors */
export class NotAHandover extends Schema.TaggedError<NotAHandover>("@madoguchi/custody/NotAHandover")("NotAHandover", {
  event: Schema.String,
  kind: Schema.String
}) {
  get ja(): string {
    return `記録 ${this.event} は受渡しではないため預り証はありません`
  }
  get en(): string {
    return `event ${this.event} (${this.kind}) is not a hand-over and has no receipt`
  }
  override get message(): string {
    return this.en
  }
}

/** A copy of an anchor names another city than the ledger being checked. @category errors */
export class AnchorOfAnotherCity extends Schema.TaggedError<AnchorOfAnotherCity>(
  "@madoguchi/custody/AnchorOfAnotherCity"
)("AnchorOfAnotherCity", {
  cityCode: Schema.String,
  anchorCityCode: Schema.String,
  seq: Schema.Number,
  date: Schema.optional(Schema.String)
}) {
  get ja(): string {
    return `アンカー(${this.date ? `${this.date} ` : ""}#${this.seq})は団体コード ${this.anchorCityCode} の市のものです。この台帳は ${this.cityCode} です`
  }
  get en(): string {
    return `the anchor${this.date ? ` of ${this.date}` : ""} (#${this.seq}) is of city ${this.anchorCityCode}; this ledger is ${this.cityCode}'s`
  }
  override get message(): string {
    return this.en
  }
}

/** An idempotency key was reused for a different event. @category errors */
export class IdempotencyKeyReused extends Schema.TaggedError<IdempotencyKeyReused>(
  "@madoguchi/custody/IdempotencyKeyReused"
)("IdempotencyKeyReused", { key: Schema.String }) {
  get ja(): string {
    return `再送キー ${this.key} は別の内容の記録に使われています`
  }
  get en(): string {
    return `idempotency key ${this.key} was already used for a different event`
  }
  override get message(): string {
    return this.en
  }
}

/** Not a PostgreSQL role name, or not PostgreSQL. @category errors */
export class GrantRefused extends Schema.TaggedError<GrantRefused>("@madoguchi/custody/GrantRefused")("GrantRefused", {
  role: Schema.String,
  reason: Schema.Literals(["not_postgres", "invalid_role"])
}) {
  get ja(): string {
    return this.reason === "not_postgres"
      ? "権限の付与は PostgreSQL でのみ行います(PGlite では追記専用トリガーが台帳を守ります)"
      : `ロール名が正しくありません: ${this.role}`
  }
  get en(): string {
    return this.reason === "not_postgres"
      ? "grants apply to PostgreSQL only (on PGlite the append-only trigger protects the ledger)"
      : `invalid role name: ${this.role}`
  }
  override get message(): string {
    return this.en
  }
}

/**
 * Give the PostgreSQL role the application connects as what it needs on the custody tables: SELECT
 * and INSERT on the ledger, its item index, anchors and idempotency keys — never UPDATE, DELETE or
 * TRUNCATE — and SELECT, INSERT, UPDATE on the projections (items, chain head).
 *
 * @category constructors
 */
export const grantApplicationRole = Effect.fn("Custody.grantApplicationRole")(function* (role: string) {
  const database = yield* Database.Database
  if (database.info.kind !== "postgres") return yield* new GrantRefused({ role, reason: "not_postgres" })
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) return yield* new GrantRefused({ role, reason: "invalid_role" })
  yield* Repository.grant(role)
})

/** What `record` did. @category models */
export interface Recorded {
  readonly entry: LedgerEntry
  /** False when an earlier request with the same idempotency key had already recorded it. */
  readonly created: boolean
}

/** An item with its history. @category models */
export interface ItemDetail {
  readonly item: ItemState
  readonly batch?: ItemState | undefined
  readonly history: ReadonlyArray<LedgerEntry>
}

/**
 * How a city keeps custody, from its profile's `custody` section: the item kinds its contract involves,
 * its places (with their names), which kinds are sealed before going back, the deadline rules and the
 * disposal policy (approval, approver roles, witness, methods) — what the screens offer and show.
 *
 * @category models
 */
export interface CustodySettings extends CustodySection {
  readonly cityCode: string
}

/** A page of ledger entries; `next` is the cursor of the following page, absent on the last one. @category models */
export interface EntryPage {
  readonly entries: ReadonlyArray<LedgerEntry>
  readonly next?: number | undefined
}

/** A daily anchor. @category models */
export interface DailyAnchor {
  readonly cityCode: string
  readonly date: string
  readonly seq: number
  readonly hash: string
  /** The day has closed and the anchor is stored; otherwise it is the head so far. */
  readonly final: boolean
  /** A stored anchor of that day that differs from the chain (tampering) — never expected. */
  readonly storedMismatch?: { readonly seq: number; readonly hash: string } | undefined
  /** As printed on the daily report. */
  readonly text: string
}

/** One line of the overdue list. @category models */
export interface DeadlineLine extends Deadline.DeadlineStatus {
  readonly label: { readonly ja: string; readonly en: string }
  readonly kind: ItemKind
  readonly reference?: string | undefined
  readonly description?: string | undefined
  readonly places: ReadonlyArray<string>
  readonly holders: ReadonlyArray<string>
}

/** @category models */
export interface DeadlineReport {
  readonly cityCode: string
  readonly today: string
  readonly lines: ReadonlyArray<DeadlineLine>
  readonly overdue: number
  readonly dueToday: number
  readonly undetermined: number
}

/** A file to hand out. @category models */
export interface ExportFile {
  readonly filename: string
  readonly contentType: string
  readonly body: Uint8Array | string
}

/** Which ledger entries, and how many at once. @category models */
export interface EntryFilter {
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly kinds?: ReadonlyArray<string> | undefined
  /** Newest first; default in sequence order. */
  readonly order?: "asc" | "desc" | undefined
  /** At most this many (default and ceiling `maxEntries`). */
  readonly limit?: number | undefined
  /** The `next` of the previous page: entries past this sequence number, in the chosen order. */
  readonly after?: number | undefined
}

/** The most entries one call answers. @category models */
export const maxEntries = 1000

/** Entries answered when no limit is given. @category models */
export const defaultEntries = 200

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type CityError = Profile.CityNotFound | CustodyNotConfigured
type ReadError = CityError | DbError.DbError | Repository.LedgerCorrupted

/** @category services */
export class Custody extends Context.Service<
  Custody,
  {
    readonly record: (
      city: string,
      input: EventInput,
      actor: Actor,
      options?: { readonly idempotencyKey?: string | undefined }
    ) => Effect.Effect<
      Recorded,
      | ReadError
      | CustodyEventRefused
      | IdempotencyKeyReused
      | ActivityLog.ActivitySourceConflict
      | Decode.DecodeError
      | MyNumber.MyNumberDetected
    >
    readonly item: (
      city: string,
      selector: {
        readonly id?: string | undefined
        readonly kind?: ItemKind | undefined
        readonly reference?: string | undefined
      }
    ) => Effect.Effect<ItemDetail, ReadError | CustodyItemNotFound>
    readonly settings: (city: string) => Effect.Effect<CustodySettings, CityError>
    /** Items in the list's order (`Item.cursorOf` the last one to ask for the next page); an unknown place is refused. */
    readonly items: (
      city: string,
      query: Repository.ItemQuery
    ) => Effect.Effect<ReadonlyArray<ItemState>, ReadError | Decode.DecodeError>
    readonly entries: (city: string, filter: EntryFilter) => Effect.Effect<EntryPage, ReadError>
    readonly entry: (city: string, eventId: string) => Effect.Effect<LedgerEntry, ReadError | CustodyEventNotFound>
    readonly verify: (
      city: string,
      options?: { readonly anchors?: ReadonlyArray<Chain.Anchor> | undefined }
    ) => Effect.Effect<Chain.VerifyResult, CityError | DbError.DbError | AnchorOfAnotherCity>
    readonly anchor: (city: string, date: string) => Effect.Effect<DailyAnchor, CityError | DbError.DbError>
    readonly deadlines: (city: string, today: string) => Effect.Effect<DeadlineReport, ReadError>
    readonly reconcileBatch: (
      city: string,
      batch: { readonly id?: string | undefined; readonly reference?: string | undefined }
    ) => Effect.Effect<Reconciliation.BatchReconciliation, ReadError | CustodyItemNotFound>
    readonly reconcileDay: (city: string, date: string) => Effect.Effect<Reconciliation.DailyReconciliation, ReadError>
    readonly exportLedger: (
      city: string,
      options: {
        readonly from?: string | undefined
        readonly to?: string | undefined
        readonly format: "csv" | "xlsx"
        /** Only these item kinds (e.g. the list of lent materials). */
        readonly itemKinds?: ReadonlyArray<ItemKind> | undefined
      }
    ) => Effect.Effect<ExportFile, ReadError | LedgerExport.LedgerExportFailed>
    readonly receipt: (
      city: string,
      eventId: string
    ) => Effect.Effect<string, ReadError | CustodyEventNotFound | NotAHandover>
    readonly certificate: (
      city: string,
      options: {
        readonly from?: string | undefined
        readonly to?: string | undefined
        readonly contractor?: string | undefined
      }
    ) => Effect.Effect<string, ReadError>
  }
>()("@madoguchi/custody/Custody") {
  /** Needs `Database` and `Profiles`; uses `ActivityLog` and `SessionCalendar` when the app provides them. */
  static readonly layer: Layer.Layer<Custody, never, Database.Database | Profile.Profiles> = Layer.effect(
    Custody,
    Effect.gen(function* () {
      const database = yield* Database.Database
      const profiles = yield* Profile.Profiles
      const activityLog = yield* Effect.serviceOption(ActivityLog.ActivityLog)
      const sessions = yield* Effect.serviceOption(SessionCalendar)
      const provide = <A, E>(effect: Effect.Effect<A, E, Database.Database>) =>
        Effect.provideService(effect, Database.Database, database)

      const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

      const resolve = Effect.fn("Custody.resolve")(function* (city: string) {
        const profile = yield* profiles.get(city)
        if (!profile.custody) return yield* new CustodyNotConfigured({ city })
        return { profile, section: profile.custody as CustodySection, cityCode: profile.cityCode as string }
      })

      const record = Effect.fn("Custody.record")(function* (
        city: string,
        input: EventInput,
        actor: Actor,
        options?: { readonly idempotencyKey?: string | undefined }
      ) {
        yield* Decode.decode(Actor)(actor)
        const { profile, section, cityCode } = yield* resolve(city)
        const key = options?.idempotencyKey
        const requestSha256 = createHash("sha256")
          .update(canonicalJson({ input, actor: actor.id }))
          .digest("hex")
        const sites = new Set<string>(profile.sites.map((s) => s.id))

        const append = Effect.gen(function* () {
          const now = yield* nowIso
          const head = yield* Repository.lockHead(cityCode, Chain.genesis(cityCode))
          if (key !== undefined) {
            const earlier = yield* Repository.findIdempotency(cityCode, key)
            if (earlier) {
              if (earlier.request_sha256 !== requestSha256) return yield* new IdempotencyKeyReused({ key })
              const [entry] = yield* Repository.entries(cityCode, { seqs: [earlier.seq] })
              return { entry: entry!, created: false } satisfies Recorded
            }
          }
          const selectors = "items" in input ? (input.items ?? []) : []
          const fresh = "newItems" in input ? (input.newItems ?? []) : []
          const ids = [
            ...selectors.flatMap((s) => (s.id !== undefined ? [s.id] : [])),
            ...fresh.flatMap((n) => (n.batch?.id !== undefined ? [n.batch.id] : []))
          ]
          const refs: Array<readonly [string, string]> = [
            ...selectors.flatMap((s) =>
              s.kind !== undefined && s.reference !== undefined ? [[s.kind, s.reference] as const] : []
            ),
            ...fresh.flatMap((n) => (n.reference !== undefined ? [[n.kind, n.reference] as const] : [])),
            ...fresh.flatMap((n) => (n.batch?.reference !== undefined ? [["batch", n.batch.reference] as const] : []))
          ]
          const found = yield* Repository.findItems(cityCode, ids, refs)
          const items = new Map(found.map((i) => [i.id, i]))
          const byReference = new Map(
            found.flatMap((i) => (i.reference !== undefined ? [[referenceKey(i.kind, i.reference), i] as const] : []))
          )
          const stockAtPlace =
            input.kind === "counted" ? yield* Repository.stockAtPlace(cityCode, input.place) : undefined
          const seq = head.seq + 1
          const decision = decide(input, {
            cityCode,
            section,
            sites,
            actor,
            now,
            items,
            byReference,
            stockAtPlace,
            newId: randomUUID,
            seq
          })
          if (decision._tag === "Refused") {
            return yield* new CustodyEventRefused({ kind: input.kind, problems: [...decision.problems] })
          }
          // Names, notes and descriptions go to the entry's personal part; the chain hashes its digest.
          const { stored, personal } = Personal.split(decision.body)
          const row = {
            cityCode,
            seq,
            id: randomUUID(),
            kind: input.kind,
            occurredAt: decision.occurredAt,
            occurredOn: decision.occurredOn,
            recordedAt: now,
            recordedBy: actor.id,
            body: stored,
            prevHash: head.hash
          }
          const hash = Chain.hashOf(row)
          yield* Repository.writeEntry(
            { ...row, hash },
            decision.touched,
            decision.states,
            unitsInCustody,
            key !== undefined ? { key, requestSha256 } : undefined,
            personal
          )
          const entry: LedgerEntry = { ...row, kind: input.kind, body: decision.body, hash }
          if (Option.isSome(activityLog) && decision.body.kind === "issued" && decision.body.counter) {
            const counter = decision.body.counter
            const local = new Date(decision.occurredAt).toLocaleTimeString("sv-SE", {
              timeZone: "Asia/Tokyo",
              hour12: false
            })
            for (const it of decision.body.items ?? []) {
              yield* activityLog.value.record({
                kind: "counter_visit",
                cityCode: profile.cityCode,
                site: counter.site,
                date: decision.occurredOn,
                time: local.slice(0, 5),
                key: { source: "custody", sourceId: `${entry.id}/${it.id}` },
                staff: actor.id,
                procedure: "card_issuance",
                channel: counter.channel as ActivityLog.Channel,
                outcome: "done"
              })
            }
          }
          return { entry, created: true } satisfies Recorded
        })
        return yield* provide(database.withTransaction(append, { retries: 5 }))
      })

      const item = Effect.fn("Custody.item")(function* (
        city: string,
        selector: {
          readonly id?: string | undefined
          readonly kind?: ItemKind | undefined
          readonly reference?: string | undefined
        }
      ) {
        const { cityCode } = yield* resolve(city)
        // Item ids are UUIDs: anything else names no item (and must not reach the uuid column).
        if (selector.id !== undefined && !UUID.test(selector.id)) {
          return yield* new CustodyItemNotFound({ city, item: selector.id })
        }
        const refs: Array<readonly [string, string]> =
          selector.kind !== undefined && selector.reference !== undefined ? [[selector.kind, selector.reference]] : []
        const found = yield* provide(
          Repository.findItems(cityCode, selector.id !== undefined ? [selector.id] : [], refs)
        )
        const state = lookup(
          selector,
          new Map(found.map((i) => [i.id, i])),
          new Map(found.flatMap((i) => (i.reference ? [[referenceKey(i.kind, i.reference), i] as const] : [])))
        )
        if (!state) {
          return yield* new CustodyItemNotFound({
            city,
            item: selector.id ?? `${selector.kind ?? ""}:${selector.reference ?? ""}`
          })
        }
        const batch = state.batchId
          ? (yield* provide(Repository.findItems(cityCode, [state.batchId], [])))[0]
          : undefined
        const history = yield* provide(Repository.entriesOfItems(cityCode, [state.id]))
        return { item: state, batch, history } satisfies ItemDetail
      })

      const settings = Effect.fn("Custody.settings")(function* (city: string) {
        const { section, cityCode } = yield* resolve(city)
        return { cityCode, ...section } satisfies CustodySettings
      })

      const items = Effect.fn("Custody.items")(function* (city: string, query: Repository.ItemQuery) {
        const { section, cityCode } = yield* resolve(city)
        if (query.place !== undefined && !section.places.some((p) => p.id === query.place)) {
          const known = section.places.map((p) => p.id).join(", ")
          return yield* new Decode.DecodeError({
            problems: [
              {
                path: "place",
                ja: `保管場所 ${query.place} はこの市のプロファイルにありません(使える場所: ${known})`,
                en: `place ${query.place} is not one of this city's places (${known})`
              }
            ]
          })
        }
        if (query.batchId !== undefined && !UUID.test(query.batchId)) return []
        return yield* provide(Repository.queryItems(cityCode, query))
      })

      const entries = Effect.fn("Custody.entries")(function* (city: string, filter: EntryFilter) {
        const { cityCode } = yield* resolve(city)
        const limit = Math.max(1, Math.min(filter.limit ?? defaultEntries, maxEntries))
        const list = yield* provide(
          Repository.entries(cityCode, {
            fromDate: filter.from,
            toDate: filter.to,
            kinds: filter.kinds,
            order: filter.order,
            afterSeq: filter.after,
            limit: limit + 1
          })
        )
        const page = list.slice(0, limit)
        return {
          entries: page,
          ...(list.length > limit ? { next: page[page.length - 1]!.seq } : {})
        } satisfies EntryPage
      })

      const entry = Effect.fn("Custody.entry")(function* (city: string, eventId: string) {
        const { cityCode } = yield* resolve(city)
        // A sequence number (at most 15 digits: beyond any ledger, within the bigint column) or an event id.
        const isSeq = /^\d{1,15}$/.test(eventId)
        const isUuid = UUID.test(eventId)
        if (!isSeq && !isUuid) return yield* new CustodyEventNotFound({ city, event: eventId })
        const [found] = yield* provide(
          Repository.entries(cityCode, isSeq ? { seqs: [Number(eventId)] } : { ids: [eventId.toLowerCase()] })
        )
        if (!found) return yield* new CustodyEventNotFound({ city, event: eventId })
        return found
      })

      /** Recompute a city's chain against its stored anchors and the copies given. */
      const verifyChain = (cityCode: string, anchors: ReadonlyArray<Chain.Anchor> = []) =>
        provide(
          Effect.gen(function* () {
            const head = yield* Repository.readHead(cityCode)
            const stored = yield* Repository.anchors(cityCode)
            const verifier = Chain.verifier(
              cityCode,
              [
                ...stored.map((a): Chain.Anchor => ({
                  date: a.anchored_on,
                  seq: a.seq,
                  hash: a.hash,
                  source: "stored"
                })),
                ...anchors
              ],
              undefined,
              { personalParts: true }
            )
            const PAGE = 5000
            let after = 0
            for (;;) {
              const page = yield* Repository.chainPage(cityCode, after, PAGE)
              let intact = true
              for (const row of page) {
                if (!verifier.push(row)) {
                  intact = false
                  break
                }
              }
              if (!intact || page.length < PAGE) break
              after = page[page.length - 1]!.seq
            }
            return verifier.finish(head ?? { seq: 0, hash: Chain.genesis(cityCode) })
          })
        )

      const verify = Effect.fn("Custody.verify")(function* (
        city: string,
        options?: { readonly anchors?: ReadonlyArray<Chain.Anchor> | undefined }
      ) {
        const { cityCode } = yield* resolve(city)
        const foreign = options?.anchors?.find((a) => a.cityCode !== undefined && a.cityCode !== cityCode)
        if (foreign) {
          return yield* new AnchorOfAnotherCity({
            cityCode,
            anchorCityCode: foreign.cityCode!,
            seq: foreign.seq,
            ...(foreign.date !== undefined ? { date: foreign.date } : {})
          })
        }
        return yield* verifyChain(cityCode, options?.anchors)
      })

      const anchor = Effect.fn("Custody.anchor")(function* (city: string, date: string) {
        const { cityCode } = yield* resolve(city)
        const now = yield* nowIso
        const end = startOfDay(BusinessDay.addDays(date, 1))
        return yield* provide(
          Effect.gen(function* () {
            const head = (yield* Repository.headBefore(cityCode, end)) ?? { seq: 0, hash: Chain.genesis(cityCode) }
            const final = now >= end
            const stored = final ? yield* Repository.storeAnchor(cityCode, date, head.seq, head.hash) : undefined
            const mismatch = stored && (stored.seq !== head.seq || stored.hash !== head.hash) ? stored : undefined
            return {
              cityCode,
              date,
              seq: head.seq,
              hash: head.hash,
              final,
              ...(mismatch ? { storedMismatch: { seq: mismatch.seq, hash: mismatch.hash } } : {}),
              text: Chain.formatAnchor(cityCode, { date, seq: head.seq, hash: head.hash, source: "stored" })
            } satisfies DailyAnchor
          })
        )
      })

      /** Items, their batches and every entry touching them, grouped per item. */
      const histories = (cityCode: string, open: ReadonlyArray<ItemState>) =>
        Effect.gen(function* () {
          const batchIds = [...new Set(open.flatMap((i) => (i.batchId ? [i.batchId] : [])))]
          const all = yield* Repository.entriesOfItems(cityCode, [...open.map((i) => i.id), ...batchIds])
          const byItem = new Map<string, Array<LedgerEntry>>()
          for (const e of all) {
            const touched = new Set([
              ...(e.body.newItems ?? []).map((n) => n.id),
              ...(e.body.items ?? []).map((i) => i.id)
            ])
            for (const id of touched) byItem.set(id, [...(byItem.get(id) ?? []), e])
          }
          return {
            all,
            histories: open.map((item): Deadline.ItemHistory => ({
              item,
              entries: byItem.get(item.id) ?? [],
              batchEntries: item.batchId ? (byItem.get(item.batchId) ?? []) : []
            }))
          }
        })

      const deadlines = Effect.fn("Custody.deadlines")(function* (city: string, today: string) {
        const { profile, section, cityCode } = yield* resolve(city)
        const rules = section.deadlines
        const { open, found } = yield* provide(
          Effect.gen(function* () {
            const held = yield* Repository.queryItems(cityCode, { inCustody: true })
            const missing = yield* Repository.queryItems(cityCode, { status: "missing" })
            const open = [...new Map([...held, ...missing].map((i) => [i.id, i])).values()].filter((i) =>
              rules.some((r) => Deadline.appliesTo(r, i.kind))
            )
            return { open, found: yield* histories(cityCode, open) }
          })
        )
        const lookups = Deadline.sessionLookups(
          rules,
          found.all.map((e) => e.occurredOn)
        )
        const next = new Map<string, string>()
        if (Option.isSome(sessions)) {
          for (const day of lookups) {
            const session = yield* sessions.value.nextSessionAfter(cityCode, day)
            if (Option.isSome(session)) next.set(day, session.value)
          }
        }
        const statuses = Deadline.evaluateAll(rules, found.histories, {
          today,
          contractEnd: profile.contract.to,
          nextSessionAfter: (d) => next.get(d)
        })
        const byId = new Map(open.map((i) => [i.id, i]))
        const labels = new Map(rules.map((r) => [r.id, r.label]))
        const lines = statuses
          .filter(
            (s) => s.state === "open" || s.state === "due_today" || s.state === "overdue" || s.state === "undetermined"
          )
          .map((s): DeadlineLine => {
            const i = byId.get(s.itemId)!
            const holding = i.holdings.filter(
              (h) => h.status !== "issued" && h.status !== "handed_back" && h.status !== "disposed"
            )
            return {
              ...s,
              label: labels.get(s.rule)!,
              kind: i.kind,
              reference: i.reference,
              description: i.description,
              places: [...new Set(holding.flatMap((h) => (h.place ? [h.place] : [])))],
              holders: [...new Set(holding.flatMap((h) => (h.holder ? [h.holder] : [])))]
            }
          })
        return {
          cityCode,
          today,
          lines,
          overdue: lines.filter((l) => l.state === "overdue").length,
          dueToday: lines.filter((l) => l.state === "due_today").length,
          undetermined: lines.filter((l) => l.state === "undetermined").length
        } satisfies DeadlineReport
      })

      const reconcileBatch = Effect.fn("Custody.reconcileBatch")(function* (
        city: string,
        batch: { readonly id?: string | undefined; readonly reference?: string | undefined }
      ) {
        const { cityCode } = yield* resolve(city)
        return yield* provide(
          Effect.gen(function* () {
            const refs: Array<readonly [string, string]> =
              batch.reference !== undefined ? [["batch", batch.reference]] : []
            const [state] = (yield* Repository.findItems(
              cityCode,
              batch.id !== undefined ? [batch.id] : [],
              refs
            )).filter((i) => i.kind === "batch")
            if (!state)
              return yield* new CustodyItemNotFound({ city, item: batch.id ?? `batch:${batch.reference ?? ""}` })
            const members = yield* Repository.queryItems(cityCode, { batchId: state.id })
            const ledger = yield* Repository.entriesOfItems(
              cityCode,
              members.map((m) => m.id)
            )
            return Reconciliation.reconcileBatch(state, members, replay(ledger))
          })
        )
      })

      const reconcileDay = Effect.fn("Custody.reconcileDay")(function* (city: string, date: string) {
        const { cityCode } = yield* resolve(city)
        return yield* provide(
          Effect.gen(function* () {
            const upTo = yield* Repository.entries(cityCode, { toDate: date })
            const bornIds = upTo
              .filter((e) => e.occurredOn === date)
              .flatMap((e) => (e.body.newItems ?? []).filter((n) => n.kind !== "batch").map((n) => n.id))
            const cohort = yield* Repository.queryItems(cityCode, { ids: bornIds })
            const ledger = yield* Repository.entriesOfItems(cityCode, bornIds)
            return Reconciliation.reconcileDay(date, upTo, { items: cohort, replayed: replay(ledger) })
          })
        )
      })

      const descriptions = (cityCode: string, list: ReadonlyArray<LedgerEntry>) =>
        Effect.gen(function* () {
          const ids = [...new Set(list.flatMap((e) => (e.body.items ?? []).map((i) => i.id)))]
          const found = ids.length > 0 ? yield* Repository.queryItems(cityCode, { ids }) : []
          return new Map(found.map((i) => [i.id, i]))
        })

      const exportLedger = Effect.fn("Custody.exportLedger")(function* (
        city: string,
        options: {
          readonly from?: string | undefined
          readonly to?: string | undefined
          readonly format: "csv" | "xlsx"
          readonly itemKinds?: ReadonlyArray<ItemKind> | undefined
        }
      ) {
        const { profile, section, cityCode } = yield* resolve(city)
        const { list, known, held } = yield* provide(
          Effect.gen(function* () {
            const list = yield* Repository.entries(cityCode, { fromDate: options.from, toDate: options.to })
            return {
              list,
              known: yield* descriptions(cityCode, list),
              held: yield* Repository.queryItems(cityCode, { inCustody: true })
            }
          })
        )
        const rows = LedgerExport.ledgerRows(list, known, section, options.itemKinds)
        const name = `custody-ledger-${profile.slug}${options.itemKinds ? `-${options.itemKinds.join("-")}` : ""}${options.from ? `-${options.from}` : ""}${options.to ? `-${options.to}` : ""}`
        if (options.format === "csv") {
          return {
            filename: `${name}.csv`,
            contentType: "text/csv; charset=utf-8",
            body: LedgerExport.toCsv(rows)
          } satisfies ExportFile
        }
        const verification = yield* verifyChain(cityCode)
        const generatedAt = yield* nowIso
        const body = yield* LedgerExport.toXlsx({
          cityName: profile.name.ja,
          cityCode,
          period: { from: options.from, to: options.to },
          rows,
          holdings: options.itemKinds ? held.filter((i) => options.itemKinds!.includes(i.kind)) : held,
          section,
          verification,
          anchor: { seq: verification.headSeq, hash: verification.headHash, source: "stored" },
          generatedAt
        })
        return {
          filename: `${name}.xlsx`,
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          body
        } satisfies ExportFile
      })

      const receipt = Effect.fn("Custody.receipt")(function* (city: string, eventId: string) {
        const { profile, cityCode } = yield* resolve(city)
        const found = yield* entry(city, eventId)
        if (!Documents.receiptKinds.includes(found.kind)) {
          return yield* new NotAHandover({ event: eventId, kind: found.kind })
        }
        const known = yield* provide(descriptions(cityCode, [found]))
        return Documents.receipt(profile, found, known)
      })

      const certificate = Effect.fn("Custody.certificate")(function* (
        city: string,
        options: {
          readonly from?: string | undefined
          readonly to?: string | undefined
          readonly contractor?: string | undefined
        }
      ) {
        const { profile, cityCode } = yield* resolve(city)
        const { list, known, remaining } = yield* provide(
          Effect.gen(function* () {
            // Requests and approvals may precede the period: read disposal entries from the start.
            const disposals = yield* Repository.entries(cityCode, {
              toDate: options.to,
              kinds: ["disposal_requested", "disposal_approved", "disposal_rejected", "disposal_done"]
            })
            const back = yield* Repository.entries(cityCode, {
              fromDate: options.from,
              toDate: options.to,
              kinds: ["transferred_to_city"]
            })
            const held = yield* Repository.queryItems(cityCode, { inCustody: true })
            const missing = yield* Repository.queryItems(cityCode, { status: "missing" })
            return {
              list: { disposals, back },
              known: yield* descriptions(cityCode, disposals),
              remaining: [...new Map([...held, ...missing].map((i) => [i.id, i])).values()]
            }
          })
        )
        const inPeriod = (day: string) =>
          (options.from === undefined || day >= options.from) && (options.to === undefined || day <= options.to)
        const disposals = Documents.disposalRecords(list.disposals, known).filter((d) =>
          inPeriod(localDateOf(d.doneAt))
        )
        const handedBack = new Map<ItemKind, number>()
        for (const e of list.back)
          for (const it of e.body.items ?? []) handedBack.set(it.kind, (handedBack.get(it.kind) ?? 0) + it.count)
        const verification = yield* verifyChain(cityCode)
        return Documents.certificate({
          profile,
          from: options.from,
          to: options.to,
          disposals,
          handedBack,
          remaining,
          verification,
          generatedAt: yield* nowIso,
          contractor: options.contractor
        })
      })

      return Custody.of({
        record,
        settings,
        item,
        items,
        entries,
        entry,
        verify,
        anchor,
        deadlines,
        reconcileBatch,
        reconcileDay,
        exportLedger,
        receipt,
        certificate
      })
    })
  )
}
