/**
 * `booking_take(…)`, second version: when no seat was taken and the request carries an idempotency
 * key, the key is looked up again before answering. A retry racing its original for the last seat
 * then gets the original's reservation, not SLOT_FULL, in the same round trip.
 */
import { type Kysely, sql } from "kysely"
import { down as dropFirst, up as first } from "./0101_scheduling_take_seats.ts"

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    create or replace function booking_take(
      p_city char(6), p_slot uuid, p_seats integer, p_channel text, p_procedure text, p_status text,
      p_hold_ms integer, p_name text, p_contact text, p_notice text, p_precheck jsonb, p_created_by text,
      p_party uuid, p_waitlist uuid, p_rescheduled_from uuid, p_key text, p_operation text, p_sha char(64)
    ) returns table (
      outcome text, id uuid, status text, hold_expires_at timestamptz, created_at timestamptz,
      confirmed_at timestamptz, site text, starts_at timestamptz, ends_at timestamptz,
      slot_status text, bookable boolean, capacity integer, booked integer, booked_web integer,
      booked_phone integer, quota_web integer, quota_phone integer, procedures jsonb,
      due integer, due_web integer, due_phone integer
    ) language plpgsql volatile as $$
    declare
      v_prior uuid;
      v_site text;
      v_starts timestamptz;
      v_ends timestamptz;
      v_expiry timestamptz;
      v_id uuid;
      v_created timestamptz;
      v_confirmed timestamptz;
    begin
      if p_key is not null then
        select r.reservation_id into v_prior from booking_request r where r.city_code = p_city and r.key = p_key;
        if found then
          return query select 'prior'::text, v_prior, null::text, null::timestamptz, null::timestamptz,
            null::timestamptz, null::text, null::timestamptz, null::timestamptz, null::text, null::boolean,
            null::integer, null::integer, null::integer, null::integer, null::integer, null::integer, null::jsonb,
            null::integer, null::integer, null::integer;
          return;
        end if;
      end if;

      update booking_slot s set
        booked = s.booked + p_seats,
        booked_web = s.booked_web + case when p_channel = 'web' then p_seats else 0 end,
        booked_phone = s.booked_phone + case when p_channel = 'phone' then p_seats else 0 end
      where s.city_code = p_city and s.id = p_slot
        and s.status = 'open'
        and s.starts_at > now()
        and s.booked + p_seats <= s.capacity
        and (p_channel = 'staff'
          or (p_channel = 'web' and s.quota_web is not null and s.booked_web + p_seats <= s.quota_web)
          or (p_channel = 'phone' and s.quota_phone is not null and s.booked_phone + p_seats <= s.quota_phone))
        and s.procedures @> jsonb_build_array(p_procedure)
      returning s.site, s.starts_at, s.ends_at into v_site, v_starts, v_ends;

      if not found then
        -- A concurrent request with the same key may have taken the seat while this one waited for
        -- the slot's lock: it committed before the lock was released, so this new snapshot sees it.
        if p_key is not null then
          select r.reservation_id into v_prior from booking_request r where r.city_code = p_city and r.key = p_key;
          if found then
            return query select 'prior'::text, v_prior, null::text, null::timestamptz, null::timestamptz,
              null::timestamptz, null::text, null::timestamptz, null::timestamptz, null::text, null::boolean,
              null::integer, null::integer, null::integer, null::integer, null::integer, null::integer, null::jsonb,
              null::integer, null::integer, null::integer;
            return;
          end if;
        end if;
        return query select 'not_taken'::text, null::uuid, null::text, null::timestamptz, null::timestamptz,
          null::timestamptz, s.site, s.starts_at, s.ends_at, s.status, s.starts_at > now(), s.capacity, s.booked,
          s.booked_web, s.booked_phone, s.quota_web, s.quota_phone, s.procedures,
          coalesce(d.due, 0)::integer, coalesce(d.due_web, 0)::integer, coalesce(d.due_phone, 0)::integer
        from booking_slot s
        left join lateral (
          select sum(r.seats) as due,
            sum(r.seats) filter (where r.channel = 'web') as due_web,
            sum(r.seats) filter (where r.channel = 'phone') as due_phone
          from reservation r
          where r.city_code = s.city_code and r.slot_id = s.id and r.occupies_seat and r.release_at <= now()
        ) d on true
        where s.city_code = p_city and s.id = p_slot;
        return;
      end if;

      v_expiry := case when p_status = 'held' then now() + p_hold_ms * interval '1 millisecond' end;
      insert into reservation as r (city_code, slot_id, party_id, seats, channel, procedure, status,
        hold_expires_at, release_at, name_kana, contact, issuance_notice_number, precheck, waitlist_entry_id,
        rescheduled_from, created_by, confirmed_at)
      values (p_city, p_slot, p_party, p_seats, p_channel, p_procedure, p_status, v_expiry, v_expiry, p_name,
        p_contact, p_notice, p_precheck, p_waitlist, p_rescheduled_from, p_created_by,
        case when p_status = 'confirmed' then now() end)
      returning r.id, r.created_at, r.confirmed_at into v_id, v_created, v_confirmed;

      if p_key is not null then
        insert into booking_request (city_code, key, operation, request_sha256, reservation_id)
        values (p_city, p_key, p_operation, p_sha, v_id);
      end if;

      return query select 'taken'::text, v_id, p_status, v_expiry, v_created, v_confirmed, v_site, v_starts,
        v_ends, null::text, null::boolean, null::integer, null::integer, null::integer, null::integer,
        null::integer, null::integer, null::jsonb, null::integer, null::integer, null::integer;
    end
    $$`.execute(db)
}

/** Back to the first version. */
export const down = async (db: Kysely<unknown>): Promise<void> => {
  await dropFirst(db)
  await first(db)
}
