/**
 * 期限 / Deadlines: every item still with the contractor against the deadline rules of the city's
 * profile (Ota: notices sealed and handed to city staff within 2 weeks of delivery; Koganei: collected
 * papers delivered the same day on weekdays, by the next session after a Sunday; every city: nothing
 * left at the end of the contract), as the API evaluates them on a day (`GET …/custody/deadlines`).
 */
import type { DeadlineLine, DeadlineReport, DeadlineState } from "#lib/custody/types.ts"
import { cityPath, getJson } from "#lib/server/call.ts"
import { isLocalDate, tokyoNow } from "#lib/tokyo.ts"
import type { PageServerLoad } from "./$types"

/** Server-rendered tables: the page needs no script (printable, works without JavaScript). */
export const csr = false

/** The order a manager reads them in: what is late first. */
const rank: Record<DeadlineState, number> = {
  overdue: 0,
  due_today: 1,
  undetermined: 2,
  open: 3,
  met_late: 4,
  met: 5,
  closed: 6
}

export const load: PageServerLoad = async ({ params, url, fetch }) => {
  const asked = url.searchParams.get("today")
  const today = isLocalDate(asked) ? asked : tokyoNow().date
  const all = url.searchParams.get("show") === "all"
  const answer = await getJson<DeadlineReport>(fetch, cityPath(params.city, `custody/deadlines?today=${today}`))
  if (!answer.ok) return { today, all, report: answer }
  const lines: Array<DeadlineLine> = [...answer.value.lines].sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
      (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999")
  )
  const urgent = lines.filter((l) => l.state === "overdue" || l.state === "due_today" || l.state === "undetermined")
  return {
    today,
    all,
    report: {
      ok: true as const,
      overdue: answer.value.overdue,
      dueToday: answer.value.dueToday,
      undetermined: answer.value.undetermined,
      total: lines.length,
      rules: [...new Map(lines.map((l) => [l.rule, l.label])).entries()].map(([id, label]) => ({
        id,
        label,
        count: lines.filter((l) => l.rule === id).length,
        late: lines.filter((l) => l.rule === id && l.state === "overdue").length
      })),
      lines: all ? lines : urgent,
      hidden: all ? 0 : lines.length - urgent.length
    }
  }
}
