/**
 * The reservation code (予約番号) a resident can read out on the phone or type on the booking page:
 * ten characters of Crockford's base 32 (`0-9 A-Z` without I, L, O, U), taken from the first 48
 * random bits of the reservation's id. It is a stored generated column, so every path that inserts a
 * reservation (`booking_take`, group bookings, waitlist promotion) has it without knowing about it,
 * and `@madoguchi/scheduling` computes the same code from the id in TypeScript.
 *
 * The code is not unique by construction (48 bits; two equal codes in one city are unlikely, not
 * impossible), so the index is not unique: the public lookup asks for the code and the phone number
 * or e-mail given at booking, which also keeps a guessed code from revealing or cancelling anything.
 */
import { type Kysely, sql } from "kysely"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create function reservation_code(p_id uuid) returns text
    language sql immutable strict parallel safe as $$
      select string_agg(
        substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
          (((('x' || substr(replace(p_id::text, '-', ''), 1, 12))::bit(48)::bigint) >> (5 * (9 - i))) & 31)::int + 1,
          1),
        '' order by i)
      from generate_series(0, 9) as i
    $$`.execute(db)
  await sql`alter table reservation add column code text generated always as (reservation_code(id)) stored`.execute(db)
  await db.schema.createIndex("reservation_by_code").on("reservation").columns(["city_code", "code"]).execute()
}

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.dropIndex("reservation_by_code").ifExists().execute()
  await sql`alter table reservation drop column if exists code`.execute(db)
  await sql`drop function if exists reservation_code(uuid)`.execute(db)
}
