/**
 * A city's configuration profile (`profiles/<city>.yaml`): who the city is, its sites, and one
 * section per concern (rule variants, calendar, planning, booking, custody, reports). A fifth city is
 * a new profile, never code. Decoding is exact (an unknown key is an error) and reports every
 * problem with its path in Japanese and English.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { parseDocument } from "yaml"
import { bilingual, DecodeError, decode } from "./Decode.ts"
import { BookingSection } from "./profile/Booking.ts"
import { CalendarSection } from "./profile/Calendar.ts"
import { CustodySection } from "./profile/Custody.ts"
import { PlanningSection } from "./profile/Planning.ts"
import { ReportsSection } from "./profile/Reports.ts"
import { RulesSection, siteReferenceIssues } from "./profile/Rules.ts"
import { CityCode, CitySlug, Label, LocalDate } from "./Values.ts"
import { Procedure } from "./Vocabulary.ts"

/** A site's id within its city (`honcho`, `outreach`). @category schemas */
export const SiteId = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_-]{0,40}$/.test(s) ||
      bilingual(`拠点IDは英小文字・数字・ハイフンです: ${s}`, `expected a lowercase site id, got ${JSON.stringify(s)}`),
    { identifier: "SiteId", expected: "a lowercase site id" }
  )
)
export type SiteId = typeof SiteId.Type

/** @category schemas */
export const SiteKind = Schema.Literals(["counter", "special_counter", "outreach", "back_office", "phone"])
export type SiteKind = typeof SiteKind.Type

/** A place where work happens: a counter in city hall, an outreach venue, the back office. @category schemas */
export const Site = Schema.Struct({
  id: SiteId,
  name: Label,
  kind: SiteKind,
  address: Schema.optional(Schema.String),
  /** Service windows (seats) open at once. */
  windows: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  /** Procedure codes offered here (vocabulary of `Procedure`); absent = every procedure the city offers. */
  procedures: Schema.optional(Schema.Array(Procedure.schema))
})
export type Site = typeof Site.Type

/** @category schemas */
export const CityProfile = Schema.Struct({
  slug: CitySlug,
  cityCode: CityCode,
  name: Label,
  prefecture: Label,
  /** The day this version of the profile takes effect. */
  effectiveFrom: LocalDate,
  contract: Schema.Struct({
    title: Label,
    from: LocalDate,
    to: LocalDate,
    /** Where the requirement comes from (the published specification). */
    source: Schema.optional(Schema.String)
  }),
  sites: Schema.Array(Site).check(
    Schema.makeFilter((sites: ReadonlyArray<Site>) =>
      sites.length === 0
        ? bilingual("拠点を1つ以上定義してください", "define at least one site")
        : new Set(sites.map((s) => s.id)).size === sites.length ||
          bilingual("拠点IDが重複しています", "site ids must be unique")
    )
  ),
  rules: Schema.optional(RulesSection),
  calendar: Schema.optional(CalendarSection),
  planning: Schema.optional(PlanningSection),
  booking: Schema.optional(BookingSection),
  custody: Schema.optional(CustodySection),
  reports: Schema.optional(ReportsSection)
}).check(
  Schema.makeFilter((p) =>
    siteReferenceIssues(
      p.sites.map((s) => s.id),
      p.rules
    )
  )
)
export type CityProfile = typeof CityProfile.Type

/** Decode an already-parsed profile object. @category constructors */
export const decodeProfile = decode(CityProfile, { exact: true })

/**
 * Parse and decode profile YAML. YAML syntax errors are reported with line and column.
 *
 * @category constructors
 */
export const parseYaml = (text: string): Effect.Effect<CityProfile, DecodeError> => {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length > 0) {
    return Effect.fail(
      new DecodeError({
        problems: document.errors.map((e) => {
          const where = e.linePos?.[0] ? `${e.linePos[0].line}:${e.linePos[0].col}` : ""
          return {
            path: where,
            ja: `YAML の書式が正しくありません(${where}行:列): ${e.message.split("\n")[0]}`,
            en: `invalid YAML at ${where} (line:col): ${e.message.split("\n")[0]}`
          }
        })
      })
    )
  }
  return decodeProfile(document.toJS())
}

/** No profile for this city. @category errors */
export class CityNotFound extends Schema.TaggedError<CityNotFound>("@madoguchi/domain/CityNotFound")("CityNotFound", {
  city: Schema.String
}) {
  get ja(): string {
    return `市が見つかりません: ${this.city}`
  }
  get en(): string {
    return `no such city: ${this.city}`
  }
}

/**
 * The city profiles in force. Feature libs read profiles only through this service; apps provide it
 * (from `profiles/` and the database), tests with `layerStatic`.
 *
 * @category services
 */
export class Profiles extends Context.Service<
  Profiles,
  {
    readonly all: Effect.Effect<ReadonlyArray<CityProfile>>
    /** By slug (`kawanishi`) or 全国地方公共団体コード (`282171`). */
    readonly get: (city: string) => Effect.Effect<CityProfile, CityNotFound>
  }
>()("@madoguchi/domain/Profiles") {}

/** The service over a fixed set of profiles. @category constructors */
export const makeProfiles = (profiles: ReadonlyArray<CityProfile>): Profiles["Service"] => {
  const bySlug = new Map<string, CityProfile>()
  for (const p of profiles) {
    bySlug.set(p.slug, p)
    bySlug.set(p.cityCode, p)
  }
  return Profiles.of({
    all: Effect.succeed(profiles),
    get: (city) => {
      const found = bySlug.get(city)
      return found ? Effect.succeed(found) : Effect.fail(new CityNotFound({ city }))
    }
  })
}

/** A fixed set of profiles. @category layers */
export const layerStatic = (profiles: ReadonlyArray<CityProfile>): Layer.Layer<Profiles> =>
  Layer.succeed(Profiles, makeProfiles(profiles))
