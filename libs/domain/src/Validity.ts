/**
 * How long a card and its electronic certificates are valid, and when they can be renewed.
 *
 * Card: until the 10th birthday after issuance for adults, the 5th for minors (the age of majority
 * was 20 for applications received before 2022-04-01), and for foreign residents with a period of
 * stay no later than its end. Certificates: until the 5th birthday after issuance — the 6th when
 * renewed inside the renewal window — and never beyond the card (signature ≤ authentication ≤ card).
 * The renewal window opens when less than three months remain: by default the day after the date
 * three months before expiry (the municipal computation; a city may switch to J-LIS's literal
 * "three months before").
 */
import { Schema } from "effect"
import * as Dates from "./internal/dates.ts"
import { ADULT_AGE_18, inForce } from "./RuleBook.ts"
import { basis } from "./Sources.ts"
import { LocalDate } from "./Values.ts"
import { Nationality, ResidenceStatus } from "./Vocabulary.ts"

/** Where the renewal window opens (rules-sources §11-2). @category schemas */
export const WindowOpening = Schema.Literals(["day_after_three_months_before", "three_months_before"])
export type WindowOpening = typeof WindowOpening.Type

/** Which date fixes the age for card validity after 2022 (rules-sources §11-1). @category schemas */
export const AgeBasis = Schema.Literals(["issuance_date", "application_date"])
export type AgeBasis = typeof AgeBasis.Type

/** @category models */
export interface Window {
  readonly opensOn: string
  /** The expiry day: still inside the window. */
  readonly closesOn: string
}

/**
 * The renewal window of something expiring on `expiresOn`: it opens when less than `months` remain
 * (有効期間が満了する日までの期間が3月未満) — the day after the date `months` before expiry, or the 1st of
 * the following month when that date does not exist [M-Nerima][M-Nishinoshima][M-Higashimurayama] —
 * and closes on the expiry day itself. `three_months_before` opens on that date (clamped to the
 * month's end) as J-LIS words it [JLIS-top].
 *
 * @category constructors
 */
export const renewalWindow = (
  expiresOn: string,
  options?: { readonly opening?: WindowOpening | undefined; readonly months?: number | undefined }
): Window => {
  const months = options?.months ?? 3
  const { date, exists } = Dates.addMonths(expiresOn, -months)
  if (options?.opening === "three_months_before") return { opensOn: date, closesOn: expiresOn }
  return { opensOn: exists ? Dates.addDays(date, 1) : Dates.firstOfNextMonth(date), closesOn: expiresOn }
}

/** Where `on` falls relative to the window of `expiresOn`. @category models */
export type WindowStatus = "not_yet_open" | "open" | "expired"

/** @category constructors */
export const windowStatus = (
  expiresOn: string,
  on: string,
  options?: { readonly opening?: WindowOpening | undefined; readonly months?: number | undefined }
): WindowStatus => {
  if (on > expiresOn) return "expired"
  return on >= renewalWindow(expiresOn, options).opensOn ? "open" : "not_yet_open"
}

/** Statuses whose card ends with the period of stay [M-Yonago][M-Miyake]. @category predicates */
export const hasPeriodOfStay = (nationality: string | undefined, residenceStatus: string | undefined): boolean =>
  nationality === "foreign" && (residenceStatus === undefined || residenceStatus === "period_of_stay")

const AGE_BASIS = basis("M-Minato", "M-Yonago", "M-Miyakonojo", "M-Hanno", "M-Miyoshi-T")
const STAY_BASIS = basis("M-Yonago", "M-Miyake", "M-Yokote", "M-Okazaki")
const CAP_BASIS = basis("M-Higashimurayama", "M-Uji", "M-Adachi-cert", "M-Shime")
const SIXTH_BASIS = basis("JLIS-period", "M-Higashimurayama", "M-Uji", "M-Oguchi")
const FIFTH_BASIS = basis("JLIS-top", "JLIS-period", "M-Minato")

/** @category models */
export type CardRule = "tenth_birthday" | "fifth_birthday" | "residence_period_end"

/** @category models */
export interface CardValidity {
  readonly expiresOn: string
  readonly rule: CardRule
  /** 18, or 20 for applications received before 2022-04-01. */
  readonly adultAge: 18 | 20
  readonly ageAtBasis: number
  readonly basis: string
}

/**
 * Card expiry. `issuedOn` is the J-LIS production date (発行日), not the hand-over date.
 *
 * @category constructors
 */
export const cardExpiry = (input: {
  readonly birthDate: string
  readonly issuedOn: string
  readonly applicationReceivedOn?: string | undefined
  readonly ageBasis?: AgeBasis | undefined
  readonly nationality?: string | undefined
  readonly residenceStatus?: string | undefined
  readonly residencePeriodEnd?: string | null | undefined
}): CardValidity => {
  // The 2022 transition is keyed on the application receipt date; without it, the issuance date.
  const receivedOn = input.applicationReceivedOn ?? input.issuedOn
  const adultAge: 18 | 20 = inForce(ADULT_AGE_18, receivedOn) ? 18 : 20
  const ageDate =
    input.ageBasis === "application_date" && input.applicationReceivedOn !== undefined
      ? input.applicationReceivedOn
      : input.issuedOn
  const ageAtBasis = Dates.ageOn(input.birthDate, ageDate)
  const adult = ageAtBasis >= adultAge
  const byAge = Dates.nthBirthdayAfter(input.birthDate, input.issuedOn, adult ? 10 : 5)
  if (
    hasPeriodOfStay(input.nationality, input.residenceStatus) &&
    input.residencePeriodEnd !== undefined &&
    input.residencePeriodEnd !== null &&
    input.residencePeriodEnd < byAge
  ) {
    return {
      expiresOn: input.residencePeriodEnd,
      rule: "residence_period_end",
      adultAge,
      ageAtBasis,
      basis: STAY_BASIS
    }
  }
  return {
    expiresOn: byAge,
    rule: adult ? "tenth_birthday" : "fifth_birthday",
    adultAge,
    ageAtBasis,
    basis: AGE_BASIS
  }
}

/** @category models */
export type CertRule = "fifth_birthday" | "sixth_birthday" | "card_expiry" | "auth_expiry"

/** @category models */
export interface CertValidity {
  readonly issuedOn: string
  readonly expiresOn: string
  readonly rule: CertRule
  readonly basis: string
}

/**
 * Certificate expiry: the 5th birthday after issuance, or the 6th when it replaces a certificate
 * renewed inside its window (`previousExpiresOn`), capped by `capOn` (the card, or for the signature
 * certificate the earlier of card and authentication certificate) [JLIS-period][M-Higashimurayama].
 *
 * @category constructors
 */
export const certExpiry = (input: {
  readonly birthDate: string
  readonly issuedOn: string
  readonly cardExpiresOn: string
  readonly previousExpiresOn?: string | undefined
  readonly opening?: WindowOpening | undefined
}): CertValidity => {
  const renewedInWindow =
    input.previousExpiresOn !== undefined &&
    windowStatus(input.previousExpiresOn, input.issuedOn, {
      opening: input.opening ?? "day_after_three_months_before"
    }) === "open"
  const byAge = Dates.nthBirthdayAfter(input.birthDate, input.issuedOn, renewedInWindow ? 6 : 5)
  if (input.cardExpiresOn < byAge) {
    return {
      issuedOn: input.issuedOn,
      expiresOn: input.cardExpiresOn,
      rule: "card_expiry",
      basis: CAP_BASIS
    }
  }
  return {
    issuedOn: input.issuedOn,
    expiresOn: byAge,
    rule: renewedInWindow ? "sixth_birthday" : "fifth_birthday",
    basis: renewedInWindow ? SIXTH_BASIS : FIFTH_BASIS
  }
}

const optionalNullable = <S extends Schema.Top>(schema: S) => Schema.optional(Schema.NullOr(schema))

/** What `computeValidity` needs. @category schemas */
export const ValidityInput = Schema.Struct({
  birthDate: LocalDate,
  /** Card issuance date (発行日, J-LIS production date). */
  issuedOn: LocalDate,
  /** J-LIS application receipt date (申請受付日); decides 18 vs 20 around 2022-04-01. */
  applicationReceivedOn: optionalNullable(LocalDate),
  nationality: optionalNullable(Nationality.schema),
  residenceStatus: optionalNullable(ResidenceStatus.schema),
  residencePeriodEnd: optionalNullable(LocalDate),
  adultGuardianship: optionalNullable(Schema.Boolean),
  ageBasis: optionalNullable(AgeBasis),
  windowOpening: optionalNullable(WindowOpening),
  certificates: optionalNullable(
    Schema.Struct({
      /** Defaults to the card's issuance date. */
      issuedOn: optionalNullable(LocalDate),
      /** Expiry of the certificate being renewed (for the 6th-birthday rule). */
      previousExpiresOn: optionalNullable(LocalDate)
    })
  )
})
export type ValidityInput = typeof ValidityInput.Type

const Period = Schema.Struct({
  expiresOn: Schema.String,
  rule: Schema.String,
  basis: Schema.String,
  renewalWindow: Schema.Struct({ opensOn: Schema.String, closesOn: Schema.String })
})

/** @category schemas */
export const ValidityResult = Schema.Struct({
  card: Schema.Struct({ ...Period.fields, adultAge: Schema.Number, ageAtBasis: Schema.Number }),
  authCert: Schema.Struct({ ...Period.fields, issuedOn: Schema.String }),
  signatureCert: Schema.NullOr(Schema.Struct({ ...Period.fields, issuedOn: Schema.String })),
  /** Why no signature certificate is issued (under 15, adult ward). */
  signatureCertNote: Schema.optional(Schema.Struct({ code: Schema.String, ja: Schema.String, en: Schema.String }))
})
export type ValidityResult = typeof ValidityResult.Type

const orUndefined = <A>(a: A | null | undefined): A | undefined => (a === null ? undefined : a)

/**
 * Card and certificate expiry with their renewal windows.
 *
 * @category constructors
 */
export const computeValidity = (input: ValidityInput): ValidityResult => {
  const opening = orUndefined(input.windowOpening) ?? "day_after_three_months_before"
  const card = cardExpiry({
    birthDate: input.birthDate,
    issuedOn: input.issuedOn,
    applicationReceivedOn: orUndefined(input.applicationReceivedOn),
    ageBasis: orUndefined(input.ageBasis),
    nationality: orUndefined(input.nationality),
    residenceStatus: orUndefined(input.residenceStatus),
    residencePeriodEnd: orUndefined(input.residencePeriodEnd)
  })
  const certIssuedOn = orUndefined(input.certificates?.issuedOn) ?? input.issuedOn
  const previousExpiresOn = orUndefined(input.certificates?.previousExpiresOn)
  const auth = certExpiry({
    birthDate: input.birthDate,
    issuedOn: certIssuedOn,
    cardExpiresOn: card.expiresOn,
    previousExpiresOn,
    opening
  })
  const window = (expiresOn: string) => renewalWindow(expiresOn, { opening })
  const under15 = Dates.ageOn(input.birthDate, certIssuedOn) < 15
  const ward = input.adultGuardianship === true
  const signature =
    under15 || ward
      ? null
      : (() => {
          const s = certExpiry({
            birthDate: input.birthDate,
            issuedOn: certIssuedOn,
            cardExpiresOn: auth.expiresOn,
            previousExpiresOn,
            opening
          })
          return s.rule === "card_expiry" && auth.rule !== "card_expiry"
            ? { ...s, rule: "auth_expiry" as const, renewalWindow: window(s.expiresOn) }
            : { ...s, renewalWindow: window(s.expiresOn) }
        })()
  return {
    card: { ...card, renewalWindow: window(card.expiresOn) },
    authCert: { ...auth, renewalWindow: window(auth.expiresOn) },
    signatureCert: signature,
    ...(signature === null
      ? {
          signatureCertNote: under15
            ? {
                code: "SIGNATURE_CERT_NOT_FOR_UNDER_15",
                ja: "15歳未満の方には署名用電子証明書は原則発行されません",
                en: "no signature certificate is issued to a person under 15"
              }
            : {
                code: "SIGNATURE_CERT_NOT_FOR_ADULT_WARD",
                ja: "成年被後見人の方には署名用電子証明書は原則発行されません",
                en: "no signature certificate is issued to an adult ward"
              }
        }
      : {})
  }
}
