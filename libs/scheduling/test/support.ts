/**
 * Test fixtures for booking: the four cities' real profiles, derived test cities with one setting
 * changed, calendar days relative to today (bookings must lie in the future), and the service layers.
 */
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Database } from "@madoguchi/db"
import { ActivityLog, Profile, Values } from "@madoguchi/domain"
import type { BookingSection } from "@madoguchi/domain/profile/Booking"
import { Effect, Layer } from "effect"
import * as Booking from "../src/Booking.ts"
import type * as Slot from "../src/Slot.ts"
import { addDays, localDate } from "../src/internal/time.ts"

const profilesDir = join(dirname(fileURLToPath(import.meta.url)), "../../../profiles")

/** A city profile from `profiles/`. */
export const loadProfile = (slug: string): Profile.CityProfile =>
  Effect.runSync(Profile.parseYaml(readFileSync(join(profilesDir, `${slug}.yaml`), "utf8")))

export const kawanishi = loadProfile("kawanishi")
export const koganei = loadProfile("koganei")
export const ota = loadProfile("ota")
export const kanazawa = loadProfile("kanazawa")

/** A valid 全国地方公共団体コード from five digits. */
export const cityCode = (five: string): string => `${five}${Values.cityCodeCheckDigit(five)}`

/** Kawanishi's profile under another name and code, with booking settings changed. */
export const variant = (slug: string, five: string, booking: Partial<BookingSection> = {}): Profile.CityProfile =>
  Effect.runSync(
    Profile.decodeProfile({
      ...kawanishi,
      slug,
      cityCode: cityCode(five),
      booking: { ...kawanishi.booking!, ...booking }
    })
  )

/** Today at the counter, plus `days`. */
export const dayFromToday = (days: number): string => addDays(localDate(new Date()), days)

/** One open day with one session at a site. */
export const openDay = (
  date: string,
  site: string,
  opens = "08:45",
  closes = "17:15",
  kind: "regular" | "holiday_opening" | "outreach" = "regular"
): Slot.CalendarDay => ({ date, open: true, sessions: [{ site, kind, opens, closes }] })

/** The booking services over the given profiles (the `Database` comes from the storage harness). */
export const services = (profiles: ReadonlyArray<Profile.CityProfile>) =>
  Booking.layerServices.pipe(Layer.provideMerge(Layer.mergeAll(Profile.layerStatic(profiles), ActivityLog.layerMemory)))

export type Services = Booking.Services | Profile.Profiles | ActivityLog.ActivityLog | Database.Database
