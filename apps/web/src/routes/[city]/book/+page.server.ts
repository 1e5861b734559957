/**
 * ご予約 / Public booking page: no staff login, always as the public (`credentials: "omit"`, so the
 * API applies the web channel's share of each slot). Choose a procedure and a free slot of the next
 * two weeks (`GET …/slots`), give a name in kana, a contact and — where asked — the 交付通知書 number,
 * and get the reservation number and what to bring (the pre-check of `POST …/reservations`). A
 * reservation is looked up by its number (予約番号) and the contact it was booked with, then cancelled. Each render gets a fresh idempotency key.
 */
import { randomUUID } from "node:crypto"
import { error, fail } from "@sveltejs/kit"
import { call, cityApi, queryOf } from "#lib/counter/api.server.ts"
import { bookingBody, precheckOf, whatToBring } from "#lib/counter/booking.server.ts"
import { addDays, isLocalDate, todayInJapan } from "#lib/counter/dates.ts"
import { formValues, valueOf } from "#lib/counter/eligibilityForm.ts"
import type { OutreachSession, Reservation, Site, Slot } from "#lib/counter/types.ts"
import { labelsOf, vocabulary } from "#lib/counter/vocabulary.server.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Days shown at once. */
const SPAN = 14

interface CitySummary {
  readonly slug: string
  readonly name: { ja: string; en: string }
  readonly sites: ReadonlyArray<Site>
}

export const load: PageServerLoad = async ({ url, fetch, params }) => {
  const today = todayInJapan()
  const asked = url.searchParams.get("from")
  const from = isLocalDate(asked) && asked > today ? asked : today
  const to = addDays(from, SPAN - 1)
  const anonymous = true
  const [city, voc, slots, sessions, settings] = await Promise.all([
    call<CitySummary>(fetch, "GET", `/api/v1/cities/${encodeURIComponent(params.city)}`, { anonymous }),
    vocabulary(fetch),
    call<{ slots: ReadonlyArray<Slot> }>(fetch, "GET", cityApi(params.city, `slots${queryOf({ from, to })}`), {
      anonymous
    }),
    call<{ sessions: ReadonlyArray<OutreachSession> }>(
      fetch,
      "GET",
      cityApi(params.city, `outreach-sessions${queryOf({ from, to })}`),
      { anonymous }
    ),
    call<{ issuanceNoticeNumber: "required" | "optional" | "none" }>(
      fetch,
      "GET",
      cityApi(params.city, "booking-settings"),
      { anonymous }
    )
  ])
  if (!city.ok) error(city.status, `${city.error.ja} / ${city.error.en}`)
  const free = slots.ok
    ? slots.value.slots.filter((s) => s.remaining > 0).sort((a, b) => a.start.localeCompare(b.start))
    : []
  const offered = new Set(free.flatMap((s) => s.procedures))
  const procedure = url.searchParams.get("procedure") ?? ""
  const slotId = url.searchParams.get("slot") ?? ""
  const venues = Object.fromEntries((sessions.ok ? sessions.value.sessions : []).map((s) => [s.id, s.venue] as const))
  return {
    city: { slug: city.value.slug, name: city.value.name },
    sites: Object.fromEntries(city.value.sites.map((s) => [s.id, s.name])),
    today,
    from,
    to,
    procedure: offered.has(procedure) ? procedure : "",
    procedures: voc.ok ? voc.value.procedures.filter((p) => offered.has(p.code)).map((p) => p.code) : [...offered],
    slots: offered.has(procedure)
      ? free
          .filter((s) => s.procedures.includes(procedure))
          .map((s) => ({
            id: s.id,
            site: s.site,
            date: s.date,
            start: s.start,
            end: s.end,
            remaining: s.remaining,
            venue: s.outreachSessionId ? (venues[s.outreachSessionId] ?? null) : null
          }))
      : [],
    slotsError: slots.ok ? null : slots.error,
    /** Whether the city asks for the 交付通知書 number when booking (its profile's booking settings). */
    noticePolicy: settings.ok ? settings.value.issuanceNoticeNumber : ("optional" as const),
    slotId,
    key: randomUUID(),
    labels: voc.ok
      ? {
          procedures: labelsOf(voc.value.procedures),
          attendeeKinds: voc.value.attendeeKinds,
          absenceReasons: voc.value.absenceReasons.filter((r) => r.accepted),
          decisions: labelsOf(voc.value.decisions),
          holders: labelsOf(voc.value.holders),
          documents: labelsOf(voc.value.documentTypes)
        }
      : null
  }
}

export const actions: Actions = {
  book: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const precheck = precheckOf(values)
    const answer = await call<Reservation>(fetch, "POST", cityApi(params.city, "reservations"), {
      body: { ...bookingBody(values), ...(precheck ? { eligibility: precheck } : {}) },
      idempotencyKey: valueOf(values, "key") || undefined,
      anonymous: true
    })
    if (!answer.ok) return fail(answer.status, { action: "book" as const, values, error: answer.error })
    const bring = await whatToBring(fetch, params.city, answer.value, precheck, true)
    return { action: "book" as const, booked: answer.value, bring, replayed: answer.replayed }
  },
  lookup: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "number")
    const answer = await call<Reservation>(fetch, "POST", cityApi(params.city, "reservations/lookup"), {
      body: { code: id, contact: valueOf(values, "contact") },
      anonymous: true
    })
    if (!answer.ok) return fail(answer.status, { action: "lookup" as const, number: id, error: answer.error })
    return { action: "lookup" as const, found: answer.value }
  },
  cancel: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "number")
    const answer = await call<Reservation>(
      fetch,
      "DELETE",
      cityApi(params.city, `reservations/${encodeURIComponent(id)}`),
      { idempotencyKey: valueOf(values, "key") || undefined, anonymous: true }
    )
    if (!answer.ok) return fail(answer.status, { action: "cancel" as const, number: id, error: answer.error })
    return { action: "cancel" as const, cancelled: answer.value }
  }
}
