/**
 * Fees (手数料) of the counter's procedures (rules-sources §9). First issuance, renewal at expiry
 * and certificates are free; a re-issuance the holder is responsible for (lost, damaged, lapsed
 * through a missed procedure, own wish) costs 1,000 円 = card 800 + certificates 200, paid at
 * hand-over; express issuance of such a card costs 1,000 円 more, paid at application. Losses that
 * are nobody's fault (theft, disaster with a り災証明書), a full endorsement field, a number change,
 * a card within three months of expiry or expired, and cards lapsed by moving abroad are free.
 */
import { Schema } from "effect"
import * as Dates from "./internal/dates.ts"
import { EXPRESS_ISSUANCE, NOTIFICATION_CARD_ABOLISHED, inForce } from "./RuleBook.ts"
import { basis } from "./Sources.ts"
import { type Cause, type Procedure, type ApplicationMode } from "./Vocabulary.ts"
import { type WindowOpening, windowStatus } from "./Validity.ts"

/** @category schemas */
export const FeeItem = Schema.Struct({ code: Schema.String, yen: Schema.Number, ja: Schema.String, en: Schema.String })
export type FeeItem = typeof FeeItem.Type

/** @category schemas */
export const Fee = Schema.Struct({
  amountYen: Schema.Number,
  items: Schema.Array(FeeItem),
  payableAt: Schema.Literals(["none", "application", "handover"]),
  /** Why the procedure is free, when a fee would otherwise apply. */
  exemption: Schema.optional(Schema.Struct({ code: Schema.String, ja: Schema.String, en: Schema.String })),
  basis: Schema.String
})
export type Fee = typeof Fee.Type

/** What decides a fee. @category models */
export interface FeeInput {
  readonly procedure: Procedure
  readonly visitDate: string
  readonly mode?: ApplicationMode | undefined
  readonly cause?: Cause | undefined
  /** At least one certificate is issued with the card. */
  readonly withCertificates: boolean
  readonly cardExpiresOn?: string | undefined
  readonly disasterCertificate?: boolean | undefined
  readonly departureDate?: string | undefined
  readonly opening?: WindowOpening | undefined
}

const FREE: Fee = Object.freeze({
  amountYen: 0,
  items: Object.freeze([]),
  payableAt: "none",
  basis: basis("JLIS-top", "M-Matsuyama-fee", "M-Saka")
})

const CARD_800: FeeItem = { code: "REISSUANCE_CARD", yen: 800, ja: "カード再交付手数料", en: "card re-issuance fee" }
const CERT_200: FeeItem = {
  code: "REISSUANCE_CERTIFICATES",
  yen: 200,
  ja: "電子証明書発行手数料(再交付に伴うもの)",
  en: "certificate fee (with a re-issuance)"
}
const EXPRESS_1000: FeeItem = { code: "EXPRESS", yen: 1000, ja: "特急発行の加算", en: "express issuance surcharge" }
const NOTIFICATION_500: FeeItem = {
  code: "NOTIFICATION_CARD_REISSUANCE",
  yen: 500,
  ja: "通知カード再交付手数料",
  en: "notification card re-issuance fee"
}

const exemption = (code: string, ja: string, en: string) => ({ code, ja, en })

const charged = (items: ReadonlyArray<FeeItem>, payableAt: "application" | "handover", basisText: string): Fee =>
  Object.freeze({ amountYen: items.reduce((a, i) => a + i.yen, 0), items, payableAt, basis: basisText })

const REISSUANCE_BASIS = basis("M-Minabe", "M-Nagoya-lost", "M-Makubetsu", "M-Hikone", "M-Soma", "M-Mitake")
const EXPRESS_BASIS = basis("M-Meiwa", "M-Towada", "M-Mitake", "M-Kishiwada")
const REISSUANCE_1000 = charged([CARD_800, CERT_200], "handover", REISSUANCE_BASIS)
const REISSUANCE_800 = charged([CARD_800], "handover", REISSUANCE_BASIS)
const EXPRESS_2000 = charged([CARD_800, CERT_200, EXPRESS_1000], "application", EXPRESS_BASIS)
const EXPRESS_1800 = charged([CARD_800, EXPRESS_1000], "application", EXPRESS_BASIS)
const NOTIFICATION_FEE = charged([NOTIFICATION_500], "application", basis("M-Gifu", "M-Nagoya-tsuchi"))

/** Causes for which the holder is not responsible, or the law waives the fee [M-Matsuyama-fee][M-Makubetsu][M-Mitake]. */
const FREE_DISASTER = exemption(
  "FREE_DISASTER",
  "災害・火災による滅失(り災証明書あり)は無料",
  "free: disaster (with certificate)"
)
const FREE_NEAR_EXPIRY = exemption(
  "FREE_NEAR_EXPIRY",
  "有効期限まで3か月未満または期限切れのカードの再交付は無料",
  "free: the card expires within three months or has expired"
)
const FREE_OVERSEAS_DEPARTURE = exemption(
  "FREE_OVERSEAS_DEPARTURE",
  "国外転出に伴い失効したカードの再申請(転出後90日以内)は無料",
  "free: card lapsed by moving abroad, re-applied within 90 days"
)

const FREE_CAUSES: Partial<Record<Cause, ReturnType<typeof exemption>>> = {
  stolen: exemption("FREE_THEFT", "盗難など本人の責めによらない場合は無料", "free: theft is not the holder's fault"),
  endorsement_full: exemption(
    "FREE_ENDORSEMENT_FULL",
    "追記欄の満欄による再交付は無料",
    "free: endorsement field full"
  ),
  number_change: exemption(
    "FREE_NUMBER_CHANGE",
    "個人番号・住民票コードの変更による再交付は無料",
    "free: number change"
  ),
  moved_from_abroad: exemption("FREE_MOVED_FROM_ABROAD", "国外からの転入は無料", "free: moved in from abroad"),
  new_mid_long_term_resident: exemption(
    "FREE_NEW_RESIDENT",
    "新たに中長期在留者となった方は無料",
    "free: new mid- to long-term resident"
  ),
  released_from_detention: exemption("FREE_RELEASED", "刑事施設等からの出所は無料", "free: released from detention"),
  newly_registered: exemption("FREE_NEWLY_REGISTERED", "新たな住民登録は無料", "free: newly registered resident")
}

// Free answers with their exemption, built once per (exemption, basis): two bases, a handful of exemptions.
const freeWith = new Map<NonNullable<Fee["exemption"]>, Map<string, Fee>>()
const free = (e: NonNullable<Fee["exemption"]>, basisText: string): Fee => {
  let byBasis = freeWith.get(e)
  if (byBasis === undefined) {
    byBasis = new Map()
    freeWith.set(e, byBasis)
  }
  let f = byBasis.get(basisText)
  if (f === undefined) {
    f = Object.freeze({ ...FREE, exemption: e, basis: basisText })
    byBasis.set(basisText, f)
  }
  return f
}

const feeBearingReissuance = (input: FeeInput): { readonly fee: boolean; readonly exemption?: Fee["exemption"] } => {
  const cause = input.cause
  if (cause === undefined) return { fee: false }
  const free = FREE_CAUSES[cause]
  if (free) return { fee: false, exemption: free }
  if (cause === "disaster") {
    return input.disasterCertificate === true ? { fee: false, exemption: FREE_DISASTER } : { fee: true }
  }
  // A card that lapsed because 継続利用 or 有効期間変更 was missed is the holder's doing even though it
  // is past its (stay-bound) expiry: the near-expiry exemption is for cards that simply ran out
  // [M-Tamba][M-Mitake][M-Hokudai].
  if (
    cause !== "lapsed" &&
    input.cardExpiresOn &&
    windowStatus(input.cardExpiresOn, input.visitDate, { opening: input.opening }) !== "not_yet_open"
  ) {
    return { fee: false, exemption: FREE_NEAR_EXPIRY }
  }
  if (
    input.departureDate &&
    input.visitDate > input.departureDate &&
    Dates.daysBetween(input.departureDate, input.visitDate) <= 90
  ) {
    return { fee: false, exemption: FREE_OVERSEAS_DEPARTURE }
  }
  // lost, damaged, lapsed, own_wish: the holder pays [M-Minabe][M-Nagoya-lost][M-Hikone][M-Soma]
  return { fee: true }
}

const EXPRESS_FREE_BASIS = basis("M-Mitake", "M-Matsuyama-fee")
const EXPRESS_FREE: Fee = Object.freeze({ ...FREE, basis: basis("M-Mitake") })
const ABOLISHED_FREE: Fee = Object.freeze({ ...FREE, basis: NOTIFICATION_CARD_ABOLISHED.basis })

/** 特急発行: a fee-bearing re-issuance costs 1,000 円 more, paid when applying; otherwise free [M-Meiwa][M-Mitake]. */
const expressFee = (input: FeeInput): Fee => {
  const r = feeBearingReissuance(input)
  if (!r.fee) return r.exemption ? free(r.exemption, EXPRESS_FREE_BASIS) : EXPRESS_FREE
  return input.withCertificates ? EXPRESS_2000 : EXPRESS_1800
}

/** The answer for every procedure that never costs anything (first issuance, renewals, certificates, PINs…). @category constants */
export const NO_FEE: Fee = FREE

/** Procedures whose fee depends on the case (the others are always `NO_FEE`). @category predicates */
export const mayCharge = (procedure: Procedure): boolean =>
  procedure === "card_reissuance" || procedure === "card_application" || procedure === "notification_card_reissuance"

/**
 * The fee for a procedure.
 *
 * @category constructors
 */
export const feeFor = (input: FeeInput): Fee => {
  switch (input.procedure) {
    case "card_reissuance": {
      if (input.mode === "express" && inForce(EXPRESS_ISSUANCE, input.visitDate)) return expressFee(input)
      const r = feeBearingReissuance(input)
      if (!r.fee) return r.exemption ? free(r.exemption, FREE.basis) : FREE
      return input.withCertificates ? REISSUANCE_1000 : REISSUANCE_800
    }
    case "card_application": {
      if (input.mode !== "express" || !inForce(EXPRESS_ISSUANCE, input.visitDate)) return FREE
      return expressFee(input)
    }
    case "notification_card_reissuance":
      return inForce(NOTIFICATION_CARD_ABOLISHED, input.visitDate) ? ABOLISHED_FREE : NOTIFICATION_FEE
    default:
      return FREE
  }
}
