/**
 * Test fixtures: the four cities' real profiles, persons, and an in-memory ledger that runs events
 * through `Transition.decide` / `apply` and chains them like the service does.
 */
import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Profile } from "@madoguchi/domain"
import type { CustodySection } from "@madoguchi/domain/profile/Custody"
import { Effect } from "effect"
import * as Chain from "../src/Chain.ts"
import type { Actor, EventInput, LedgerEntry } from "../src/Event.ts"
import { canonicalJson } from "../src/internal/canonical.ts"
import type { ItemState } from "../src/Item.ts"
import { decide, type Problem, referenceKey, apply } from "../src/Transition.ts"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

export const loadProfile = (slug: "ota" | "kawanishi" | "kanazawa" | "koganei"): Profile.CityProfile =>
  Effect.runSync(Profile.parseYaml(readFileSync(join(root, "profiles", `${slug}.yaml`), "utf8")))

export const profiles = {
  ota: loadProfile("ota"),
  kawanishi: loadProfile("kawanishi"),
  kanazawa: loadProfile("kanazawa"),
  koganei: loadProfile("koganei")
}

export const cityStaff = { name: "山田 花子", organization: "city", title: "市民課 主事" } as const
export const cityStaff2 = { name: "高橋 誠", organization: "city", title: "市民課 係長" } as const
export const clerk = { name: "佐藤 一郎", organization: "contractor", title: "従事者" } as const
export const clerk2 = { name: "鈴木 次郎", organization: "contractor", title: "従事者" } as const
export const manager = { name: "田中 三恵", organization: "contractor", title: "業務管理者" } as const

export const operator: Actor = { id: "op-sato", role: "contractor_operator" }
export const managerActor: Actor = { id: "mgr-tanaka", role: "contractor_manager" }
export const cityActor: Actor = { id: "city-yamada", role: "city_staff" }

/** A ledger in memory: decide, apply, chain. */
export const memoryLedger = (profile: Profile.CityProfile, start = "2026-04-01T00:00:00.000Z") => {
  const section = profile.custody as CustodySection
  const states = new Map<string, ItemState>()
  const entries: Array<LedgerEntry> = []
  const rows: Array<Chain.ChainRow> = []
  let clock = Date.parse(start)
  const sites = new Set<string>(profile.sites.map((s) => s.id))

  const byReference = () =>
    new Map([...states.values()].flatMap((i) => (i.reference ? [[referenceKey(i.kind, i.reference), i] as const] : [])))

  const stockAt = (place: string) => {
    const stock = new Map<string, number>()
    for (const i of states.values()) {
      for (const h of i.holdings) {
        if (h.place === place && ["held", "returned", "disposal_requested", "disposal_approved"].includes(h.status)) {
          stock.set(i.kind, (stock.get(i.kind) ?? 0) + h.count)
        }
      }
    }
    return stock
  }

  /** Try an event; returns the problems or undefined when it was recorded. */
  const tryRecord = (input: EventInput, actor: Actor = operator): ReadonlyArray<Problem> | undefined => {
    clock += 60_000
    const now = new Date(clock).toISOString()
    const seq = entries.length + 1
    const decision = decide(input, {
      cityCode: profile.cityCode,
      section,
      sites,
      actor,
      now,
      items: states,
      byReference: byReference(),
      stockAtPlace: input.kind === "counted" ? stockAt(input.place) : undefined,
      newId: randomUUID,
      seq
    })
    if (decision._tag === "Refused") return decision.problems
    const prevHash = rows.length === 0 ? Chain.genesis(profile.cityCode) : rows[rows.length - 1]!.hash
    const row = {
      cityCode: profile.cityCode,
      seq,
      id: randomUUID(),
      kind: input.kind,
      occurredAt: decision.occurredAt,
      occurredOn: decision.occurredOn,
      recordedAt: now,
      recordedBy: actor.id,
      body: canonicalJson(decision.body),
      prevHash
    }
    const chained = { ...row, hash: Chain.hashOf(row) }
    rows.push(chained)
    entries.push({ ...chained, kind: input.kind, body: decision.body })
    apply(states, { seq, occurredAt: decision.occurredAt, body: decision.body })
    return undefined
  }

  const record = (input: EventInput, actor: Actor = operator) => {
    const problems = tryRecord(input, actor)
    if (problems) throw new Error(`refused: ${problems.map((p) => `${p.code} ${p.en}`).join("; ")}`)
    return entries[entries.length - 1]!
  }

  const byRef = (kind: string, reference: string) => byReference().get(referenceKey(kind, reference))!

  return {
    section,
    states,
    entries,
    rows,
    record,
    tryRecord,
    byRef,
    /** Move the clock to an instant (ISO). */
    setClock: (iso: string) => {
      clock = Date.parse(iso)
    }
  }
}

/** The codes of the problems, sorted. */
export const codes = (problems: ReadonlyArray<Problem> | undefined): ReadonlyArray<string> =>
  problems ? [...new Set(problems.map((p) => p.code))].sort() : []
