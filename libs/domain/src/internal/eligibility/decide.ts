/**
 * `Eligibility.decide`: picks the procedure's rule table, evaluates it over the context, adds the
 * fee and the step to pay it, and shapes the public answer.
 */
import * as Documents from "../../Documents.ts"
import type { DecideContext, EligibilityInput, EligibilityResult, ReasonCode } from "../../Eligibility.ts"
import { type Fee, feeFor, mayCharge, NO_FEE } from "../../Fees.ts"
import type { Procedure } from "../../Vocabulary.ts"
import { cardApplication, cardIssuance, cardReissuance, cardRenewal } from "./cards.ts"
import { certIssuance, certRenewal, pinReset, suspensionLift } from "./certificates.ts"
import {
  cardReturn,
  continuedUse,
  notificationCardReissuance,
  numberVerification,
  overseasContinuedUse,
  specialExtension,
  surfaceChange,
  validityChange
} from "./changes.ts"
import { Ctx } from "./context.ts"
import { compile, evaluate, type Rule, type Step, type Table } from "./engine.ts"

/** Every procedure's rule table. */
export const tables: { readonly [P in Procedure]: ReadonlyArray<Rule> } = {
  card_issuance: cardIssuance,
  card_application: cardApplication,
  card_reissuance: cardReissuance,
  card_renewal: cardRenewal,
  cert_issuance: certIssuance,
  cert_renewal: certRenewal,
  pin_reset: pinReset,
  suspension_lift: suspensionLift,
  surface_change: surfaceChange,
  continued_use: continuedUse,
  validity_change: validityChange,
  special_extension: specialExtension,
  overseas_continued_use: overseasContinuedUse,
  card_return: cardReturn,
  notification_card_reissuance: notificationCardReissuance,
  number_verification: numberVerification
}

/** The tables compiled for the walk, once at module load. */
const compiled: { readonly [P in Procedure]: Table } = Object.fromEntries(
  Object.entries(tables).map(([p, rules]) => [p, compile(rules)])
) as { readonly [P in Procedure]: Table }

const DISASTER_CERTIFICATE = Documents.indexOf("disaster_certificate")

const yen = (n: number) => n.toLocaleString("en-US")

// Reused between decisions (each summary clears what the previous one wrote): `decide` is synchronous
// and nothing keeps the context once it returns.
const scratch: readonly [Int32Array, Int32Array] = [
  new Int32Array(Documents.bufferLength()),
  new Int32Array(Documents.bufferLength())
]

const payStep = (fee: Fee): Step => {
  const when =
    fee.payableAt === "application" ? { ja: "申請時", en: "when applying" } : { ja: "交付時", en: "at the hand-over" }
  return {
    code: "PAY_FEE",
    ja: `手数料 ${yen(fee.amountYen)}円(${fee.items.map((i) => `${i.ja} ${yen(i.yen)}円`).join("、")})を${when.ja}にお支払いください`,
    en: `pay the fee of ${yen(fee.amountYen)} yen (${fee.items.map((i) => `${i.en} ${yen(i.yen)}`).join(", ")}) ${when.en}`
  }
}
const paySteps = new Map<Fee, Step>()

export const decideInternal = (input: EligibilityInput, context: DecideContext | undefined): EligibilityResult => {
  const c = new Ctx(input, context, scratch)
  const e = evaluate(compiled[c.procedure], c)
  const fee = !mayCharge(c.procedure)
    ? NO_FEE
    : feeFor({
        procedure: c.procedure,
        visitDate: c.visit,
        mode: c.mode,
        cause: c.cause,
        withCertificates: c.issuedCertificates.length > 0,
        cardExpiresOn: c.cardExpiresOn,
        disasterCertificate: Documents.brought(c.docs.applicant, DISASTER_CERTIFICATE),
        departureDate: input.applicant.departureDate ?? undefined,
        opening: c.variants.windowOpening
      })
  let nextSteps: ReadonlyArray<Step> = e.nextSteps
  if (fee.amountYen > 0 && e.decision !== "refused") {
    let pay = paySteps.get(fee)
    if (pay === undefined) {
      pay = payStep(fee)
      paySteps.set(fee, pay)
    }
    nextSteps = [...nextSteps, pay]
  }
  return {
    decision: e.decision,
    procedure: c.procedure,
    visitDate: c.visit,
    city: c.profile?.slug,
    reasons: e.reasons,
    missingDocuments: e.missingDocuments,
    nextSteps,
    fee
  }
}

const OUTCOME_KIND = { refuse: "refuses", second_visit: "second_visit", allow: "allows", note: "note" } as const

let catalog: ReadonlyArray<ReasonCode> | undefined

/** Every reason code across the tables, once, with its fixed text where it has one. */
export const reasonCatalog = (): ReadonlyArray<ReasonCode> => {
  if (catalog !== undefined) return catalog
  const seen = new Map<string, ReasonCode>()
  for (const rules of Object.values(tables)) {
    for (const r of rules) {
      if (seen.has(r.code)) continue
      seen.set(r.code, {
        code: r.code,
        kind: OUTCOME_KIND[r.outcome],
        ...(r.reason ? { ja: r.reason.ja, en: r.reason.en } : {}),
        basis: r.basis
      })
    }
  }
  catalog = [...seen.values()].sort((a, b) => a.code.localeCompare(b.code))
  return catalog
}
