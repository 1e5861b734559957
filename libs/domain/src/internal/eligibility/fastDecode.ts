/**
 * A fast path for decoding the eligibility input: the same language as the `EligibilityInput`
 * schema, checked by hand over the keys the input actually has, for the counter's hottest call.
 * It only ever *accepts*: when anything is unusual — a wrong type, an unknown code, a bad date, a
 * 個人番号 in a free-text field, an explicit `undefined`, a birth date after the visit — it declines
 * (returns `undefined`) and the caller decodes with the schema, which reports every problem with its
 * path. The tests check that whatever this accepts, the schema accepts with the same value.
 *
 * Like the schema (keys it does not know are ignored), the result holds only known keys; nulls stay
 * where the contract allows them; bare document strings become `{ type }`.
 */
import type { EligibilityInput } from "../../Eligibility.ts"
import { containsMyNumber } from "../../MyNumber.ts"
import * as V from "../../Vocabulary.ts"

type Check = (v: unknown) => unknown

/** Marks a value the fast path will not vouch for. */
const NO: unique symbol = Symbol("no")
type No = typeof NO

const c0 = 48
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - c0
  return d >= 0 && d <= 9 ? d : -1000
}

/** `YYYY-MM-DD`, a real calendar date (the `LocalDate` schema's test, property-tested against it). */
export const isDate = (s: string): boolean => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3)
  const m = digitAt(s, 5) * 10 + digitAt(s, 6)
  const d = digitAt(s, 8) * 10 + digitAt(s, 9)
  if (y < 0 || m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const last = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
  return d <= last
}

const date: Check = (v) => (typeof v === "string" && isDate(v) ? v : NO)
const bool: Check = (v) => (v === true || v === false ? v : NO)
const code =
  (vocabulary: { readonly is: (u: unknown) => boolean }): Check =>
  (v) =>
    vocabulary.is(v) ? v : NO
const text: Check = (v) => (typeof v === "string" && !containsMyNumber(v) ? v : NO)
const count: Check = (v) => (typeof v === "number" && v >= 0 && Number.isFinite(v) ? v : NO)
const codes =
  (vocabulary: { readonly is: (u: unknown) => boolean }): Check =>
  (v) => {
    if (!Array.isArray(v)) return NO
    for (let i = 0; i < v.length; i++) if (!vocabulary.is(v[i])) return NO
    return v.slice()
  }

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

interface Field {
  readonly check: Check
  /** `null` is accepted (and kept). */
  readonly nullable: boolean
}

/** A struct: its fields and the keys it requires. */
interface Struct {
  readonly fields: ReadonlyMap<string, Field>
  readonly required: ReadonlyArray<string>
}

const opt = (check: Check): Field => ({ check, nullable: true })
const req = (check: Check): Field => ({ check, nullable: false })

const struct = (fields: Record<string, Field>): Struct => ({
  fields: new Map(Object.entries(fields)),
  required: Object.entries(fields)
    .filter(([, f]) => !f.nullable)
    .map(([k]) => k)
})

/** Decode the keys `value` has against `s`; `NO` on anything unusual. */
const decodeStruct = (value: unknown, s: Struct): Record<string, unknown> | No => {
  if (!isPlainObject(value)) return NO
  const out: Record<string, unknown> = {}
  for (const key in value) {
    const field = s.fields.get(key)
    if (field === undefined) continue
    const v = value[key]
    if (v === undefined) return NO
    if (v === null) {
      if (!field.nullable) return NO
      out[key] = null
      continue
    }
    const decoded = field.check(v)
    if (decoded === NO) return NO
    out[key] = decoded
  }
  for (let i = 0; i < s.required.length; i++) if (out[s.required[i]!] === undefined) return NO
  return out
}

const nested =
  (s: Struct): Check =>
  (v) =>
    decodeStruct(v, s)

/** The struct schemas of `Eligibility.ts`, field for field (a test compares the key sets). @category constants */
export const CertInfoFields = struct({ status: opt(code(V.CertStatus)), issuedOn: opt(date), expiresOn: opt(date) })

/** @category constants */
export const CardInfoFields = struct({
  status: opt(code(V.CardStatus)),
  kind: opt(code(V.CardKind)),
  issuedOn: opt(date),
  expiresOn: opt(date),
  signatureCert: opt(nested(CertInfoFields)),
  authCert: opt(nested(CertInfoFields))
})

/** @category constants */
export const ApplicantFields = struct({
  birthDate: req(date),
  nationality: opt(code(V.Nationality)),
  residenceStatus: opt(code(V.ResidenceStatus)),
  residencePeriodEnd: opt(date),
  adultGuardianship: opt(bool),
  card: opt(nested(CardInfoFields)),
  canEnterPins: opt(bool),
  pinForgotten: opt(bool),
  lockedPins: opt(codes(V.Pin)),
  holdsNotificationCard: opt(bool),
  notificationCardLost: opt(bool),
  registeredDomicileInCity: opt(bool),
  isRenewal: opt(bool),
  previousCardStatus: opt(code(V.CardStatus)),
  applicationReceivedOn: opt(date),
  lossReportedOn: opt(date),
  lostOutsideHome: opt(bool),
  policeReportFiled: opt(bool),
  cardDestroyed: opt(bool),
  cardFoundOn: opt(date),
  endorsementFieldFull: opt(bool),
  changeKind: opt(code(V.ChangeKind)),
  addressChangedOn: opt(date),
  plannedAddressOrNameChange: opt(bool),
  movedInOn: opt(date),
  moveInReportedOn: opt(date),
  plannedMoveOutOn: opt(date),
  departureDate: opt(date),
  residesAbroad: opt(bool),
  stayRenewalPending: opt(bool),
  stayRenewed: opt(bool),
  inquiryMailedOn: opt(date)
})

/** @category constants */
export const AttendeeFields = struct({
  kind: req(code(V.AttendeeKind)),
  applicantPresent: opt(bool),
  relation: opt(code(V.Relation)),
  sameHousehold: opt(bool),
  reason: opt(code(V.AbsenceReason))
})

/** @category constants */
export const DocumentFields = struct({
  type: req(code(V.DocumentType)),
  holder: opt(code(V.Holder)),
  expiresOn: opt(date),
  issuedOn: opt(date),
  completed: opt(bool),
  sealed: opt(bool),
  statesInabilityToAttend: opt(bool),
  issuedWithinMonths: opt(count),
  copy: opt(bool),
  matchesResidentRecord: opt(bool),
  renewalPendingStamp: opt(bool),
  photo: opt(bool)
})

const documents: Check = (v) => {
  if (!Array.isArray(v)) return NO
  const out: Array<unknown> = new Array(v.length)
  for (let i = 0; i < v.length; i++) {
    const d = v[i]
    if (typeof d === "string") {
      if (!V.DocumentType.is(d)) return NO
      out[i] = { type: d }
    } else {
      const decoded = decodeStruct(d, DocumentFields)
      if (decoded === NO) return NO
      out[i] = decoded
    }
  }
  return out
}

/** @category constants */
export const InputFields = struct({
  procedure: req(code(V.Procedure)),
  mode: opt(code(V.ApplicationMode)),
  cause: opt(code(V.Cause)),
  certificates: opt(codes(V.Certificate)),
  visitDate: req(date),
  city: opt(text),
  site: opt(text),
  eventOn: opt(date),
  applicant: req(nested(ApplicantFields)),
  attendee: opt(nested(AttendeeFields)),
  documents: opt(documents)
})

/**
 * The decoded input, or `undefined` when the schema must decide (and explain).
 *
 * @category constructors
 */
export const fastDecode = (input: unknown): EligibilityInput | undefined => {
  const out = decodeStruct(input, InputFields)
  if (out === NO) return undefined
  // The schema's own check: no birth date after the visit.
  if ((out["applicant"] as { birthDate: string }).birthDate > (out["visitDate"] as string)) return undefined
  return out as unknown as EligibilityInput
}
