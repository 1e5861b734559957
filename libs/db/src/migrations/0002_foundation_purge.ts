/**
 * Foundation: the purge switch of append-only tables. A table that holds personal free text in an
 * append-only row (the activity log, report submissions, the custody ledger's personal parts) uses
 * `madoguchi_append_only_except_purge(<column>, …)` as its UPDATE/DELETE trigger: every UPDATE and
 * DELETE is refused as with `madoguchi_forbid_mutation`, except an UPDATE that changes only the listed
 * personal columns inside a transaction that turned the purge on
 * (`select set_config('madoguchi.purge', 'on', true)`, which `madoguchi purge` does and which ends
 * with the transaction).
 */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create or replace function madoguchi_append_only_except_purge() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and coalesce(current_setting('madoguchi.purge', true), '') = 'on'
         and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
        return new;
      end if;
      raise exception 'table % is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001',
              hint = 'append a correcting entry instead (personal data is erased only by madoguchi purge)';
    end
    $$`.execute(db)
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`drop function if exists madoguchi_append_only_except_purge()`.execute(db)
}
