/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) and the draws the
 * simulation needs: uniform, exponential, standard normal (Box–Muller), lognormal by mean and
 * coefficient of variation. Same seed, same sequence, on every platform.
 */

const splitmix32 = (seed: number): (() => number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** Mix several integers into one 32-bit seed. */
export const mixSeed = (...parts: ReadonlyArray<number>): number => {
  let h = 0x811c9dc5
  for (const p of parts) {
    const next = splitmix32((h ^ (p | 0)) >>> 0)
    h = next()
  }
  return h >>> 0
}

export interface Rng {
  /** Uniform on [0, 1). */
  readonly uniform: () => number
  /** Exponential with the given mean. */
  readonly exponential: (mean: number) => number
  /** Standard normal. */
  readonly normal: () => number
  /** Lognormal with the given mean and coefficient of variation (cv 1 and 0 have their own cases). */
  readonly service: (mean: number, cv: number) => number
  /** exp(mu + sigma·Z): a lognormal from its log-scale parameters. */
  readonly lognormal: (mu: number, sigma: number) => number
}

export const makeRng = (seed: number): Rng => {
  const init = splitmix32(seed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  let spare: number | undefined
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare
      spare = undefined
      return s
    }
    let u = next()
    while (u === 0) u = next()
    const v = next()
    const r = Math.sqrt(-2 * Math.log(u))
    spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
  const exponential = (mean: number): number => {
    let u = next()
    while (u === 0) u = next()
    return -mean * Math.log(u)
  }
  return {
    uniform: next,
    lognormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    exponential,
    normal,
    service: (mean, cv) => {
      if (cv === 0) return mean
      if (cv === 1) return exponential(mean)
      const sigma2 = Math.log(1 + cv * cv)
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal())
    }
  }
}
