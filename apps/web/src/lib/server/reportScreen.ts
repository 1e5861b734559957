/**
 * The load function and the submit action shared by the daily, monthly and completion report
 * screens: read the report (`GET …/reports/daily/{date}`, `/monthly/{month}`, `/completion?from&to`,
 * with `form`, `version` and `live`), and submit (freeze) it with its narratives, or a correction with
 * its reason (`POST …/reports/submissions`).
 */
import { fail } from "@sveltejs/kit"
import type { Report } from "../reports.ts"
import { cityPath, getJson, postJson } from "./call.ts"

/** Which report a screen shows. */
export type ReportTarget =
  | { readonly period: "day"; readonly date: string }
  | { readonly period: "month"; readonly month: string }
  | { readonly period: "contract"; readonly from?: string; readonly to?: string }

interface Event {
  readonly params: { readonly city: string }
  readonly url: URL
  readonly fetch: typeof fetch
}

/** The API path of a report, without its query. */
const reportPath = (city: string, target: ReportTarget): string =>
  target.period === "day"
    ? cityPath(city, `reports/daily/${encodeURIComponent(target.date)}`)
    : target.period === "month"
      ? cityPath(city, `reports/monthly/${encodeURIComponent(target.month)}`)
      : cityPath(city, "reports/completion")

/** The query that picks the report (form and, for the completion report, its range). */
const pick = (target: ReportTarget, form: string | null): URLSearchParams => {
  const q = new URLSearchParams()
  if (form) q.set("form", form)
  if (target.period === "contract") {
    if (target.from) q.set("from", target.from)
    if (target.to) q.set("to", target.to)
  }
  return q
}

export const loadReport = async ({ params, url, fetch }: Event, target: ReportTarget) => {
  const form = url.searchParams.get("form") || null
  const version = url.searchParams.get("version") || null
  const live = url.searchParams.get("live") === "true"
  const base = reportPath(params.city, target)
  const chosen = pick(target, form)
  const query = new URLSearchParams(chosen)
  if (version) query.set("version", version)
  if (live) query.set("live", "true")
  const answer = await getJson<Report>(fetch, `${base}?${query.toString()}`)
  const download = (format: Record<string, string>) =>
    `${base}?${new URLSearchParams({ ...Object.fromEntries(query), ...format }).toString()}`
  return {
    target,
    pick: chosen.toString(),
    version,
    live,
    report: answer.ok ? { ok: true as const, value: answer.value } : answer,
    downloads: {
      csv: download({ format: "csv" }),
      csvSjis: download({ format: "csv", encoding: "shift_jis" }),
      xlsx: download({ format: "xlsx" }),
      html: download({ format: "html" })
    }
  }
}

interface ActionEvent {
  readonly params: { readonly city: string }
  readonly url: URL
  readonly fetch: typeof fetch
  readonly request: Request
}

export const submitReport = async ({ params, url, fetch, request }: ActionEvent, target: ReportTarget) => {
  const data = await request.formData()
  const narratives: Record<string, string> = {}
  for (const [name, value] of data.entries()) {
    if (name.startsWith("narrative.") && String(value).trim() !== "") narratives[name.slice(10)] = String(value)
  }
  const reason = String(data.get("reason") ?? "").trim()
  const form = url.searchParams.get("form") || String(data.get("form") ?? "") || undefined
  const body = {
    period: target.period,
    ...(target.period === "day" ? { date: target.date } : {}),
    ...(target.period === "month" ? { month: target.month } : {}),
    ...(target.period === "contract"
      ? { ...(target.from ? { from: target.from } : {}), ...(target.to ? { to: target.to } : {}) }
      : {}),
    ...(form ? { form } : {}),
    narratives,
    ...(reason !== "" ? { reason } : {})
  }
  const answer = await postJson<Report>(fetch, cityPath(params.city, "reports/submissions"), body)
  if (!answer.ok) return fail(answer.status, { error: answer.error, narratives, reason })
  return { submitted: { version: answer.value.version, submittedAt: answer.value.submittedAt } }
}
