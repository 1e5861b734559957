/**
 * 報告 / Reports: quick entry of counter visits, phone calls, complaints and outreach tallies
 * (`POST …/activities`), voiding a mistaken entry (`POST …/activities/void`), today's figures from the
 * daily report, and the list of reports due (`GET …/reports/due`). Each entry carries a fresh source
 * id made when the page is drawn, so sending the same form twice records it once.
 */
import { randomUUID } from "node:crypto"
import { fail, type Cookies } from "@sveltejs/kit"
import { isActivityKind, type ActivityKind } from "#lib/activityCodes.ts"
import type { Label } from "#lib/i18n.ts"
import type { DueItem, Report } from "#lib/reports.ts"
import { cityPath, getJson, postJson } from "#lib/server/call.ts"
import { tokyoNow } from "#lib/tokyo.ts"
import type { Actions, PageServerLoad } from "./$types"

/** Server-rendered forms and tables: the page needs no script (fast, printable, works without JavaScript). */
export const csr = false

/** Choices a clerk made last time, offered again (per city, in a cookie). */
interface Remembered {
  kind?: ActivityKind
  sites?: Partial<Record<ActivityKind, string>>
  procedure?: string
  channel?: string
  phoneCategory?: string
  complaintCategory?: string
  venue?: string
}

const COOKIE = "madoguchi_entry"
const SHOWN_DUE = 30

const remembered = (cookies: Cookies): Remembered => {
  try {
    const parsed: unknown = JSON.parse(cookies.get(COOKIE) ?? "{}")
    return parsed !== null && typeof parsed === "object" ? (parsed as Remembered) : {}
  } catch {
    return {}
  }
}

const remember = (cookies: Cookies, city: string, value: Remembered) =>
  cookies.set(COOKIE, JSON.stringify(value), {
    path: `/${city}/reports`,
    httpOnly: true,
    sameSite: "lax",
    maxAge: 180 * 24 * 3600
  })

const newSourceId = () => `web-${randomUUID()}`

/** One line of today's figures per section of the daily report. */
interface TodayLine {
  readonly id: string
  readonly label: Label
  readonly count: number
  readonly detail: Label | null
}

const todayLines = (report: Report): Array<TodayLine> =>
  report.sections.flatMap((s): Array<TodayLine> => {
    switch (s.kind) {
      case "counts":
        return [{ id: s.id, label: s.label, count: s.total, detail: null }]
      case "phone_calls":
        return [
          {
            id: s.id,
            label: s.label,
            count: s.total,
            detail: { ja: `取次 ${s.transferred}`, en: `${s.transferred} transferred` }
          }
        ]
      case "complaints":
        return [
          {
            id: s.id,
            label: s.label,
            count: s.total,
            detail: { ja: `市へ報告 ${s.escalated}`, en: `${s.escalated} escalated` }
          }
        ]
      case "outreach":
        return [
          {
            id: s.id,
            label: s.label,
            count: s.handled,
            detail: {
              ja: `${s.sessions} 会場・問合せ ${s.inquiries}`,
              en: `${s.sessions} sessions, ${s.inquiries} inquiries`
            }
          }
        ]
      case "inquiries":
        return [{ id: s.id, label: s.label, count: s.total, detail: null }]
      default:
        return []
    }
  })

export const load: PageServerLoad = async ({ params, url, fetch, cookies }) => {
  const now = tokyoNow()
  const memory = remembered(cookies)
  const asked = url.searchParams.get("kind")
  const kind: ActivityKind = isActivityKind(asked) ? asked : (memory.kind ?? "counter_visit")
  const allDue = url.searchParams.get("due") === "all"

  const [today, due] = await Promise.all([
    getJson<Report>(fetch, cityPath(params.city, `reports/daily/${now.date}?live=true`)),
    getJson<{ items: ReadonlyArray<DueItem> }>(fetch, cityPath(params.city, "reports/due"))
  ])

  const dueView = due.ok
    ? (() => {
        const items = due.value.items
        const byDue = (a: DueItem, b: DueItem) =>
          (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.period.to.localeCompare(b.period.to)
        const overdue = items.filter((i) => i.state === "overdue").sort(byDue)
        // Every report still to come is listed; the overdue ones (oldest first) up to a page unless all are asked for.
        const pending = [
          ...(allDue ? overdue : overdue.slice(0, SHOWN_DUE)),
          ...items.filter((i) => i.state === "due").sort(byDue),
          ...items.filter((i) => i.state === "open").sort(byDue)
        ]
        const submitted = items
          .filter((i) => i.state === "submitted")
          .slice(-10)
          .reverse()
        const forms = [
          ...new Map(
            items.map((i) => [`${i.form}|${i.period.key.length}`, { form: i.form, title: i.title, key: i.period.key }])
          ).values()
        ]
        return {
          ok: true as const,
          counts: {
            overdue: items.filter((i) => i.state === "overdue").length,
            due: items.filter((i) => i.state === "due").length,
            open: items.filter((i) => i.state === "open").length,
            submitted: items.filter((i) => i.state === "submitted").length
          },
          pending,
          pendingTotal: items.length - items.filter((i) => i.state === "submitted").length,
          submitted,
          forms
        }
      })()
    : due

  return {
    kind,
    today: now.date,
    time: now.time,
    month: now.month,
    sourceId: newSourceId(),
    memory,
    allDue,
    todayReport: today.ok
      ? {
          ok: true as const,
          title: today.value.form.title,
          form: today.value.form.id,
          status: today.value.status,
          lines: todayLines(today.value)
        }
      : today,
    due: dueView
  }
}

/** A form field as text (`""` when absent). */
const text = (form: FormData, name: string): string => String(form.get(name) ?? "").trim()

/** A number field: left out when empty; a non-number goes to the API as typed, which names the field. */
const number = (form: FormData, name: string): Record<string, unknown> => {
  const raw = text(form, name)
  if (raw === "") return {}
  const n = Number(raw)
  return { [name]: Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(raw) ? n : raw }
}

const optional = (form: FormData, name: string): Record<string, string> => {
  const value = text(form, name)
  return value === "" ? {} : { [name]: value }
}

/** The activity of a submitted entry form, as `POST …/activities` takes it. */
const activityOf = (kind: ActivityKind, form: FormData): Record<string, unknown> => {
  const common = {
    kind,
    site: text(form, "site"),
    date: text(form, "date"),
    ...optional(form, "time"),
    key: { source: "manual", sourceId: text(form, "sourceId") }
  }
  switch (kind) {
    case "counter_visit": {
      const missing = form
        .getAll("missingDocuments")
        .map(String)
        .filter((s) => s !== "")
      return {
        ...common,
        procedure: text(form, "procedure"),
        channel: text(form, "channel"),
        outcome: text(form, "outcome"),
        ...optional(form, "reason"),
        ...(missing.length > 0 ? { missingDocuments: missing } : {}),
        ...number(form, "waitingMinutes"),
        ...number(form, "serviceMinutes"),
        ...optional(form, "note")
      }
    }
    case "phone_call":
      return {
        ...common,
        category: text(form, "category"),
        content: text(form, "content"),
        answer: text(form, "answer"),
        transferred: form.get("transferred") === "on",
        ...number(form, "durationMinutes")
      }
    case "complaint":
      return {
        ...common,
        category: text(form, "category"),
        what: text(form, "what"),
        handling: text(form, "handling"),
        escalated: form.get("escalated") === "on"
      }
    case "outreach_session": {
      const tally: Record<string, unknown> = {}
      for (const [name, value] of form.entries()) {
        const raw = String(value).trim()
        if (!name.startsWith("tally.") || raw === "") continue
        const n = Number(raw)
        tally[name.slice(6)] = /^\d+$/.test(raw) ? n : raw
      }
      return {
        ...common,
        venue: text(form, "venue"),
        tally,
        ...number(form, "inquiries"),
        ...number(form, "staffCount")
      }
    }
  }
}

/** The submitted fields, to fill the form again after a refusal. */
const valuesOf = (form: FormData): Record<string, string | Array<string>> => {
  const values: Record<string, string | Array<string>> = {}
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name).map(String)
    values[name] = name === "missingDocuments" ? all : (all[0] ?? "")
  }
  return values
}

export const actions: Actions = {
  record: async ({ request, params, fetch, cookies }) => {
    const form = await request.formData()
    const kindField = text(form, "kind")
    if (!isActivityKind(kindField)) {
      return fail(400, {
        action: "record" as const,
        kind: "counter_visit" as ActivityKind,
        values: valuesOf(form),
        error: {
          code: "INVALID_INPUT",
          ja: `記録の種類を選んでください: ${kindField}`,
          en: `choose what to record, got ${JSON.stringify(kindField)}`
        }
      })
    }
    const activity = activityOf(kindField, form)
    const answer = await postJson<{ id: string; status: "recorded" | "duplicate" }>(
      fetch,
      cityPath(params.city, "activities"),
      activity
    )
    if (!answer.ok) {
      return fail(answer.status, {
        action: "record" as const,
        kind: kindField,
        values: valuesOf(form),
        error: answer.error
      })
    }
    const before = remembered(cookies)
    remember(cookies, params.city, {
      ...before,
      kind: kindField,
      sites: { ...before.sites, [kindField]: text(form, "site") },
      ...(kindField === "counter_visit" ? { procedure: text(form, "procedure"), channel: text(form, "channel") } : {}),
      ...(kindField === "phone_call" ? { phoneCategory: text(form, "category") } : {}),
      ...(kindField === "complaint" ? { complaintCategory: text(form, "category") } : {}),
      ...(kindField === "outreach_session" ? { venue: text(form, "venue") } : {})
    })
    return {
      action: "record" as const,
      kind: kindField,
      recorded: {
        status: answer.value.status,
        sourceId: text(form, "sourceId"),
        date: text(form, "date"),
        time: text(form, "time"),
        kind: kindField
      }
    }
  },

  void: async ({ request, params, fetch }) => {
    const form = await request.formData()
    const sourceId = text(form, "sourceId")
    const answer = await postJson<{ id: string; status: "voided" | "already_voided" }>(
      fetch,
      cityPath(params.city, "activities/void"),
      { key: { source: "manual", sourceId }, reason: text(form, "reason") }
    )
    if (!answer.ok) {
      return fail(answer.status, {
        action: "void" as const,
        sourceId,
        reason: text(form, "reason"),
        error: answer.error
      })
    }
    return { action: "void" as const, voided: { sourceId, status: answer.value.status } }
  }
}
