/**
 * Custody's part of the contract-end purge (`PersonalData.Purger`). The ledger itself never changes:
 * what is erased is each entry's personal part (names and titles, notes, reasons, descriptions,
 * holders), stored apart and bound to the chain by the digest the hashed body keeps — so `verify`
 * still links every entry and counts the erased parts. The items projection loses its descriptions,
 * holders' names and approvers. Kept, with the reason: entries and items of things still in custody
 * or missing (their trail is still needed), and entries recorded before personal parts were kept
 * apart (erasing them would break the chain).
 */
import { Database } from "@madoguchi/db"
import { PersonalData } from "@madoguchi/domain"
import { Effect } from "effect"
import { type RawBuilder, sql } from "kysely"
import { startOfDay } from "./Event.ts"

const { ERASED } = PersonalData

const STILL_HELD = {
  ja: "保管中または所在不明の物に関する記録",
  en: "records of things still held or missing"
}
const BEFORE_SPLIT = {
  ja: "個人情報を分けて保存する前の記録(消去するとハッシュチェーンが切れます)",
  en: "entries recorded before personal parts were kept apart (erasing them would break the chain)"
}

/** Entries (by `e.seq`) touching an item still held or missing. */
const touchesOpenItem = (cityCode: string) => sql<boolean>`exists (
  select 1 from custody_event_item ei
  join custody_item i on i.city_code = ei.city_code and i.id = ei.item_id
  where ei.city_code = ${cityCode} and ei.seq = e.seq
    and (i.in_custody > 0 or i.holdings @> '[{"status":"missing"}]'::jsonb))`

/** @category constructors */
export const purger: Effect.Effect<PersonalData.Purger, never, Database.Database> = Effect.gen(function* () {
  const db = yield* Database.Database

  const purge = Effect.fn("Custody.purgePersonalData")(
    function* ({ cityCode, before }: PersonalData.PurgeScope) {
      const count = (query: RawBuilder<{ n: number }>) =>
        db.use((k, signal) => query.execute(k, { signal }).then((r) => Number(r.rows[0]?.n ?? 0)))

      const erased = yield* db.use((k, signal) =>
        sql`
          update custody_event_personal p set personal = null, purged_at = now()
          from custody_event e
          where p.city_code = ${cityCode} and e.city_code = p.city_code and e.seq = p.seq
            and e.occurred_on < ${before} and p.personal is not null
            and not ${touchesOpenItem(cityCode)}`.execute(k, { signal })
      )
      const held = yield* count(sql<{ n: number }>`
        select count(*)::int as n from custody_event_personal p
        join custody_event e on e.city_code = p.city_code and e.seq = p.seq
        where p.city_code = ${cityCode} and e.occurred_on < ${before} and p.personal is not null`)
      const unsplit = yield* count(sql<{ n: number }>`
        select count(*)::int as n from custody_event e
        where e.city_code = ${cityCode} and e.occurred_on < ${before}
          and not exists (select 1 from custody_event_personal p where p.city_code = e.city_code and p.seq = e.seq)`)

      // Items gone from custody (issued, handed back, disposed of) whose last event is before the cut-off.
      const items = yield* db.use((k, signal) =>
        sql`
          update custody_item set purged_at = now(),
            description = case when description is null then null else ${ERASED} end,
            holdings = (
              select coalesce(jsonb_agg(case when h ->> 'holder' is null then h
                else jsonb_set(h, '{holder}', to_jsonb(${ERASED}::text)) end order by n), '[]'::jsonb)
              from jsonb_array_elements(holdings) with ordinality as t(h, n)),
            disposal = case when disposal ->> 'approver' is null then disposal
              else jsonb_set(disposal, '{approver}', to_jsonb(${ERASED}::text)) end
          where city_code = ${cityCode} and purged_at is null and in_custody = 0
            and not holdings @> '[{"status":"missing"}]'::jsonb
            and last_occurred_at < ${startOfDay(before)}`.execute(k, { signal })
      )
      const itemsKept = yield* count(sql<{ n: number }>`
        select count(*)::int as n from custody_item
        where city_code = ${cityCode} and purged_at is null and last_occurred_at < ${startOfDay(before)}
          and (in_custody > 0 or holdings @> '[{"status":"missing"}]'::jsonb)`)

      const kept = (rows: number, reason: { ja: string; en: string }) => (rows > 0 ? { kept: { rows, reason } } : {})
      return [
        {
          owner: "custody",
          table: "custody_event_personal",
          label: { ja: "保管台帳の記録(氏名・備考など)", en: "custody ledger entries (names, notes)" },
          fields: ["names", "titles", "note", "reason", "description", "holder"],
          rows: Number(erased.numAffectedRows ?? 0),
          ...kept(held, STILL_HELD)
        },
        ...(unsplit > 0
          ? [
              {
                owner: "custody",
                table: "custody_event",
                label: { ja: "保管台帳の記録(旧形式)", en: "custody ledger entries (older form)" },
                fields: [],
                rows: 0,
                ...kept(unsplit, BEFORE_SPLIT)
              }
            ]
          : []),
        {
          owner: "custody",
          table: "custody_item",
          label: { ja: "保管物(内容・保管者)", en: "items in the ledger (descriptions, holders)" },
          fields: ["description", "holdings.holder", "disposal.approver"],
          rows: Number(items.numAffectedRows ?? 0),
          ...kept(itemsKept, STILL_HELD)
        }
      ] satisfies ReadonlyArray<PersonalData.PurgedTable>
    },
    Effect.mapError((cause) => new PersonalData.PersonalDataPurgeFailed({ owner: "custody", cause }))
  )

  return { owner: "custody", purge } satisfies PersonalData.Purger
})
