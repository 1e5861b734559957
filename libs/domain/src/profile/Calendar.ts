/**
 * The `calendar` section of a city profile: when and where the counters open. Openings are rules
 * (every weekday, the 2nd and 4th Sunday, dates the city designates) with their own hours,
 * procedures and reservation policy; closures are the city's: national holidays, the year-end
 * closure (12/29–1/3 in all four seeds) and ad-hoc closures (J-LIS maintenance, a building closed).
 *
 * Precedence, from strongest: an ad-hoc closure, then the year-end closure, then a national holiday
 * (for openings that close on holidays), then the openings. A recurring opening never reopens a
 * closed day; a date the city designates explicitly (a holiday opening) may fall on a holiday but
 * never on a closure. The resolver is `Calendar` in `@madoguchi/scheduling`.
 */
import { Effect, Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { Label, LocalDate, LocalTime, minutesOf } from "../Values.ts"

/** @category schemas */
export const Weekday = Schema.Literals(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
export type Weekday = typeof Weekday.Type

/** Weekdays in ISO order (Monday = 1 … Sunday = 7, index + 1). @category constants */
export const weekdays: ReadonlyArray<Weekday> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

/**
 * `regular` 通常開庁日, `holiday_opening` 休日開庁 (a weekend or holiday opening with its own rules),
 * `outreach` 出張窓口 (a session away from city hall).
 *
 * @category schemas
 */
export const SessionKind = Schema.Literals(["regular", "holiday_opening", "outreach"])
export type SessionKind = typeof SessionKind.Type

/**
 * `required` 完全予約制 (walk-ins are not served), `optional` (reservations first, walk-ins too),
 * `none` (walk-ins only, no reservations).
 *
 * @category schemas
 */
export const ReservationPolicy = Schema.Literals(["required", "optional", "none"])
export type ReservationPolicy = typeof ReservationPolicy.Type

/** `MM-DD`, a day of any year. @category schemas */
export const MonthDay = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) ||
      bilingual(`月日は MM-DD で指定してください: ${s}`, `expected a day MM-DD, got ${JSON.stringify(s)}`),
    { identifier: "MonthDay", expected: "a day MM-DD" }
  )
)
export type MonthDay = typeof MonthDay.Type

/**
 * Hours of a session. `opens`–`closes` is when residents are served (窓口対応・電話受付時間);
 * `staffFrom`–`staffUntil` is the contracted working time around it (準備・終了後の事務), which
 * defaults to the service hours.
 *
 * @category schemas
 */
export const Hours = Schema.Struct({
  opens: LocalTime.annotate({ description: "Service to residents starts (窓口対応開始)." }),
  closes: LocalTime.annotate({ description: "Service to residents ends (窓口対応終了)." }),
  staffFrom: Schema.optionalKey(
    LocalTime.annotate({ description: "Staff on duty from (業務開始, e.g. Ota 8:20). Default: `opens`." })
  ),
  staffUntil: Schema.optionalKey(
    LocalTime.annotate({ description: "Staff on duty until (業務終了, e.g. Kawanishi 17:15). Default: `closes`." })
  )
}).check(
  Schema.makeFilter((h: { opens: string; closes: string; staffFrom?: string; staffUntil?: string }) => {
    if (minutesOf(h.opens) >= minutesOf(h.closes))
      return bilingual(
        `開始時刻 ${h.opens} は終了時刻 ${h.closes} より前にしてください`,
        `opens ${h.opens} must be before closes ${h.closes}`
      )
    if (h.staffFrom !== undefined && minutesOf(h.staffFrom) > minutesOf(h.opens))
      return bilingual(
        `業務開始 ${h.staffFrom} は窓口開始 ${h.opens} 以前にしてください`,
        `staffFrom ${h.staffFrom} must not be after opens ${h.opens}`
      )
    if (h.staffUntil !== undefined && minutesOf(h.staffUntil) < minutesOf(h.closes))
      return bilingual(
        `業務終了 ${h.staffUntil} は窓口終了 ${h.closes} 以降にしてください`,
        `staffUntil ${h.staffUntil} must not be before closes ${h.closes}`
      )
    return true
  })
)
export type Hours = typeof Hours.Type

const OpeningId = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[a-z][a-z0-9_-]{0,40}$/.test(s) ||
      bilingual(
        `開設IDは英小文字・数字・ハイフンです: ${s}`,
        `expected a lowercase opening id, got ${JSON.stringify(s)}`
      ),
    { identifier: "OpeningId", expected: "a lowercase opening id" }
  )
)

const Nth = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }))

/**
 * A recurring or designated opening of one site. It happens on a date when the date is in `dates`,
 * or when its weekday is in `weekdays` (and, with `nthOfMonth`, it is that occurrence of the weekday
 * in its month), within `from`–`to`.
 *
 * @category schemas
 */
export const Opening = Schema.Struct({
  id: OpeningId.annotate({ description: "Unique id of the opening within the city (`weekday`, `sunday-outreach`)." }),
  site: Schema.String.annotate({ description: "The site (`sites[].id`) that opens." }),
  kind: SessionKind,
  label: Schema.optionalKey(Label),
  weekdays: Schema.optionalKey(
    Schema.Array(Weekday).annotate({ description: "Recurs on these weekdays (every week unless `nthOfMonth`)." })
  ),
  nthOfMonth: Schema.optionalKey(
    Schema.Array(Nth).annotate({
      description: "Only these occurrences of the weekday in the month (Koganei: [2, 4] = 第2・第4日曜日)."
    })
  ),
  dates: Schema.Array(LocalDate)
    .annotate({ description: "Dates the city designates (市が指定する日). Default: none." })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  whenFollowedByHoliday: Schema.Literals(["keep", "previous_day"])
    .annotate({
      description:
        "`previous_day`: when the next day is a national holiday, the session moves to the day before " +
        "(Koganei: a 2nd/4th Sunday before a Monday holiday moves to the Saturday). Default: `keep`."
    })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed("keep" as const))),
  onNationalHoliday: Schema.Literals(["closed", "open"])
    .annotate({
      description:
        "Whether a recurring session happens on a national holiday. Designated `dates` always happen. Default: `closed`."
    })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed("closed" as const))),
  from: Schema.optionalKey(LocalDate.annotate({ description: "First day the opening applies." })),
  to: Schema.optionalKey(LocalDate.annotate({ description: "Last day the opening applies." })),
  hours: Hours,
  procedures: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({
      description: "Procedure codes served in these sessions. Default: the site's procedures (or every procedure)."
    })
  ),
  reservation: ReservationPolicy.annotate({
    description: "Reservation policy of these sessions. Default: `optional`."
  }).pipe(Schema.withDecodingDefaultKey(Effect.succeed("optional" as const))),
  windows: Schema.optionalKey(
    Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)).annotate({
      description: "Windows (seats) open in these sessions. Default: the site's `windows`."
    })
  ),
  capacity: Schema.optionalKey(
    Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)).annotate({
      description: "People a session is planned for (Koganei outreach: 30). Default: from windows and service times."
    })
  ),
  expectedPerMonth: Schema.optionalKey(
    Schema.Number.check(Schema.isGreaterThanOrEqualTo(0)).annotate({
      description:
        "Planning only: sessions a month to assume in months where the city has not designated the dates yet " +
        "(Kawanishi holiday openings: 2; Kanazawa: 1 Saturday + 1 Sunday = 2)."
    })
  ),
  expectedWeekdays: Schema.optionalKey(
    Schema.Array(Weekday).annotate({
      description:
        "Planning only: the weekdays those provisional sessions are placed on, evenly through the month. " +
        "Default: sat, sun for holiday openings; mon–fri otherwise."
    })
  ),
  source: Schema.optionalKey(Schema.String)
}).check(
  Schema.makeFilter(
    (o: {
      weekdays?: ReadonlyArray<string>
      nthOfMonth?: ReadonlyArray<number>
      dates: ReadonlyArray<string>
      from?: string
      to?: string
      expectedPerMonth?: number
    }) => {
      if ((o.weekdays === undefined || o.weekdays.length === 0) && o.dates.length === 0 && !o.expectedPerMonth)
        return bilingual(
          "weekdays・dates・expectedPerMonth のいずれかを指定してください",
          "give weekdays, dates or expectedPerMonth"
        )
      if (o.nthOfMonth !== undefined && (o.weekdays === undefined || o.weekdays.length === 0))
        return bilingual("nthOfMonth には weekdays が必要です", "nthOfMonth needs weekdays")
      if (o.from !== undefined && o.to !== undefined && o.from > o.to)
        return bilingual(`開始日 ${o.from} が終了日 ${o.to} より後です`, `from ${o.from} is after to ${o.to}`)
      return true
    }
  )
)
export type Opening = typeof Opening.Type

/** @category schemas */
export const ClosureKind = Schema.Literals(["system_maintenance", "building", "disaster", "other"])
export type ClosureKind = typeof ClosureKind.Type

/**
 * An ad-hoc closure: J-LIS system maintenance, a building closure, a disaster. It wins over every
 * opening, designated holiday openings included.
 *
 * @category schemas
 */
export const Closure = Schema.Struct({
  from: LocalDate.annotate({ description: "First closed day." }),
  to: Schema.optionalKey(LocalDate.annotate({ description: "Last closed day. Default: `from` (one day)." })),
  sites: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({ description: "Closed sites. Default: every site of the city." })
  ),
  kind: ClosureKind,
  reason: Label,
  source: Schema.optionalKey(Schema.String)
}).check(
  Schema.makeFilter((c: { from: string; to?: string }) =>
    c.to === undefined || c.from <= c.to
      ? true
      : bilingual(`開始日 ${c.from} が終了日 ${c.to} より後です`, `from ${c.from} is after to ${c.to}`)
  )
)
export type Closure = typeof Closure.Type

/** @category schemas */
export const YearEndClosure = Schema.Struct({ from: MonthDay, to: MonthDay })
export type YearEndClosure = typeof YearEndClosure.Type

/** @category schemas */
export const CalendarSection = Schema.Struct({
  nationalHolidays: Schema.Literals(["closed", "ignored"])
    .annotate({
      description:
        "`closed`: national holidays (国民の祝日に関する法律に規定する休日, from @holiday-jp/holiday_jp) close the " +
        "openings that close on holidays. Default: `closed` (all four seeds)."
    })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed("closed" as const))),
  yearEnd: Schema.NullOr(YearEndClosure)
    .annotate({
      description:
        "The year-end closure (年末年始), inclusive, across the new year. `null`: none. Default: 12-29 to 01-03."
    })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed({ from: "12-29", to: "01-03" }))),
  openings: Schema.Array(Opening).check(
    Schema.makeFilter((openings: ReadonlyArray<{ id: string }>) =>
      new Set(openings.map((o) => o.id)).size === openings.length
        ? true
        : bilingual("開設IDが重複しています", "opening ids must be unique")
    )
  ),
  closures: Schema.Array(Closure)
    .annotate({ description: "Ad-hoc closures; they win over every opening. Default: none." })
    .pipe(Schema.withDecodingDefaultKey(Effect.succeed([])))
})
export type CalendarSection = typeof CalendarSection.Type
