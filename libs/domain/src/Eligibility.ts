/**
 * May this person, with these papers, do this procedure today — and if not, what exactly must they
 * bring? `decide` answers from the rule tables (national rules, effective-dated and sourced, with the
 * city's §11 variants switched by its profile): a decision (`allowed`, `refused`, or
 * `needs_second_visit` for the 照会書 route), the reasons with stable codes and text a clerk can read
 * aloud in Japanese or English, the documents still missing (as alternatives where the law gives a
 * choice), the next steps and the fee. The input and output shapes are the public contract of
 * DESIGN.md ("Eligibility check"): `checkEligibility(json)`, `POST /api/v1/eligibility/check` and
 * `madoguchi check` all take the same JSON.
 */
import { Effect, Result, Schema } from "effect"
import { bilingual, type DecodeError, decodeResult } from "./Decode.ts"
import { DocumentInput, Missing } from "./Documents.ts"
import { Fee } from "./Fees.ts"
import * as MyNumber from "./MyNumber.ts"
import { decideInternal, reasonCatalog } from "./internal/eligibility/decide.ts"
import { fastDecode } from "./internal/eligibility/fastDecode.ts"
import { type CityProfile, Profiles } from "./Profile.ts"
import { LocalDate } from "./Values.ts"
import {
  AbsenceReason,
  ApplicationMode,
  AttendeeKind,
  CardKind,
  CardStatus,
  Cause,
  Certificate,
  CertStatus,
  ChangeKind,
  Nationality,
  Pin,
  Procedure,
  Relation,
  ResidenceStatus
} from "./Vocabulary.ts"

const opt = <S extends Schema.Top>(schema: S) => Schema.optional(Schema.NullOr(schema))

/** An electronic certificate on the card. @category schemas */
export const CertInfo = Schema.Struct({
  status: opt(CertStatus.schema),
  issuedOn: opt(LocalDate),
  expiresOn: opt(LocalDate)
})
export type CertInfo = typeof CertInfo.Type

/** The applicant's card (for `card_issuance`: the card waiting to be handed over). @category schemas */
export const CardInfo = Schema.Struct({
  status: opt(CardStatus.schema),
  kind: opt(CardKind.schema),
  /** 発行日 (J-LIS production date). */
  issuedOn: opt(LocalDate),
  expiresOn: opt(LocalDate),
  signatureCert: opt(CertInfo),
  authCert: opt(CertInfo)
})
export type CardInfo = typeof CardInfo.Type

/** The person the procedure is for, with the facts the rules need. @category schemas */
export const Applicant = Schema.Struct({
  birthDate: LocalDate,
  nationality: opt(Nationality.schema),
  residenceStatus: opt(ResidenceStatus.schema),
  residencePeriodEnd: opt(LocalDate),
  /** 成年被後見人. */
  adultGuardianship: opt(Schema.Boolean),
  card: opt(CardInfo),
  canEnterPins: opt(Schema.Boolean),
  pinForgotten: opt(Schema.Boolean),
  lockedPins: opt(Schema.Array(Pin.schema)),
  holdsNotificationCard: opt(Schema.Boolean),
  notificationCardLost: opt(Schema.Boolean),
  /** 本籍 in this municipality (戸籍 can be checked locally). */
  registeredDomicileInCity: opt(Schema.Boolean),
  /** The card being handed over replaces an expiring one. */
  isRenewal: opt(Schema.Boolean),
  previousCardStatus: opt(CardStatus.schema),
  /** J-LIS application receipt date (申請受付日). */
  applicationReceivedOn: opt(LocalDate),
  lossReportedOn: opt(LocalDate),
  lostOutsideHome: opt(Schema.Boolean),
  policeReportFiled: opt(Schema.Boolean),
  cardDestroyed: opt(Schema.Boolean),
  cardFoundOn: opt(LocalDate),
  endorsementFieldFull: opt(Schema.Boolean),
  changeKind: opt(ChangeKind.schema),
  addressChangedOn: opt(LocalDate),
  plannedAddressOrNameChange: opt(Schema.Boolean),
  /** Day the person actually moved in. */
  movedInOn: opt(LocalDate),
  /** Day the 転入届 was (or is) filed; absent = filed at this visit. */
  moveInReportedOn: opt(LocalDate),
  /** 転出予定日 given in the previous municipality. */
  plannedMoveOutOn: opt(LocalDate),
  /** 国外転出予定日. */
  departureDate: opt(LocalDate),
  residesAbroad: opt(Schema.Boolean),
  stayRenewalPending: opt(Schema.Boolean),
  stayRenewed: opt(Schema.Boolean),
  inquiryMailedOn: opt(LocalDate)
})
export type Applicant = typeof Applicant.Type

/** Who came to the counter. @category schemas */
export const Attendee = Schema.Struct({
  kind: AttendeeKind.schema,
  /** Whether the applicant is there too (default: yes for self and legal representatives, no for proxies). */
  applicantPresent: opt(Schema.Boolean),
  relation: opt(Relation.schema),
  sameHousehold: opt(Schema.Boolean),
  reason: opt(AbsenceReason.schema)
})
export type Attendee = typeof Attendee.Type

/** The public input of the eligibility check (DESIGN.md "Contracts"). @category schemas */
export const EligibilityInput = Schema.Struct({
  procedure: Procedure.schema,
  mode: opt(ApplicationMode.schema),
  cause: opt(Cause.schema),
  certificates: opt(Schema.Array(Certificate.schema)),
  visitDate: LocalDate,
  /** City slug or 全国地方公共団体コード; absent = national rules. */
  city: opt(MyNumber.FreeText),
  /** Site id within the city (`outreach`). */
  site: opt(MyNumber.FreeText),
  /** Day of the event that opens an express window (紛失届, 転入届, number change…). */
  eventOn: opt(LocalDate),
  applicant: Applicant,
  /** Absent = the applicant in person. */
  attendee: opt(Attendee),
  documents: opt(Schema.Array(DocumentInput))
}).check(
  Schema.makeFilter((input) =>
    input.applicant.birthDate > input.visitDate
      ? {
          path: ["applicant", "birthDate"],
          issue: bilingual(
            `生年月日(${input.applicant.birthDate})が来庁日(${input.visitDate})より後です`,
            `birth date ${input.applicant.birthDate} is after the visit date ${input.visitDate}`
          )
        }
      : undefined
  )
)
export type EligibilityInput = typeof EligibilityInput.Type
/** The input as JSON (bare document strings allowed). @category models */
export type EligibilityInputJson = typeof EligibilityInput.Encoded

/** @category schemas */
export const Reason = Schema.Struct({
  code: Schema.String,
  /** `refuses`, `second_visit`, `allows` or `note`: how the reason weighs on the decision. */
  kind: Schema.Literals(["refuses", "second_visit", "allows", "note"]),
  ja: Schema.String,
  en: Schema.String,
  /** Source codes (Sources), national first. */
  basis: Schema.String
})
export type Reason = typeof Reason.Type

/** @category schemas */
export const NextStep = Schema.Struct({ code: Schema.String, ja: Schema.String, en: Schema.String })
export type NextStep = typeof NextStep.Type

/** @category schemas */
export const Decision = Schema.Literals(["allowed", "refused", "needs_second_visit"])
export type Decision = typeof Decision.Type

/** The public answer of the eligibility check. @category schemas */
export const EligibilityResult = Schema.Struct({
  decision: Decision,
  procedure: Procedure.schema,
  visitDate: Schema.String,
  /** The profile applied, or absent for national rules. */
  city: Schema.optional(Schema.String),
  reasons: Schema.Array(Reason),
  missingDocuments: Schema.Array(Missing),
  nextSteps: Schema.Array(NextStep),
  fee: Fee
})
export type EligibilityResult = typeof EligibilityResult.Type

/** How the city of the input was resolved. @category models */
export interface DecideContext {
  readonly profile?: CityProfile | undefined
  /** The input named a city for which there is no profile (national rules apply). */
  readonly cityNotFound?: boolean | undefined
}

/**
 * The decision for an already-decoded input. Pure and synchronous: the hot path.
 *
 * @category constructors
 */
export const decide = (input: EligibilityInput, context?: DecideContext): EligibilityResult =>
  decideInternal(input, context)

const schemaDecode = decodeResult(EligibilityInput)

/**
 * Decode the public JSON input, every problem with its path. Ordinary input takes a hand-checked
 * fast path (`internal/eligibility/fastDecode.ts`, tested to accept nothing the schema refuses and to
 * give the same value); anything unusual is decoded by the schema, which explains every problem.
 *
 * @category constructors
 */
export const decodeInputResult = (input: unknown): Result.Result<EligibilityInput, DecodeError> => {
  const fast = fastDecode(input)
  return fast !== undefined ? Result.succeed(fast) : schemaDecode(input)
}

/** @category constructors */
export const decodeInput = (input: unknown): Effect.Effect<EligibilityInput, DecodeError> =>
  Result.match(decodeInputResult(input), {
    onFailure: (e) => Effect.fail(e),
    onSuccess: (a) => Effect.succeed(a)
  })

/**
 * Decide for an already-decoded input, resolving its `city` through the `Profiles` service (an
 * unknown city gets the national rules and a note saying so).
 *
 * @category constructors
 */
export const decideForCity = Effect.fn("Eligibility.decideForCity")(function* (input: EligibilityInput) {
  const city = input.city
  if (city === undefined || city === null) return decide(input)
  const profiles = yield* Profiles
  return yield* profiles.get(city).pipe(
    Effect.map((profile) => decide(input, { profile })),
    Effect.catchTag("CityNotFound", () => Effect.succeed(decide(input, { cityNotFound: true })))
  )
})

/** Decode the public JSON input and decide for its city. @category constructors */
export const check = Effect.fn("Eligibility.check")(function* (input: unknown) {
  return yield* decideForCity(yield* decodeInput(input))
})

/** A reason code the engine can give, with its text when the text is fixed. @category models */
export interface ReasonCode {
  readonly code: string
  readonly kind: Reason["kind"]
  readonly ja?: string
  readonly en?: string
  readonly basis: string
}

/** Every reason code of every procedure's rule table (for `GET /vocabulary`). @category constructors */
export const reasonCodes = (): ReadonlyArray<ReasonCode> => reasonCatalog()

/**
 * The contract's plain function: JSON in, answer out, with the profile to apply (if any). Throws the
 * `DecodeError` (its message lists every problem with its path) when the input does not decode.
 *
 * @category constructors
 */
export const checkEligibility = (input: unknown, context?: DecideContext): EligibilityResult => {
  const decoded = decodeInputResult(input)
  if (Result.isFailure(decoded)) throw decoded.failure
  return decide(decoded.success, context)
}
