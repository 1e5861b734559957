/**
 * The contract-end purge over the whole application (the runtime's wiring of every lib's purger), on
 * PGlite and PostgreSQL: every personal field of records before the cut-off is gone, counts and
 * reports are unchanged, the custody chain still verifies, append-only tables still refuse any other
 * change, and a dry run writes nothing.
 */
import { afterAll, assert } from "@effect/vitest"
import { Custody } from "@madoguchi/custody"
import { AuditLog, Database, Purge, Staff } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { ActivityLog, PersonalData } from "@madoguchi/domain"
import { type Report, Reports } from "@madoguchi/reporting"
import { Effect, Exit, Layer } from "effect"
import { sql } from "kysely"
import { defaultProfilesDir, makeAppLayer } from "../src/Runtime.ts"

// The runtime's background sweeper would purge by itself after the retention period: not during this test.
const savedInterval = process.env.BOOKING_SWEEP_INTERVAL
process.env.BOOKING_SWEEP_INTERVAL = "1 hour"
afterAll(() => {
  if (savedInterval === undefined) delete process.env.BOOKING_SWEEP_INTERVAL
  else process.env.BOOKING_SWEEP_INTERVAL = savedInterval
})

const CITY = "282171" // Kawanishi
const DAY = "2026-10-14" // before the cut-off
const LATER = "2026-11-05" // after it
const BEFORE = "2026-11-01"
const { ERASED } = PersonalData

const cityStaff = { name: "山田 花子", organization: "city", title: "市民課 主事" } as const
const clerk = { name: "佐藤 一郎", organization: "contractor", title: "従事者" } as const
const operator = { id: "op-sato", role: "contractor_operator" } as const

/** Rows of the tables that hold personal data, as JSON text (the whole row), for "nothing changed". */
const TABLES = [
  "reservation",
  "waitlist_entry",
  "queue_ticket",
  "booking_outbox",
  "booking_request",
  "outreach_session",
  "activity",
  "activity_void",
  "activity_daily",
  "report_submission",
  "custody_event",
  "custody_event_personal",
  "custody_item",
  "staff",
  "staff_session",
  "audit_log"
] as const

const snapshot = Effect.gen(function* () {
  const db = yield* Database.Database
  const out: Record<string, ReadonlyArray<string>> = {}
  for (const table of TABLES) {
    const rows = yield* db.use((k) =>
      sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table)} t where city_code = ${CITY}
        order by 1`.execute(k)
    )
    out[table] = rows.rows.map((r) => r.row)
  }
  return out
})

const one = <A>(query: (k: Parameters<Parameters<Database.Database["Service"]["use"]>[0]>[0]) => Promise<A>) =>
  Effect.flatMap(Database.Database, (db) => db.use(query))

/** Booking rows of a past day, written as the booking services leave them (they refuse past slots). */
const seedBookings = one(async (k) => {
  await sql`
    insert into booking_slot (city_code, id, site, group_id, kind, day, starts_at, ends_at, procedures, planned_capacity, capacity)
    values (${CITY}, 'aaaaaaaa-0000-4000-8000-000000000001', 'special', 'card', 'regular', ${DAY},
      '2026-10-14T00:00:00Z', '2026-10-14T00:15:00Z', '["card_issuance"]', 4, 4),
      (${CITY}, 'aaaaaaaa-0000-4000-8000-000000000002', 'special', 'card', 'regular', ${LATER},
      '2026-11-05T00:00:00Z', '2026-11-05T00:15:00Z', '["card_issuance"]', 4, 4)`.execute(k)
  await sql`
    insert into reservation (city_code, id, slot_id, seats, channel, procedure, status, occupies_seat, name_kana, contact,
      issuance_notice_number, precheck, created_by)
    values
      (${CITY}, 'bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 1, 'web', 'card_issuance',
        'done', true, 'ヤマダ タロウ', '072-740-1111', 'N-1001', '{"decision":"allowed"}', 'web'),
      (${CITY}, 'bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001', 1, 'phone', 'card_issuance',
        'confirmed', true, 'スズキ ハナ', 'hana@example.jp', null, null, 'staff'),
      (${CITY}, 'bbbbbbbb-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000002', 1, 'web', 'card_issuance',
        'done', true, 'タナカ ジロウ', '072-740-2222', 'N-1002', null, 'web')`.execute(k)
  await sql`
    insert into waitlist_entry (city_code, slot_id, seats, channel, procedure, status, name_kana, contact)
    values (${CITY}, 'aaaaaaaa-0000-4000-8000-000000000001', 1, 'web', 'card_issuance', 'lapsed', 'イトウ ケン', '090-1111-2222')`.execute(
    k
  )
  await sql`
    insert into queue_ticket (city_code, site, day, group_id, number, label, kind, procedure, priority_at, issuance_notice_number)
    values (${CITY}, 'special', ${DAY}, 'card', 1, 'A-001', 'walk_in', 'card_issuance', '2026-10-14T00:00:00Z', 'N-2001')`.execute(
    k
  )
  await sql`
    insert into booking_outbox (city_code, kind, recipient, payload, created_at, last_error)
    values (${CITY}, 'waitlist_offer', 'ken@example.jp', '{"to":"ken@example.jp","name":"イトウ ケン"}', '2026-10-14T01:00:00Z',
      '550 ken@example.jp: mailbox unavailable')`.execute(k)
  await sql`
    insert into booking_request (city_code, key, operation, request_sha256, reservation_id, created_at)
    values (${CITY}, 'key-1', 'create', ${"0".repeat(64)}, 'bbbbbbbb-0000-4000-8000-000000000001', '2026-10-14T00:00:00Z')`.execute(
    k
  )
  await sql`
    insert into outreach_session (city_code, site, day, opens, closes, venue, procedures, walk_ins, note)
    values (${CITY}, 'special', ${DAY}, '10:00', '12:00', '中央公民館', '["card_issuance"]', 'accept', '車椅子の方(高橋様)来場予定')`.execute(
    k
  )
})

const activity = (id: string, date: string, rest: Record<string, unknown>) =>
  ({
    cityCode: CITY,
    site: "special",
    date,
    key: { source: "manual", sourceId: id },
    ...rest
  }) as unknown as ActivityLog.Activity

const seedActivities = Effect.gen(function* () {
  const log = yield* ActivityLog.ActivityLog
  const visit = { kind: "counter_visit", procedure: "card_issuance", channel: "reservation", outcome: "done" }
  yield* log.record(activity("v-1", DAY, { ...visit, note: "田中様 耳が不自由なため筆談" }))
  yield* log.record(activity("v-2", DAY, visit))
  yield* log.record(
    activity("c-1", DAY, {
      kind: "phone_call",
      category: "card_pickup",
      content: "佐藤様から受取日の問い合わせ 090-3333-4444",
      answer: "10月20日の予約を案内",
      transferred: false
    })
  )
  yield* log.record(
    activity("c-2", DAY, {
      kind: "phone_call",
      category: "other",
      content: "誤登録",
      answer: "誤登録",
      transferred: false
    })
  )
  yield* log.void({
    cityCode: CITY as ActivityLog.VoidRequest["cityCode"],
    key: { source: "manual", sourceId: "c-2" },
    reason: "二重登録(鈴木様の件)"
  })
  yield* log.record(
    activity("q-1", DAY, {
      kind: "complaint",
      category: "waiting",
      what: "高橋様 待ち時間が長い",
      handling: "謝罪し混雑状況を説明",
      escalated: false
    })
  )
  yield* log.record(
    activity("c-3", LATER, {
      kind: "phone_call",
      category: "pin",
      content: "暗証番号を忘れた(小林様)",
      answer: "再設定の持ち物を案内",
      transferred: false
    })
  )
})

const seedCustody = Effect.gen(function* () {
  const custody = yield* Custody.Custody
  const at = (time: string) => `${DAY}T${time}:00+09:00`
  yield* custody.record(
    "kawanishi",
    {
      kind: "received",
      occurredAt: at("09:00"),
      from: cityStaff,
      to: clerk,
      place: "backoffice",
      newItems: [
        { kind: "card", reference: "PG-A" },
        { kind: "card", reference: "PG-B" },
        { kind: "lent_material", reference: "PG-M", description: "住民一覧(予約者の氏名・電話番号)" }
      ]
    },
    operator
  )
  yield* custody.record(
    "kawanishi",
    { kind: "setup_done", occurredAt: at("10:00"), by: clerk, items: [{ kind: "card", reference: "PG-A" }] },
    operator
  )
  yield* custody.record(
    "kawanishi",
    {
      kind: "issued",
      occurredAt: at("11:00"),
      by: clerk,
      note: "本人(渡辺様)に交付",
      items: [{ kind: "card", reference: "PG-A" }]
    },
    operator
  )
  yield* custody.record(
    "kawanishi",
    {
      kind: "transferred_to_city",
      occurredAt: at("12:00"),
      from: clerk,
      to: cityStaff,
      items: [{ kind: "lent_material", reference: "PG-M" }]
    },
    operator
  )
  yield* custody.record(
    "kawanishi",
    {
      kind: "noted",
      occurredAt: at("13:00"),
      by: clerk,
      note: "PG-B の本人(伊藤様)から受取延期の電話",
      items: [{ kind: "card", reference: "PG-B" }]
    },
    operator
  )
})

const seedStaff = Effect.gen(function* () {
  const left = yield* Staff.create({
    cityCode: CITY,
    login: "former-kato",
    displayName: "加藤 三郎",
    role: "contractor_operator",
    password: "correct horse battery"
  })
  yield* Staff.login({ cityCode: CITY, login: "former-kato", password: "correct horse battery" })
  yield* one((k) =>
    sql`update staff set active = false, updated_at = '2026-10-20T00:00:00Z' where city_code = ${CITY} and id = ${left.id}`.execute(
      k
    )
  )
  yield* Staff.create({
    cityCode: CITY,
    login: "still-here",
    displayName: "木村 四郎",
    role: "contractor_operator",
    password: "correct horse battery"
  })
})

/** A report's counts (every section but the free text), to compare before and after. */
const countsOf = (report: Report.Report) =>
  JSON.stringify(
    report.sections.map((s) =>
      s.kind === "phone_calls"
        ? { ...s, calls: s.calls?.map((c) => ({ ...c, content: "", answer: "" })) ?? null }
        : s.kind === "complaints"
          ? { ...s, items: s.items.map((c) => ({ ...c, what: "", handling: "" })) }
          : s
    )
  )

const purgeWith = (input: { readonly before: string; readonly dryRun: boolean }) =>
  Effect.gen(function* () {
    const { purgers } = yield* PersonalData.PersonalData
    return yield* Purge.run({ cityCode: CITY, actor: "cli", purgers, ...input })
  })

describeStorage("Personal data purge at contract end", (it) => {
  // The application's own composition of layers, over this suite's database.
  const app = Layer.unwrap(
    Effect.gen(function* () {
      const db = yield* Database.Database
      return makeAppLayer({ profilesDir: defaultProfilesDir(), database: Layer.succeed(Database.Database, db) })
    })
  ).pipe(Layer.orDie)
  it.layer(app, { timeout: "180 seconds" })("every lib", (it) => {
    it.effect("a dry run counts what it would erase and writes nothing", () =>
      Effect.gen(function* () {
        yield* seedBookings
        yield* seedActivities
        yield* seedCustody
        yield* seedStaff
        const reports = yield* Reports.Reports
        yield* reports.submit("kawanishi", { period: "day", date: DAY }, { by: "manager" })
        yield* reports.submit("kawanishi", { period: "day", date: DAY }, { by: "manager", reason: "訂正(高橋様の件)" })

        const before = yield* snapshot
        const dry = yield* purgeWith({ before: BEFORE, dryRun: true })
        assert.isTrue(dry.dryRun)
        assert.isUndefined(dry.auditId)
        const rows = Object.fromEntries(dry.tables.map((t) => [t.table, t.rows]))
        assert.deepInclude(rows, {
          reservation: 1,
          waitlist_entry: 1,
          queue_ticket: 1,
          booking_outbox: 1,
          booking_request: 1,
          outreach_session: 1,
          activity: 4,
          activity_void: 1,
          report_submission: 2,
          custody_event_personal: 3,
          custody_item: 2,
          staff: 1,
          staff_session: 1
        })
        assert.strictEqual(dry.rows, 20)
        assert.deepStrictEqual(yield* snapshot, before, "a dry run changes nothing")
      })
    )

    it.effect("erases every personal field before the cut-off; counts, reports and the chain stay", () =>
      Effect.gen(function* () {
        const reports = yield* Reports.Reports
        const custody = yield* Custody.Custody
        const dailyBefore = yield* reports.get("kawanishi", { period: "day", date: DAY }, { live: true })
        const monthlyBefore = yield* reports.get("kawanishi", { period: "month", month: "2026-10" })
        const chainBefore = (yield* snapshot).custody_event
        const rollupsBefore = (yield* snapshot).activity_daily
        const verifyBefore = yield* custody.verify("kawanishi")
        assert.isTrue(verifyBefore.ok)

        const done = yield* purgeWith({ before: BEFORE, dryRun: false })
        assert.isFalse(done.dryRun)
        assert.strictEqual(done.rows, 20)
        const kept = Object.fromEntries(done.tables.flatMap((t) => (t.kept ? [[t.table, t.kept.rows]] : [])))
        // The live booking (confirmed) stays; so do the custody entries and the card still held.
        assert.deepStrictEqual(kept, { reservation: 1, custody_event_personal: 2, custody_item: 1 })

        // Booking: names, contacts, 交付通知書 numbers, pre-checks, recipients, errors, notes.
        const reservations = yield* one((k) =>
          k
            .selectFrom("reservation")
            .select(["id", "status", "name_kana", "contact", "issuance_notice_number", "precheck", "purged_at"])
            .where("city_code", "=", CITY)
            .orderBy("id")
            .execute()
        )
        assert.deepInclude(reservations[0], {
          status: "done",
          name_kana: null,
          contact: null,
          issuance_notice_number: null,
          precheck: null
        })
        assert.strictEqual(reservations[1]!.name_kana, "スズキ ハナ", "a booking still open is kept")
        assert.strictEqual(reservations[2]!.name_kana, "タナカ ジロウ", "after the cut-off")
        const leftover = yield* one((k) =>
          sql<{ n: number }>`select
              (select count(*) from waitlist_entry where city_code = ${CITY} and (name_kana is not null or contact is not null))
              + (select count(*) from queue_ticket where city_code = ${CITY} and issuance_notice_number is not null)
              + (select count(*) from booking_outbox where city_code = ${CITY}
                  and (recipient is not null or last_error is not null or payload <> '{}'::jsonb))
              + (select count(*) from booking_request where city_code = ${CITY})
              + (select count(*) from outreach_session where city_code = ${CITY} and note is not null) as n`.execute(k)
        )
        assert.strictEqual(Number(leftover.rows[0]!.n), 0)

        // Reporting: free text erased, every row, count and rollup the same.
        const payloads = yield* one((k) =>
          sql<{ source_id: string; payload: Record<string, unknown> }>`
              select source_id, payload from activity where city_code = ${CITY} order by source_id`.execute(k)
        )
        const byId = Object.fromEntries(payloads.rows.map((r) => [r.source_id, r.payload]))
        assert.strictEqual(byId["v-1"]!.note, ERASED)
        assert.deepInclude(byId["c-1"], { content: ERASED, answer: ERASED, category: "card_pickup" })
        assert.deepInclude(byId["q-1"], { what: ERASED, handling: ERASED, category: "waiting" })
        assert.strictEqual(byId["c-3"]!.content, "暗証番号を忘れた(小林様)", "after the cut-off")
        assert.notProperty(byId["v-2"], "note")
        assert.deepStrictEqual((yield* snapshot).activity_daily, rollupsBefore)
        const voids = yield* one((k) => k.selectFrom("activity_void").select("reason").execute())
        assert.deepStrictEqual(
          voids.map((v) => v.reason),
          [ERASED]
        )

        const dailyAfter = yield* reports.get("kawanishi", { period: "day", date: DAY }, { live: true })
        assert.strictEqual(countsOf(dailyAfter), countsOf(dailyBefore))
        const phone = dailyAfter.sections.find((s) => s.kind === "phone_calls")!
        assert.deepStrictEqual(phone.kind === "phone_calls" ? phone.calls?.map((c) => [c.content, c.answer]) : [], [
          [ERASED, ERASED]
        ])
        const monthlyAfter = yield* reports.get("kawanishi", { period: "month", month: "2026-10" })
        assert.strictEqual(countsOf(monthlyAfter), countsOf(monthlyBefore))
        // The submitted report: frozen counts, its listed calls and complaints and the correction reason erased.
        const frozen = yield* reports.get("kawanishi", { period: "day", date: DAY })
        assert.strictEqual(frozen.version, 2)
        assert.strictEqual(frozen.correctionReason, ERASED)
        assert.strictEqual(countsOf(frozen), countsOf(dailyBefore))
        assert.notInclude(JSON.stringify(frozen), "佐藤様")
        assert.notInclude(JSON.stringify(frozen), "高橋様")

        // Custody: the chain is byte for byte the same and verifies; erased parts are counted.
        assert.deepStrictEqual((yield* snapshot).custody_event, chainBefore)
        const verified = yield* custody.verify("kawanishi")
        assert.isTrue(verified.ok, verified.firstBrokenAt?.en)
        assert.strictEqual(verified.entries, verifyBefore.entries)
        assert.strictEqual(verified.personalErased, 3)
        const { entries } = yield* custody.entries("kawanishi", { from: DAY, to: DAY })
        const [received, setup, issued, transferred, noted] = entries
        assert.strictEqual(issued!.body.by?.name, ERASED)
        assert.strictEqual(issued!.body.note, ERASED)
        assert.strictEqual(transferred!.body.to?.name, ERASED)
        assert.strictEqual(setup!.body.by?.title, ERASED)
        assert.strictEqual(received!.body.from?.name, cityStaff.name, "touches a card still held: kept")
        assert.strictEqual(noted!.body.note, "PG-B の本人(伊藤様)から受取延期の電話")
        const items = yield* custody.items("kawanishi", {})
        const material = items.find((i) => i.reference === "PG-M")!
        assert.strictEqual(material.description, ERASED)
        assert.deepStrictEqual(
          material.holdings.map((h) => h.holder),
          [ERASED]
        )
        assert.strictEqual(items.find((i) => i.reference === "PG-B")!.holdings[0]!.holder, clerk.name)
        const text = JSON.stringify(yield* snapshot)
        for (const name of [
          "渡辺様",
          "住民一覧(予約者",
          "加藤 三郎",
          "イトウ ケン",
          "ken@example.jp",
          "N-1001",
          "高橋様"
        ]) {
          assert.notInclude(text, name)
        }

        // Staff: the departed member's name and password are gone, the others untouched.
        const staff = yield* one((k) =>
          k
            .selectFrom("staff")
            .select(["login", "display_name", "password_hash"])
            .where("city_code", "=", CITY)
            .execute()
        )
        assert.strictEqual(staff.find((s) => s.login === "former-kato")!.password_hash, "!")
        assert.strictEqual(staff.find((s) => s.login === "still-here")!.display_name, "木村 四郎")

        // The audit log says who purged what.
        const audit = (yield* AuditLog.recent(CITY, 5)).find((a) => a.action === "personal_data.purge")!
        assert.strictEqual(audit.id, done.auditId)
        assert.strictEqual(audit.actor, "cli")
        assert.deepInclude(audit.detail, { before: BEFORE, rows: 20 })

        // Again: nothing left to erase.
        const again = yield* purgeWith({ before: BEFORE, dryRun: false })
        assert.strictEqual(again.rows, 0)
      })
    )

    it.effect("append-only tables still refuse every other change; bad cut-offs are refused", () =>
      Effect.gen(function* () {
        const db = yield* Database.Database
        const refused = (statement: ReturnType<typeof sql>, on = false) =>
          Effect.map(
            Effect.exit(
              db.withTransaction(
                Effect.gen(function* () {
                  if (on) yield* db.use((k) => sql`select set_config('madoguchi.purge', 'on', true)`.execute(k))
                  yield* db.use((k) => statement.execute(k))
                })
              )
            ),
            Exit.isFailure
          )
        // Without the purge switch, even the personal columns are frozen.
        assert.isTrue(yield* refused(sql`update activity set payload = '{}' where city_code = ${CITY}`))
        assert.isTrue(yield* refused(sql`update custody_event_personal set personal = null, purged_at = now()`))
        // With it, only the personal columns may change.
        assert.isTrue(yield* refused(sql`update activity set site = 'existing' where city_code = ${CITY}`, true))
        assert.isTrue(yield* refused(sql`update report_submission set sha256 = ${"0".repeat(64)}`, true))
        assert.isTrue(yield* refused(sql`update custody_event set body = body`, true))
        assert.isTrue(yield* refused(sql`delete from custody_event_personal`, true))
        assert.isTrue(yield* refused(sql`delete from activity where city_code = ${CITY}`, true))

        const future = yield* Effect.flip(purgeWith({ before: "2999-01-01", dryRun: true }))
        assert.instanceOf(future, Purge.PurgeDateInvalid)
        assert.include((future as Purge.PurgeDateInvalid).ja, "今日")
        const bad = yield* Effect.flip(purgeWith({ before: "2026-02-30", dryRun: true }))
        assert.instanceOf(bad, Purge.PurgeDateInvalid)
        assert.include((bad as Purge.PurgeDateInvalid).en, "YYYY-MM-DD")
      })
    )
  })
})
