/**
 * The business calendar of a city, resolved from its profile: for each date, the sessions that
 * open (site, kind, hours, procedures, reservation policy) and, for a closed day, why. National
 * holidays come from the shared `JapaneseCalendar` of `@madoguchi/domain`; the year-end closure (a
 * profile may move or drop it) and ad-hoc closures from the profile's `calendar` section.
 *
 * Precedence, from strongest (tested case by case):
 * 1. an ad-hoc closure (J-LIS maintenance, a building closed) closes its sites, whatever opens;
 * 2. the year-end closure (12/29–1/3) closes every session, designated holiday openings included;
 * 3. a national holiday closes recurring sessions whose opening says `onNationalHoliday: closed`;
 *    a date the city designates (`dates`) opens even on a holiday;
 * 4. the openings. A recurring opening never reopens a closed day.
 *
 * A session whose opening says `whenFollowedByHoliday: previous_day` moves to the day before when
 * the next day is a holiday (Koganei: the 2nd/4th Sunday before a Monday holiday moves to the
 * Saturday); the closures above then apply to the day it moved to.
 */
import type { Values } from "@madoguchi/domain"
import { JapaneseCalendar, Values as V } from "@madoguchi/domain"
import type { CityProfile } from "@madoguchi/domain/Profile"
import type {
  CalendarSection,
  Closure,
  Opening,
  ReservationPolicy,
  SessionKind,
  Weekday
} from "@madoguchi/domain/profile/Calendar"
import { weekdays } from "@madoguchi/domain/profile/Calendar"
import { Schema } from "effect"
import { addDays, daysBetween, eachDay, isoWeekday } from "./internal/dates.ts"

/** One opening of one site on one date. @category models */
export interface Session {
  readonly date: string
  readonly site: string
  readonly kind: SessionKind
  /** The profile opening (`calendar.openings[].id`) it comes from. */
  readonly opening: string
  readonly label?: Values.Label
  /** Service to residents, `HH:MM`. */
  readonly opens: string
  readonly closes: string
  /** Staff on duty (preparation and closing work included). */
  readonly staffFrom: string
  readonly staffUntil: string
  /** Procedure codes served; absent = every procedure the city offers there. */
  readonly procedures?: ReadonlyArray<string>
  readonly reservation: ReservationPolicy
  /** Windows open; absent when neither the opening nor the site says. */
  readonly windows?: number
  /** People the session is planned for, when the profile says. */
  readonly capacity?: number
  /** A date the city designated (休日開庁 on a 市が指定する日). */
  readonly designated: boolean
  /** The date it would have been on, when it moved (Koganei: Sunday → Saturday). */
  readonly movedFrom?: string
}

/** @category models */
export type ClosedReason = "closure" | "year_end" | "national_holiday" | "no_opening"

/** A session that a closure took away, for staff to contact whoever booked it. @category models */
export interface CancelledSession {
  readonly session: Session
  readonly reason: Exclude<ClosedReason, "no_opening">
  readonly closure?: Closure
}

/** @category models */
export interface CalendarDay {
  readonly date: string
  readonly weekday: Weekday
  readonly open: boolean
  readonly closedReason?: ClosedReason
  /** The national holiday of the date, if any. */
  readonly holiday?: Values.Label
  readonly sessions: ReadonlyArray<Session>
  readonly cancelled: ReadonlyArray<CancelledSession>
}

/** The national holiday (祝日・振替休日・国民の休日) of a date. @category rules */
export const nationalHoliday: (date: string) => Values.Label | undefined = JapaneseCalendar.nationalHoliday

/** Whether a date falls in the year-end closure of a section. @category rules */
export const isYearEnd = (section: CalendarSection, date: string): boolean => {
  if (section.yearEnd === null) return false
  const md = date.slice(5)
  const { from, to } = section.yearEnd
  return from <= to ? md >= from && md <= to : md >= from || md <= to
}

const closureCovers = (closure: Closure, date: string, site: string | undefined): boolean =>
  date >= closure.from &&
  date <= (closure.to ?? closure.from) &&
  (closure.sites === undefined || site === undefined || closure.sites.includes(site))

const isCityWide = (closure: Closure): boolean => closure.sites === undefined

const weekdayOf = (date: string): Weekday => weekdays[isoWeekday(date) - 1]!

/** Whether a recurring opening falls on a date by its own pattern (before moves and closures). */
const recursOn = (opening: Opening, date: string, weekday: Weekday): boolean =>
  opening.weekdays !== undefined &&
  opening.weekdays.includes(weekday) &&
  (opening.nthOfMonth === undefined || opening.nthOfMonth.includes(Math.ceil(Number(date.slice(8, 10)) / 7))) &&
  (opening.from === undefined || date >= opening.from) &&
  (opening.to === undefined || date <= opening.to)

const emptySection: CalendarSection = {
  nationalHolidays: "closed",
  yearEnd: { from: "12-29", to: "01-03" },
  openings: [],
  closures: []
}

/** The calendar section of a profile (an empty calendar when the profile has none). @category constructors */
export const sectionOf = (profile: CityProfile): CalendarSection => profile.calendar ?? emptySection

const makeSession = (profile: CityProfile, opening: Opening, date: string, designated: boolean): Session => {
  const site = profile.sites.find((s) => s.id === opening.site)
  const procedures = opening.procedures ?? site?.procedures
  const windows = opening.windows ?? site?.windows
  return {
    date,
    site: opening.site,
    kind: opening.kind,
    opening: opening.id,
    ...(opening.label ? { label: opening.label } : {}),
    opens: opening.hours.opens,
    closes: opening.hours.closes,
    staffFrom: opening.hours.staffFrom ?? opening.hours.opens,
    staffUntil: opening.hours.staffUntil ?? opening.hours.closes,
    ...(procedures ? { procedures } : {}),
    reservation: opening.reservation,
    ...(windows !== undefined ? { windows } : {}),
    ...(opening.capacity !== undefined ? { capacity: opening.capacity } : {}),
    designated
  }
}

/** Sessions an opening would hold on `date` before closures apply (moves included). */
const candidatesOn = (profile: CityProfile, opening: Opening, date: string): Array<Session> => {
  const out: Array<Session> = []
  if (opening.dates.includes(date)) out.push(makeSession(profile, opening, date, true))
  const weekday = weekdayOf(date)
  const moves = opening.whenFollowedByHoliday === "previous_day"
  // A native occurrence stays unless the next day is a holiday and the opening moves.
  if (recursOn(opening, date, weekday) && !(moves && nationalHoliday(addDays(date, 1)) !== undefined))
    out.push(makeSession(profile, opening, date, false))
  // An occurrence of tomorrow moves here when the day after it is a holiday.
  if (moves) {
    const tomorrow = addDays(date, 1)
    if (recursOn(opening, tomorrow, weekdayOf(tomorrow)) && nationalHoliday(addDays(tomorrow, 1)) !== undefined)
      out.push({ ...makeSession(profile, opening, date, false), movedFrom: tomorrow })
  }
  return out
}

/**
 * The calendar of `from`–`to` (inclusive): every date with its open sessions, the sessions closures
 * took away, and why a closed day is closed.
 *
 * @category rules
 */
export const days = (profile: CityProfile, from: string, to: string): ReadonlyArray<CalendarDay> => {
  const section = sectionOf(profile)
  return eachDay(from, to).map((date): CalendarDay => {
    const holiday = nationalHoliday(date)
    const yearEnd = isYearEnd(section, date)
    const sessions: Array<Session> = []
    const cancelled: Array<CancelledSession> = []
    for (const opening of section.openings) {
      for (const session of candidatesOn(profile, opening, date)) {
        const closure = section.closures.find((c) => closureCovers(c, date, session.site))
        if (closure) cancelled.push({ session, reason: "closure", closure })
        else if (yearEnd) cancelled.push({ session, reason: "year_end" })
        else if (
          holiday !== undefined &&
          section.nationalHolidays === "closed" &&
          !session.designated &&
          opening.onNationalHoliday === "closed"
        )
          cancelled.push({ session, reason: "national_holiday" })
        else sessions.push(session)
      }
    }
    sessions.sort((a, b) => (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : a.site < b.site ? -1 : 1))
    const open = sessions.length > 0
    const closedReason: ClosedReason | undefined = open
      ? undefined
      : section.closures.some((c) => isCityWide(c) && closureCovers(c, date, undefined)) ||
          cancelled.some((c) => c.reason === "closure")
        ? "closure"
        : yearEnd
          ? "year_end"
          : holiday !== undefined && section.nationalHolidays === "closed"
            ? "national_holiday"
            : "no_opening"
    return {
      date,
      weekday: weekdayOf(date),
      open,
      ...(closedReason ? { closedReason } : {}),
      ...(holiday ? { holiday } : {}),
      sessions,
      cancelled
    }
  })
}

/**
 * The open sessions of `from`–`to` with site, kind, hours and procedures — what slots are generated
 * from.
 *
 * @category rules
 */
export const sessions = (profile: CityProfile, from: string, to: string): ReadonlyArray<Session> =>
  days(profile, from, to).flatMap((d) => d.sessions)

/** Minutes of service in a session. @category rules */
export const serviceMinutes = (session: Pick<Session, "opens" | "closes">): number =>
  V.minutesOf(session.closes) - V.minutesOf(session.opens)

/** Longest range one calendar request may cover (three years). @category constants */
export const maxRangeDays = 3 * 366

/** The requested range is not a range we answer. @category errors */
export class CalendarRangeInvalid extends Schema.TaggedError<CalendarRangeInvalid>(
  "@madoguchi/scheduling/CalendarRangeInvalid"
)("CalendarRangeInvalid", {
  from: Schema.String,
  to: Schema.String,
  problem: Schema.Literals(["reversed", "too_long"])
}) {
  get ja(): string {
    return this.problem === "reversed"
      ? `期間の開始日 ${this.from} が終了日 ${this.to} より後です`
      : `期間が長すぎます(${this.from}〜${this.to}、最大 ${maxRangeDays} 日)`
  }
  get en(): string {
    return this.problem === "reversed"
      ? `the range starts ${this.from}, after its end ${this.to}`
      : `the range ${this.from}–${this.to} is too long (at most ${maxRangeDays} days)`
  }
  override get message(): string {
    return this.en
  }
}

/** Check a date range before resolving it. @category rules */
export const checkRange = (from: string, to: string): CalendarRangeInvalid | undefined =>
  from > to
    ? new CalendarRangeInvalid({ from, to, problem: "reversed" })
    : daysBetween(from, to) >= maxRangeDays
      ? new CalendarRangeInvalid({ from, to, problem: "too_long" })
      : undefined

/**
 * Openings or closures that name a site the profile does not have; the profile schema cannot see
 * across sections, so the planner checks before it plans.
 *
 * @category rules
 */
export const unknownSites = (profile: CityProfile): ReadonlyArray<{ readonly path: string; readonly site: string }> => {
  const ids = new Set(profile.sites.map((s) => s.id))
  const section = sectionOf(profile)
  return [
    ...section.openings.flatMap((o, i) =>
      ids.has(o.site) ? [] : [{ path: `calendar.openings[${i}].site`, site: o.site }]
    ),
    ...section.closures.flatMap((c, i) =>
      (c.sites ?? []).flatMap((s, j) => (ids.has(s) ? [] : [{ path: `calendar.closures[${i}].sites[${j}]`, site: s }]))
    )
  ]
}

/** The calendar names sites the profile does not have. @category errors */
export class CalendarSiteUnknown extends Schema.TaggedError<CalendarSiteUnknown>(
  "@madoguchi/scheduling/CalendarSiteUnknown"
)("CalendarSiteUnknown", {
  city: Schema.String,
  problems: Schema.Array(Schema.Struct({ path: Schema.String, ja: Schema.String, en: Schema.String }))
}) {
  get ja(): string {
    return `${this.city} のカレンダーが存在しない拠点を指しています: ${this.problems.map((p) => p.path).join(", ")}`
  }
  get en(): string {
    return `the calendar of ${this.city} names sites the profile does not have: ${this.problems.map((p) => p.path).join(", ")}`
  }
  override get message(): string {
    return this.en
  }
}

/** The profile's calendar, checked against its sites (the schema cannot see across sections). @category rules */
export const validate = (profile: CityProfile): CalendarSiteUnknown | undefined => {
  const unknown = unknownSites(profile)
  return unknown.length === 0
    ? undefined
    : new CalendarSiteUnknown({
        city: profile.slug,
        problems: unknown.map((u) => ({
          path: u.path,
          ja: `拠点 ${u.site} は sites にありません`,
          en: `site ${u.site} is not among sites`
        }))
      })
}
