import { assert, describe, it } from "@effect/vitest"
import * as Capacity from "../src/Capacity.ts"
import * as Queueing from "../src/Queueing.ts"

const targets: Capacity.Targets = {
  walkInWaitP90Minutes: 10,
  maxUtilisation: 0.9,
  bookableShare: 0.85,
  noShowRate: 0.05,
  priority: "reserved_first"
}

const session = (walkIns: number, hourly: Readonly<Record<string, number>> = {}, cs2 = 1): Capacity.SessionLoad => ({
  openMinutes: 480,
  blocks: Capacity.blocksOf(9 * 60, 480, hourly),
  walkIns,
  walkInService: 12,
  walkInCs2: cs2,
  reservedService: 11,
  reservedCs2: 0.4,
  takesReservations: true,
  takesWalkIns: true
})

describe("Capacity", () => {
  it("cuts a session into hour blocks on the clock (8:30–17:15 → 8:30, 9:00, …, 17:00)", () => {
    const blocks = Capacity.blocksOf(8 * 60 + 30, 525, { "10": 2 })
    assert.strictEqual(blocks.length, 10)
    assert.deepStrictEqual(blocks[0], { start: 0, minutes: 30, walkInWeight: 1 })
    assert.deepStrictEqual(blocks[2], { start: 90, minutes: 60, walkInWeight: 2 })
    assert.deepStrictEqual(blocks[9], { start: 510, minutes: 15, walkInWeight: 1 })
  })

  it("without bookings and with exponential service, the walk-in wait is Erlang C's M/M/c", () => {
    const load = session(160)
    const estimate = Capacity.walkInWait(load, 5, 0, targets)
    const q = Queueing.mmc(5, 160 / 480, 12)
    assert.closeTo(estimate.pWait, q.pWait, 1e-9)
    assert.closeTo(estimate.meanWait, q.meanWait, 1e-9)
    assert.closeTo(estimate.p90, Queueing.waitQuantile(q, 0.9), 1e-6)
  })

  it("less variable service shortens the wait by (1 + cs²)/2 (Allen–Cunneen)", () => {
    const exponential = Capacity.walkInWait(session(160), 5, 0, targets)
    const steadier = Capacity.walkInWait(session(160, {}, 0.36), 5, 0, targets)
    assert.closeTo(steadier.meanWait, exponential.meanWait * 0.68, 1e-9)
  })

  it("the most bookings a session takes meet the walk-in target, and one window more takes more", () => {
    const load = session(20)
    const four = Capacity.reservedCapacity(load, 4, targets)
    assert.isAbove(four, 0)
    assert.isAtMost(Capacity.walkInWait(load, 4, four, targets).p90, 10 + 1e-9)
    const utilisationCap = (4 * 480 * 0.9 - 20 * 12) / (0.95 * 11)
    assert.isTrue(four >= utilisationCap - 0.01 || Capacity.walkInWait(load, 4, four + 0.1, targets).p90 > 10)
    assert.isAbove(Capacity.reservedCapacity(load, 5, targets), four)
    // Too many walk-ins for one window: −1.
    assert.strictEqual(Capacity.reservedCapacity(session(60), 1, targets), -1)
  })

  it("offers fewer bookings in the hours walk-ins crowd (morning peak)", () => {
    const load = session(40, { "09": 2, "10": 2 })
    const plan = Capacity.sessionPlan(load, 5, 120, targets)
    assert.isBelow(plan.reservedPerBlock[0]!, plan.reservedPerBlock[4]!)
    assert.closeTo(
      plan.reservedPerBlock.reduce((a, b) => a + b, 0),
      120,
      1e-6
    )
  })

  it("plans a month: steady windows, every session on target, all bookings placed, the busiest days raised first", () => {
    const loads = [30, 20, 20, 20, 25, 30, 20, 20, 20, 25].map((w) => session(w, {}, 0.4))
    const plans = Capacity.planSessions(
      loads,
      1500,
      { targets, minWindows: 0, maxWindows: 40 },
      [36, 24, 24, 24, 30, 36, 24, 24, 24, 30]
    )
    const windows = plans.map((p) => p.windows)
    assert.isAtMost(Math.max(...windows) - Math.min(...windows), 1)
    assert.closeTo(
      plans.reduce((a, p) => a + p.reserved, 0),
      1500,
      1e-6
    )
    for (const p of plans) assert.isAtMost(p.wait.p90, 10 + 1e-6)
    assert.isAtLeast(windows[0]!, windows[1]!)
    // The contract's minimum holds even when demand is low.
    const minimum = Capacity.planSessions([session(5)], 0, { targets, minWindows: 5, maxWindows: 40 })
    assert.strictEqual(minimum[0]!.windows, 5)
  })

  it("pools exponential tails: one piece is solved directly, identical pieces give the same quantile", () => {
    const piece = { weight: 2, pWait: 0.5, rate: 0.1 }
    assert.closeTo(Capacity.pooledQuantile([piece]), Math.log(5) / 0.1, 1e-9)
    assert.closeTo(Capacity.pooledQuantile([piece, { ...piece, rate: 0.1000001 }]), Math.log(5) / 0.1, 1e-3)
    assert.strictEqual(Capacity.pooledQuantile([{ weight: 1, pWait: 1, rate: 0 }]), Infinity)
  })
})
