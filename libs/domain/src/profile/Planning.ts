/**
 * The `planning` section of a city profile: the forecasts and volumes the seeds publish (as data),
 * how they turn into counter visits, how long a visit takes, and the targets a plan must meet.
 * Every assumption of the planner is a named parameter here with its default in its description;
 * nothing is hidden in code. The planner is `Demand`, `Capacity` and `Plan` in
 * `@madoguchi/scheduling`; `libs/scheduling/README.md` explains each parameter.
 */
import { Effect, Schema } from "effect"
import { bilingual } from "../Decode.ts"
import { Label, YearMonth } from "../Values.ts"
import { BookableProcedure } from "./Booking.ts"
import { Weekday } from "./Calendar.ts"

const withDefault =
  <S extends Schema.Top & { readonly Encoded: unknown }>(value: S["Encoded"]) =>
  (schema: S) =>
    schema.pipe(Schema.withDecodingDefaultKey(Effect.succeed(value)))

const nonNegative = (what: string) =>
  Schema.Number.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isFinite(n) && n >= 0) ||
        bilingual(`${what}は0以上の数で指定してください: ${n}`, `expected a number ≥ 0, got ${n}`)
    )
  )

const positive = (what: string) =>
  Schema.Number.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isFinite(n) && n > 0) ||
        bilingual(`${what}は正の数で指定してください: ${n}`, `expected a number > 0, got ${n}`)
    )
  )

/** A share 0–1. @category schemas */
export const Share = Schema.Number.check(
  Schema.makeFilter(
    (n: number) =>
      (Number.isFinite(n) && n >= 0 && n <= 1) ||
      bilingual(`割合は0〜1で指定してください: ${n}`, `expected a share from 0 to 1, got ${n}`)
  )
)

const count = Schema.Int.check(
  Schema.makeFilter((n: number) => n >= 0 || bilingual(`件数は0以上の整数です: ${n}`, `expected a count ≥ 0, got ${n}`))
)

const sumsToOne = (what: string) =>
  Schema.makeFilter((shares: Readonly<Record<string, number>>) => {
    const total = Object.values(shares).reduce((a, b) => a + b, 0)
    return Math.abs(total - 1) < 1e-6
      ? true
      : bilingual(`${what}の合計は1にしてください(合計 ${total})`, `${what} must sum to 1 (got ${total})`)
  })

/**
 * What a series counts. Expiries (`card_expiry`, `cert_expiry`) become visits through the renewal
 * window; the others are counted visits, calls or cards.
 *
 * - `card_expiry` マイナンバーカード有効期限切れ件数 · `cert_expiry` 電子証明書有効期限切れ件数
 * - `card_issuance` カード交付件数 (窓口) · `cert_service` 電子証明書発行・更新件数
 * - `card_application` 申請受付件数 (申請時来庁方式) · `issuance_notices` 交付通知書発送数
 * - `cards_processed` 処理枚数 · `phone_calls` 電話対応件数
 *
 * @category schemas
 */
export const SeriesKind = Schema.Literals([
  "card_expiry",
  "cert_expiry",
  "card_issuance",
  "cert_service",
  "card_application",
  "issuance_notices",
  "cards_processed",
  "phone_calls"
])
export type SeriesKind = typeof SeriesKind.Type

const FiscalYear = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^\d{4}$/.test(s) ||
      bilingual(`年度は西暦4桁で指定してください: ${s}`, `expected a fiscal year YYYY, got ${JSON.stringify(s)}`),
    { identifier: "FiscalYear", expected: "a fiscal year YYYY" }
  )
)

/**
 * A table of the seeds (or an imported CSV): counts per month and/or per fiscal year (年度, April to
 * March, named by the year it starts).
 *
 * @category schemas
 */
export const Series = Schema.Struct({
  kind: SeriesKind,
  basis: Schema.Literals(["forecast", "actual"]).annotate({
    description: "`forecast` 予測 or `actual` 実績."
  }),
  label: Schema.optionalKey(Label),
  source: Schema.optionalKey(Schema.String),
  months: Schema.Record(YearMonth, count)
    .annotate({ description: "Counts per month `YYYY-MM`. Default: none." })
    .pipe(withDefault({})),
  fiscalYears: Schema.Record(FiscalYear, count)
    .annotate({ description: "Counts per fiscal year (年度, April–March) `YYYY`. Default: none." })
    .pipe(withDefault({}))
})
export type Series = typeof Series.Type

/** Channel shares of visits. @category schemas */
export const Channels = Schema.Struct({
  reserved: Share.annotate({ description: "Share that books a reservation (予約)." }),
  walkIn: Share.annotate({ description: "Share that walks in (予約なし来庁)." }),
  outreach: Share.annotate({ description: "Share served at outreach sessions (出張窓口). Default: 0." }).pipe(
    withDefault(0)
  )
}).check(
  Schema.makeFilter((c: { reserved: number; walkIn: number; outreach: number }) => {
    const total = c.reserved + c.walkIn + c.outreach
    return Math.abs(total - 1) < 1e-6
      ? true
      : bilingual(`経路の割合の合計は1にしてください(合計 ${total})`, `channel shares must sum to 1 (got ${total})`)
  })
)
export type Channels = typeof Channels.Type

/** Month offsets `-6`…`6` relative to the series month. @category schemas */
export const MonthOffset = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^(0|[+-]?[1-6])$/.test(s) ||
      bilingual(`月のずれは -6〜6 で指定してください: ${s}`, `expected a month offset -6…6, got ${JSON.stringify(s)}`),
    { identifier: "MonthOffset", expected: "a month offset -6…6" }
  )
)

/**
 * One stream of counter visits: a series, the procedure it brings to the counter and how.
 *
 * - `expiry`: people whose card or certificate expires in month M come in M + offset, with the
 *   shares of `leadMonths` (the renewal window opens 3 months before expiry — rules-sources §3).
 * - `reference`: the same month of a reference year (monthly actuals) or 1/12 of a reference fiscal
 *   year, times `growth`.
 * - `direct`: the series counts the visits of that very month.
 *
 * @category schemas
 */
export const DemandStream = Schema.Struct({
  id: Schema.String.annotate({ description: "Name of the stream (shown in the plan's assumptions)." }),
  series: SeriesKind.annotate({ description: "The series that feeds this stream." }),
  procedure: BookableProcedure.annotate({ description: "The procedure these visitors come for." }),
  method: Schema.Literals(["expiry", "reference", "direct"]),
  uptake: Share.annotate({
    description:
      "Share of the series' count that becomes counter visits of this procedure (the rest renew elsewhere, " +
      "late, or not at all). Default: 1."
  }).pipe(withDefault(1)),
  leadMonths: Schema.optionalKey(
    Schema.Record(MonthOffset, Share)
      .check(sumsToOne("leadMonths"))
      .annotate({
        description:
          "`expiry` only: when people come, by month relative to the expiry month (e.g. `-1`: the month before). " +
          "Default: the section's `leadMonths` for this series."
      })
  ),
  referenceYear: Schema.optionalKey(
    Schema.Int.annotate({ description: "`reference` with monthly actuals: the calendar year to copy (金沢: 2024)." })
  ),
  referenceFiscalYear: Schema.optionalKey(
    Schema.Int.annotate({ description: "`reference` with yearly totals: the fiscal year to spread (太田: 2024)." })
  ),
  growth: positive("伸び率")
    .annotate({ description: "`reference` only: factor applied to the reference volumes. Default: 1 (no growth)." })
    .pipe(withDefault(1)),
  channels: Schema.optionalKey(
    Channels.annotate({ description: "Channel split of this stream. Default: the section's." })
  )
})
export type DemandStream = typeof DemandStream.Type

const ServiceMinutes = Schema.Record(BookableProcedure, Schema.optionalKey(positive("処理時間")))

/** Default lead-time shares by series (see the README for the reasoning). @category constants */
export const defaultLeadMonths = {
  /** A renewed card is collected after J-LIS production (~1 month after applying, from 3 months before expiry). */
  card_expiry: { "-2": 0.2, "-1": 0.35, "0": 0.3, "1": 0.15 },
  /** Certificates are renewed in the window: from 3 months before expiry to the expiry day. */
  cert_expiry: { "-3": 0.1, "-2": 0.25, "-1": 0.35, "0": 0.3 }
} as const

/** Default minutes at the window per procedure (assumptions; calibrate from the activity log). @category constants */
export const defaultServiceMinutes = {
  card_issuance: 15,
  card_application: 20,
  card_reissuance: 20,
  card_renewal: 20,
  cert_issuance: 10,
  cert_renewal: 10,
  pin_reset: 10,
  suspension_lift: 10,
  surface_change: 10,
  continued_use: 10,
  validity_change: 10,
  special_extension: 10,
  overseas_continued_use: 15,
  card_return: 10,
  number_verification: 10
} as const

const Observation = Schema.Struct({
  month: YearMonth,
  counts: Schema.Record(BookableProcedure, Schema.optionalKey(count))
})

/** @category schemas */
export const PlanningSection = Schema.Struct({
  sites: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({
      description: "Sites whose windows are planned. Default: every `counter` and `special_counter` site."
    })
  ),
  series: Schema.Array(Series)
    .annotate({ description: "Forecast and actual tables (the seeds' tables, imported CSV). Default: none." })
    .pipe(withDefault([])),
  streams: Schema.Array(DemandStream)
    .annotate({ description: "How the series become counter visits. Default: none (no demand)." })
    .pipe(withDefault([])),
  leadMonths: Schema.Struct({
    card_expiry: Schema.Record(MonthOffset, Share).check(sumsToOne("leadMonths.card_expiry")),
    cert_expiry: Schema.Record(MonthOffset, Share).check(sumsToOne("leadMonths.cert_expiry"))
  })
    .annotate({
      description:
        "When people come relative to the expiry month. Default: cards -2: 0.2, -1: 0.35, 0: 0.3, +1: 0.15 " +
        "(applied in the 3-month window, collected ~1 month later); certificates -3: 0.1, -2: 0.25, -1: 0.35, 0: 0.3 " +
        "(renewal possible from 3 months before expiry to the expiry day)."
    })
    .pipe(withDefault(defaultLeadMonths)),
  beyondForecast: Schema.Literals(["hold_nearest", "zero"])
    .annotate({
      description:
        "Expiries outside the forecast months (needed because people come months before or after): `hold_nearest` " +
        "assumes the nearest forecast month's count, `zero` none. Default: `hold_nearest`."
    })
    .pipe(withDefault("hold_nearest" as const)),
  channels: Channels.annotate({
    description: "Default channel split of every stream. Default: reserved 0, walkIn 1, outreach 0."
  }).pipe(withDefault({ reserved: 0, walkIn: 1, outreach: 0 })),
  weekdayWeights: Schema.Record(Weekday, Schema.optionalKey(nonNegative("曜日の重み")))
    .annotate({
      description:
        "Relative demand by weekday (an absent weekday weighs 1). Default: mon 1.2, tue 1, wed 0.9, thu 0.9, fri 1 — " +
        "counters are busiest at the start of the week (municipal guidance: 週明けは混雑); no seed gives figures."
    })
    .pipe(withDefault({ mon: 1.2, tue: 1, wed: 0.9, thu: 0.9, fri: 1 })),
  afterClosureFactor: positive("連休明けの倍率")
    .annotate({
      description:
        "Demand factor on the first business day after 3 or more closed days (連休明け). Default: 1.3 (assumption)."
    })
    .pipe(withDefault(1.3)),
  hourlyWalkIns: Schema.Record(
    Schema.String.check(
      Schema.makeFilter(
        (s: string) =>
          /^([01]\d|2[0-3])$/.test(s) ||
          bilingual(`時は2桁(09)で指定してください: ${s}`, `expected an hour HH, got ${JSON.stringify(s)}`)
      )
    ),
    nonNegative("時間帯の重み")
  )
    .annotate({
      description:
        "Relative walk-in arrivals by hour of day `HH` (an absent hour weighs 1). Default: flat (every hour 1)."
    })
    .pipe(withDefault({})),
  serviceMinutes: ServiceMinutes.annotate({
    description:
      "Mean minutes at the window per procedure (an absent procedure takes the default). Defaults: card_issuance 15, " +
      "card_application 20, card_reissuance 20, card_renewal 20, overseas_continued_use 15, the others 10."
  }).pipe(withDefault({})),
  serviceCv: nonNegative("処理時間の変動係数")
    .annotate({
      description:
        "Coefficient of variation of service times (standard deviation / mean), used by the simulation " +
        "(lognormal; 1 = exponential as in Erlang C, 0 = fixed). Default: 0.6 (assumption)."
    })
    .pipe(withDefault(0.6)),
  reservations: Schema.Struct({
    noShowRate: Share.annotate({
      description: "Share of reservations that do not come (無断不来所). Default: 0.05."
    }).pipe(withDefault(0.05)),
    arrivalOffsetMinutes: Schema.Number.annotate({
      description: "Mean arrival relative to the booked time (negative = early). Default: -5."
    }).pipe(withDefault(-5)),
    arrivalSdMinutes: nonNegative("到着のばらつき")
      .annotate({ description: "Standard deviation of that arrival time, minutes. Default: 5." })
      .pipe(withDefault(5)),
    priority: Schema.Literals(["reserved_first", "arrival_order"])
      .annotate({
        description:
          "`reserved_first`: a reserved visitor whose time has come is called before waiting walk-ins. Default: `reserved_first`."
      })
      .pipe(withDefault("reserved_first" as const)),
    bookableShare: Share.annotate({
      description:
        "Most of each hour's window-time that is offered as reservations (the rest stays for walk-ins and " +
        "overruns). Default: 0.85."
    }).pipe(withDefault(0.85))
  })
    .annotate({ description: "Reserved visitors. Defaults as listed." })
    .pipe(withDefault({})),
  holidayOpenings: Schema.Struct({
    observed: Schema.Array(Observation)
      .annotate({ description: "Visits observed per holiday opening (Kawanishi 2026-04/05). Default: none." })
      .pipe(withDefault([])),
    visitsPerSession: Schema.optionalKey(
      nonNegative("休日開庁1回あたりの来庁者数").annotate({
        description:
          "Visits planned per holiday opening. Default: the mean of `observed`, else what the session's windows " +
          "can serve at `targets.maxUtilisation`."
      })
    ),
    source: Schema.optionalKey(Schema.String)
  })
    .annotate({ description: "Holiday openings (休日開庁)." })
    .pipe(withDefault({})),
  targets: Schema.Struct({
    walkInWaitP90Minutes: positive("待ち時間の目標")
      .annotate({ description: "9 in 10 walk-ins are called within this many minutes. Default: 10." })
      .pipe(withDefault(10)),
    reservedWaitP90Minutes: positive("予約者の待ち時間の目標")
      .annotate({ description: "9 in 10 reserved visitors are called within this many minutes. Default: 10." })
      .pipe(withDefault(10)),
    minUtilisation: Share.annotate({
      description: "Windows should be at least this busy (busy minutes / open window-minutes). Default: 0.8."
    }).pipe(withDefault(0.8)),
    maxUtilisation: Share.annotate({
      description: "Planning ceiling: never plan windows busier than this (breaks, hand-overs). Default: 0.9."
    }).pipe(withDefault(0.9))
  })
    .annotate({ description: "What a plan must achieve. Defaults as listed." })
    .pipe(withDefault({})),
  phone: Schema.Struct({
    callsPerVisit: nonNegative("来庁1件あたりの電話件数")
      .annotate({
        description:
          "Inquiry calls per counter visit when there is no `phone_calls` series. Default: 0.19 (Kanazawa 2024: " +
          "9,010 calls for 48,305 issuances, certificate services and applications)."
      })
      .pipe(withDefault(0.19)),
    bookingCallsShare: Share.annotate({
      description: "Share of reservations made by phone (each one call). Default: 0."
    }).pipe(withDefault(0)),
    handleMinutes: positive("通話時間")
      .annotate({ description: "Mean minutes per call, talk and wrap-up. Default: 4 (assumption)." })
      .pipe(withDefault(4)),
    peakHourFactor: positive("ピーク時間帯の倍率")
      .annotate({
        description: "Calls in the busiest hour / the hourly average of the day. Default: 1.5 (assumption)."
      })
      .pipe(withDefault(1.5)),
    answeredWithinSeconds: positive("応答目標(秒)")
      .annotate({ description: "Service level time: answered within this many seconds. Default: 20." })
      .pipe(withDefault(20)),
    serviceLevel: Share.annotate({
      description: "Service level: this share answered within `answeredWithinSeconds` (Erlang C). Default: 0.8."
    }).pipe(withDefault(0.8)),
    maxBlocking: Share.annotate({
      description: "Most callers who may find every line busy when calls cannot queue (Erlang B). Default: 0.05."
    }).pipe(withDefault(0.05)),
    referenceYear: Schema.optionalKey(
      Schema.Int.annotate({
        description:
          "With a `phone_calls` series: take the calls of the same month of this year (Kanazawa: 2024); " +
          "without it the series' own month is used. Without a series, calls follow `callsPerVisit`."
      })
    ),
    requestedLines: Schema.optionalKey(
      count.annotate({ description: "Lines the contract asks for (Ota: 常時2回線; Kawanishi: 最大2回線)." })
    )
  })
    .annotate({ description: "Phone lines. Defaults as listed." })
    .pipe(withDefault({})),
  staffing: Schema.Struct({
    minimum: Schema.Struct({
      windows: count.pipe(withDefault(0)),
      reception: count.pipe(withDefault(0)),
      phone: count.pipe(withDefault(0)),
      backOffice: count.pipe(withDefault(0)),
      phoneAndBackOffice: count.pipe(withDefault(0)),
      managers: count.pipe(withDefault(1)),
      outreach: count.pipe(withDefault(0))
    })
      .annotate({
        description:
          "Staff the contract requires at all times (Kanazawa: reception 2, windows 5, phone and back office 2, " +
          "plus a manager; outreach 5 per session). Defaults: 0, managers 1."
      })
      .pipe(withDefault({})),
    maximum: Schema.Struct({
      windows: Schema.optionalKey(
        count.annotate({ description: "Seats (統合端末) available. Default: the sites' windows." })
      ),
      backOffice: Schema.optionalKey(count.annotate({ description: "Most back-office staff (Kawanishi: 2)." }))
    })
      .annotate({ description: "Caps from the contract." })
      .pipe(withDefault({})),
    windowsPerReception: positive("受付1人あたりの窓口数")
      .annotate({ description: "One reception/guide person per this many open windows. Default: 3 (assumption)." })
      .pipe(withDefault(3)),
    backOfficeMinutesPerCard: nonNegative("カード1枚あたりの後方事務(分)")
      .annotate({
        description: "Back-office minutes per card handed over (交付前設定, notices, filing). Default: 5 (assumption)."
      })
      .pipe(withDefault(5))
  })
    .annotate({ description: "Staffing rules. Defaults as listed." })
    .pipe(withDefault({})),
  simulation: Schema.Struct({
    seed: Schema.Int.annotate({ description: "Seed of the simulation (same seed, same result). Default: 1." }).pipe(
      withDefault(1)
    ),
    replications: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))
      .annotate({ description: "Simulated copies of each session in the plan check. Default: 5." })
      .pipe(withDefault(5))
  })
    .annotate({ description: "The discrete-event simulation that checks a plan." })
    .pipe(withDefault({}))
})
export type PlanningSection = typeof PlanningSection.Type

/** The planning section with every default, for a profile that has none. @category constructors */
export const defaultPlanning = (): PlanningSection => Schema.decodeUnknownSync(PlanningSection)({})

/** Mean service minutes of a procedure under a planning section. @category constructors */
export const serviceMinutesOf = (planning: PlanningSection, procedure: BookableProcedure): number =>
  planning.serviceMinutes[procedure] ?? defaultServiceMinutes[procedure]
