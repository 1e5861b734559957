/**
 * What the staff and public booking screens share on the server: the sites where residents are
 * served, the booking body (with the optional eligibility pre-check) from a posted form, and the
 * pre-check's answer — what to bring — for the booked slot's date and site.
 */
import { call } from "./api.server.ts"
import { type FormValues, valueOf } from "./eligibilityForm.ts"
import type { EligibilityResult, Reservation, Site } from "./types.ts"

/** Sites where residents are served (not the back office or the phone line). */
export const counterSites = <S extends Site>(sites: ReadonlyArray<S>): ReadonlyArray<S> =>
  sites.filter((s) => s.kind !== "back_office" && s.kind !== "phone")

/** The pre-check part of a booking form (`pc.*`): who comes and the applicant's birth date. */
export const precheckOf = (values: FormValues): Record<string, unknown> | undefined => {
  const birthDate = valueOf(values, "pc.birthDate")
  if (birthDate === "") return undefined
  const kind = valueOf(values, "pc.kind") || "self"
  const reason = valueOf(values, "pc.reason")
  const relation = valueOf(values, "pc.relation")
  return {
    applicant: { birthDate },
    attendee: {
      kind,
      ...(kind !== "self" && reason !== "" ? { reason } : {}),
      ...(kind !== "self" && relation !== "" ? { relation } : {})
    },
    documents: []
  }
}

/** The reservation body of a booking form (slot, procedure, name in kana, contact, seats, notice number). */
export const bookingBody = (values: FormValues): Record<string, unknown> => {
  const seats = valueOf(values, "seats")
  const notice = valueOf(values, "issuanceNoticeNumber")
  return {
    slotId: valueOf(values, "slotId"),
    procedure: valueOf(values, "procedure"),
    name: valueOf(values, "name"),
    contact: valueOf(values, "contact"),
    ...(seats !== "" ? { seats: Number(seats) } : {}),
    ...(notice !== "" ? { issuanceNoticeNumber: notice } : {})
  }
}

/**
 * What to bring for a booked reservation: the eligibility check of the pre-check's facts with no
 * documents yet, on the slot's date at its site — everything it lists as missing is to be brought.
 */
export const whatToBring = async (
  fetch: typeof globalThis.fetch,
  city: string,
  reservation: Reservation,
  precheck: Record<string, unknown> | undefined,
  anonymous = false
): Promise<EligibilityResult | null> => {
  if (precheck === undefined) return null
  const answer = await call<EligibilityResult>(fetch, "POST", "/api/v1/eligibility/check", {
    body: {
      ...precheck,
      procedure: reservation.procedure,
      visitDate: reservation.start.slice(0, 10),
      city,
      site: reservation.site
    },
    anonymous
  })
  return answer.ok ? answer.value : null
}
