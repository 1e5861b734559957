/**
 * The rule engine behind `Eligibility.decide`: rules are data — a code, an outcome, the period in
 * which the rule holds, a condition over the precomputed context, the text a clerk reads aloud, the
 * sources, and (for document rules) the requirement whose absence makes the rule fire. The engine
 * walks a procedure's table in order; a refusal marked `stop` ends the walk (a gate: nothing after
 * it matters). The decision is `refused` if any refusal fired, else `needs_second_visit` if a
 * second-visit rule fired, else `allowed`.
 *
 * Each table is compiled once, at module load (`compile`): every rule becomes an instance of one
 * class (so the walk's property reads stay monomorphic), static texts become frozen reasons shared
 * by every answer, and the dated rules are resolved per period between the dates at which any of
 * them starts or stops holding, so the walk for a visit date checks no dates at all.
 */
import * as Documents from "../../Documents.ts"
import type { Ctx, Fact } from "./context.ts"

/** @category models */
export type Outcome = "refuse" | "second_visit" | "allow" | "note"

/** The public reason kinds, by outcome. */
const KIND = { refuse: "refuses", second_visit: "second_visit", allow: "allows", note: "note" } as const
const RANK: Readonly<Record<Outcome, number>> = { refuse: 0, second_visit: 1, allow: 2, note: 3 }
const KIND_RANK: Readonly<Record<Reason["kind"], number>> = { refuses: 0, second_visit: 1, allows: 2, note: 3 }

/** @category models */
export interface Text {
  readonly ja: string
  readonly en: string
}

/** Text computed from the context, optionally citing a basis of its own (e.g. the city's profile). */
export interface DynamicText extends Text {
  readonly basis?: string | undefined
}

/** @category models */
export interface Step extends Text {
  readonly code: string
}

/** @category models */
export interface Reason extends Text {
  readonly code: string
  readonly kind: (typeof KIND)[Outcome]
  readonly basis: string
}

/**
 * A rule's guard over the context's `Fact` bits, tested before (and often instead of) its
 * predicate: every fact in `all`, at least one in `any`, none in `none`.
 *
 * @category models
 */
export interface Guard {
  readonly all?: ReadonlyArray<Fact> | undefined
  readonly any?: ReadonlyArray<Fact> | undefined
  readonly none?: ReadonlyArray<Fact> | undefined
}

const maskOf = (facts: ReadonlyArray<Fact> | undefined, word: 0 | 1): number => {
  let m = 0
  for (const f of facts ?? []) if (f >> 5 === word) m |= 1 << (f & 31)
  return m
}

/** Next steps: fixed, or computed from the context. @category models */
export type Next = ReadonlyArray<Step> | ((c: Ctx) => ReadonlyArray<Step>)

/**
 * A rule ready to be walked. Every rule is an instance of this one class with its fields always in
 * the same order, so the walk reads them through monomorphic property loads.
 *
 * @category models
 */
export class Rule {
  readonly code: string
  readonly outcome: Outcome
  readonly basis: string
  /** First visit date on which the rule holds. */
  readonly from: string | undefined
  /** First visit date on which it no longer holds. */
  readonly until: string | undefined
  /** The guard's masks (see `Guard`), low and high fact words. */
  readonly allLo: number
  readonly allHi: number
  readonly anyLo: number
  readonly anyHi: number
  readonly noneLo: number
  readonly noneHi: number
  /** The predicate beyond the guard (absent: the guard decides). */
  readonly when: ((c: Ctx) => boolean) | undefined
  /** For document rules: the requirement whose absence makes the rule fire, fixed… */
  readonly fixedRequirement: Documents.Requirement | undefined
  /** …or computed from the context. */
  readonly requirementOf: ((c: Ctx) => Documents.Requirement) | undefined
  /** Prebuilt (and shared by every answer) when the text is static. */
  readonly reason: Reason | undefined
  readonly text: ((c: Ctx) => DynamicText) | undefined
  /** For a computed requirement: its reason (one shared object per requirement). */
  readonly reasonFor: ((r: Documents.Requirement) => Reason) | undefined
  readonly next: Next | undefined
  /** 0 refuse, 1 second visit, 2 allow, 3 note. */
  readonly rank: number
  readonly kind: Reason["kind"]
  readonly steps: ReadonlyArray<Step> | undefined
  readonly stepsOf: ((c: Ctx) => ReadonlyArray<Step>) | undefined
  /** A refusal that ends the walk. */
  readonly stops: boolean

  constructor(f: {
    readonly code: string
    readonly outcome: Outcome
    readonly basis: string
    readonly from: string | undefined
    readonly until: string | undefined
    readonly on: Guard | undefined
    readonly when: ((c: Ctx) => boolean) | undefined
    readonly fixedRequirement?: Documents.Requirement | undefined
    readonly requirementOf?: ((c: Ctx) => Documents.Requirement) | undefined
    readonly reason?: Reason | undefined
    readonly text?: ((c: Ctx) => DynamicText) | undefined
    readonly reasonFor?: ((r: Documents.Requirement) => Reason) | undefined
    readonly next: Next | undefined
    readonly stop: boolean
  }) {
    this.code = f.code
    this.outcome = f.outcome
    this.basis = f.basis
    this.from = f.from
    this.until = f.until
    this.allLo = maskOf(f.on?.all, 0)
    this.allHi = maskOf(f.on?.all, 1)
    this.anyLo = maskOf(f.on?.any, 0)
    this.anyHi = maskOf(f.on?.any, 1)
    this.noneLo = maskOf(f.on?.none, 0)
    this.noneHi = maskOf(f.on?.none, 1)
    this.when = f.when
    this.fixedRequirement = f.fixedRequirement
    this.requirementOf = f.requirementOf
    this.reason = f.reason
    this.text = f.text
    this.reasonFor = f.reasonFor
    this.next = f.next
    this.rank = RANK[f.outcome]
    this.kind = KIND[f.outcome]
    this.steps = typeof f.next === "function" ? undefined : f.next
    this.stepsOf = typeof f.next === "function" ? f.next : undefined
    this.stops = f.stop && f.outcome === "refuse"
  }

  /** Whether this is a document rule. */
  get requires(): boolean {
    return this.fixedRequirement !== undefined || this.requirementOf !== undefined
  }
}

/** @category models */
export interface RuleSpec {
  readonly code: string
  readonly outcome: Outcome
  readonly basis: string
  readonly from?: string | undefined
  readonly until?: string | undefined
  /** Facts that must (`all`, `any`) or must not (`none`) hold: tested without a call. */
  readonly on?: Guard | undefined
  /** What the guard cannot say (absent: the guard alone decides). */
  readonly when?: ((c: Ctx) => boolean) | undefined
  readonly text: Text | ((c: Ctx) => DynamicText)
  readonly next?: Next | undefined
  readonly stop?: boolean | undefined
}

const reasonOf = (code: string, outcome: Outcome, text: Text, basis: string): Reason =>
  Object.freeze({ code, kind: KIND[outcome], ja: text.ja, en: text.en, basis })

/**
 * A rule. A refusal must say what would make the procedure possible (DESIGN: "refused (with what
 * would make it allowed)"): refusing rules without `next` are rejected when the table is built.
 *
 * @category constructors
 */
export const rule = (spec: RuleSpec): Rule => {
  if (spec.outcome === "refuse" && spec.next === undefined)
    throw new Error(`rule ${spec.code}: a refusal needs next steps saying what would make it allowed`)
  const text = spec.text
  return new Rule({
    code: spec.code,
    outcome: spec.outcome,
    basis: spec.basis,
    from: spec.from,
    until: spec.until,
    on: spec.on,
    when: spec.when,
    reason: typeof text === "function" ? undefined : reasonOf(spec.code, spec.outcome, text, spec.basis),
    text: typeof text === "function" ? text : undefined,
    next: spec.next,
    stop: spec.stop === true
  })
}

/** @category constructors */
export const step = (code: string, ja: string, en: string): Step => Object.freeze({ code, ja, en })

const missingText = (r: Documents.Requirement): Text => ({ ja: `不足している書類: ${r.ja}`, en: `missing: ${r.en}` })

/** A document rule: fires when `requirement` is not met (and `when` holds). @category constructors */
export const requires = (spec: {
  readonly code: string
  readonly basis: string
  readonly on?: Guard | undefined
  readonly when?: ((c: Ctx) => boolean) | undefined
  readonly requirement: Documents.Requirement | ((c: Ctx) => Documents.Requirement)
  readonly outcome?: "refuse" | "second_visit" | undefined
  readonly next?: Next | undefined
  readonly from?: string | undefined
  readonly until?: string | undefined
}): Rule => {
  const outcome = spec.outcome ?? "refuse"
  const requirement = spec.requirement
  if (typeof requirement === "function") {
    // The same requirement object gets the same reason object, whichever decision asks.
    const reasons = new WeakMap<Documents.Requirement, Reason>()
    return new Rule({
      code: spec.code,
      outcome,
      basis: spec.basis,
      from: spec.from,
      until: spec.until,
      on: spec.on,
      when: spec.when,
      requirementOf: requirement,
      reasonFor: (r) => {
        let reason = reasons.get(r)
        if (reason === undefined) {
          reason = reasonOf(spec.code, outcome, missingText(r), spec.basis)
          reasons.set(r, reason)
        }
        return reason
      },
      next: spec.next,
      stop: false
    })
  }
  return new Rule({
    code: spec.code,
    outcome,
    basis: spec.basis,
    from: spec.from,
    until: spec.until,
    on: spec.on,
    when: spec.when,
    fixedRequirement: requirement,
    reason: reasonOf(spec.code, outcome, missingText(requirement), spec.basis),
    next: spec.next,
    stop: false
  })
}

/** @category models */
export interface Evaluation {
  readonly decision: "allowed" | "refused" | "needs_second_visit"
  readonly reasons: ReadonlyArray<Reason>
  readonly missingDocuments: ReadonlyArray<Documents.Missing>
  readonly nextSteps: ReadonlyArray<Step>
}

const NO_REASONS: ReadonlyArray<Reason> = Object.freeze([])
const NO_MISSING: ReadonlyArray<Documents.Missing> = Object.freeze([])
const NO_STEPS: ReadonlyArray<Step> = Object.freeze([])

/**
 * A procedure's rules compiled for the walk: the rules that hold in each period between the dates
 * at which some rule starts or stops holding.
 *
 * @category models
 */
export interface Table {
  readonly rules: ReadonlyArray<Rule>
  /** Dates at which some rule starts or stops holding, ascending. */
  readonly boundaries: ReadonlyArray<string>
  /** The rules that hold before `boundaries[0]`, then from each boundary to the next. */
  readonly periods: ReadonlyArray<ReadonlyArray<Rule>>
}

/** @category constructors */
export const compile = (rules: ReadonlyArray<Rule>): Table => {
  const boundaries = [
    ...new Set(rules.flatMap((r) => [r.from, r.until]).filter((d): d is string => d !== undefined))
  ].sort()
  const periods = ["", ...boundaries].map((first) =>
    rules.filter((r) => (r.from === undefined || first >= r.from) && (r.until === undefined || first < r.until))
  )
  return { rules, boundaries, periods }
}

/** The rules of `table` that hold on `date`. @category constructors */
export const rulesOn = (table: Table, date: string): ReadonlyArray<Rule> => {
  const b = table.boundaries
  let period = 0
  while (period < b.length && date >= b[period]!) period++
  return table.periods[period]!
}

/** Walk the rules of `table` that hold on the visit date over `c`. @category constructors */
export const evaluate = (table: Table, c: Ctx): Evaluation => {
  const rules = rulesOn(table, c.visit)
  // Reasons in firing order, grouped by outcome at the end; arrays are made only when needed.
  let reasons: Array<Reason> | undefined
  let missing: Array<Documents.Missing> | undefined
  let next: Array<Step> | undefined
  let refusals = 0
  let secondVisits = 0
  let mixed = false
  let lastRank = -1
  const lo = c.factsLo
  const hi = c.factsHi
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!
    if ((lo & r.allLo) !== r.allLo || (hi & r.allHi) !== r.allHi || (lo & r.noneLo) !== 0 || (hi & r.noneHi) !== 0)
      continue
    if ((r.anyLo | r.anyHi) !== 0 && (lo & r.anyLo) === 0 && (hi & r.anyHi) === 0) continue
    const when = r.when
    if (when !== undefined && !when(c)) continue
    const fixed = r.fixedRequirement
    const req = fixed !== undefined ? fixed : r.requirementOf !== undefined ? r.requirementOf(c) : undefined
    if (req !== undefined) {
      if (Documents.satisfied(req, c.docs)) continue
      ;(missing ??= []).push(Documents.missing(req, c.docs, c.era))
    }
    let reason = r.reason
    if (reason === undefined) {
      if (req !== undefined) reason = r.reasonFor!(req)
      else {
        const t = r.text!(c)
        reason = { code: r.code, kind: r.kind, ja: t.ja, en: t.en, basis: t.basis ?? r.basis }
      }
    }
    const rank = r.rank
    if (rank < lastRank) mixed = true
    lastRank = rank
    if (rank === 0) refusals++
    else if (rank === 1) secondVisits++
    ;(reasons ??= []).push(reason)
    const steps = r.steps !== undefined ? r.steps : r.stepsOf !== undefined ? r.stepsOf(c) : undefined
    if (steps !== undefined) for (let s = 0; s < steps.length; s++) (next ??= []).push(steps[s]!)
    if (r.stops) break
  }
  const decision = refusals > 0 ? "refused" : secondVisits > 0 ? "needs_second_visit" : "allowed"
  // Refusals first, then second-visit reasons, then what allows, then notes (stable within each).
  if (mixed && reasons !== undefined) reasons.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind])
  return {
    decision,
    reasons: reasons ?? NO_REASONS,
    missingDocuments: missing ?? NO_MISSING,
    nextSteps: next ?? NO_STEPS
  }
}
