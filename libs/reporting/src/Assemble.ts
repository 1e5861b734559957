/**
 * Report assembly: a city's report form (from its profile) and the counted facts of a period become the
 * typed report model. Pure: the clock, the capacity plan and the narratives are inputs.
 */
import type { LedgerAnchor, Profile } from "@madoguchi/domain"
import type { Aggregates, Keyed, VisitCell } from "./Aggregates.ts"
import * as BusinessDays from "./BusinessDays.ts"
import { labeller, type Labeller } from "./internal/labels.ts"
import * as Wareki from "./internal/wareki.ts"
import type * as Report from "./Report.ts"

/** A city's reports section, one report form, one section of it (declared in the profile). @category models */
export type ReportsSection = NonNullable<Profile.CityProfile["reports"]>
export type ReportForm = ReportsSection["forms"][number]
export type ReportSection = ReportForm["sections"][number]

/** The span of one report. @category models */
export interface Period {
  readonly key: string
  readonly from: string
  readonly to: string
}

/** @category models */
export interface AssembleInput {
  readonly profile: Profile.CityProfile
  readonly form: ReportForm
  readonly period: Period
  readonly aggregates: Aggregates
  readonly status: Report.ReportStatus
  readonly due: string | null
  readonly generatedAt: string
  /** Section id → text written by the contractor. */
  readonly narratives?: Readonly<Record<string, string>>
  /** Visits the capacity plan provides for the period, when known. */
  readonly capacityVisits?: number | null
  /** The custody ledger's anchor of the day (daily reports), when the city keeps a ledger. */
  readonly ledgerAnchor?: LedgerAnchor.DailyAnchor | undefined
}

/** The order codes appear in tables (vocabulary order, then alphabetical). */
const ORDER = [
  "card_issuance",
  "card_application",
  "card_reissuance",
  "card_renewal",
  "cert_issuance",
  "cert_renewal",
  "pin_reset",
  "suspension_lift",
  "surface_change",
  "continued_use",
  "validity_change",
  "special_extension",
  "overseas_continued_use",
  "card_return",
  "notification_card_reissuance",
  "number_verification",
  "general_inquiry",
  "reservation",
  "phone_booked",
  "walk_in",
  "holiday_opening",
  "outreach",
  "done",
  "second_visit",
  "refused"
]
const rank = (key: string) => {
  const i = ORDER.indexOf(key)
  return i === -1 ? ORDER.length : i
}

const byKnownOrder = (a: Keyed, b: Keyed) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
const byCountDesc = (a: Keyed, b: Keyed) => b.count - a.count || byKnownOrder(a, b)

const sumBy = <A>(items: ReadonlyArray<A>, key: (a: A) => string, count: (a: A) => number): Array<Keyed> => {
  const totals = new Map<string, number>()
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + count(item))
  return [...totals].map(([k, n]) => ({ key: k, count: n }))
}

const REST = "_rest"

/** A table whose rows add up to `total`; with `top`, the rest folds into one row. */
const table = (
  by: string,
  label: Labeller,
  rows: ReadonlyArray<Keyed>,
  order: "known" | "ranked" | "date",
  top?: number
): Report.Table => {
  const sorted = rows
    .filter((r) => r.count > 0)
    .sort(order === "ranked" ? byCountDesc : order === "date" ? (a, b) => (a.key < b.key ? -1 : 1) : byKnownOrder)
  const kept = top !== undefined && sorted.length > top ? sorted.slice(0, top) : sorted
  const rest = sorted.slice(kept.length).reduce((n, r) => n + r.count, 0)
  const out: Array<Report.Row> = kept.map((r) => ({
    key: r.key,
    label: order === "date" ? dateLabel(r.key) : label(r.key),
    count: r.count
  }))
  if (rest > 0) out.push({ key: REST, label: { ja: "その他(上記以外)", en: "Others" }, count: rest })
  return { by, label: label(`by_${by}`), total: sorted.reduce((n, r) => n + r.count, 0), rows: out }
}

const dateLabel = (iso: string) => ({ ja: `${Wareki.date(iso)}(${iso})`, en: iso })

const matches = (filter: ReportSection & { kind: "counts" }) => (procedure: string) =>
  (filter.procedures?.include === undefined || filter.procedures.include.includes(procedure)) &&
  !(filter.procedures?.exclude ?? []).includes(procedure)

interface Unit {
  readonly procedure: string
  readonly channel: string
  readonly outcome: string
  readonly site: string
  readonly date: string
  readonly count: number
}

/** Visits and (optionally) outreach tallies as one list of counted units. */
const units = (a: Aggregates, includeTallies: boolean): ReadonlyArray<Unit> => [
  ...a.visits,
  ...(includeTallies
    ? a.tallies.map((t) => ({ ...t, channel: "outreach", outcome: "done" }))
    : ([] as ReadonlyArray<Unit>))
]

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000)

/** The minute below which `q` of the measured visits waited (nearest rank). */
const quantile = (histogram: ReadonlyArray<{ minutes: number; count: number }>, measured: number, q: number) => {
  if (measured === 0) return null
  const target = Math.max(1, Math.ceil(q * measured))
  let seen = 0
  for (const h of histogram) {
    seen += h.count
    if (seen >= target) return h.minutes
  }
  return histogram[histogram.length - 1]!.minutes
}

const section = (input: AssembleInput, label: Labeller, s: ReportSection): Report.SectionModel => {
  const a = input.aggregates
  const head = { id: s.id, label: s.label }
  switch (s.kind) {
    case "counts": {
      const keep = matches(s)
      const counted = units(a, s.includeTallies ?? true).filter((u) => keep(u.procedure))
      const total = counted.reduce((n, u) => n + u.count, 0)
      return {
        kind: "counts",
        ...head,
        total,
        tables: (s.breakdowns ?? ["procedure"]).map((by) =>
          table(
            by,
            label,
            sumBy(
              counted,
              (u) => u[by],
              (u) => u.count
            ),
            by === "date" ? "date" : "known"
          )
        )
      }
    }
    case "phone_calls": {
      const total = a.phone.reduce((n, p) => n + p.count, 0)
      return {
        kind: "phone_calls",
        ...head,
        total,
        transferred: a.phone.filter((p) => p.transferred).reduce((n, p) => n + p.count, 0),
        byCategory: table(
          "category",
          label,
          sumBy(
            a.phone,
            (p) => p.category,
            (p) => p.count
          ),
          "ranked"
        ),
        calls: s.list
          ? (a.phoneCalls ?? []).map((c) => ({ ...c, site: label(c.site).ja, category: label(c.category) }))
          : null
      }
    }
    case "complaints":
      return {
        kind: "complaints",
        ...head,
        total: a.complaints.reduce((n, c) => n + c.count, 0),
        escalated: a.complaints.filter((c) => c.escalated).reduce((n, c) => n + c.count, 0),
        byCategory: table(
          "category",
          label,
          sumBy(
            a.complaints,
            (c) => c.category,
            (c) => c.count
          ),
          "ranked"
        ),
        items: a.complaintList.map((c) => ({ ...c, site: label(c.site).ja, category: label(c.category) }))
      }
    case "outreach": {
      const outreachVisits = a.visits.filter((v) => v.channel === "outreach")
      const handled = [...outreachVisits, ...a.tallies]
      return {
        kind: "outreach",
        ...head,
        sessions: a.sessions.length,
        handled: handled.reduce((n, u) => n + u.count, 0),
        inquiries: a.sessions.reduce((n, x) => n + x.inquiries, 0),
        byProcedure: table(
          "procedure",
          label,
          sumBy(
            handled,
            (u) => u.procedure,
            (u) => u.count
          ),
          "known"
        ),
        items: a.sessions.map((x) => ({ ...x, site: label(x.site).ja }))
      }
    }
    case "inquiries": {
      const atCounter = a.visits.filter((v) => v.procedure === "general_inquiry").reduce((n, v) => n + v.count, 0)
      const byPhone = a.phone.reduce((n, p) => n + p.count, 0)
      const atOutreach = a.sessions.reduce((n, x) => n + x.inquiries, 0)
      const topics: Array<Keyed> = [
        ...sumBy(
          a.phone,
          (p) => `phone:${p.category}`,
          (p) => p.count
        ),
        { key: "counter:general_inquiry", count: atCounter },
        { key: "outreach:general_inquiry", count: atOutreach }
      ]
      const topicLabel: Labeller = (key) => {
        const [where, code] = key.split(":") as [string, string]
        if (where === "phone") {
          const l = label(code)
          return { ja: `電話: ${l.ja}`, en: `Phone: ${l.en}` }
        }
        if (where === "counter") return { ja: "窓口での問い合わせ", en: "Questions at the counter" }
        if (where === "outreach") return { ja: "出張窓口での問い合わせ", en: "Questions at outreach desks" }
        return label(key)
      }
      const topicsTable = table("category", topicLabel, topics, "ranked", s.top ?? 10)
      return {
        kind: "inquiries",
        ...head,
        total: atCounter + byPhone + atOutreach,
        atCounter,
        byPhone,
        atOutreach,
        topics: { ...topicsTable, label: label("by_category") }
      }
    }
    case "progress": {
      const rows = a.progress ?? []
      return {
        kind: "progress",
        ...head,
        from: input.profile.contract.from,
        to: input.period.to,
        total: rows.reduce((n, r) => n + r.count, 0),
        byProcedure: table("procedure", label, rows, "known")
      }
    }
    case "analysis":
      return analysis(input, label, s)
    case "narrative": {
      const text = input.narratives?.[s.id]
      return { kind: "narrative", ...head, required: s.required ?? false, text: text ?? null }
    }
  }
}

const analysis = (
  input: AssembleInput,
  label: Labeller,
  s: ReportSection & { kind: "analysis" }
): Report.AnalysisModel => {
  const a = input.aggregates
  const top = s.top ?? 10
  const all = units(a, true)
  const total = all.reduce((n, u) => n + u.count, 0)
  const businessDays = BusinessDays.businessDaysBetween(input.period.from, input.period.to).length
  const capacity = input.capacityVisits ?? null

  const service = new Map<string, { sum: number; n: number }>()
  for (const v of a.visits as ReadonlyArray<VisitCell>) {
    if (v.serviceMeasured === 0) continue
    const acc = service.get(v.procedure) ?? { sum: 0, n: 0 }
    service.set(v.procedure, { sum: acc.sum + v.serviceMinutesSum, n: acc.n + v.serviceMeasured })
  }

  const histogram = [...a.waiting].sort((x, y) => x.minutes - y.minutes)
  const measured = histogram.reduce((n, h) => n + h.count, 0)
  const bounds = s.waitingBuckets ?? [15, 30, 60]
  const buckets: Array<Report.WaitingBucket> = [...bounds, null].map((upper, i) => {
    const lower = i === 0 ? 0 : bounds[i - 1]!
    return {
      label:
        upper === null
          ? { ja: `${lower}分以上`, en: `${lower}+ min` }
          : { ja: `${lower}〜${upper}分未満`, en: `${lower}–<${upper} min` },
      fromMinutes: lower,
      toMinutes: upper,
      count: histogram
        .filter((h) => h.minutes >= lower && (upper === null || h.minutes < upper))
        .reduce((n, h) => n + h.count, 0)
    }
  })

  const visitsTotal = a.visits.reduce((n, v) => n + v.count, 0)
  const refused = a.visits.filter((v) => v.outcome === "refused").reduce((n, v) => n + v.count, 0)
  const secondVisits = a.visits.filter((v) => v.outcome === "second_visit").reduce((n, v) => n + v.count, 0)

  return {
    kind: "analysis",
    id: s.id,
    label: s.label,
    volumes: {
      total,
      businessDays,
      perBusinessDay: businessDays === 0 ? 0 : Math.round((total / businessDays) * 10) / 10,
      capacityVisits: capacity,
      utilisation: capacity === null || capacity === 0 ? null : ratio(total, capacity),
      byProcedure: table(
        "procedure",
        label,
        sumBy(
          all,
          (u) => u.procedure,
          (u) => u.count
        ),
        "known"
      ),
      byChannel: table(
        "channel",
        label,
        sumBy(
          all,
          (u) => u.channel,
          (u) => u.count
        ),
        "known"
      ),
      averageServiceMinutes: [...service]
        .map(([key, m]) => ({ key, count: m.n, sum: m.sum }))
        .sort(byKnownOrder)
        .map((m) => ({
          key: m.key,
          label: label(m.key),
          minutes: Math.round((m.sum / m.count) * 10) / 10,
          measured: m.count
        }))
    },
    waiting: {
      measured,
      meanMinutes:
        measured === 0
          ? null
          : Math.round((histogram.reduce((n, h) => n + h.minutes * h.count, 0) / measured) * 10) / 10,
      medianMinutes: quantile(histogram, measured, 0.5),
      p90Minutes: quantile(histogram, measured, 0.9),
      maxMinutes: measured === 0 ? null : histogram[histogram.length - 1]!.minutes,
      buckets
    },
    refusals: {
      total: refused,
      secondVisits,
      rate: ratio(refused + secondVisits, visitsTotal),
      reasons: table("reason", label, [...a.reasons], "ranked", top),
      missingDocuments: table("document", label, [...a.missingDocuments], "ranked", top)
    },
    phoneTopics: table(
      "category",
      label,
      sumBy(
        a.phone,
        (p) => p.category,
        (p) => p.count
      ),
      "ranked",
      top
    ),
    complaints: table(
      "category",
      label,
      sumBy(
        a.complaints,
        (c) => c.category,
        (c) => c.count
      ),
      "ranked"
    )
  }
}

/** A period's label in Japanese (和暦 and 西暦) and English. @category constructors */
export const periodLabel = (form: ReportForm, period: Period): { ja: string; en: string } => {
  switch (form.period) {
    case "day":
      return { ja: `${Wareki.date(period.from)}(${period.from})`, en: period.from }
    case "month":
      return {
        ja: `${Wareki.month(period.key)}(${period.key.slice(0, 4)}年${Number(period.key.slice(5, 7))}月)`,
        en: period.key
      }
    case "contract":
      return {
        ja: `${Wareki.date(period.from)}〜${Wareki.date(period.to)}(${period.from}〜${period.to})`,
        en: `${period.from} – ${period.to}`
      }
  }
}

/** Build the report model. @category constructors */
export const assemble = (input: AssembleInput): Report.Report => {
  const { profile, form, period } = input
  const sites = Object.fromEntries(profile.sites.map((s) => [s.id, s.name]))
  const label = labeller(profile.reports?.labels ?? {}, sites)
  return {
    city: { code: profile.cityCode, slug: profile.slug, name: profile.name },
    form: { id: form.id, title: form.title, period: form.period },
    period: { key: period.key, from: period.from, to: period.to, label: periodLabel(form, period) },
    due: input.due,
    dueNote: form.dueNote ?? null,
    status: input.status,
    version: null,
    submittedAt: null,
    submittedBy: null,
    correctionReason: null,
    generatedAt: input.generatedAt,
    ...(input.ledgerAnchor ? { ledgerAnchor: input.ledgerAnchor } : {}),
    sections: form.sections.map((s) => section(input, label, s))
  }
}
