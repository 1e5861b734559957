import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import * as Queueing from "../src/Queueing.ts"

const close = (actual: number, expected: number, tolerance = 1e-6, what = "") =>
  assert.isAtMost(Math.abs(actual - expected), tolerance, `${what}: ${actual} vs ${expected}`)

describe("Erlang B and C", () => {
  it("Erlang B by its definition (a^c/c!) / Σ a^k/k!", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.01, max: 80, noNaN: true }), (c, a) => {
        let term = 1
        let sum = 1
        for (let k = 1; k <= c; k++) {
          term *= a / k
          sum += term
        }
        close(Queueing.erlangB(c, a), term / sum, 1e-9 * Math.max(1, term / sum), `B(${c}, ${a})`)
      })
    )
    assert.strictEqual(Queueing.erlangB(2, 1), 0.2)
    assert.strictEqual(Queueing.erlangB(0, 3), 1)
  })

  // Hillier & Lieberman, Introduction to Operations Research, County Hospital emergency room (M/M/s,
  // λ = 2 patients/hour, μ = 3/hour), steady-state results published as fractions:
  // s = 1: P0 = 1/3, Lq = 4/3, Wq = 2/3 h, P(Wq > 0) = 2/3;
  // s = 2: P0 = 1/2, Lq = 1/12, Wq = 1/24 h, W = 3/8 h, P(Wq > 0) = 1/6, P(Wq > 1/2 h) = e⁻²/6 ≈ 0.0226.
  it("County Hospital (Hillier & Lieberman): one and two doctors, to 1e-6", () => {
    const one = Queueing.mmc(1, 2, 1 / 3)
    close(one.pWait, 2 / 3, 1e-12, "P(Wq>0), s=1")
    close(one.meanWait, 2 / 3, 1e-12, "Wq, s=1")
    close(one.meanWait * 2, 4 / 3, 1e-12, "Lq = λWq, s=1")
    const two = Queueing.mmc(2, 2, 1 / 3)
    close(two.pWait, 1 / 6, 1e-12, "P(Wq>0), s=2")
    close(two.meanWait, 1 / 24, 1e-12, "Wq, s=2")
    close(two.meanWait + 1 / 3, 3 / 8, 1e-12, "W, s=2")
    close(two.meanWait * 2, 1 / 12, 1e-12, "Lq, s=2")
    close(Queueing.waitExceeds(two, 0.5), Math.exp(-2) / 6, 1e-12, "P(Wq > 1/2), s=2")
    close(Queueing.waitExceeds(two, 0.5), 0.0226, 1e-4, "as printed")
  })

  // Render, Stair & Hanna, Quantitative Analysis for Management, example 14-3 (information desk, two
  // employees, λ = 20/hour, μ = 30/hour): P0 = 1/2, L = 3/4, Lq = 1/12, W = 3/80 h, Wq = 1/240 h.
  it("two-server information desk (Render, Stair & Hanna), to 1e-6", () => {
    const q = Queueing.mmc(2, 20, 1 / 30)
    close(q.meanWait * 20, 1 / 12, 1e-12, "Lq")
    close(q.meanWait, 1 / 240, 1e-12, "Wq")
    close((q.meanWait + 1 / 30) * 20, 3 / 4, 1e-12, "L")
  })

  // M/M/3 with a = 2 (e.g. Gross & Harris, Fundamentals of Queueing Theory): P0 = 1/9,
  // C(3, 2) = 4/9, Lq = 8/9, Wq = 4/9 service times.
  it("M/M/3 at 2 Erlangs: C = 4/9, Lq = 8/9", () => {
    const q = Queueing.mmc(3, 2, 1)
    close(q.pWait, 4 / 9, 1e-12)
    close(q.meanWait * 2, 8 / 9, 1e-12)
  })

  it("Erlang C is 1 at or above the number of servers; the queue is unstable", () => {
    assert.strictEqual(Queueing.erlangC(4, 4), 1)
    const q = Queueing.mmc(4, 1, 5)
    assert.isFalse(q.stable)
    assert.strictEqual(q.meanWait, Infinity)
    assert.strictEqual(Queueing.waitQuantile(q, 0.9), Infinity)
  })

  it("Erlang C equals c·B / (c − a(1 − B)) and decreases with servers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.05, max: 0.98, noNaN: true }), (c, rho) => {
        const a = rho * c
        const b = Queueing.erlangB(c, a)
        close(Queueing.erlangC(c, a), (c * b) / (c - a * (1 - b)), 1e-12)
        assert.isAtMost(Queueing.erlangC(c + 1, a), Queueing.erlangC(c, a) + 1e-15)
      })
    )
  })
})

describe("continuous Erlang B (Jagerman)", () => {
  it("equals Erlang B at whole numbers of servers", () => {
    for (const a of [0.01, 0.43, 1, 4.12, 10, 48])
      for (const c of [0, 1, 2, 5, 10, 55]) close(Queueing.erlangBContinuous(c, a), Queueing.erlangB(c, a), 1e-12)
  })

  it("at half a server and one Erlang: B = 1/(e·Γ(3/2, 1)), Γ(3/2, 1) = (√π/2)·erfc(1) + e⁻¹", () => {
    const erfc1 = 0.15729920705028513
    const upper = (Math.sqrt(Math.PI) / 2) * erfc1 + Math.exp(-1)
    close(Queueing.erlangBContinuous(0.5, 1), 1 / (Math.E * upper), 1e-12)
  })

  it("decreases smoothly between whole numbers", () => {
    let previous = 1
    for (let x = 0; x <= 6; x += 0.125) {
      const b = Queueing.erlangBContinuous(x, 3.3)
      assert.isBelow(b, previous + 1e-15)
      previous = b
    }
    // Erlang C at a fractional count lies between its whole neighbours.
    const c = Queueing.erlangC(4.5, 3)
    assert.isBelow(c, Queueing.erlangC(4, 3))
    assert.isAbove(c, Queueing.erlangC(5, 3))
  })
})

describe("waits and phone lines", () => {
  it("the p-quantile of the wait is where P(W > t) = 1 − p", () => {
    const q = Queueing.mmc(4, 0.25, 12)
    const p90 = Queueing.waitQuantile(q, 0.9)
    close(Queueing.waitExceeds(q, p90), 0.1, 1e-12)
    close(Queueing.serviceLevel(q, p90), 0.9, 1e-12)
    // Fewer than one in ten wait at all: the p90 is zero.
    assert.strictEqual(Queueing.waitQuantile(Queueing.mmc(10, 0.1, 10), 0.9), 0)
  })

  it("pooling identical queues gives the same quantile; pooling a busier one raises it", () => {
    const q = Queueing.mmc(4, 0.25, 12)
    close(
      Queueing.pooledWaitQuantile(
        [
          { queue: q, weight: 1 },
          { queue: q, weight: 3 }
        ],
        0.9
      ),
      Queueing.waitQuantile(q, 0.9),
      1e-9
    )
    const busier = Queueing.mmc(4, 0.3, 12)
    assert.isAbove(
      Queueing.pooledWaitQuantile(
        [
          { queue: q, weight: 1 },
          { queue: busier, weight: 1 }
        ],
        0.9
      ),
      Queueing.waitQuantile(q, 0.9)
    )
  })

  it("the fewest servers for a wait target", () => {
    const c = Queueing.serversForWait(0.4, 12, 10, 0.9)
    assert.isAtMost(Queueing.waitQuantile(Queueing.mmc(c, 0.4, 12), 0.9), 10)
    assert.isAbove(Queueing.waitQuantile(Queueing.mmc(c - 1, 0.4, 12), 0.9), 10)
  })

  it("phone lines: the fewest meeting 80 % within 20 s (Erlang C) and ≤ 5 % blocked (Erlang B)", () => {
    const targets = { answeredWithinSeconds: 20, serviceLevel: 0.8, maxBlocking: 0.05 }
    // Kanazawa's busiest 2024 month (938 calls in July, 23 business days, 8.75 h, peak factor 1.5):
    const perHour = (938 / 23 / 8.75) * 1.5
    const best = Queueing.linesFor(perHour, 4, targets)
    assert.isTrue(best.meets)
    assert.isFalse(Queueing.assessLines(best.lines - 1, perHour, 4, targets).meets)
    close(best.blocking, Queueing.erlangB(best.lines, (perHour / 60) * 4), 1e-12)
    assert.strictEqual(Queueing.linesFor(0, 4, targets).lines, 0)
  })
})
