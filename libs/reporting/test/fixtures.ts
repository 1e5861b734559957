/**
 * Test fixtures: the four cities' profiles as committed, and a seeded month of activity generated
 * deterministically (a small PRNG), so expected totals are computed from the same list the log gets.
 */
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type ActivityLog, Profile } from "@madoguchi/domain"
import { Effect } from "effect"
import * as BusinessDays from "../src/BusinessDays.ts"

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..")

export const loadProfile = (slug: string) =>
  Profile.parseYaml(readFileSync(join(root, "profiles", `${slug}.yaml`), "utf8")).pipe(Effect.orDie)

export const loadProfiles = Effect.forEach(["ota", "kawanishi", "kanazawa", "koganei"], loadProfile)

/** mulberry32: a tiny deterministic PRNG. */
export const prng = (seed: number) => () => {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const pick = <A>(rnd: () => number, items: ReadonlyArray<A>): A => items[Math.floor(rnd() * items.length)]!

const PROCEDURES = [
  "card_issuance",
  "card_issuance",
  "card_issuance",
  "cert_renewal",
  "cert_renewal",
  "card_application",
  "pin_reset",
  "surface_change",
  "suspension_lift",
  "card_renewal",
  "general_inquiry"
]
const CHANNELS = ["reservation", "reservation", "walk_in", "phone_booked"] as const
const PHONE = ["reservation", "required_documents", "card_pickup", "pin", "health_insurance", "other"] as const
const DOCUMENTS = ["issuance_notice", "drivers_license", "power_of_attorney", "notification_card"]

export interface SeedOptions {
  readonly profile: Profile.CityProfile
  readonly month: string
  /** Site of counter visits and phone calls. */
  readonly counterSite: string
  readonly outreachSite?: string
  /** Days (besides business days) with holiday openings. */
  readonly holidayOpenings?: ReadonlyArray<string>
  /** Only outreach (Koganei): sessions on these days, visits logged with channel outreach. */
  readonly outreachOnly?: ReadonlyArray<string>
  readonly seed: number
}

/** A month of activity for one city. */
export const seedMonth = (o: SeedOptions): ReadonlyArray<ActivityLog.Activity> => {
  const rnd = prng(o.seed)
  const { from, to } = BusinessDays.monthRange(o.month)
  const cityCode = o.profile.cityCode
  const out: Array<ActivityLog.Activity> = []
  let n = 0
  const key = (source: ActivityLog.Source = "manual") => ({ source, sourceId: `${o.profile.slug}-${o.month}-${++n}` })
  const days = o.outreachOnly ?? [...BusinessDays.businessDaysBetween(from, to), ...(o.holidayOpenings ?? [])].sort()
  for (const date of days) {
    const holiday = (o.holidayOpenings ?? []).includes(date)
    const visits = o.outreachOnly ? 6 : 5 + Math.floor(rnd() * 6)
    for (let i = 0; i < visits; i++) {
      const r = rnd()
      const outcome = r < 0.8 ? "done" : r < 0.93 ? "refused" : "second_visit"
      const procedure = o.outreachOnly
        ? pick(rnd, ["card_issuance", "card_issuance", "card_application"])
        : pick(rnd, PROCEDURES)
      const missing = outcome === "refused" && rnd() < 0.7 ? [pick(rnd, DOCUMENTS)] : undefined
      out.push({
        kind: "counter_visit",
        cityCode,
        site: o.outreachOnly ? o.outreachSite! : o.counterSite,
        date,
        time: `${String(9 + (i % 7)).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`,
        key: key(rnd() < 0.5 ? "ticket" : "reservation"),
        procedure,
        channel: o.outreachOnly ? "outreach" : holiday ? "holiday_opening" : pick(rnd, CHANNELS),
        outcome,
        ...(outcome === "done"
          ? {}
          : { reason: missing ? ("missing_document" as const) : pick(rnd, ["not_eligible", "pin_unknown"] as const) }),
        ...(missing ? { missingDocuments: missing } : {}),
        waitingMinutes: Math.floor(rnd() * 70),
        serviceMinutes: 5 + Math.floor(rnd() * 20)
      })
    }
    if (!o.outreachOnly) {
      const calls = Math.floor(rnd() * 4)
      for (let i = 0; i < calls; i++) {
        const category = pick(rnd, PHONE)
        out.push({
          kind: "phone_call",
          cityCode,
          site: o.counterSite,
          date,
          time: `1${i}:15`,
          key: key(),
          category,
          content: `${category} についての問い合わせ ${i}`,
          answer: "必要書類と受付時間を案内した",
          transferred: rnd() < 0.2
        })
      }
    }
    if (rnd() < 0.12) {
      out.push({
        kind: "complaint",
        cityCode,
        site: o.outreachOnly ? o.outreachSite! : o.counterSite,
        date,
        key: key(),
        category: pick(rnd, ["waiting", "staff_conduct", "reservation"] as const),
        what: "待ち時間が長いとのご意見",
        handling: "混雑状況を説明し、予約制度を案内した",
        escalated: rnd() < 0.3
      })
    }
  }
  if (o.outreachSite) {
    const sessionDays = o.outreachOnly ?? days.filter((_, i) => i % 10 === 3)
    for (const date of sessionDays) {
      out.push({
        kind: "outreach_session",
        cityCode,
        site: o.outreachSite,
        date,
        time: "10:00",
        key: key(),
        venue: "中央公民館",
        // A desk that logs visit by visit has an empty tally (Koganei); others tally on paper.
        tally: o.outreachOnly
          ? {}
          : { card_application: 4 + Math.floor(rnd() * 8), card_issuance: Math.floor(rnd() * 5) },
        inquiries: Math.floor(rnd() * 6)
      })
    }
  }
  return out
}

/** Visits and tallies of a list, as (procedure → count) and total, optionally on one day. */
export const expectedCounts = (activities: ReadonlyArray<ActivityLog.Activity>, date?: string) => {
  const byProcedure = new Map<string, number>()
  const add = (p: string, n: number) => byProcedure.set(p, (byProcedure.get(p) ?? 0) + n)
  for (const a of activities) {
    if (date !== undefined && a.date !== date) continue
    if (a.kind === "counter_visit") add(a.procedure, 1)
    if (a.kind === "outreach_session") for (const [p, n] of Object.entries(a.tally)) if (n > 0) add(p, n)
  }
  return { byProcedure, total: [...byProcedure.values()].reduce((x, y) => x + y, 0) }
}
