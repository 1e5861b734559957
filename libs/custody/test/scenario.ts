/**
 * A realistic stretch of Ota's back office (seeds/001 6(2)): deliveries of cards in boxes taken over
 * from city staff, setup, storage, issuance at the counter, notices made, sealed and handed to city
 * staff, returned mail, a disposal with approval. Deterministic for a given size.
 */
import type { EventInput } from "../src/Event.ts"
import { cityActor, cityStaff, clerk, clerk2, manager, memoryLedger, profiles } from "./fixtures.ts"

export const otaScenario = (boxes: number, cardsPerBox = 5) => {
  const ledger = memoryLedger(profiles.ota, "2026-04-01T00:00:00.000Z")
  const inputs: Array<[EventInput, typeof cityActor | undefined]> = []
  const push = (input: EventInput, actor?: typeof cityActor) => inputs.push([input, actor])
  for (let b = 0; b < boxes; b++) {
    const box = `BOX-${String(b).padStart(4, "0")}`
    const cards = Array.from({ length: cardsPerBox }, (_, i) => ({ kind: "card" as const, reference: `C-${b}-${i}` }))
    push({
      kind: "received",
      from: cityStaff,
      to: clerk,
      place: "backoffice",
      newItems: [
        { kind: "batch", reference: box, declaredCount: cardsPerBox },
        ...cards.map((c) => ({ ...c, batch: { reference: box } }))
      ]
    })
    push({ kind: "setup_done", by: clerk, items: cards })
    push({ kind: "stored", by: clerk, place: "cabinet", items: cards })
    const notice = { kind: "issuance_notice" as const, reference: `N-${b}` }
    push({
      kind: "created",
      by: clerk,
      place: "backoffice",
      newItems: [{ ...notice, quantity: 1, batch: { reference: box } }]
    })
    push({ kind: "sealed", by: clerk, items: [notice] })
    push({ kind: "transferred_to_city", from: clerk, to: cityStaff, items: [notice] })
    push({ kind: "moved", by: clerk, place: "counter", items: cards.slice(0, 2) })
    push({ kind: "issued", by: clerk2, items: [cards[0]!] })
    if (b % 3 === 1) {
      push({ kind: "returned", from: cityStaff, to: clerk, place: "backoffice", items: [notice] })
      push({ kind: "noted", by: clerk, items: [notice], note: "本人に電話連絡、来庁予定" })
    }
    if (b % 4 === 2) {
      push({
        kind: "disposal_requested",
        by: manager,
        items: [cards[4]!],
        method: "shredding",
        plannedOn: "2026-04-20",
        reason: "破損カードの廃棄(市の指示)"
      })
      push({ kind: "disposal_approved", approver: cityStaff, items: [cards[4]!], witnessRequired: true }, cityActor)
      push({ kind: "disposal_done", by: manager, items: [cards[4]!], method: "shredding", witness: cityStaff })
    }
  }
  for (const [input, actor] of inputs) ledger.record(input, actor)
  return ledger
}
