import { layerTest } from "@madoguchi/db/testing"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Calendar } from "@madoguchi/scheduling"
import { Profile } from "@madoguchi/domain"
import { makeApp } from "../src/App.ts"
import { ensureDemoAccounts } from "../src/Auth.ts"
import { type AppRuntime, defaultProfilesDir, makeRuntime } from "../src/Runtime.ts"

let runtime: AppRuntime
let app: ReturnType<typeof makeApp>
let token: string
let day: string

interface PublicSlot {
  id: string
  site: string
  start: string
  end: string
  capacity: number
  remaining: number
  procedures: Array<string>
}
interface ErrorBody {
  error: { code: string; ja: string; en: string; path?: string }
}

/** The first open Kawanishi weekday at least `ahead` days from today. */
const openDay = (profile: Profile.CityProfile, ahead: number): string => {
  const from = new Date(Date.now() + 9 * 3600_000 + ahead * 86_400_000).toISOString().slice(0, 10)
  const to = new Date(Date.now() + 9 * 3600_000 + (ahead + 14) * 86_400_000).toISOString().slice(0, 10)
  return Calendar.days(profile, from, to).find((d) => d.open)!.date
}

beforeAll(async () => {
  runtime = makeRuntime({ profilesDir: defaultProfilesDir(), database: layerTest("pglite", "api-booking") })
  await runtime.runPromise(ensureDemoAccounts)
  app = makeApp(runtime, { demo: false })
  const login = await app.request("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ city: "kawanishi", login: "demo", password: "demo" })
  })
  token = ((await login.json()) as { token: string }).token
  const kawanishi = await runtime.runPromise(Profile.Profiles.use((p) => p.get("kawanishi")))
  day = openDay(kawanishi, 10)
})
afterAll(() => runtime.dispose())

const auth = () => ({ authorization: `Bearer ${token}` })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/v1${path}`, { method: "POST", headers, body: JSON.stringify(body) })
const person = { name: "ヤマダ タロウ", contact: "072-740-1111" }

const slotsOf = async (from: string, to = from): Promise<Array<PublicSlot>> => {
  const res = await app.request(`/api/v1/cities/kawanishi/slots?from=${from}&to=${to}`)
  assert.strictEqual(res.status, 200)
  return ((await res.json()) as { slots: Array<PublicSlot> }).slots
}

describe("booking routes", () => {
  it("GET /cities/{city}/slots answers the contract's slots, filled in from the calendar", async () => {
    const slots = await slotsOf(day)
    assert.strictEqual(slots.length, 32)
    const first = slots[0]!
    assert.deepStrictEqual(
      { site: first.site, start: first.start, end: first.end, capacity: first.capacity, remaining: first.remaining },
      {
        site: "special",
        start: `${day}T09:00:00+09:00`,
        end: `${day}T09:15:00+09:00`,
        capacity: 4,
        remaining: 4
      }
    )
    assert.include(first.procedures, "card_issuance")
    const bad = await app.request("/api/v1/cities/kawanishi/slots?from=2026-13-01&to=2026-12-01")
    assert.strictEqual(bad.status, 400)
    assert.strictEqual(((await bad.json()) as ErrorBody).error.path, "from")
  })

  it("POST /cities/{city}/reservations: 201, a retry with the same Idempotency-Key answers the same, a full slot is 409 SLOT_FULL", async () => {
    const [slot] = await slotsOf(day)
    const input = { slotId: slot!.id, procedure: "card_issuance", ...person }
    const res = await post("/cities/kawanishi/reservations", input, { "idempotency-key": "api-1" })
    assert.strictEqual(res.status, 201)
    const first = (await res.json()) as { id: string; status: string; start: string }
    assert.strictEqual(first.status, "confirmed")
    assert.strictEqual(first.start, slot!.start)
    const again = await post("/cities/kawanishi/reservations", input, { "idempotency-key": "api-1" })
    assert.strictEqual(again.status, 201)
    assert.strictEqual(again.headers.get("idempotent-replayed"), "true")
    assert.strictEqual(((await again.json()) as { id: string }).id, first.id)
    // 40 clients at once for the 3 seats left.
    const results = await Promise.all(Array.from({ length: 40 }, () => post("/cities/kawanishi/reservations", input)))
    assert.deepStrictEqual(results.map((r) => r.status).sort(), [...Array(3).fill(201), ...Array(37).fill(409)])
    const full = (await results.find((r) => r.status === 409)!.json()) as ErrorBody
    assert.strictEqual(full.error.code, "SLOT_FULL")
    assert.match(full.error.ja, /満席/)
    assert.match(full.error.en, /full/)
    assert.strictEqual((await slotsOf(day))[0]!.remaining, 0)
  })

  it("the public finds a booking by its code and contact, and never sees who booked; staff see all, by id or code", async () => {
    const slot = (await slotsOf(day))[4]!
    const res = await post("/cities/kawanishi/reservations", { slotId: slot.id, procedure: "card_issuance", ...person })
    assert.strictEqual(res.status, 201)
    const made = (await res.json()) as { id: string; code: string; name: string }
    assert.match(made.code, /^[0-7][0-9A-HJKMNP-TV-Z]{9}$/)
    const byId = (await (await app.request(`/api/v1/cities/kawanishi/reservations/${made.id}`)).json()) as Record<
      string,
      unknown
    >
    assert.strictEqual(byId["code"], made.code)
    assert.strictEqual(byId["start"], slot.start)
    for (const hidden of ["name", "contact", "issuanceNoticeNumber"]) assert.notProperty(byId, hidden)
    // The code as read out on the phone, with the number written another way.
    const typed = `${made.code.slice(0, 5).toLowerCase()}-${made.code.slice(5)}`
    const found = await post("/cities/kawanishi/reservations/lookup", { code: typed, contact: "0727401111" })
    assert.strictEqual(found.status, 200)
    const view = (await found.json()) as Record<string, unknown>
    assert.strictEqual(view["id"], made.id)
    assert.notProperty(view, "name")
    assert.notProperty(view, "contact")
    // A wrong contact, or a code alone, finds nothing: 404, the same answer as a code that does not exist.
    const wrong = await post("/cities/kawanishi/reservations/lookup", { code: made.code, contact: "090-0000-0000" })
    assert.strictEqual(wrong.status, 404)
    assert.strictEqual(((await wrong.json()) as ErrorBody).error.code, "RESERVATION_NOT_FOUND")
    const bare = await app.request(`/api/v1/cities/kawanishi/reservations/${made.code}`)
    assert.strictEqual(bare.status, 404)
    const missing = await post("/cities/kawanishi/reservations/lookup", { code: made.code })
    assert.strictEqual(missing.status, 400)
    assert.strictEqual(((await missing.json()) as ErrorBody).error.path, "contact")
    // Staff: the whole reservation, by id or by the code a caller reads out.
    const staffView = (await (
      await app.request(`/api/v1/cities/kawanishi/reservations/${typed}`, { headers: auth() })
    ).json()) as { id: string; name: string; contact: string }
    assert.deepStrictEqual(
      { id: staffView.id, name: staffView.name, contact: staffView.contact },
      { id: made.id, ...person }
    )
    // Cancelling by the id the lookup gave: the answer, too, without who.
    const cancelled = await app.request(`/api/v1/cities/kawanishi/reservations/${made.id}`, { method: "DELETE" })
    assert.strictEqual(cancelled.status, 200)
    const after = (await cancelled.json()) as Record<string, unknown>
    assert.strictEqual(after["status"], "cancelled")
    assert.notProperty(after, "name")
  })

  it("GET /cities/{city}/booking-settings: the profile's settings with their defaults; an unknown city is 404", async () => {
    const res = await app.request("/api/v1/cities/kawanishi/booking-settings")
    assert.strictEqual(res.status, 200)
    const settings = (await res.json()) as {
      city: string
      cityCode: string
      slotMinutes: number
      holdMinutes: number
      issuanceNoticeNumber: string
      walkIns: Record<string, string>
      groups: Array<unknown>
    }
    assert.strictEqual(settings.city, "kawanishi")
    assert.strictEqual(settings.cityCode, "282171")
    assert.strictEqual(settings.slotMinutes, 15)
    assert.isAbove(settings.holdMinutes, 0)
    assert.include(["none", "optional", "required"], settings.issuanceNoticeNumber)
    assert.hasAllKeys(settings.walkIns, ["regular", "holiday_opening", "outreach"])
    assert.isAbove(settings.groups.length, 0)
    const unknown = await app.request("/api/v1/cities/atlantis/booking-settings")
    assert.strictEqual(unknown.status, 404)
    assert.strictEqual(((await unknown.json()) as ErrorBody).error.code, "CITY_NOT_FOUND")
  })

  it("bad bookings are 4xx naming what was wrong", async () => {
    const [, slot] = await slotsOf(day)
    const bad = await post("/cities/kawanishi/reservations", {
      slotId: slot!.id,
      procedure: "card_issuance",
      name: "12345",
      contact: "x"
    })
    assert.strictEqual(bad.status, 400)
    const body = (await bad.json()) as ErrorBody & { error: { problems: Array<{ path: string }> } }
    assert.strictEqual(body.error.code, "INVALID_INPUT")
    assert.deepStrictEqual(body.error.problems.map((p) => p.path).sort(), ["contact", "name"])
    const missing = await post("/cities/kawanishi/reservations", {
      slotId: "00000000-0000-4000-8000-000000000000",
      procedure: "card_issuance",
      ...person
    })
    assert.strictEqual(missing.status, 404)
    assert.strictEqual(((await missing.json()) as ErrorBody).error.code, "SLOT_NOT_FOUND")
    const wrong = await post("/cities/kawanishi/reservations", {
      slotId: slot!.id,
      procedure: "card_application",
      ...person
    })
    assert.strictEqual(wrong.status, 422)
    assert.strictEqual(((await wrong.json()) as ErrorBody).error.code, "PROCEDURE_NOT_OFFERED")
    const unknown = await post("/cities/atlantis/reservations", {
      slotId: slot!.id,
      procedure: "card_issuance",
      ...person
    })
    assert.strictEqual(unknown.status, 404)
    // The route's own fields and the request's are decoded in different places; a bad body still gets
    // every problem at once.
    const both = await post("/cities/kawanishi/reservations", {
      slotId: slot!.id,
      procedure: "card_issuance",
      name: "12345",
      contact: "072-740-1111",
      channel: "fax"
    })
    assert.strictEqual(both.status, 400)
    const problems = ((await both.json()) as { error: { problems: Array<{ path: string }> } }).error.problems
    assert.deepStrictEqual(problems.map((p) => p.path).sort(), ["channel", "name"])
    const notJson = await app.request("/api/v1/cities/kawanishi/reservations", { method: "POST", body: "{" })
    assert.strictEqual(notJson.status, 400)
    assert.strictEqual(((await notJson.json()) as ErrorBody).error.code, "INVALID_INPUT")
  })

  it("hold, confirm, reschedule and cancel (DELETE) over HTTP; the seat comes back", async () => {
    const [, , a, b] = await slotsOf(day)
    const held = await post("/cities/kawanishi/holds", { slotId: a!.id, procedure: "cert_renewal", ...person })
    assert.strictEqual(held.status, 201)
    const hold = (await held.json()) as { id: string; status: string; expiresAt: string }
    assert.strictEqual(hold.status, "held")
    assert.isAbove(Date.parse(hold.expiresAt), Date.now() + 9 * 60_000)
    const confirmed = await post(`/cities/kawanishi/reservations/${hold.id}/confirm`, {})
    assert.strictEqual(((await confirmed.json()) as { status: string }).status, "confirmed")
    const moved = await post(
      `/cities/kawanishi/reservations/${hold.id}/reschedule`,
      { slotId: b!.id },
      { "idempotency-key": "move-1" }
    )
    assert.strictEqual(moved.status, 200)
    const next = (await moved.json()) as { id: string; slotId: string; rescheduledFrom: string }
    assert.deepStrictEqual([next.slotId, next.rescheduledFrom], [b!.id, hold.id])
    const cancelled = await app.request(`/api/v1/cities/kawanishi/reservations/${next.id}`, {
      method: "DELETE",
      headers: { "idempotency-key": "cancel-1" }
    })
    assert.strictEqual(cancelled.status, 200)
    assert.strictEqual(((await cancelled.json()) as { status: string }).status, "cancelled")
    const after = await slotsOf(day)
    assert.deepStrictEqual([after[2]!.remaining, after[3]!.remaining], [4, 4])
  })

  it("a booking keeps the eligibility pre-check: the decision and what to bring", async () => {
    const [, , , , slot] = await slotsOf(day)
    const res = await post("/cities/kawanishi/reservations", {
      slotId: slot!.id,
      procedure: "cert_renewal",
      ...person,
      eligibility: {
        applicant: {
          birthDate: "1990-04-01",
          nationality: "JP",
          card: {
            status: "valid",
            expiresOn: "2030-04-01",
            signatureCert: { expiresOn: day },
            authCert: { expiresOn: day }
          }
        },
        attendee: { kind: "self" },
        documents: ["my_number_card"]
      }
    })
    assert.strictEqual(res.status, 201)
    const r = (await res.json()) as { precheck: { decision: string; bring: Array<string> } }
    assert.include(["allowed", "refused", "needs_second_visit"], r.precheck.decision)
    assert.deepStrictEqual(r.precheck.bring, ["my_number_card"])
  })

  it("walk-in tickets number in sequence and the queue shows them; staff call and finish them", async () => {
    const issue = () => post("/cities/kawanishi/walk-ins", { site: "special", procedure: "card_issuance" })
    const first = await issue()
    assert.strictEqual(first.status, 201)
    const a = (await first.json()) as { ticket: { id: string; label: string }; waitingAhead: number }
    const b = (await (await issue()).json()) as { ticket: { id: string; label: string }; waitingAhead: number }
    assert.match(a.ticket.label, /^A-\d{3}$/)
    assert.strictEqual(Number(b.ticket.label.slice(2)), Number(a.ticket.label.slice(2)) + 1)
    assert.strictEqual(b.waitingAhead, a.waitingAhead + 1)
    const state = (await (await app.request("/api/v1/cities/kawanishi/queue?site=special")).json()) as {
      waiting: Array<{ label: string }>
    }
    assert.includeMembers(
      state.waiting.map((w) => w.label),
      [a.ticket.label, b.ticket.label]
    )
    const refused = await post("/cities/kawanishi/queue/call-next", { site: "special", window: 1 })
    assert.strictEqual(refused.status, 401)
    const called = await post("/cities/kawanishi/queue/call-next", { site: "special", window: 2 }, auth())
    const ticket = ((await called.json()) as { ticket: { id: string; label: string; window: number } }).ticket
    assert.strictEqual(ticket.label, a.ticket.label)
    assert.strictEqual(ticket.window, 2)
    const done = await post(`/cities/kawanishi/tickets/${ticket.id}/finish`, { outcome: "done" }, auth())
    assert.strictEqual(done.status, 200)
    assert.strictEqual(((await done.json()) as { status: string }).status, "done")
    const twice = await post(`/cities/kawanishi/tickets/${ticket.id}/serve`, {}, auth())
    assert.strictEqual(twice.status, 409)
    assert.strictEqual(((await twice.json()) as ErrorBody).error.code, "TICKET_STATE_CONFLICT")
  })

  it("staff see ticket ids and the absent in the queue; the call display sees neither", async () => {
    await post("/cities/kawanishi/walk-ins", { site: "special", procedure: "cert_renewal" })
    const called = await post("/cities/kawanishi/queue/call-next", { site: "special", window: 3 }, auth())
    const ticket = ((await called.json()) as { ticket: { id: string; label: string } }).ticket
    assert.strictEqual((await post(`/cities/kawanishi/tickets/${ticket.id}/skip`, {}, auth())).status, 200)
    interface State {
      waiting: Array<{ id?: string; label: string }>
      skipped: Array<{ id?: string; label: string }>
    }
    const staffState = (await (
      await app.request("/api/v1/cities/kawanishi/queue?site=special", { headers: auth() })
    ).json()) as State
    assert.deepStrictEqual(
      staffState.skipped.map((k) => ({ id: k.id, label: k.label })),
      [{ id: ticket.id, label: ticket.label }]
    )
    assert.isTrue(staffState.waiting.every((w) => typeof w.id === "string"))
    const shown = (await (await app.request("/api/v1/cities/kawanishi/queue?site=special")).json()) as State
    assert.deepStrictEqual(shown.skipped, [])
    assert.isTrue(shown.waiting.every((w) => w.id === undefined))
    // Back in line when the holder returns: by the id staff saw.
    const back = await post(`/cities/kawanishi/tickets/${ticket.id}/requeue`, {}, auth())
    assert.strictEqual(((await back.json()) as { status: string }).status, "waiting")
  })

  it("the waitlist of a full slot: the public sees its place, staff see the day's list; a cancellation offers the seat", async () => {
    const slot = (await slotsOf(day))[8]!
    const full = await post(
      "/cities/kawanishi/reservations",
      { slotId: slot.id, procedure: "card_issuance", ...person, seats: 4 },
      auth()
    )
    assert.strictEqual(full.status, 201)
    const taken = (await full.json()) as { id: string }
    const joined = await post("/cities/kawanishi/waitlist", {
      slotId: slot.id,
      procedure: "card_issuance",
      name: "マツイ ハナ",
      contact: "090-1111-2222"
    })
    assert.strictEqual(joined.status, 201)
    const entry = (await joined.json()) as { id: string; position: number }
    assert.strictEqual(entry.position, 1)
    const seen = (await (await app.request(`/api/v1/cities/kawanishi/waitlist/${entry.id}`)).json()) as Record<
      string,
      unknown
    >
    assert.strictEqual(seen["position"], 1)
    assert.notProperty(seen, "name")
    assert.notProperty(seen, "contact")

    assert.strictEqual((await app.request(`/api/v1/cities/kawanishi/waitlist?date=${day}`)).status, 401)
    const listed = await app.request(`/api/v1/cities/kawanishi/waitlist?date=${day}`, { headers: auth() })
    assert.strictEqual(listed.status, 200)
    const entries = ((await listed.json()) as { entries: Array<{ id: string; name: string; slotId: string }> }).entries
    assert.deepInclude(
      entries.map((e) => ({ id: e.id, name: e.name, slotId: e.slotId })),
      { id: entry.id, name: "マツイ ハナ", slotId: slot.id }
    )
    const badDate = await app.request("/api/v1/cities/kawanishi/waitlist?date=2027-02-30", { headers: auth() })
    assert.strictEqual(badDate.status, 400)
    assert.strictEqual(((await badDate.json()) as ErrorBody).error.path, "date")

    // The seats come free: the first in line is offered one, and accepts it.
    const cancelled = await app.request(`/api/v1/cities/kawanishi/reservations/${taken.id}`, {
      method: "DELETE",
      headers: auth()
    })
    assert.strictEqual(cancelled.status, 200)
    const offered = (await (await app.request(`/api/v1/cities/kawanishi/waitlist/${entry.id}`)).json()) as {
      status: string
    }
    assert.strictEqual(offered.status, "offered")
    const accepted = await post(`/cities/kawanishi/waitlist/${entry.id}/accept`, {})
    assert.strictEqual(accepted.status, 200)
    const booking = (await accepted.json()) as Record<string, unknown>
    assert.strictEqual(booking["status"], "confirmed")
    assert.notProperty(booking, "name")
  })

  it("a staff screen's header makes a request staff in demo mode only", async () => {
    const slot = (await slotsOf(day))[6]!
    const made = (await (
      await post("/cities/kawanishi/reservations", { slotId: slot.id, procedure: "card_issuance", ...person }, auth())
    ).json()) as { id: string; channel: string }
    assert.strictEqual(made.channel, "staff")
    const screen = { "x-madoguchi-screen": "staff" }
    // Production: the header grants nothing.
    const plain = (await (
      await app.request(`/api/v1/cities/kawanishi/reservations/${made.id}`, { headers: screen })
    ).json()) as Record<string, unknown>
    assert.notProperty(plain, "name")
    // Demo: the screen acts as the city's demo manager, on public-or-staff routes too.
    const demoApp = makeApp(runtime, { demo: true })
    const demo = (await (
      await demoApp.request(`/api/v1/cities/kawanishi/reservations/${made.id}`, { headers: screen })
    ).json()) as Record<string, unknown>
    assert.strictEqual(demo["name"], person.name)
    const anonymous = (await (
      await demoApp.request(`/api/v1/cities/kawanishi/reservations/${made.id}`)
    ).json()) as Record<string, unknown>
    assert.notProperty(anonymous, "name")
  })

  it("the queue as server-sent events", async () => {
    const controller = new AbortController()
    const res = await app.request("/api/v1/cities/kawanishi/queue/events?site=special", {
      signal: controller.signal
    })
    assert.strictEqual(res.headers.get("content-type")?.startsWith("text/event-stream"), true)
    const reader = res.body!.getReader()
    const { value } = await reader.read()
    const text = new TextDecoder().decode(value)
    assert.match(text, /event: queue/)
    assert.match(text, /"site":"special"/)
    controller.abort()
    await reader.cancel().catch(() => undefined)
  })

  it("staff lists a day's reservations; the public cannot", async () => {
    const open = await app.request(`/api/v1/cities/kawanishi/reservations?date=${day}`)
    assert.strictEqual(open.status, 401)
    const res = await app.request(`/api/v1/cities/kawanishi/reservations?date=${day}`, { headers: auth() })
    assert.strictEqual(res.status, 200)
    const { reservations } = (await res.json()) as { reservations: Array<{ name: string }> }
    assert.isAtLeast(reservations.length, 4)
    assert.strictEqual(reservations[0]!.name, person.name)
  })
})
