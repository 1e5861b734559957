import { assert, describe, it } from "@effect/vitest"
import * as Deadline from "../src/Deadline.ts"
import type { EventInput } from "../src/Event.ts"
import { cityStaff, clerk, manager, memoryLedger, profiles } from "./fixtures.ts"

type Ledger = ReturnType<typeof memoryLedger>

/** Record an event that happened at `at` (JST, 10:00 unless given). */
const at = (ledger: Ledger, day: string, input: EventInput, time = "10:00") => {
  const occurredAt = `${day}T${time}:00+09:00`
  ledger.setClock(new Date(Date.parse(occurredAt) + 60_000).toISOString())
  return ledger.record({ ...input, occurredAt } as EventInput)
}

const historyOf = (ledger: Ledger, kind: string, reference: string): Deadline.ItemHistory => {
  const item = ledger.byRef(kind, reference)
  const touches = (id: string) => (e: (typeof ledger.entries)[number]) =>
    (e.body.newItems ?? []).some((n) => n.id === id) || (e.body.items ?? []).some((i) => i.id === id)
  return {
    item,
    entries: ledger.entries.filter(touches(item.id)),
    batchEntries: item.batchId ? ledger.entries.filter(touches(item.batchId)) : []
  }
}

const status = (
  ledger: Ledger,
  profile: typeof profiles.ota,
  rule: string,
  kind: string,
  reference: string,
  today: string,
  sessions: ReadonlyArray<string> = []
) =>
  Deadline.evaluate(
    profile.custody!.deadlines.find((r) => r.id === rule)!,
    historyOf(ledger, kind, reference),
    {
      today,
      contractEnd: profile.contract.to,
      nextSessionAfter: (d) => [...sessions].sort().find((s) => s > d)
    }
  )

describe("Deadline", () => {
  describe("Ota 6(2)④: notices sealed and handed to city staff within 2 weeks of delivery", () => {
    const delivered = () => {
      const ledger = memoryLedger(profiles.ota, "2026-04-01T00:00:00.000Z")
      at(ledger, "2026-04-01", {
        kind: "received",
        from: cityStaff,
        to: clerk,
        place: "backoffice",
        newItems: [
          { kind: "batch", reference: "BOX-1", declaredCount: 1 },
          { kind: "card", reference: "C-1", batch: { reference: "BOX-1" } }
        ]
      })
      at(ledger, "2026-04-03", {
        kind: "created",
        by: clerk,
        place: "backoffice",
        newItems: [{ kind: "issuance_notice", reference: "N-1", batch: { reference: "BOX-1" } }]
      })
      return ledger
    }

    it("the clock starts at the delivery of the box, not when the notice is made: due 4/15", () => {
      const ledger = delivered()
      assert.deepInclude(status(ledger, profiles.ota, "notices_to_city", "issuance_notice", "N-1", "2026-04-14"), {
        state: "open",
        startedOn: "2026-04-01",
        dueOn: "2026-04-15"
      })
      assert.strictEqual(
        status(ledger, profiles.ota, "notices_to_city", "issuance_notice", "N-1", "2026-04-15")?.state,
        "due_today"
      )
      assert.deepInclude(status(ledger, profiles.ota, "notices_to_city", "issuance_notice", "N-1", "2026-04-18"), {
        state: "overdue",
        daysLate: 3
      })
      // Cards are not notices: the rule does not apply to them.
      assert.isUndefined(status(ledger, profiles.ota, "notices_to_city", "card", "C-1", "2026-04-18"))
    })

    it("handed back on the 15th is on time; on the 17th, two days late", () => {
      const onTime = delivered()
      at(onTime, "2026-04-10", { kind: "sealed", by: clerk, items: [{ kind: "issuance_notice", reference: "N-1" }] })
      at(onTime, "2026-04-15", {
        kind: "transferred_to_city",
        from: clerk,
        to: cityStaff,
        items: [{ kind: "issuance_notice", reference: "N-1" }]
      })
      assert.deepInclude(status(onTime, profiles.ota, "notices_to_city", "issuance_notice", "N-1", "2026-05-01"), {
        state: "met",
        closedOn: "2026-04-15"
      })
      const late = delivered()
      at(late, "2026-04-16", { kind: "sealed", by: clerk, items: [{ kind: "issuance_notice", reference: "N-1" }] })
      at(late, "2026-04-17", {
        kind: "transferred_to_city",
        from: clerk,
        to: cityStaff,
        items: [{ kind: "issuance_notice", reference: "N-1" }]
      })
      assert.deepInclude(status(late, profiles.ota, "notices_to_city", "issuance_notice", "N-1", "2026-05-01"), {
        state: "met_late",
        daysLate: 2
      })
    })

    it("a notice made without a box starts its clock when it is made", () => {
      const ledger = memoryLedger(profiles.ota, "2026-04-01T00:00:00.000Z")
      at(ledger, "2026-04-06", {
        kind: "created",
        by: clerk,
        place: "backoffice",
        newItems: [{ kind: "issuance_notice", reference: "N-9" }]
      })
      assert.strictEqual(
        status(ledger, profiles.ota, "notices_to_city", "issuance_notice", "N-9", "2026-04-06")?.dueOn,
        "2026-04-20"
      )
    })
  })

  describe("Koganei 7(1)カb: outreach documents delivered the same day on weekdays, by the next session after a Sunday", () => {
    // Sessions of seeds/004 5(1): Wednesdays and the 2nd/4th Sundays (the Saturday before when Monday is a holiday).
    const sessions = ["2025-10-01", "2025-10-08", "2025-10-11", "2025-10-15", "2025-10-22", "2025-10-26", "2025-10-29"]
    const collected = (day: string) => {
      const ledger = memoryLedger(profiles.koganei, "2025-10-01T00:00:00.000Z")
      at(ledger, day, {
        kind: "received",
        from: { organization: "resident" },
        to: clerk,
        place: "venue",
        newItems: [{ kind: "pin_setting_request", reference: `P-${day}`, quantity: 18 }]
      })
      return ledger
    }

    it("Wednesday 10/1: due that day", () => {
      const ledger = collected("2025-10-01")
      const rule = "outreach_documents_to_city"
      assert.deepInclude(
        status(ledger, profiles.koganei, rule, "pin_setting_request", "P-2025-10-01", "2025-10-01", sessions),
        {
          state: "due_today",
          dueOn: "2025-10-01"
        }
      )
      assert.deepInclude(
        status(ledger, profiles.koganei, rule, "pin_setting_request", "P-2025-10-01", "2025-10-02", sessions),
        {
          state: "overdue",
          daysLate: 1
        }
      )
      at(
        ledger,
        "2025-10-01",
        {
          kind: "transferred_to_city",
          from: clerk,
          to: cityStaff,
          items: [{ kind: "pin_setting_request", reference: "P-2025-10-01" }]
        },
        "16:00"
      )
      assert.strictEqual(
        status(ledger, profiles.koganei, rule, "pin_setting_request", "P-2025-10-01", "2025-10-02", sessions)?.state,
        "met"
      )
    })

    it("Sunday 10/26: due at the next session, Wednesday 10/29", () => {
      const ledger = collected("2025-10-26")
      assert.deepInclude(
        status(
          ledger,
          profiles.koganei,
          "outreach_documents_to_city",
          "pin_setting_request",
          "P-2025-10-26",
          "2025-10-27",
          sessions
        ),
        { state: "open", dueOn: "2025-10-29" }
      )
    })

    it("Saturday 10/11 (before スポーツの日 on Monday 10/13): due at the next session, 10/15", () => {
      const ledger = collected("2025-10-11")
      assert.strictEqual(
        status(
          ledger,
          profiles.koganei,
          "outreach_documents_to_city",
          "pin_setting_request",
          "P-2025-10-11",
          "2025-10-14",
          sessions
        )?.dueOn,
        "2025-10-15"
      )
    })

    it("without the session calendar, a Sunday's deadline is undetermined, never guessed", () => {
      const ledger = collected("2025-10-26")
      assert.deepInclude(
        status(
          ledger,
          profiles.koganei,
          "outreach_documents_to_city",
          "pin_setting_request",
          "P-2025-10-26",
          "2025-10-27"
        ),
        { state: "undetermined", dueOn: undefined }
      )
    })

    it("documents disposed of instead of delivered close the rule without meeting it", () => {
      const ledger = collected("2025-10-01")
      const sel = { kind: "pin_setting_request", reference: "P-2025-10-01" } as const
      at(
        ledger,
        "2025-10-01",
        {
          kind: "disposal_requested",
          by: manager,
          items: [sel],
          method: "shredding",
          plannedOn: "2025-10-01",
          reason: "書き損じ"
        },
        "11:00"
      )
      ledger.setClock("2025-10-01T03:00:00.000Z")
      ledger.record(
        {
          kind: "disposal_approved",
          occurredAt: "2025-10-01T11:30:00+09:00",
          approver: cityStaff,
          items: [sel],
          witnessRequired: false
        },
        { id: "city", role: "city_staff" }
      )
      at(ledger, "2025-10-01", { kind: "disposal_done", by: manager, items: [sel], method: "shredding" }, "12:00")
      assert.strictEqual(
        status(
          ledger,
          profiles.koganei,
          "outreach_documents_to_city",
          "pin_setting_request",
          "P-2025-10-01",
          "2025-10-05",
          sessions
        )?.state,
        "closed"
      )
    })
  })

  describe("Kanazawa 別記 第8 / 17(6): nothing stays with the contractor after the contract", () => {
    it("held past 3/31 is overdue; returned mail that comes back opens a new cycle", () => {
      const ledger = memoryLedger(profiles.kanazawa, "2026-03-01T00:00:00.000Z")
      at(ledger, "2026-03-02", {
        kind: "received",
        from: cityStaff,
        to: clerk,
        place: "cabinet",
        newItems: [
          { kind: "lent_material", reference: "L-1", description: "窓口マニュアル(市貸与)" },
          { kind: "issuance_notice", reference: "N-1" }
        ]
      })
      assert.deepInclude(status(ledger, profiles.kanazawa, "contract_end", "lent_material", "L-1", "2026-04-02"), {
        state: "overdue",
        dueOn: "2026-03-31",
        daysLate: 2
      })
      at(ledger, "2026-03-10", {
        kind: "transferred_to_city",
        from: clerk,
        to: cityStaff,
        items: [{ kind: "issuance_notice", reference: "N-1" }]
      })
      assert.strictEqual(
        status(ledger, profiles.kanazawa, "contract_end", "issuance_notice", "N-1", "2026-04-02")?.state,
        "met"
      )
      at(ledger, "2026-03-20", {
        kind: "returned",
        from: cityStaff,
        to: clerk,
        place: "cabinet",
        items: [{ kind: "issuance_notice", reference: "N-1" }]
      })
      assert.deepInclude(status(ledger, profiles.kanazawa, "contract_end", "issuance_notice", "N-1", "2026-04-02"), {
        state: "overdue",
        startedOn: "2026-03-20"
      })
    })
  })

  it("sessionLookups asks only for days that start a next-session clock", () => {
    const rules = profiles.koganei.custody!.deadlines
    assert.deepStrictEqual(Deadline.sessionLookups(rules, ["2025-10-01", "2025-10-26", "2025-10-26", "2025-10-11"]), [
      "2025-10-26",
      "2025-10-11"
    ])
    assert.deepStrictEqual(Deadline.sessionLookups(profiles.ota.custody!.deadlines, ["2026-04-05"]), [])
  })
})
