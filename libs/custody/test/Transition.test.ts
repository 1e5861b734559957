import { assert, describe, it } from "@effect/vitest"
import type { EventInput, EventKind } from "../src/Event.ts"
import type { Status } from "../src/Item.ts"
import { unitsByStatus } from "../src/Item.ts"
import {
  cityActor,
  cityStaff,
  cityStaff2,
  clerk,
  clerk2,
  codes,
  manager,
  managerActor,
  memoryLedger,
  profiles
} from "./fixtures.ts"

type Kind = "card" | "issuance_notice"
type Sel = { readonly kind: Kind; readonly reference: string }

/** The event of each kind, applied to one item (Kawanishi's places: backoffice, cabinet, special). */
const eventFor = (kind: EventKind, sel: Sel): EventInput => {
  const items = [sel]
  switch (kind) {
    case "received":
      return { kind, from: cityStaff, to: clerk, place: "backoffice", items }
    case "returned":
      return { kind, from: cityStaff, to: clerk, place: "backoffice", items }
    case "created":
      return { kind, by: clerk, place: "backoffice", newItems: [{ kind: "issuance_notice", reference: "N-NEW" }] }
    case "setup_done":
    case "sealed":
    case "issued":
      return { kind, by: clerk, items }
    case "stored":
      return { kind, by: clerk, place: "cabinet", items }
    case "moved":
      return { kind, by: clerk, place: "special", items }
    case "handed_over":
      return { kind, from: clerk, to: clerk2, items }
    case "transferred_to_city":
      return { kind, from: clerk, to: cityStaff, items }
    case "disposal_requested":
      return { kind, by: manager, items, method: "shredding", plannedOn: "2026-04-10", reason: "契約終了に伴う廃棄" }
    case "disposal_approved":
      return { kind, approver: cityStaff, items, witnessRequired: false }
    case "disposal_rejected":
      return { kind, by: cityStaff, items, reason: "返還に変更" }
    case "disposal_done":
      return { kind, by: manager, items, method: "shredding", witness: cityStaff2 }
    case "reported_missing":
      return { kind, by: clerk, items, note: "保管庫に見当たらない" }
    case "found":
      return { kind, by: clerk, place: "cabinet", items }
    case "counted":
      return { kind, by: clerk, place: "cabinet", counts: [{ kind: "card", count: 0 }] }
    case "noted":
      return { kind, by: clerk, items, note: "本人に電話連絡" }
  }
}

/** A Kawanishi ledger with one item brought into `status` (a card with its setup done). */
const itemIn = (status: Status, kind: Kind) => {
  const ledger = memoryLedger(profiles.kawanishi)
  const sel: Sel = { kind, reference: kind === "card" ? "C-0001" : "N-0001" }
  ledger.record({ kind: "received", from: cityStaff, to: clerk, place: "backoffice", newItems: [sel] })
  if (kind === "card") ledger.record({ kind: "setup_done", by: clerk, items: [sel] })
  const steps: Record<Status, ReadonlyArray<EventKind>> = {
    held: [],
    returned: ["transferred_to_city", "returned"],
    disposal_requested: ["disposal_requested"],
    disposal_approved: ["disposal_requested", "disposal_approved"],
    missing: ["reported_missing"],
    issued: ["issued"],
    handed_back: ["transferred_to_city"],
    disposed: ["disposal_requested", "disposal_approved", "disposal_done"]
  }
  for (const step of steps[status])
    ledger.record(eventFor(step, sel), step === "disposal_approved" ? cityActor : undefined)
  return { ledger, sel }
}

const allStatuses: ReadonlyArray<Status> = [
  "held",
  "returned",
  "disposal_requested",
  "disposal_approved",
  "missing",
  "issued",
  "handed_back",
  "disposed"
]

/**
 * The specification of the state machine, written out by hand: for each event kind, the statuses of a
 * card and of a notice from which it is allowed, and the status the unit ends in.
 */
const spec: ReadonlyArray<{
  readonly event: EventKind
  readonly card: ReadonlyArray<Status>
  readonly notice: ReadonlyArray<Status>
  readonly to: Status | "same"
}> = [
  { event: "received", card: ["handed_back"], notice: ["handed_back"], to: "held" },
  { event: "returned", card: ["handed_back"], notice: ["handed_back"], to: "returned" },
  { event: "setup_done", card: [], notice: [], to: "same" }, // done already in "held"; see below
  { event: "sealed", card: [], notice: ["held", "returned"], to: "same" },
  { event: "stored", card: ["held", "returned"], notice: ["held", "returned"], to: "same" },
  { event: "moved", card: ["held", "returned"], notice: ["held", "returned"], to: "same" },
  { event: "handed_over", card: ["held", "returned"], notice: ["held", "returned"], to: "same" },
  { event: "issued", card: ["held"], notice: [], to: "issued" },
  { event: "transferred_to_city", card: ["held", "returned"], notice: ["held", "returned"], to: "handed_back" },
  {
    event: "disposal_requested",
    card: ["held", "returned"],
    notice: ["held", "returned"],
    to: "disposal_requested"
  },
  { event: "disposal_approved", card: ["disposal_requested"], notice: ["disposal_requested"], to: "disposal_approved" },
  {
    event: "disposal_rejected",
    card: ["disposal_requested", "disposal_approved"],
    notice: ["disposal_requested", "disposal_approved"],
    to: "held"
  },
  { event: "disposal_done", card: ["disposal_approved"], notice: ["disposal_approved"], to: "disposed" },
  { event: "reported_missing", card: ["held", "returned"], notice: ["held", "returned"], to: "missing" },
  { event: "found", card: ["missing"], notice: ["missing"], to: "held" },
  { event: "noted", card: allStatuses, notice: allStatuses, to: "same" }
]

describe("Transition: every event from every status", () => {
  for (const row of spec) {
    for (const kind of ["card", "issuance_notice"] as const) {
      // A notice is never issued to a resident: that status exists only for cards.
      for (const status of allStatuses.filter((s) => kind === "card" || s !== "issued")) {
        const allowed = (kind === "card" ? row.card : row.notice).includes(status)
        it(`${row.event} on a ${kind} that is ${status}: ${allowed ? "allowed" : "refused"}`, () => {
          const { ledger, sel } = itemIn(status, kind)
          const before = ledger.byRef(sel.kind, sel.reference)
          const problems = ledger.tryRecord(
            eventFor(row.event, sel),
            row.event === "disposal_approved" ? cityActor : managerActor
          )
          if (!allowed) {
            assert.isDefined(problems, "expected a refusal")
            assert.isAbove(problems!.length, 0)
            for (const p of problems!) {
              assert.isString(p.ja)
              assert.isString(p.en)
            }
            // Nothing changed: the item is exactly as before.
            assert.deepStrictEqual(ledger.byRef(sel.kind, sel.reference), before)
            return
          }
          assert.isUndefined(problems, problems?.map((p) => p.en).join("; "))
          const after = ledger.byRef(sel.kind, sel.reference)
          const expected = row.to === "same" ? status : row.to
          assert.deepStrictEqual(unitsByStatus(after), { [expected]: 1 })
        })
      }
    }
  }

  it("setup_done: allowed once on a held card, refused on a notice, refused twice", () => {
    const ledger = memoryLedger(profiles.kawanishi)
    ledger.record({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "backoffice",
      newItems: [
        { kind: "card", reference: "C-1" },
        { kind: "issuance_notice", reference: "N-1" }
      ]
    })
    assert.isUndefined(ledger.tryRecord({ kind: "setup_done", by: clerk, items: [{ kind: "card", reference: "C-1" }] }))
    assert.isTrue(ledger.byRef("card", "C-1").setupDone)
    assert.deepStrictEqual(
      codes(ledger.tryRecord({ kind: "setup_done", by: clerk, items: [{ kind: "card", reference: "C-1" }] })),
      ["SETUP_ALREADY_DONE"]
    )
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "setup_done", by: clerk, items: [{ kind: "issuance_notice", reference: "N-1" }] })
      ),
      ["KIND_NOT_ALLOWED"]
    )
  })

  it("created registers new items; it cannot name existing ones", () => {
    const ledger = memoryLedger(profiles.koganei)
    assert.isUndefined(
      ledger.tryRecord({
        kind: "created",
        by: clerk,
        place: "venue",
        newItems: [{ kind: "id_copy", quantity: 3, description: "本人確認書類の写し" }]
      })
    )
    const [copy] = [...ledger.states.values()]
    assert.deepStrictEqual(copy!.holdings, [{ status: "held", place: "venue", holder: clerk.name, count: 3 }])
  })
})

describe("Transition: refusals with their reasons", () => {
  it("issuing a card that is in transit is refused", () => {
    const ledger = memoryLedger(profiles.ota)
    const card = { kind: "card", reference: "C-100" } as const
    ledger.record({ kind: "received", from: cityStaff, to: clerk, place: "cabinet", newItems: [card] })
    ledger.record({ kind: "setup_done", by: clerk, items: [card] })
    ledger.record({ kind: "moved", by: clerk, place: "transit", items: [card] })
    const problems = ledger.tryRecord({ kind: "issued", by: clerk, items: [card] })
    assert.deepStrictEqual(codes(problems), ["IN_TRANSIT"])
    assert.match(problems![0]!.ja, /移送中/)
    assert.match(problems![0]!.en, /in transit/)
    ledger.record({ kind: "stored", by: clerk, place: "cabinet", items: [card] })
    assert.isUndefined(ledger.tryRecord({ kind: "issued", by: clerk, items: [card] }))
  })

  it("Ota 6(2)②: a card is issued only after its pre-issuance setup", () => {
    const ledger = memoryLedger(profiles.ota)
    const card = { kind: "card", reference: "C-101" } as const
    ledger.record({ kind: "received", from: cityStaff, to: clerk, place: "counter", newItems: [card] })
    assert.deepStrictEqual(codes(ledger.tryRecord({ kind: "issued", by: clerk, items: [card] })), ["SETUP_REQUIRED"])
    // Kanazawa's profile does not ask for it.
    const kanazawa = memoryLedger(profiles.kanazawa)
    kanazawa.record({ kind: "received", from: cityStaff, to: clerk, place: "counter", newItems: [card] })
    assert.isUndefined(kanazawa.tryRecord({ kind: "issued", by: clerk, items: [card] }))
  })

  it("Ota 6(2)④: notices are sealed before they go back to city staff", () => {
    const ledger = memoryLedger(profiles.ota)
    const notice = { kind: "issuance_notice", reference: "N-200" } as const
    ledger.record({ kind: "created", by: clerk, place: "backoffice", newItems: [notice] })
    assert.deepStrictEqual(
      codes(ledger.tryRecord({ kind: "transferred_to_city", from: clerk, to: cityStaff, items: [notice] })),
      ["SEAL_REQUIRED"]
    )
    ledger.record({ kind: "sealed", by: clerk, items: [notice] })
    assert.isUndefined(ledger.tryRecord({ kind: "transferred_to_city", from: clerk, to: cityStaff, items: [notice] }))
    assert.deepStrictEqual(unitsByStatus(ledger.byRef("issuance_notice", "N-200")), { handed_back: 1 })
  })

  it("Koganei 第17条2: disposing without approval is refused; Kanazawa 17(6) needs none", () => {
    const koganei = memoryLedger(profiles.koganei)
    const copies = { kind: "id_copy", reference: "K-COPY-1" } as const
    koganei.record({ kind: "created", by: clerk, place: "venue", newItems: [{ ...copies, quantity: 5 }] })
    const refused = koganei.tryRecord({ kind: "disposal_done", by: manager, items: [copies], method: "shredding" })
    assert.deepStrictEqual(codes(refused), ["APPROVAL_REQUIRED"])
    assert.match(refused![0]!.ja, /承認/)
    koganei.record({
      kind: "disposal_requested",
      by: manager,
      items: [copies],
      method: "shredding",
      plannedOn: "2026-04-03",
      reason: "市の指示による廃棄"
    })
    assert.deepStrictEqual(
      codes(koganei.tryRecord({ kind: "disposal_done", by: manager, items: [copies], method: "shredding" })),
      ["APPROVAL_REQUIRED"]
    )

    const kanazawa = memoryLedger(profiles.kanazawa)
    const forms = { kind: "application_form", reference: "F-1" } as const
    kanazawa.record({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "counter",
      newItems: [{ ...forms, quantity: 4 }]
    })
    assert.isUndefined(kanazawa.tryRecord({ kind: "disposal_done", by: manager, items: [forms], method: "shredding" }))
    assert.deepStrictEqual(unitsByStatus(kanazawa.byRef("application_form", "F-1")), { disposed: 4 })
  })

  it("only the roles of the profile may approve; the method must be the city's and the one requested", () => {
    const ledger = memoryLedger(profiles.koganei)
    const media = { kind: "storage_media", reference: "USB-1" } as const
    ledger.record({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "case",
      newItems: [{ ...media, description: "USBメモリ(暗号化)" }]
    })
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({
          kind: "disposal_requested",
          by: manager,
          items: [media],
          method: "incineration",
          plannedOn: "2026-04-05",
          reason: "終了"
        })
      ),
      ["METHOD_NOT_ALLOWED"]
    )
    ledger.record({
      kind: "disposal_requested",
      by: manager,
      items: [media],
      method: "physical_destruction",
      plannedOn: "2026-04-05",
      reason: "契約終了(第17条4)"
    })
    const byContractor = ledger.tryRecord(
      { kind: "disposal_approved", approver: manager, items: [media], witnessRequired: true },
      managerActor
    )
    assert.deepStrictEqual(codes(byContractor), ["APPROVER_ROLE"])
    ledger.record({ kind: "disposal_approved", approver: cityStaff, items: [media], witnessRequired: true }, cityActor)
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({
          kind: "disposal_done",
          by: manager,
          items: [media],
          method: "data_erasure",
          witness: cityStaff
        })
      ),
      ["METHOD_DIFFERS"]
    )
    assert.deepStrictEqual(
      codes(ledger.tryRecord({ kind: "disposal_done", by: manager, items: [media], method: "physical_destruction" })),
      ["WITNESS_REQUIRED"]
    )
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({
          kind: "disposal_done",
          by: manager,
          items: [media],
          method: "physical_destruction",
          witness: manager
        })
      ),
      ["WITNESS_IS_PERFORMER"]
    )
    assert.isUndefined(
      ledger.tryRecord({
        kind: "disposal_done",
        by: manager,
        items: [media],
        method: "physical_destruction",
        witness: cityStaff
      })
    )
    const done = ledger.byRef("storage_media", "USB-1")
    assert.deepStrictEqual(unitsByStatus(done), { disposed: 1 })
    assert.isUndefined(done.disposal)
  })

  it("handing over more than is held, or what someone else holds, is refused", () => {
    const ledger = memoryLedger(profiles.koganei)
    const forms = { kind: "application_form", reference: "K-F-1" } as const
    ledger.record({
      kind: "received",
      from: { organization: "resident" },
      to: clerk,
      place: "venue",
      newItems: [{ ...forms, quantity: 30 }]
    })
    const tooMany = ledger.tryRecord({ kind: "handed_over", from: clerk, to: clerk2, items: [{ ...forms, count: 31 }] })
    assert.deepStrictEqual(codes(tooMany), ["NOT_ENOUGH_HELD"])
    assert.match(tooMany![0]!.ja, /31 件を指定していますが、対象は 30 件/)
    assert.deepStrictEqual(
      codes(ledger.tryRecord({ kind: "handed_over", from: clerk2, to: manager, items: [forms] })),
      ["NOT_HELD_BY"]
    )
    assert.deepStrictEqual(codes(ledger.tryRecord({ kind: "handed_over", from: clerk, to: clerk, items: [forms] })), [
      "SAME_PERSON"
    ])
    // Part of a bundle moves; the rest stays.
    ledger.record({ kind: "handed_over", from: clerk, to: clerk2, items: [{ ...forms, count: 10 }] })
    assert.deepStrictEqual(ledger.byRef("application_form", "K-F-1").holdings, [
      { status: "held", place: "venue", holder: clerk.name, count: 20 },
      { status: "held", place: "venue", holder: clerk2.name, count: 10 }
    ])
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "transferred_to_city", from: clerk, to: cityStaff, items: [{ ...forms, count: 31 }] })
      ),
      ["NOT_ENOUGH_HELD"]
    )
    ledger.record({ kind: "transferred_to_city", from: clerk, to: cityStaff, items: [forms] })
    assert.deepStrictEqual(unitsByStatus(ledger.byRef("application_form", "K-F-1")), { handed_back: 30 })
  })

  it("registration: references, kinds of the contract, batches, descriptions", () => {
    const ledger = memoryLedger(profiles.kawanishi)
    ledger.record({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "cabinet",
      newItems: [
        { kind: "batch", reference: "BOX-1", declaredCount: 2 },
        { kind: "card", reference: "C-1", batch: { reference: "BOX-1" } },
        { kind: "card", reference: "C-2", batch: { reference: "BOX-1" } }
      ]
    })
    const box = ledger.byRef("batch", "BOX-1")
    assert.strictEqual(ledger.byRef("card", "C-1").batchId, box.id)
    assert.deepStrictEqual(box.holdings, [])
    const problems = ledger.tryRecord({
      kind: "received",
      from: cityStaff,
      to: cityStaff2,
      place: "nowhere",
      newItems: [
        { kind: "card", reference: "C-1" },
        { kind: "card" },
        { kind: "card", reference: "C-3", quantity: 2 },
        { kind: "card", reference: "C-4", batch: { reference: "BOX-9" } },
        { kind: "lent_material" },
        { kind: "pin_setting_request", quantity: 2 },
        { kind: "batch", reference: "BOX-2", batch: { reference: "BOX-1" } },
        { kind: "issuance_notice", reference: "N-1", declaredCount: 3 },
        { kind: "issuance_notice", reference: "N-1" }
      ]
    })
    assert.deepStrictEqual(codes(problems), [
      "ALREADY_REGISTERED",
      "BATCH_IN_BATCH",
      "BATCH_NOT_FOUND",
      "DECLARED_COUNT_BATCH_ONLY",
      "DESCRIPTION_REQUIRED",
      "DUPLICATE_REFERENCE",
      "KIND_NOT_IN_PROFILE",
      "QUANTITY_ONE",
      "REFERENCE_REQUIRED",
      "UNKNOWN_PLACE",
      "WRONG_ORGANIZATION"
    ])
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "moved", by: clerk, place: "special", items: [{ kind: "batch", reference: "BOX-1" }] })
      ),
      ["BATCH_NOT_PHYSICAL"]
    )
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "moved", by: clerk, place: "cabinet", items: [{ kind: "card", reference: "C-1" }] })
      ),
      ["ALREADY_AT_PLACE"]
    )
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "stored", by: clerk, place: "special", items: [{ kind: "card", reference: "C-1" }] })
      ),
      ["NOT_A_STORAGE_PLACE"]
    )
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({
          kind: "issued",
          by: clerk,
          items: [
            { kind: "card", reference: "C-1" },
            { kind: "card", reference: "C-1" },
            { kind: "card", reference: "C-9" }
          ]
        })
      ),
      ["DUPLICATE_ITEM", "ITEM_NOT_FOUND", "SETUP_REQUIRED"]
    )
  })

  it("time: not in the future, not before the item's last event", () => {
    const ledger = memoryLedger(profiles.kanazawa, "2026-04-01T00:00:00.000Z")
    const card = { kind: "card", reference: "C-7" } as const
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({
          kind: "received",
          occurredAt: "2026-04-02T09:00:00+09:00",
          from: cityStaff,
          to: clerk,
          place: "cabinet",
          newItems: [card]
        })
      ),
      ["OCCURRED_IN_FUTURE"]
    )
    ledger.record({ kind: "received", from: cityStaff, to: clerk, place: "cabinet", newItems: [card] })
    assert.deepStrictEqual(
      codes(ledger.tryRecord({ kind: "issued", occurredAt: "2026-03-31T09:00:00+09:00", by: clerk, items: [card] })),
      ["OCCURRED_BEFORE_LAST"]
    )
  })

  it("a stock-take records what the ledger expected at that moment", () => {
    const ledger = memoryLedger(profiles.kawanishi)
    ledger.record({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "cabinet",
      newItems: [{ kind: "application_form", quantity: 12, description: "交付申請書(本日受付分)" }]
    })
    const entry = ledger.record({
      kind: "counted",
      by: clerk,
      place: "cabinet",
      counts: [
        { kind: "application_form", count: 11 },
        { kind: "card", count: 0 }
      ]
    })
    assert.deepStrictEqual(entry.body.counts, [
      { kind: "application_form", counted: 11, expected: 12 },
      { kind: "card", counted: 0, expected: 0 }
    ])
    assert.deepStrictEqual(
      codes(
        ledger.tryRecord({ kind: "counted", by: clerk, place: "cabinet", counts: [{ kind: "id_copy", count: 1 }] })
      ),
      ["KIND_NOT_IN_PROFILE"]
    )
  })
})
