import { assert, describe, it } from "@effect/vitest"
import * as Queueing from "../src/Queueing.ts"
import * as Simulation from "../src/Simulation.ts"

/** A long M/M/c "day" of walk-ins only, with a warm-up left out, so the steady state is measured. */
const mmcDay = (windows: number, rate: number, service: number): Simulation.DayModel => ({
  openMinutes: 12_000,
  windows,
  appointments: [],
  walkIns: [{ from: 0, to: 12_000, rate }],
  walkInMix: { cert_renewal: 1 },
  serviceMinutes: { cert_renewal: service },
  serviceCv: 1,
  noShowRate: 0,
  arrivalOffsetMinutes: 0,
  arrivalSdMinutes: 0,
  priority: "reserved_first",
  warmupMinutes: 1_200
})

const within = (interval: Simulation.Interval, value: number, what: string) =>
  assert.isTrue(
    interval.low <= value && value <= interval.high,
    `${what}: Erlang C ${value.toFixed(4)} outside the simulation's 95 % interval [${interval.low.toFixed(4)}, ${interval.high.toFixed(4)}]`
  )

describe("Simulation", () => {
  it("is deterministic: same seed, same day; another seed, another day", () => {
    const model = mmcDay(3, 0.2, 12)
    const a = Simulation.runDay(model, 42)
    const b = Simulation.runDay(model, 42)
    assert.deepStrictEqual([...a.walkInWaits], [...b.walkInWaits])
    assert.strictEqual(a.utilisation, b.utilisation)
    assert.notDeepEqual([...Simulation.runDay(model, 43).walkInWaits], [...a.walkInWaits])
  })

  for (const [windows, rate, service] of [
    [4, 0.25, 12],
    [2, 0.1, 12],
    [6, 0.45, 11]
  ] as const) {
    it(`agrees with Erlang C on an M/M/${windows} day (ρ = ${((rate * service) / windows).toFixed(2)}) within its 95 % confidence interval`, () => {
      const q = Queueing.mmc(windows, rate, service)
      const result = Simulation.simulate(mmcDay(windows, rate, service), { seed: 1, replications: 20 })
      within(result.ci.walkInPWait, q.pWait, "P(wait)")
      within(result.ci.walkInMeanWait, q.meanWait, "mean wait")
      within(result.ci.walkInP90, Queueing.waitQuantile(q, 0.9), "p90 wait")
      within(result.ci.utilisation, q.utilisation, "utilisation")
    })
  }

  it("serves a reserved visitor whose time has come before walk-ins who queue", () => {
    // One window, fixed 10-minute services. Walk-ins at 0 and 1 keep the window busy; the booking at 5
    // comes on time and is served at 10, before the walk-in who came at 1.
    const model: Simulation.DayModel = {
      openMinutes: 60,
      windows: 1,
      appointments: [{ time: 5, procedure: "cert_renewal" }],
      walkIns: [],
      walkInMix: {},
      serviceMinutes: { cert_renewal: 10 },
      serviceCv: 0,
      noShowRate: 0,
      arrivalOffsetMinutes: 0,
      arrivalSdMinutes: 0,
      priority: "reserved_first"
    }
    const run = Simulation.runDay(model, 1)
    assert.deepStrictEqual([...run.reservedWaits], [0])
    // With walk-ins (a Poisson stream cannot be pinned, so compare disciplines on the same draws).
    const busy: Simulation.DayModel = {
      ...model,
      appointments: Array.from({ length: 5 }, (_, i) => ({ time: 5 + i * 10, procedure: "cert_renewal" })),
      walkIns: [{ from: 0, to: 60, rate: 0.15 }],
      walkInMix: { cert_renewal: 1 }
    }
    const first = Simulation.simulate(busy, { seed: 9, replications: 50 })
    const fifo = Simulation.simulate({ ...busy, priority: "arrival_order" }, { seed: 9, replications: 50 })
    assert.isBelow(first.reserved.mean, fifo.reserved.mean)
    assert.isAbove(first.walkIns.mean, fifo.walkIns.mean)
  })

  it("leaves out no-shows at about their rate and counts overtime when the day overruns", () => {
    const model: Simulation.DayModel = {
      openMinutes: 480,
      windows: 2,
      appointments: Array.from({ length: 200 }, (_, i) => ({ time: i * 2.4, procedure: "card_issuance" })),
      walkIns: [],
      walkInMix: {},
      serviceMinutes: { card_issuance: 15 },
      serviceCv: 0.5,
      noShowRate: 0.1,
      arrivalOffsetMinutes: -5,
      arrivalSdMinutes: 5,
      priority: "reserved_first"
    }
    const runs = Array.from({ length: 20 }, (_, r) => Simulation.runDay(model, r))
    const noShows = runs.reduce((a, r) => a + r.noShows, 0) / (20 * 200)
    assert.isAbove(noShows, 0.07)
    assert.isBelow(noShows, 0.13)
    // 180 people × 15 min on 2 windows is 1,350 minutes of work for 480 open minutes.
    assert.isAbove(runs[0]!.overtimeMinutes, 800)
    assert.isAbove(runs[0]!.utilisation, 2.5)
  })
})

describe("Simulation: late bookings", () => {
  it("a booking more than lateAfterMinutes late is served after those waiting", () => {
    // One window, fixed 10-minute services; bookings at 0, 10, 20 … all arrive 20 minutes late.
    const model: Simulation.DayModel = {
      openMinutes: 120,
      windows: 1,
      appointments: Array.from({ length: 6 }, (_, i) => ({ time: i * 10, procedure: "cert_renewal" })),
      walkIns: [{ from: 0, to: 120, rate: 0.2 }],
      walkInMix: { cert_renewal: 1 },
      serviceMinutes: { cert_renewal: 10 },
      serviceCv: 0,
      noShowRate: 0,
      arrivalOffsetMinutes: 20,
      arrivalSdMinutes: 0,
      priority: "reserved_first"
    }
    const onTimeRule = Simulation.simulate(model, { seed: 4, replications: 30 })
    const lateRule = Simulation.simulate({ ...model, lateAfterMinutes: 15 }, { seed: 4, replications: 30 })
    assert.isAbove(lateRule.reserved.mean, onTimeRule.reserved.mean)
    assert.isBelow(lateRule.walkIns.mean, onTimeRule.walkIns.mean)
  })
})
