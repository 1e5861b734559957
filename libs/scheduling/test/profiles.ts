/** The four city profiles, parsed from `profiles/*.yaml`, for the planning tests. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Profile } from "@madoguchi/domain"
import { Effect } from "effect"

const root = join(import.meta.dirname, "..", "..", "..")

export const loadProfile = (city: string): Profile.CityProfile =>
  Effect.runSync(Profile.parseYaml(readFileSync(join(root, "profiles", `${city}.yaml`), "utf8")))

export const kawanishi = loadProfile("kawanishi")
export const kanazawa = loadProfile("kanazawa")
export const koganei = loadProfile("koganei")
export const ota = loadProfile("ota")

/** A profile with its calendar section changed. */
export const withCalendar = (
  profile: Profile.CityProfile,
  change: (calendar: NonNullable<Profile.CityProfile["calendar"]>) => NonNullable<Profile.CityProfile["calendar"]>
): Profile.CityProfile => ({ ...profile, calendar: change(profile.calendar!) })
