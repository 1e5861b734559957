/**
 * Booking commands: `slots generate` (slots from the city calendar for a range: created, updated,
 * closed, and the bookings in closed slots to contact), `slots list`, `reservations list --date`, and
 * `bookings sweep` / `bookings purge` (release lapsed holds, offer freed seats to the waitlist, record
 * no-shows; erase booking personal data before a date, e.g. at the end of a contract).
 */
import { Runtime } from "@madoguchi/api"
import { Values } from "@madoguchi/domain"
import { Reservation, Slot, Sweeper } from "@madoguchi/scheduling"
import { Console, Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CliFailure, json, jsonFlag, reportFailure, table } from "../Output.ts"

const city = Flag.String("city").pipe(Flag.withDescription("市の識別名または団体コード / city slug or code"))
const date = (name: string, ja: string, en: string) =>
  Flag.String(name).pipe(Flag.withDescription(`${ja} YYYY-MM-DD / ${en}`))

const checkDate = (flag: string, value: string) =>
  Effect.mapError(
    Schema.decodeUnknownEffect(Values.LocalDate)(value),
    () =>
      new CliFailure({
        ja: `--${flag} は YYYY-MM-DD の日付で指定してください: ${value}`,
        en: `--${flag} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`
      })
  )

const time = (iso: string) => iso.slice(11, 16)

export const generate = Command.make(
  "generate",
  { city, from: date("from", "開始日", "first day"), to: date("to", "終了日", "last day"), json: jsonFlag },
  Effect.fn(
    function* (input) {
      const from = yield* checkDate("from", input.from)
      const to = yield* checkDate("to", input.to)
      const result = yield* (yield* Slot.Slots).generate(input.city, { from, to })
      if (input.json) return yield* json(result)
      yield* Console.log(
        `予約枠 / slots: 作成 created ${result.created}・更新 updated ${result.updated}・休止 closed ${result.closed}` +
          (result.outreachSessions > 0 ? `・出張窓口 outreach sessions ${result.outreachSessions}` : "")
      )
      if (result.overPlan.length > 0) {
        yield* Console.log("\n計画より予約が多い枠(定員は予約数のまま) / slots booked beyond the new plan:")
        yield* table(
          ["slot", "計画 planned", "予約 booked"],
          result.overPlan.map((o) => [o.slotId, o.planned, o.booked])
        )
      }
      if (result.affected.length > 0) {
        yield* Console.log("\n休止した枠の予約(要連絡) / bookings in closed slots — contact these people:")
        yield* table(
          ["開始 start", "人数 seats", "手続 procedure", "氏名 name", "連絡先 contact", "id"],
          result.affected.map((r) => [
            r.start.replace("T", " ").slice(0, 16),
            r.seats,
            r.procedure,
            r.name ?? "",
            r.contact ?? "",
            r.id
          ])
        )
      }
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("カレンダーから予約枠を生成 / generate slots from the calendar"))

export const listSlots = Command.make(
  "list",
  {
    city,
    from: date("from", "開始日", "first day"),
    to: date("to", "終了日", "last day"),
    site: Flag.String("site").pipe(Flag.withDescription("拠点 / site"), Flag.optional),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const from = yield* checkDate("from", input.from)
      const to = yield* checkDate("to", input.to)
      const slots = yield* (yield* Slot.Slots).list(input.city, {
        from,
        to,
        site: Option.getOrUndefined(input.site),
        channel: "staff",
        includeClosed: true
      })
      if (input.json) return yield* json({ slots })
      yield* table(
        ["日付 date", "時刻 time", "拠点 site", "区分 group", "定員 capacity", "予約 booked", "残 left", "状態 status"],
        slots.map((s) => [
          s.date,
          `${time(s.start)}–${time(s.end)}`,
          s.site,
          s.group,
          s.capacity,
          s.booked,
          s.remaining,
          s.status
        ])
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("予約枠の一覧 / list slots"))

export const slots = Command.make("slots").pipe(
  Command.withDescription("予約枠 / booking slots"),
  Command.withSubcommands([generate, listSlots])
)

const statuses = ["held", "confirmed", "checked_in", "done", "no_show", "cancelled", "expired", "rescheduled"] as const

export const listReservations = Command.make(
  "list",
  {
    city,
    date: date("date", "日付", "day"),
    site: Flag.String("site").pipe(Flag.withDescription("拠点 / site"), Flag.optional),
    status: Flag.Literals("status", statuses).pipe(Flag.withDescription("状態 / status"), Flag.optional),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const day = yield* checkDate("date", input.date)
      const reservations = yield* (yield* Reservation.Reservations).list(input.city, {
        date: day,
        site: Option.getOrUndefined(input.site),
        status: Option.getOrUndefined(input.status)
      })
      if (input.json) return yield* json({ reservations })
      yield* table(
        [
          "時刻 time",
          "拠点 site",
          "状態 status",
          "人数 seats",
          "手続 procedure",
          "経路 channel",
          "氏名 name",
          "連絡先 contact",
          "id"
        ],
        reservations.map((r) => [
          time(r.start),
          r.site,
          r.status,
          r.seats,
          r.procedure,
          r.channel,
          r.name ?? "",
          r.contact ?? "",
          r.id
        ])
      )
      yield* Console.log(`\n${reservations.length} 件 / reservations`)
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("予約の一覧 / reservations of a day"))

export const reservations = Command.make("reservations").pipe(
  Command.withDescription("予約 / reservations"),
  Command.withSubcommands([listReservations])
)

export const sweep = Command.make(
  "sweep",
  { json: jsonFlag },
  Effect.fn(
    function* (input) {
      const result = yield* (yield* Sweeper.Sweeper).sweep
      if (input.json) return yield* json(result)
      yield* Console.log(
        `解放 released ${result.released}・キャンセル待ち案内 offers ${result.offers}・無断不来所 no-shows ${result.noShows}・個人情報消去 purged ${result.purged}`
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(
  Command.withDescription(
    "期限切れの仮押さえ解放・キャンセル待ち案内・無断不来所の記録 / release lapsed holds, offer seats to the waitlist, record no-shows"
  )
)

export const purge = Command.make(
  "purge",
  {
    city,
    before: date("before", "この日より前の予約の個人情報を消去", "erase personal data of bookings before"),
    json: jsonFlag
  },
  Effect.fn(
    function* (input) {
      const before = yield* checkDate("before", input.before)
      const result = yield* (yield* Sweeper.Sweeper).purge(input.city, before)
      if (input.json) return yield* json(result)
      yield* Console.log(
        `消去 / erased: 予約 reservations ${result.reservations}・キャンセル待ち waitlist ${result.waitlist}・番号札 tickets ${result.tickets}・通知 notifications ${result.notifications}・冪等キー idempotency keys ${result.idempotencyKeys}`
      )
    },
    Effect.provide(Runtime.makeAppLayer()),
    Effect.catch(reportFailure)
  )
).pipe(Command.withDescription("予約の個人情報を消去 / erase booking personal data (e.g. at contract end)"))

export const bookings = Command.make("bookings").pipe(
  Command.withDescription("予約の保守 / booking maintenance"),
  Command.withSubcommands([sweep, purge])
)
