/**
 * Loads the city profiles found in a directory (`profiles/*.yaml`), decodes each with
 * `Profile.CityProfile`, records the city and every new profile version (SHA-256 of the file, effective
 * date) in the database, and provides the `Profiles` service over what was loaded. A profile that
 * fails to decode stops the start with every problem listed: a city must never run on a guessed
 * configuration.
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Decode, Profile } from "@madoguchi/domain"
import { Effect, Layer, Schema } from "effect"
import { Database } from "./Database.ts"

/** @category models */
export interface LoadedProfile {
  readonly profile: Profile.CityProfile
  readonly source: string
  readonly sha256: string
  /** The version number in `profile_version` (new when the file changed). */
  readonly version: number
}

/** A profile file could not be used. @category errors */
export class ProfileInvalid extends Schema.TaggedError<ProfileInvalid>("@madoguchi/db/ProfileInvalid")(
  "ProfileInvalid",
  { source: Schema.String, problems: Decode.DecodeError.fields.problems }
) {
  get ja(): string {
    return `プロファイル ${this.source} に誤りがあります:\n${this.problems.map((p) => `  ${p.path || "(全体)"}: ${p.ja}`).join("\n")}`
  }
  get en(): string {
    return `profile ${this.source} is invalid:\n${this.problems.map((p) => `  ${p.path || "(root)"}: ${p.en}`).join("\n")}`
  }
  override get message(): string {
    return this.en
  }
}

/** Read and decode every `*.yaml` in `directory` (no database). @category constructors */
export const readDirectory = Effect.fn("ProfileStore.readDirectory")(function* (directory: string) {
  const files = yield* Effect.try({
    try: () =>
      readdirSync(directory)
        .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
        .sort(),
    catch: () =>
      new ProfileInvalid({
        source: directory,
        problems: [{ path: "", ja: "プロファイルのディレクトリを読めません", en: "cannot read the profile directory" }]
      })
  })
  const loaded: Array<Omit<LoadedProfile, "version">> = []
  for (const file of files) {
    const source = join(directory, file)
    const text = readFileSync(source, "utf8")
    const profile = yield* Profile.parseYaml(text).pipe(
      Effect.mapError((e) => new ProfileInvalid({ source, problems: e.problems }))
    )
    loaded.push({ profile, source, sha256: createHash("sha256").update(text).digest("hex") })
  }
  const slugs = loaded.map((l) => l.profile.slug)
  const duplicate = slugs.find((s, i) => slugs.indexOf(s) !== i)
  if (duplicate !== undefined) {
    return yield* new ProfileInvalid({
      source: directory,
      problems: [
        { path: "slug", ja: `市の識別名が重複しています: ${duplicate}`, en: `duplicate city slug: ${duplicate}` }
      ]
    })
  }
  return loaded
})

/**
 * Record cities and profile versions; returns each profile with its version number.
 *
 * @category constructors
 */
export const record = Effect.fn("ProfileStore.record")(function* (
  loaded: ReadonlyArray<Omit<LoadedProfile, "version">>
) {
  const database = yield* Database
  return yield* database.withTransaction(
    Effect.forEach(loaded, (l) =>
      database.use(async (db) => {
        const p = l.profile
        await db
          .insertInto("city")
          .values({ city_code: p.cityCode, slug: p.slug, name_ja: p.name.ja, name_en: p.name.en })
          .onConflict((oc) =>
            oc
              .column("city_code")
              .doUpdateSet({ slug: p.slug, name_ja: p.name.ja, name_en: p.name.en, updated_at: new Date() })
          )
          .execute()
        const existing = await db
          .selectFrom("profile_version")
          .select("version")
          .where("city_code", "=", p.cityCode)
          .where("sha256", "=", l.sha256)
          .executeTakeFirst()
        if (existing) return { ...l, version: existing.version }
        const last = await db
          .selectFrom("profile_version")
          .select((eb) => eb.fn.max("version").as("v"))
          .where("city_code", "=", p.cityCode)
          .executeTakeFirst()
        const version = (last?.v ?? 0) + 1
        await db
          .insertInto("profile_version")
          .values({
            city_code: p.cityCode,
            version,
            sha256: l.sha256,
            effective_from: p.effectiveFrom,
            source: l.source,
            document: JSON.stringify(p)
          })
          .execute()
        return { ...l, version }
      })
    ),
    { retries: 3 }
  )
})

/**
 * `Profiles` from a directory, recorded in the database. Default directory: `MADOGUCHI_PROFILES` or
 * `./profiles` resolved from the working directory.
 *
 * @category layers
 */
export const layer = (directory: string) =>
  Layer.effect(
    Profile.Profiles,
    Effect.gen(function* () {
      const loaded = yield* record(yield* readDirectory(resolve(directory)))
      return Profile.makeProfiles(loaded.map((l) => l.profile))
    })
  )
