/**
 * 予約 / Reservations: one day's slots at one site with the seats left for the booking channel
 * (`GET …/slots`), the day's reservations (`GET …/reservations`), booking for a caller (`POST
 * …/reservations` with the form's `Idempotency-Key`, the eligibility pre-check and its what-to-bring),
 * the waitlist of a full slot, and confirm / cancel / reschedule / check-in / no-show. Each render
 * gets a fresh idempotency key, so submitting the same form twice books once.
 */
import { randomUUID } from "node:crypto"
import { fail, redirect } from "@sveltejs/kit"
import { call, cityApi, queryOf } from "#lib/counter/api.server.ts"
import { bookingBody, counterSites, precheckOf, whatToBring } from "#lib/counter/booking.server.ts"
import { isLocalDate, todayInJapan } from "#lib/counter/dates.ts"
import { formValues, valueOf } from "#lib/counter/eligibilityForm.ts"
import type { Reservation, Slot, Ticket, WaitlistEntry } from "#lib/counter/types.ts"
import { labelsOf, vocabulary } from "#lib/counter/vocabulary.server.ts"
import type { Actions, PageServerLoad } from "./$types"

const isId = (s: string | null): s is string => s !== null && /^[0-9a-f-]{36}$/i.test(s)

export const load: PageServerLoad = async ({ url, fetch, params, parent }) => {
  const { city, staff } = await parent()
  // 予約番号 read out by a caller: open the day of that booking, with it marked.
  const code = url.searchParams.get("code")?.trim() ?? ""
  let codeError = null
  if (code !== "") {
    const found = await call<Reservation>(
      fetch,
      "GET",
      cityApi(params.city, `reservations/${encodeURIComponent(code)}`)
    )
    if (found.ok) {
      redirect(
        303,
        `${queryOf({ date: found.value.start.slice(0, 10), site: found.value.site, found: found.value.id })}#r-${found.value.id}`
      )
    }
    codeError = found.error
  }
  const sites = counterSites(city.sites)
  const today = todayInJapan()
  const askedDate = url.searchParams.get("date")
  const date = isLocalDate(askedDate) ? askedDate : today
  const askedSite = url.searchParams.get("site")
  const site = sites.find((s) => s.id === askedSite)?.id ?? sites[0]?.id ?? ""
  const channel = url.searchParams.get("channel") === "staff" ? "staff" : "phone"
  const move = url.searchParams.get("move")
  const waitlistId = url.searchParams.get("waitlist")

  const [voc, slots, reservations, moving, waitlist, waiting] = await Promise.all([
    vocabulary(fetch),
    call<{ slots: ReadonlyArray<Slot> }>(
      fetch,
      "GET",
      cityApi(params.city, `slots${queryOf({ from: date, to: date, site, channel, includeClosed: "true" })}`)
    ),
    call<{ reservations: ReadonlyArray<Reservation> }>(
      fetch,
      "GET",
      cityApi(params.city, `reservations${queryOf({ date, site })}`)
    ),
    isId(move) ? call<Reservation>(fetch, "GET", cityApi(params.city, `reservations/${move}`)) : null,
    isId(waitlistId) ? call<WaitlistEntry>(fetch, "GET", cityApi(params.city, `waitlist/${waitlistId}`)) : null,
    call<{ entries: ReadonlyArray<WaitlistEntry> }>(
      fetch,
      "GET",
      cityApi(params.city, `waitlist${queryOf({ date, site })}`)
    )
  ])
  const slotList = slots.ok ? [...slots.value.slots].sort((a, b) => a.start.localeCompare(b.start)) : []
  return {
    today,
    date,
    site,
    sites: sites.map((s) => ({ id: s.id, name: s.name })),
    channel,
    slot: url.searchParams.get("slot"),
    signedIn: staff !== null,
    slots: slotList,
    slotsError: slots.ok ? null : slots.error,
    reservations: reservations.ok ? reservations.value.reservations : [],
    reservationsError: reservations.ok ? null : reservations.error,
    moving: moving?.ok ? moving.value : null,
    waitlist: waitlist === null ? null : waitlist.ok ? { ok: true as const, entry: waitlist.value } : waitlist,
    /** The reservation found by its code (marked in the list), or why none was. */
    found: url.searchParams.get("found"),
    code,
    codeError,
    /** The day's waitlist at this site, by slot time and joining order. */
    waiting: waiting.ok ? waiting.value.entries : [],
    waitingError: waiting.ok ? null : waiting.error,
    /** One key per render of the forms: a second submit of the same form replays, never books twice. */
    key: randomUUID(),
    labels: voc.ok
      ? {
          procedures: labelsOf(voc.value.procedures),
          attendeeKinds: voc.value.attendeeKinds,
          absenceReasons: voc.value.absenceReasons,
          relations: voc.value.relations,
          decisions: labelsOf(voc.value.decisions),
          holders: labelsOf(voc.value.holders),
          documents: labelsOf(voc.value.documentTypes)
        }
      : null
  }
}

type Event = Parameters<Actions[string]>[0]

/** A reservation action by id (`confirm`, `check-in`, `no-show`) or the cancellation. */
const byId =
  (action: "confirm" | "check-in" | "no-show" | "cancel") =>
  async ({ request, fetch, params }: Event) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "id")
    const answer =
      action === "cancel"
        ? await call<Reservation>(fetch, "DELETE", cityApi(params.city, `reservations/${encodeURIComponent(id)}`), {
            idempotencyKey: valueOf(values, "key") || undefined
          })
        : await call<Reservation | { reservation: Reservation; ticket: Ticket }>(
            fetch,
            "POST",
            cityApi(params.city, `reservations/${encodeURIComponent(id)}/${action}`),
            { body: {} }
          )
    if (!answer.ok) return fail(answer.status, { action, id, error: answer.error })
    const value = answer.value
    return "ticket" in value
      ? { action, id, reservation: value.reservation, ticket: value.ticket }
      : { action, id, reservation: value }
  }

export const actions: Actions = {
  book: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const precheck = precheckOf(values)
    const channel = valueOf(values, "channel") === "staff" ? "staff" : "phone"
    const answer = await call<Reservation>(fetch, "POST", cityApi(params.city, "reservations"), {
      body: { ...bookingBody(values), channel, ...(precheck ? { eligibility: precheck } : {}) },
      idempotencyKey: valueOf(values, "key") || undefined
    })
    if (!answer.ok) return fail(answer.status, { action: "book" as const, values, error: answer.error })
    const bring = await whatToBring(fetch, params.city, answer.value, precheck)
    return { action: "book" as const, booked: answer.value, replayed: answer.replayed, bring }
  },
  waitlist: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const channel = valueOf(values, "channel") === "staff" ? "staff" : "phone"
    const { slotId, procedure, name, contact, seats, issuanceNoticeNumber } = bookingBody(values)
    const answer = await call<WaitlistEntry>(fetch, "POST", cityApi(params.city, "waitlist"), {
      body: { slotId, procedure, name, contact, seats, issuanceNoticeNumber, channel }
    })
    if (!answer.ok) return fail(answer.status, { action: "waitlist" as const, values, error: answer.error })
    return { action: "waitlist" as const, entry: answer.value }
  },
  reschedule: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "id")
    const answer = await call<Reservation>(
      fetch,
      "POST",
      cityApi(params.city, `reservations/${encodeURIComponent(id)}/reschedule`),
      { body: { slotId: valueOf(values, "slotId") }, idempotencyKey: valueOf(values, "key") || undefined }
    )
    if (!answer.ok) return fail(answer.status, { action: "reschedule" as const, id, error: answer.error })
    return { action: "reschedule" as const, id, reservation: answer.value }
  },
  confirm: byId("confirm"),
  checkIn: byId("check-in"),
  noShow: byId("no-show"),
  cancel: byId("cancel"),
  withdraw: async ({ request, fetch, params }) => {
    const id = valueOf(formValues(await request.formData()), "id")
    const answer = await call<WaitlistEntry>(
      fetch,
      "DELETE",
      cityApi(params.city, `waitlist/${encodeURIComponent(id)}`)
    )
    if (!answer.ok) return fail(answer.status, { action: "withdraw" as const, id, error: answer.error })
    return { action: "withdraw" as const, id, entry: answer.value }
  },
  accept: async ({ request, fetch, params }) => {
    const id = valueOf(formValues(await request.formData()), "id")
    const answer = await call<Reservation>(
      fetch,
      "POST",
      cityApi(params.city, `waitlist/${encodeURIComponent(id)}/accept`),
      { body: {} }
    )
    if (!answer.ok) return fail(answer.status, { action: "accept" as const, id, error: answer.error })
    return { action: "accept" as const, id, reservation: answer.value }
  }
}
