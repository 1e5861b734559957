/**
 * Booking's part of the contract-end purge (`PersonalData.Purger`): the sweeper's own purge — names,
 * contacts, 交付通知書 numbers and pre-checks of reservations, waitlist entries and tickets, the
 * outbox's recipients and messages, idempotency keys — over the city's records before the cut-off,
 * plus what the sweeper leaves: the outbox's delivery errors (which may quote an address) and the
 * notes on outreach sessions. Reservations and waitlist entries still open are kept (and counted).
 */
import { Database } from "@madoguchi/db"
import { PersonalData } from "@madoguchi/domain"
import { Effect } from "effect"
import { type RawBuilder, sql } from "kysely"
import { Sweeper } from "./Sweeper.ts"

const table = (
  name: string,
  label: { ja: string; en: string },
  fields: ReadonlyArray<string>,
  rows: number,
  kept?: PersonalData.PurgedTable["kept"]
): PersonalData.PurgedTable => ({ owner: "scheduling", table: name, label, fields, rows, ...(kept ? { kept } : {}) })

const STILL_OPEN = { ja: "予約・キャンセル待ちが有効なまま", en: "booking or waitlist entry still open" }

/** @category constructors */
export const purger: Effect.Effect<PersonalData.Purger, never, Sweeper | Database.Database> = Effect.gen(function* () {
  const sweeper = yield* Sweeper
  const db = yield* Database.Database

  const purge = Effect.fn("Booking.purgePersonalData")(
    function* ({ cityCode, before }: PersonalData.PurgeScope) {
      // Delivery errors first, counting only the rows the sweeper will not count (recipient already gone).
      const errors = yield* db.use((k, signal) =>
        sql<{ counted: boolean }>`
          update booking_outbox set last_error = null
          where city_code = ${cityCode} and created_at < ${before}::date and last_error is not null
          returning recipient is not null as counted`
          .execute(k, { signal })
          .then((r) => r.rows.filter((row) => !row.counted).length)
      )
      const swept = yield* sweeper.purge(cityCode, before)
      const count = (query: RawBuilder<{ n: number }>) =>
        db.use((k, signal) => query.execute(k, { signal }).then((r) => Number(r.rows[0]?.n ?? 0)))
      // What the sweeper keeps on purpose: bookings and waitlist entries still open.
      const openReservations = yield* count(sql<{ n: number }>`
        select count(*)::int as n from reservation r join booking_slot s on s.city_code = r.city_code and s.id = r.slot_id
        where r.city_code = ${cityCode} and s.day < ${before} and r.purged_at is null
          and (r.name_kana is not null or r.contact is not null or r.issuance_notice_number is not null)`)
      const openWaitlist = yield* count(sql<{ n: number }>`
        select count(*)::int as n from waitlist_entry w join booking_slot s on s.city_code = w.city_code and s.id = w.slot_id
        where w.city_code = ${cityCode} and s.day < ${before} and w.purged_at is null
          and (w.name_kana is not null or w.contact is not null or w.issuance_notice_number is not null)`)
      const notes = yield* db.use((k, signal) =>
        k
          .updateTable("outreach_session")
          .set({ note: null, updated_at: sql`now()` })
          .where("city_code", "=", cityCode)
          .where("day", "<", before)
          .where("note", "is not", null)
          .executeTakeFirst({ signal })
      )
      return [
        table(
          "reservation",
          { ja: "予約", en: "reservations" },
          ["name_kana", "contact", "issuance_notice_number", "precheck"],
          swept.reservations,
          openReservations > 0 ? { rows: openReservations, reason: STILL_OPEN } : undefined
        ),
        table(
          "waitlist_entry",
          { ja: "キャンセル待ち", en: "waitlist entries" },
          ["name_kana", "contact", "issuance_notice_number"],
          swept.waitlist,
          openWaitlist > 0 ? { rows: openWaitlist, reason: STILL_OPEN } : undefined
        ),
        table("queue_ticket", { ja: "番号札", en: "walk-in tickets" }, ["issuance_notice_number"], swept.tickets),
        table(
          "booking_outbox",
          { ja: "通知(送信待ち・送信済み)", en: "notifications" },
          ["recipient", "payload", "last_error"],
          swept.notifications + errors
        ),
        table(
          "booking_request",
          { ja: "再送キー(予約内容のハッシュ)", en: "idempotency keys" },
          ["(row deleted)"],
          swept.idempotencyKeys
        ),
        table(
          "outreach_session",
          { ja: "出張窓口の備考", en: "outreach session notes" },
          ["note"],
          Number(notes.numUpdatedRows)
        )
      ]
    },
    Effect.mapError((cause) => new PersonalData.PersonalDataPurgeFailed({ owner: "scheduling", cause }))
  )

  return { owner: "scheduling", purge } satisfies PersonalData.Purger
})
