/**
 * 番号札 / Walk-in queue: issue a ticket for a procedure (`POST …/walk-ins`; the API picks the
 * procedure group and its letter), and the console of one window: call the next ticket (`POST
 * …/queue/call-next`), then recall, skip, serve, finish, requeue or cancel that ticket. The window and
 * the ticket it is handling live in the URL (`?site&window&ticket`), so the console survives a reload
 * and works without JavaScript; the queue's state (`GET …/queue`) is shown beside it.
 */
import { fail, redirect } from "@sveltejs/kit"
import { call, cityApi, queryOf } from "#lib/counter/api.server.ts"
import { counterSites } from "#lib/counter/booking.server.ts"
import { todayInJapan } from "#lib/counter/dates.ts"
import { formValues, valueOf, valuesOf } from "#lib/counter/eligibilityForm.ts"
import type { OutreachSession, QueueState, Ticket } from "#lib/counter/types.ts"
import { labelsOf, vocabulary } from "#lib/counter/vocabulary.server.ts"
import type { Actions, PageServerLoad } from "./$types"

const isId = (s: string | null): s is string => s !== null && /^[0-9a-f-]{36}$/i.test(s)
const windowOf = (s: string | null): number => {
  const n = Number(s)
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : 1
}

export const load: PageServerLoad = async ({ url, fetch, params, parent }) => {
  const { city } = await parent()
  const sites = counterSites(city.sites)
  const askedSite = url.searchParams.get("site")
  const site = sites.find((s) => s.id === askedSite) ?? sites[0]
  const windowNo = windowOf(url.searchParams.get("window"))
  const ticketId = url.searchParams.get("ticket")
  const groups = url.searchParams.getAll("groups").filter((g) => g !== "")
  const today = todayInJapan()
  const [voc, state, ticket, sessions] = await Promise.all([
    vocabulary(fetch),
    site
      ? call<QueueState>(fetch, "GET", cityApi(params.city, `queue${queryOf({ site: site.id })}`))
      : Promise.resolve(null),
    isId(ticketId) ? call<Ticket>(fetch, "GET", cityApi(params.city, `tickets/${ticketId}`)) : null,
    site?.kind === "outreach"
      ? call<{ sessions: ReadonlyArray<OutreachSession> }>(
          fetch,
          "GET",
          cityApi(params.city, `outreach-sessions${queryOf({ from: today, to: today })}`)
        )
      : null
  ])
  const procedures = voc.ok ? voc.value.procedures.filter((p) => p.code !== "notification_card_reissuance") : []
  const offered = site?.procedures
  return {
    today,
    site: site?.id ?? "",
    sites: sites.map((s) => ({ id: s.id, name: s.name, windows: s.windows ?? null })),
    window: windowNo,
    groups,
    /** Procedures a ticket can be issued for here: the site's own, else every bookable one. */
    procedures: (offered && offered.length > 0 ? procedures.filter((p) => offered.includes(p.code)) : procedures).map(
      (p) => p.code
    ),
    procedureLabels: voc.ok ? labelsOf(voc.value.procedures) : {},
    state: state === null ? null : state.ok ? state.value : null,
    stateError: state !== null && !state.ok ? state.error : null,
    ticket: ticket?.ok ? ticket.value : null,
    ticketError: ticket !== null && !ticket.ok ? ticket.error : null,
    sessions: sessions?.ok ? sessions.value.sessions.filter((s) => s.site === site?.id && s.status === "scheduled") : []
  }
}

type Event = Parameters<Actions[string]>[0]

/** Where the console goes back to: this site and window, with the ticket in hand (if any). */
const consoleUrl = (url: URL, ticket?: string, windowNo?: number) => {
  const q = new URLSearchParams()
  const site = url.searchParams.get("site")
  if (site) q.set("site", site)
  const w = windowNo ?? url.searchParams.get("window")
  if (w) q.set("window", String(w))
  for (const g of url.searchParams.getAll("groups")) q.append("groups", g)
  if (ticket) q.set("ticket", ticket)
  return `${url.pathname}?${q.toString()}`
}

const ticketAction =
  (action: "recall" | "skip" | "requeue" | "cancel" | "serve") =>
  async ({ request, fetch, params, url }: Event) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "id")
    const windowNo = action === "serve" ? windowOf(valueOf(values, "window")) : undefined
    const body = windowNo !== undefined ? { window: windowNo } : {}
    const answer = await call<Ticket>(
      fetch,
      "POST",
      cityApi(params.city, `tickets/${encodeURIComponent(id)}/${action}`),
      {
        body
      }
    )
    if (!answer.ok) return fail(answer.status, { action, error: answer.error })
    // A cancelled ticket leaves the window; the others stay in hand.
    redirect(303, consoleUrl(url, action === "cancel" ? undefined : id, windowNo))
  }

export const actions: Actions = {
  issue: async ({ request, fetch, params }) => {
    const values = formValues(await request.formData())
    const notice = valueOf(values, "issuanceNoticeNumber")
    const session = valueOf(values, "outreachSessionId")
    const answer = await call<{ ticket: Ticket; waitingAhead: number }>(
      fetch,
      "POST",
      cityApi(params.city, "walk-ins"),
      {
        body: {
          site: valueOf(values, "site"),
          procedure: valueOf(values, "procedure"),
          ...(notice !== "" ? { issuanceNoticeNumber: notice } : {}),
          ...(session !== "" ? { outreachSessionId: session } : {})
        }
      }
    )
    if (!answer.ok) return fail(answer.status, { action: "issue" as const, error: answer.error, values })
    return { action: "issue" as const, issued: answer.value }
  },
  callNext: async ({ request, fetch, params, url }) => {
    const values = formValues(await request.formData())
    const groups = valuesOf(values, "groups").filter((g) => g !== "")
    const answer = await call<{ ticket: Ticket | null }>(fetch, "POST", cityApi(params.city, "queue/call-next"), {
      body: {
        site: valueOf(values, "site"),
        window: windowOf(valueOf(values, "window")),
        ...(groups.length > 0 ? { groups } : {})
      }
    })
    if (!answer.ok) return fail(answer.status, { action: "callNext" as const, error: answer.error })
    if (answer.value.ticket === null) return { action: "callNext" as const, nobody: true }
    redirect(303, consoleUrl(url, answer.value.ticket.id, windowOf(valueOf(values, "window"))))
  },
  recall: ticketAction("recall"),
  skip: ticketAction("skip"),
  requeue: ticketAction("requeue"),
  cancel: ticketAction("cancel"),
  serve: ticketAction("serve"),
  finish: async ({ request, fetch, params, url }) => {
    const values = formValues(await request.formData())
    const id = valueOf(values, "id")
    const procedure = valueOf(values, "procedure")
    const answer = await call<Ticket>(fetch, "POST", cityApi(params.city, `tickets/${encodeURIComponent(id)}/finish`), {
      body: { outcome: valueOf(values, "outcome") || "done", ...(procedure !== "" ? { procedures: [procedure] } : {}) }
    })
    if (!answer.ok) return fail(answer.status, { action: "finish" as const, error: answer.error })
    redirect(303, consoleUrl(url))
  }
}
