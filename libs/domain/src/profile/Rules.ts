/**
 * The `rules` section of a city profile: where the city departs from the national rule (the
 * variants of rules-sources §11, each defaulting to the national reading), which procedures and
 * application modes it offers, what each site can and cannot do (Koganei's outreach issues no
 * certificates and has identity confirmed online by city staff), its staff roles, and the
 * operations only city staff may perform (Kawanishi: setting and verifying PINs). A city that says
 * nothing follows the national rules.
 */
import { Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { AgeBasis, WindowOpening } from "../Validity.ts"
import { Label } from "../Values.ts"
import { ApplicationMode, CardDelivery, IdentityConfirmation, Operation, Procedure, StaffRole } from "../Vocabulary.ts"

/** How the city resolves the points where municipal sources differ (rules-sources §11). @category schemas */
export const Variants = Schema.Struct({
  /** §11-2: J-LIS "3か月前から" vs the municipal "3か月前の翌日" (default, the legal "3月未満"). */
  windowOpening: Schema.optional(WindowOpening),
  /** §11-1: which date fixes the age for card validity after 2022 (default: 発行日). */
  cardValidityAgeBasis: Schema.optional(AgeBasis),
  /** §11-3: PIN reset by the applicant — card only (default) or card plus one more ID [M-Ageo]. */
  pinResetIdentity: Schema.optional(Schema.Literals(["card_only", "card_and_id"])),
  /** §11-4: proxies for a child under 15 — the legal representative only (default) or also a sub-proxy [M-Fukuchi]. */
  minorProxy: Schema.optional(Schema.Literals(["legal_representative_only", "sub_proxy_allowed"])),
  /** §11-5: the representative's ID at a proxy hand-over — A×2 or A+B (default) or also B×3 [M-Oyama]. */
  proxyHandoverAttendeeId: Schema.optional(Schema.Literals(["a2_or_ab", "a2_or_ab_or_b3"])),
  /** §11-6: re-issuance application by a voluntary proxy with a power of attorney (default) or not at all. */
  reissuanceByProxy: Schema.optional(Schema.Literals(["with_power_of_attorney", "not_allowed"])),
  /** §11-7: certificates revoked by a temporary suspension — the signature one (default) or both [M-Tomiya]. */
  suspensionRevokes: Schema.optional(Schema.Literals(["signature", "both"])),
  /** §11-8: the signature certificate lapses on the departure date (default) or at the 転出届 [M-Kasugai]. */
  overseasSignatureLapse: Schema.optional(Schema.Literals(["on_departure_date", "on_move_out_notification"]))
})
export type Variants = typeof Variants.Type

/** Every variant resolved, with the national default where the city is silent. @category models */
export type ResolvedVariants = { readonly [K in keyof Variants]-?: Exclude<Variants[K], undefined> }

/** The national reading of each §11 point. @category constants */
export const nationalDefaults: ResolvedVariants = {
  windowOpening: "day_after_three_months_before",
  cardValidityAgeBasis: "issuance_date",
  pinResetIdentity: "card_only",
  minorProxy: "legal_representative_only",
  proxyHandoverAttendeeId: "a2_or_ab",
  reissuanceByProxy: "with_power_of_attorney",
  suspensionRevokes: "signature",
  overseasSignatureLapse: "on_departure_date"
}

/** @category constructors */
export const resolveVariants = (variants: Variants | undefined): ResolvedVariants =>
  variants === undefined ? nationalDefaults : { ...nationalDefaults, ...(variants as Partial<ResolvedVariants>) }

/** What one site does differently. @category schemas */
export const SiteRule = Schema.Struct({
  /** A site id from `sites`. */
  site: Schema.String,
  /** Application modes taken at this site (absent: those of the city). */
  applicationModes: Schema.optional(Schema.Array(ApplicationMode.schema)),
  /** Whether electronic certificates are issued here (default true). */
  certificates: Schema.optional(Schema.Boolean),
  identityConfirmation: Schema.optional(IdentityConfirmation.schema),
  /** After the hand-over procedure, is the card handed over here or mailed. */
  cardDelivery: Schema.optional(CardDelivery.schema),
  note: Schema.optional(Label),
  basis: Schema.optional(Schema.String)
})
export type SiteRule = typeof SiteRule.Type

/** An operation reserved to city staff. @category schemas */
export const CityStaffOnly = Schema.Struct({
  operation: Operation.schema,
  /** Sites where the reservation applies (absent: everywhere). */
  sites: Schema.optional(Schema.Array(Schema.String)),
  note: Schema.optional(Label),
  basis: Schema.String
})
export type CityStaffOnly = typeof CityStaffOnly.Type

/** @category schemas */
export const Role = Schema.Struct({ code: StaffRole.schema, label: Schema.optional(Label) })
export type Role = typeof Role.Type

const unique =
  <A>(what: { readonly ja: string; readonly en: string }, key: (a: A) => string) =>
  (items: ReadonlyArray<A>) =>
    new Set(items.map(key)).size === items.length || bilingual(`${what.ja}が重複しています`, `duplicate ${what.en}`)

/** @category schemas */
export const RulesSection = Schema.Struct({
  /** Where the city's rules come from (source codes, e.g. `SEED-Kawanishi`). */
  basis: Schema.optional(Schema.String),
  variants: Schema.optional(Variants),
  /** Procedures the city offers at its counters (absent: all). */
  procedures: Schema.optional(
    Schema.Array(Procedure.schema).check(Schema.makeFilter(unique({ ja: "手続", en: "procedures" }, (p: string) => p)))
  ),
  /** Application modes the city takes (absent: all). */
  applicationModes: Schema.optional(Schema.Array(ApplicationMode.schema)),
  roles: Schema.optional(
    Schema.Array(Role).check(Schema.makeFilter(unique({ ja: "役割", en: "roles" }, (r: Role) => r.code)))
  ),
  cityStaffOnly: Schema.optional(Schema.Array(CityStaffOnly)),
  sites: Schema.optional(
    Schema.Array(SiteRule).check(
      Schema.makeFilter(unique({ ja: "拠点の規則", en: "site rules" }, (s: SiteRule) => s.site))
    )
  )
})
export type RulesSection = typeof RulesSection.Type

/**
 * Problems where the section names a site the profile does not define (paths from the profile root).
 *
 * @category constructors
 */
export const siteReferenceIssues = (
  siteIds: ReadonlyArray<string>,
  rules: RulesSection | undefined
): Array<{ readonly path: ReadonlyArray<PropertyKey>; readonly issue: string }> => {
  const known = new Set(siteIds)
  const issue = (site: string) =>
    bilingual(`拠点「${site}」は sites に定義されていません`, `site ${JSON.stringify(site)} is not defined in sites`)
  const issues: Array<{ readonly path: ReadonlyArray<PropertyKey>; readonly issue: string }> = []
  rules?.sites?.forEach((s, i) => {
    if (!known.has(s.site)) issues.push({ path: ["rules", "sites", i, "site"], issue: issue(s.site) })
  })
  rules?.cityStaffOnly?.forEach((o, i) =>
    o.sites?.forEach((site, j) => {
      if (!known.has(site)) issues.push({ path: ["rules", "cityStaffOnly", i, "sites", j], issue: issue(site) })
    })
  )
  return issues
}
