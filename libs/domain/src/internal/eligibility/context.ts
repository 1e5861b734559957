/**
 * Everything the rules look at, computed once per decision: ages, who attends and in what role
 * (the "route"), the state of the card, the city's variants and site rules, and the documents
 * summarised per holder. Rules are small predicates over this context; the facts most rules test
 * (route, capacity, mode, card state, profile and site present, …) are also packed into two bit
 * words, `factsLo` and `factsHi`, which rule guards test without calling the rule's predicate.
 */
import * as Documents from "../../Documents.ts"
import type { DecideContext, EligibilityInput } from "../../Eligibility.ts"
import type { CityProfile, Site } from "../../Profile.ts"
import { type ResolvedVariants, resolveVariants, type SiteRule } from "../../profile/Rules.ts"
import { type CardValidity, cardExpiry } from "../../Validity.ts"
import type {
  AbsenceReason,
  ApplicationMode,
  AttendeeKind,
  Cause,
  Certificate,
  Procedure,
  Relation
} from "../../Vocabulary.ts"
import { AbsenceReason as AbsenceReasons } from "../../Vocabulary.ts"
import * as Dates from "../dates.ts"

/**
 * How the applicant is represented at the counter.
 * - `self`: the applicant acts (alone, or helped by someone while able to act alone);
 * - `accompanied`: a child under 15 or an adult ward, present with their legal representative;
 * - `rep_alone`: the legal representative without the applicant;
 * - `proxy`: anyone else acting for the applicant (任意代理人), or a legal representative where the
 *   rules know legal representation only for children under 15 and adult wards (rules-sources §11-10).
 */
export type Route = "self" | "accompanied" | "rep_alone" | "proxy"

/** The state of the applicant's card on the visit date. */
export type CardState =
  "usable" | "expired" | "suspended" | "lost" | "abolished" | "none" | "awaiting_handover" | "unknown"

/**
 * Facts packed into bits for rule guards: bits 0–30 live in `factsLo`, 32–62 in `factsHi` (bit 31
 * of each word stays unused so the words remain positive small integers).
 *
 * @category constants
 */
export const Fact = {
  ROUTE_SELF: 0,
  ROUTE_ACCOMPANIED: 1,
  ROUTE_REP_ALONE: 2,
  ROUTE_PROXY: 3,
  KIND_SELF: 4,
  KIND_LEGAL_REP: 5,
  KIND_PROXY: 6,
  /** 15 or over and not an adult ward. */
  CAPABLE: 7,
  UNDER_15: 8,
  UNDER_1: 9,
  WARD: 10,
  MODE_STANDARD: 11,
  MODE_APPLY_AT_COUNTER: 12,
  MODE_EXPRESS: 13,
  MODE_OVERSEAS: 14,
  /** A city profile applies. */
  PROFILE: 15,
  CITY_NOT_FOUND: 16,
  /** The input's site is one of the profile's. */
  SITE: 17,
  SITE_UNKNOWN: 18,
  /** The profile has rules for the input's site. */
  SITE_RULE: 19,
  SAME_HOUSEHOLD: 20,
  FOREIGN_WITH_PERIOD: 21,
  FOREIGN: 22,
  CAUSE: 23,
  REASON: 24,
  LEGAL_REP_AS_PROXY: 25,
  SUB_PROXY: 26,
  CARD_EXPIRY_KNOWN: 27,
  CARD_EXPIRY_DERIVED: 28,
  INQUIRY_MAILED: 29,
  APPLICANT_PRESENT: 30,
  CARD_USABLE: 32,
  CARD_EXPIRED: 33,
  CARD_SUSPENDED: 34,
  CARD_LOST: 35,
  CARD_ABOLISHED: 36,
  CARD_NONE: 37,
  CARD_AWAITING: 38,
  CARD_UNKNOWN: 39,
  /** An identity document was brought that cannot be used (expired, a copy, a suspended card…). */
  UNUSABLE_IDENTITY: 40,
  HEALTH_CARD_BROUGHT: 41,
  /** A 通知カード or 個人番号通知書 was brought (by either holder). */
  NOTIFICATION_BROUGHT: 42,
  REASON_ACCEPTED: 43,
  RESIDES_ABROAD: 44,
  /** A representative acts alone for an applicant who could come: a reason is needed (§4.1). */
  NEEDS_REASON: 45,
  /** The applicant brought a 住基カード (returned at a hand-over). */
  JUKI_CARD_BROUGHT: 46,
  /** The card being handed over replaces an expiring one. */
  IS_RENEWAL: 47
} as const
export type Fact = (typeof Fact)[keyof typeof Fact]

const bit = (f: Fact): number => 1 << (f & 31)
const CARD_STATE_FACT: Readonly<Record<CardState, Fact>> = {
  usable: Fact.CARD_USABLE,
  expired: Fact.CARD_EXPIRED,
  suspended: Fact.CARD_SUSPENDED,
  lost: Fact.CARD_LOST,
  abolished: Fact.CARD_ABOLISHED,
  none: Fact.CARD_NONE,
  awaiting_handover: Fact.CARD_AWAITING,
  unknown: Fact.CARD_UNKNOWN
}
const ROUTE_FACT: Readonly<Record<Route, Fact>> = {
  self: Fact.ROUTE_SELF,
  accompanied: Fact.ROUTE_ACCOMPANIED,
  rep_alone: Fact.ROUTE_REP_ALONE,
  proxy: Fact.ROUTE_PROXY
}
const KIND_FACT: Readonly<Record<AttendeeKind, Fact>> = {
  self: Fact.KIND_SELF,
  legal_representative: Fact.KIND_LEGAL_REP,
  proxy: Fact.KIND_PROXY
}
const MODE_FACT: Readonly<Record<ApplicationMode, Fact>> = {
  standard: Fact.MODE_STANDARD,
  apply_at_counter: Fact.MODE_APPLY_AT_COUNTER,
  express: Fact.MODE_EXPRESS,
  overseas: Fact.MODE_OVERSEAS
}
const ACCEPTED: ReadonlySet<string> = new Set(AbsenceReasons.entries.filter((e) => e.accepted).map((e) => e.code))

/** Procedures in which legal representation is described only for children under 15 and wards. */
const LEGAL_REP_ONLY_FOR_MINOR_OR_WARD: ReadonlySet<Procedure> = new Set<Procedure>([
  "cert_issuance",
  "cert_renewal",
  "pin_reset"
])

const nn = <A>(a: A | null | undefined): A | undefined => (a === null ? undefined : a)

/** The last day a person is of junior-high-school age: the 31 March ending the school year in which they turn 15. */
const endOfJuniorHigh = (birthDate: string): string => {
  // Legal age 15 is reached at the end of the day before the 15th birthday; the school year of that day ends on 31 March.
  const dayBefore15 = Dates.addDays(Dates.dateOfAge(birthDate, 15), -1)
  const { m, y } = Dates.parse(dayBefore15)
  return `${m >= 4 ? y + 1 : y}-03-31`
}

/**
 * What the rules need from a city profile, worked out once per profile (profiles are configuration
 * read at start-up; the decisions only look them up).
 */
interface CityRules {
  readonly variants: ResolvedVariants
  readonly sites: ReadonlyMap<string, Site>
  readonly siteRules: ReadonlyMap<string, SiteRule>
}

const cityRules = new WeakMap<CityProfile, CityRules>()
const cityRulesOf = (profile: CityProfile): CityRules => {
  let rules = cityRules.get(profile)
  if (rules === undefined) {
    rules = {
      variants: resolveVariants(profile.rules?.variants),
      sites: new Map(profile.sites.map((s) => [s.id as string, s])),
      siteRules: new Map((profile.rules?.sites ?? []).map((s) => [s.site, s]))
    }
    cityRules.set(profile, rules)
  }
  return rules
}
const NATIONAL_VARIANTS = resolveVariants(undefined)

/** Per-decision cache slots (filled on first use); one shape for every decision. */
export class Memo {
  juniorHigh: boolean | undefined = undefined
  issued: ReadonlyArray<Certificate> | undefined = undefined
  cardWindow: string | undefined = undefined
  certState: Partial<Record<Certificate, string>> | undefined = undefined
  certExpiry: Partial<Record<Certificate, string | null>> | undefined = undefined
  /** The certificate's own expiry where the card (or the authentication certificate) cuts it short. */
  certCapped: Partial<Record<Certificate, string>> | undefined = undefined
  certOpens: Partial<Record<Certificate, string>> | undefined = undefined
  renewalTargets: ReadonlyArray<Certificate> | undefined = undefined
  issuableTargets: ReadonlyArray<Certificate> | undefined = undefined
  unusable: ReadonlyArray<string> | undefined = undefined
}

export class Ctx {
  readonly input: EligibilityInput
  readonly visit: string
  readonly procedure: Procedure
  readonly mode: ApplicationMode
  readonly cause: Cause | undefined
  readonly applicant: EligibilityInput["applicant"]
  readonly card: NonNullable<EligibilityInput["applicant"]["card"]> | undefined
  readonly cardState: CardState
  /** The card's expiry: as given, or derived from its issuance date (`cardExpiryDerived`). */
  readonly cardExpiresOn: string | undefined
  /** How the expiry was derived when the input gave only `card.issuedOn` [M-Minato][M-Yonago][M-Hanno]. */
  readonly cardExpiryDerived: CardValidity | undefined
  readonly age: number
  readonly under15: boolean
  readonly under1: boolean
  readonly ward: boolean
  /** Able to act alone (15 or over and not an adult ward). */
  readonly capable: boolean
  readonly kind: AttendeeKind
  readonly present: boolean
  readonly reason: AbsenceReason | undefined
  readonly relation: Relation | undefined
  readonly sameHousehold: boolean
  readonly route: Route
  /** A legal representative of a 15–17-year-old handled as a voluntary proxy (§11-10). */
  readonly legalRepTreatedAsProxy: boolean
  readonly docs: Documents.Summary
  /** The visit's period for document kinds that end (`Documents.eraOf`). */
  readonly era: number
  readonly variants: ResolvedVariants
  readonly profile: CityProfile | undefined
  readonly cityNotFound: boolean
  readonly site: Site | undefined
  readonly siteRule: SiteRule | undefined
  readonly siteUnknown: boolean
  readonly foreignWithPeriod: boolean
  /** `Fact` bits 0–30. */
  readonly factsLo: number
  /** `Fact` bits 32–62, shifted down by 32. */
  readonly factsHi: number

  /** Values some rules compute and others reuse (per decision). */
  readonly memo: Memo = new Memo()

  /**
   * `buffers`: two arrays of `Documents.bufferLength()` to summarise the documents into, zeroed or
   * last used by a summary (the hot path passes reused ones); fresh ones when absent.
   */
  constructor(
    input: EligibilityInput,
    context: DecideContext | undefined,
    buffers?: readonly [Int32Array, Int32Array]
  ) {
    this.input = input
    const visit = input.visitDate
    this.visit = visit
    const procedure = input.procedure
    this.procedure = procedure
    const mode = nn(input.mode) ?? "standard"
    this.mode = mode
    this.cause = nn(input.cause)
    const a = input.applicant
    this.applicant = a
    const card = nn(a.card)
    this.card = card
    const age = Dates.ageOn(a.birthDate, visit)
    this.age = age
    this.under15 = age < 15
    this.under1 = age < 1
    const attendee = nn(input.attendee)
    const kind = attendee === undefined ? "self" : attendee.kind
    this.kind = kind
    const reason = attendee === undefined ? undefined : nn(attendee.reason)
    this.reason = reason
    this.relation = attendee === undefined ? undefined : nn(attendee.relation)
    const sameHousehold = attendee !== undefined && attendee.sameHousehold === true
    this.sameHousehold = sameHousehold
    const ward = a.adultGuardianship === true || reason === "adult_ward"
    this.ward = ward
    const capable = age >= 15 && !ward
    this.capable = capable
    const present = attendee === undefined ? undefined : nn(attendee.applicantPresent)
    this.present = kind === "self" ? true : (present ?? kind === "legal_representative")
    let route: Route
    let asProxy = false
    if (kind === "self") route = "self"
    else if (kind === "legal_representative") {
      if (this.present) route = capable ? "self" : "accompanied"
      else if (capable && LEGAL_REP_ONLY_FOR_MINOR_OR_WARD.has(procedure) && age < 18) {
        route = "proxy"
        asProxy = true
      } else route = "rep_alone"
    } else route = this.present && capable ? "self" : "proxy"
    this.route = route
    this.legalRepTreatedAsProxy = asProxy
    const foreign = a.nationality === "foreign"
    const residenceStatus = nn(a.residenceStatus)
    this.foreignWithPeriod = foreign && (residenceStatus === undefined || residenceStatus === "period_of_stay")

    const profile = context?.profile
    this.profile = profile
    this.cityNotFound = context?.cityNotFound === true
    const city = profile === undefined ? undefined : cityRulesOf(profile)
    const variants = city === undefined ? NATIONAL_VARIANTS : city.variants
    this.variants = variants
    const siteId = nn(input.site)
    this.site = siteId === undefined || city === undefined ? undefined : city.sites.get(siteId)
    this.siteUnknown = siteId !== undefined && profile !== undefined && this.site === undefined
    this.siteRule = siteId === undefined || city === undefined ? undefined : city.siteRules.get(siteId)

    const status = card === undefined ? undefined : nn(card.status)
    let expiresOn = card === undefined ? undefined : nn(card.expiresOn)
    let derived: CardValidity | undefined
    const issuedOn = card === undefined ? undefined : nn(card.issuedOn)
    if (expiresOn === undefined && issuedOn !== undefined && issuedOn <= visit) {
      // Only the issuance date is known: the 10th (adult) or 5th birthday after it, the age of
      // majority 20 for applications received before 2022-04-01, and no later than the end of the
      // period of stay (rules-sources §2.1).
      derived = cardExpiry({
        birthDate: a.birthDate,
        issuedOn,
        applicationReceivedOn: nn(a.applicationReceivedOn),
        ageBasis: variants.cardValidityAgeBasis,
        nationality: nn(a.nationality),
        residenceStatus,
        residencePeriodEnd: nn(a.residencePeriodEnd)
      })
      expiresOn = derived.expiresOn
    }
    this.cardExpiresOn = expiresOn
    this.cardExpiryDerived = derived
    const cardState: CardState =
      card === undefined
        ? "unknown"
        : status === "none" ||
            status === "lost" ||
            status === "abolished" ||
            status === "suspended" ||
            status === "awaiting_handover" ||
            status === "expired"
          ? status
          : expiresOn !== undefined && expiresOn < visit
            ? "expired"
            : "usable"
    this.cardState = cardState

    this.era = Documents.eraOf(visit)
    const documents = input.documents
    const docs = Documents.summarizeInto(
      buffers === undefined ? new Int32Array(Documents.bufferLength()) : buffers[0],
      buffers === undefined ? new Int32Array(Documents.bufferLength()) : buffers[1],
      documents === undefined || documents === null ? NO_DOCUMENTS : documents,
      visit,
      status,
      expiresOn,
      route === "self" && kind === "self"
    )
    this.docs = docs

    const subProxy =
      route === "proxy" && age < 15 && variants.minorProxy === "sub_proxy_allowed" && this.relation === "sub_proxy"
    let lo =
      bit(ROUTE_FACT[route]) |
      bit(KIND_FACT[kind]) |
      bit(MODE_FACT[mode]) |
      (this.present ? bit(Fact.APPLICANT_PRESENT) : 0)
    if (capable) lo |= bit(Fact.CAPABLE)
    if (age < 15) lo |= bit(Fact.UNDER_15)
    if (age < 1) lo |= bit(Fact.UNDER_1)
    if (ward) lo |= bit(Fact.WARD)
    if (profile !== undefined) lo |= bit(Fact.PROFILE)
    if (this.cityNotFound) lo |= bit(Fact.CITY_NOT_FOUND)
    if (this.site !== undefined) lo |= bit(Fact.SITE)
    if (this.siteUnknown) lo |= bit(Fact.SITE_UNKNOWN)
    if (this.siteRule !== undefined) lo |= bit(Fact.SITE_RULE)
    if (sameHousehold) lo |= bit(Fact.SAME_HOUSEHOLD)
    if (this.foreignWithPeriod) lo |= bit(Fact.FOREIGN_WITH_PERIOD)
    if (foreign) lo |= bit(Fact.FOREIGN)
    if (this.cause !== undefined) lo |= bit(Fact.CAUSE)
    if (reason !== undefined) lo |= bit(Fact.REASON)
    if (asProxy) lo |= bit(Fact.LEGAL_REP_AS_PROXY)
    if (subProxy) lo |= bit(Fact.SUB_PROXY)
    if (expiresOn !== undefined) lo |= bit(Fact.CARD_EXPIRY_KNOWN)
    if (derived !== undefined) lo |= bit(Fact.CARD_EXPIRY_DERIVED)
    if (a.inquiryMailedOn !== undefined && a.inquiryMailedOn !== null) lo |= bit(Fact.INQUIRY_MAILED)
    let hi = bit(CARD_STATE_FACT[cardState])
    if (docs.unusableIdentity) hi |= bit(Fact.UNUSABLE_IDENTITY)
    if (
      Documents.brought(docs.applicant, HEALTH_INSURANCE_CARD) ||
      Documents.brought(docs.attendee, HEALTH_INSURANCE_CARD)
    )
      hi |= bit(Fact.HEALTH_CARD_BROUGHT)
    if (
      Documents.brought(docs.applicant, NOTIFICATION_CARD) ||
      Documents.brought(docs.attendee, NOTIFICATION_CARD) ||
      Documents.brought(docs.applicant, NUMBER_NOTICE) ||
      Documents.brought(docs.attendee, NUMBER_NOTICE)
    )
      hi |= bit(Fact.NOTIFICATION_BROUGHT)
    if (Documents.brought(docs.applicant, JUKI_CARD)) hi |= bit(Fact.JUKI_CARD_BROUGHT)
    if (reason !== undefined && ACCEPTED.has(reason)) hi |= bit(Fact.REASON_ACCEPTED)
    if (a.residesAbroad === true) hi |= bit(Fact.RESIDES_ABROAD)
    if ((route === "proxy" && !subProxy) || (route === "rep_alone" && capable)) hi |= bit(Fact.NEEDS_REASON)
    if (a.isRenewal === true) hi |= bit(Fact.IS_RENEWAL)
    this.factsLo = lo
    this.factsHi = hi
  }

  /** Whether `fact` holds. */
  has(fact: Fact): boolean {
    return ((fact < 32 ? this.factsLo : this.factsHi) & bit(fact)) !== 0
  }

  /** 中学生以下: until the 31 March ending the school year in which the person turns 15. */
  get juniorHighOrYounger(): boolean {
    return (this.memo.juniorHigh ??= this.under15 || this.visit <= endOfJuniorHigh(this.applicant.birthDate))
  }

  /** Certificates asked for, or both when the input is silent. */
  get requestedCertificates(): ReadonlyArray<Certificate> {
    return nn(this.input.certificates) ?? BOTH
  }

  /** Certificates that will actually be issued: no signature certificate under 15 or to an adult ward. */
  get issuedCertificates(): ReadonlyArray<Certificate> {
    const cached = this.memo.issued
    if (cached !== undefined) return cached
    const requested = this.requestedCertificates
    const issued =
      this.capable && this.siteRule?.certificates !== false
        ? requested
        : this.siteRule?.certificates === false
          ? NONE
          : requested.includes("auth")
            ? AUTH_ONLY
            : NONE
    this.memo.issued = issued
    return issued
  }

  /** The attendee's flags (the applicant's when the applicant acts). */
  get attendeeDocs(): Int32Array {
    return this.docs.attendee
  }

  /** The applicant's flags. */
  get applicantDocs(): Int32Array {
    return this.docs.applicant
  }
}

const NO_DOCUMENTS: ReadonlyArray<Documents.Document> = []
const HEALTH_INSURANCE_CARD = Documents.indexOf("health_insurance_card")
const NOTIFICATION_CARD = Documents.indexOf("notification_card")
const NUMBER_NOTICE = Documents.indexOf("number_notice")
const JUKI_CARD = Documents.indexOf("juki_card")
const BOTH: ReadonlyArray<Certificate> = ["signature", "auth"]
const AUTH_ONLY: ReadonlyArray<Certificate> = ["auth"]
const NONE: ReadonlyArray<Certificate> = []
