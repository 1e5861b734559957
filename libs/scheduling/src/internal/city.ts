/**
 * The booking settings of a city, resolved from its profile by slug or 全国地方公共団体コード.
 */
import { Profile } from "@madoguchi/domain"
import { bookingSettings, type BookingSettings } from "@madoguchi/domain/profile/Booking"
import { Effect, Schema } from "effect"

/** The city's profile has no `booking` section. @category errors */
export class BookingNotOffered extends Schema.TaggedError<BookingNotOffered>("@madoguchi/scheduling/BookingNotOffered")(
  "BookingNotOffered",
  { city: Schema.String }
) {
  get ja(): string {
    return `${this.city} は予約・番号札の設定(プロファイルの booking)がありません`
  }
  get en(): string {
    return `${this.city} has no booking settings (profile section "booking")`
  }
  override get message(): string {
    return this.en
  }
}

/** @category models */
export interface CityBooking {
  readonly profile: Profile.CityProfile
  readonly cityCode: string
  readonly settings: BookingSettings
}

/** Settings resolved once per profile (profiles do not change while a runtime runs). */
const resolved = new WeakMap<Profile.CityProfile, CityBooking>()

/**
 * The city's booking settings, by slug or code. Every booking call starts here, so the settings are
 * derived once per profile and the lookup adds no span of its own.
 *
 * @category constructors
 */
export const resolve = (
  city: string
): Effect.Effect<CityBooking, Profile.CityNotFound | BookingNotOffered, Profile.Profiles> =>
  Profile.Profiles.use((profiles) => resolveIn(profiles, city))

/** `resolve` in given profiles (the booking path holds them already). @category constructors */
export const resolveIn = (
  profiles: Profile.Profiles["Service"],
  city: string
): Effect.Effect<CityBooking, Profile.CityNotFound | BookingNotOffered> =>
  Effect.flatMap(profiles.get(city), (profile) => {
    const known = resolved.get(profile)
    if (known !== undefined) return Effect.succeed(known)
    if (profile.booking === undefined) return Effect.fail(new BookingNotOffered({ city: profile.slug }))
    const booking: CityBooking = { profile, cityCode: profile.cityCode, settings: bookingSettings(profile.booking) }
    resolved.set(profile, booking)
    return Effect.succeed(booking)
  })
