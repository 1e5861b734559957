/**
 * The record form of the 台帳 screen as the API's event body (`POST …/custody/events`), and the post
 * itself with its `Idempotency-Key` (made when the form was drawn, so sending the same form twice
 * records it once). This only translates what was typed — lines of management numbers, persons,
 * date and time — into the body; every rule (states, places, counts, approvals) is the API's, and its
 * refusal comes back whole.
 */
import type { ApiError } from "../apiError.ts"
import { type Answer, cityPath, postJson } from "../server/call.ts"
import { BUNDLE_ROWS, physicalKinds, type EventSpec, type PersonSpec } from "./labels.ts"
import type { ItemKind, LedgerEntry } from "./types.ts"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A form field as text (`""` when absent), full-width letters and digits made plain. */
export const field = (form: FormData, name: string): string =>
  String(form.get(name) ?? "")
    .normalize("NFKC")
    .trim()

const invalid = (ja: string, en: string): ApiError => ({ code: "INVALID_INPUT", ja, en })

/** A count typed in a form: a number when it is one, else the text as typed (the API names the field). */
const countOf = (raw: string): number | string => (/^\d+$/.test(raw) ? Number(raw) : raw)

type Built<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: ApiError }

/**
 * Lines of management numbers (or item ids), one item a line, with an optional count after a space:
 * `C-000123`, `APP-0401 5`, `3f2b…-… 2`.
 */
export const parseLines = (
  text: string,
  kind: ItemKind,
  what: { readonly ja: string; readonly en: string }
): Built<Array<Record<string, unknown>>> => {
  const out: Array<Record<string, unknown>> = []
  const lines = text.normalize("NFKC").split(/\r?\n/)
  for (const [i, line] of lines.entries()) {
    const tokens = line
      .trim()
      .split(/\s+/)
      .filter((s) => s !== "")
    if (tokens.length === 0) continue
    if (tokens.length > 2 || (tokens[1] !== undefined && !/^[1-9]\d*$/.test(tokens[1]))) {
      return {
        ok: false,
        error: invalid(
          `${what.ja}の${i + 1}行目: 1行に管理番号を1つ、件数は空白の後に1以上の整数で書いてください`,
          `${what.en}, line ${i + 1}: one management number a line, then optionally a space and a count of at least 1`
        )
      }
    }
    const [ref, count] = tokens as [string, string | undefined]
    out.push({
      ...(UUID.test(ref) ? { id: ref.toLowerCase() } : { kind, reference: ref }),
      ...(count !== undefined ? { count: Number(count) } : {})
    })
  }
  return { ok: true, value: out }
}

const itemKindOf = (form: FormData, name: string): ItemKind => {
  const raw = field(form, name)
  return (physicalKinds.find((k) => k.code === raw)?.code ?? "card") as ItemKind
}

const personOf = (form: FormData, spec: PersonSpec): Built<Record<string, unknown> | undefined> => {
  const organization = field(form, `${spec.role}.organization`) || spec.defaultOrganization
  if (organization === "resident") return { ok: true, value: { organization } }
  const name = String(form.get(`${spec.role}.name`) ?? "").trim()
  const title = String(form.get(`${spec.role}.title`) ?? "").trim()
  if (spec.optional && name === "") return { ok: true, value: undefined }
  return { ok: true, value: { name, organization, ...(title !== "" ? { title } : {}) } }
}

/** `YYYY-MM-DDTHH:MM:00+09:00` from the date and time fields; nothing when both are empty (now). */
const occurredAtOf = (form: FormData): Built<string | undefined> => {
  const date = field(form, "occurredDate")
  const time = field(form, "occurredTime")
  if (date === "" && time === "") return { ok: true, value: undefined }
  if (date === "" || time === "") {
    return {
      ok: false,
      error: invalid(
        "日時は日付と時刻の両方を入力してください(両方空欄なら今の日時で記録します)",
        "give both the date and the time (leave both empty to record it as now)"
      )
    }
  }
  return { ok: true, value: `${date}T${/^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time}+09:00` }
}

/** The items that enter the ledger: numbered ones from the lines, bundles from the rows, all in the batch given. */
const newItemsOf = (form: FormData): Built<Array<Record<string, unknown>>> => {
  const batchRef = field(form, "batch.reference")
  const batchMode = field(form, "batch.mode") === "existing" ? "existing" : "new"
  const out: Array<Record<string, unknown>> = []
  if (batchRef !== "" && batchMode === "new") {
    const declared = field(form, "batch.declaredCount")
    out.push({ kind: "batch", reference: batchRef, ...(declared !== "" ? { declaredCount: countOf(declared) } : {}) })
  }
  const inBatch = batchRef !== "" ? { batch: { reference: batchRef } } : {}
  const numbered = parseLines(String(form.get("new.lines") ?? ""), itemKindOf(form, "new.kind"), {
    ja: "管理番号",
    en: "Management numbers"
  })
  if (!numbered.ok) return numbered
  for (const n of numbered.value) {
    if ("id" in n) {
      return {
        ok: false,
        error: invalid(
          "新しく登録する品目は管理番号で書いてください(品目IDは台帳が付けます)",
          "new items are named by their management number (the ledger gives the ids)"
        )
      }
    }
    out.push({
      kind: n.kind,
      reference: n.reference,
      ...(n.count !== undefined ? { quantity: n.count } : {}),
      ...inBatch
    })
  }
  for (let i = 0; i < BUNDLE_ROWS; i++) {
    const quantity = field(form, `bundle.${i}.quantity`)
    const reference = field(form, `bundle.${i}.reference`)
    const description = String(form.get(`bundle.${i}.description`) ?? "").trim()
    if (quantity === "" && reference === "" && description === "") continue
    out.push({
      kind: itemKindOf(form, `bundle.${i}.kind`),
      ...(quantity !== "" ? { quantity: countOf(quantity) } : {}),
      ...(reference !== "" ? { reference } : {}),
      ...(description !== "" ? { description } : {}),
      ...inBatch
    })
  }
  return { ok: true, value: out }
}

/**
 * The API body of a submitted record form, or what is wrong with the form itself (a line the screen
 * cannot read, a date without a time). Everything else is left for the API to judge.
 */
export const eventOf = (spec: EventSpec, form: FormData): Built<Record<string, unknown>> => {
  const body: Record<string, unknown> = { kind: spec.kind }
  const when = occurredAtOf(form)
  if (!when.ok) return when
  if (when.value !== undefined) body.occurredAt = when.value
  for (const p of spec.persons) {
    const person = personOf(form, p)
    if (!person.ok) return person
    if (person.value !== undefined) body[p.role] = person.value
  }
  if (spec.place) {
    const place = field(form, "place")
    if (place !== "" || spec.place === "required") body.place = place
  }
  if (spec.fromPlace) {
    const from = field(form, "fromPlace")
    if (from !== "") body.fromPlace = from
  }
  if (spec.newItems) {
    const fresh = newItemsOf(form)
    if (!fresh.ok) return fresh
    if (fresh.value.length > 0 || spec.newItems === "required") body.newItems = fresh.value
  }
  if (spec.items) {
    const items = parseLines(String(form.get("items.lines") ?? ""), itemKindOf(form, "items.kind"), {
      ja: "品目",
      en: "Items"
    })
    if (!items.ok) return items
    if (items.value.length > 0 || spec.items === "required") body.items = items.value
  }
  if (spec.counts) {
    body.counts = physicalKinds.flatMap((k) => {
      const raw = field(form, `count.${k.code}`)
      return raw === "" ? [] : [{ kind: k.code, count: countOf(raw) }]
    })
  }
  if (spec.counter && form.get("counter.record") === "on") {
    body.counter = { site: field(form, "counter.site"), channel: field(form, "counter.channel") }
  }
  if (spec.method) body.method = field(form, "method")
  if (spec.plannedOn) body.plannedOn = field(form, "plannedOn")
  if (spec.reason) body.reason = String(form.get("reason") ?? "").trim()
  if (spec.witnessRequired) body.witnessRequired = form.get("witnessRequired") === "on"
  const note = String(form.get("note") ?? "").trim()
  if (note !== "" || spec.note === "required") body.note = note
  return { ok: true, value: body }
}

/** `POST …/custody/events` with the form's idempotency key: 201 recorded, 200 already recorded by that key. */
export const postEvent = (
  fetch: typeof globalThis.fetch,
  city: string,
  body: Record<string, unknown>,
  idempotencyKey: string
): Promise<Answer<LedgerEntry>> => {
  const withKey: typeof globalThis.fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string> | undefined), "idempotency-key": idempotencyKey }
    })
  return postJson<LedgerEntry>(withKey, cityPath(city, "custody/events"), body)
}

/** The submitted fields, to fill the form again after a refusal. */
export const valuesOf = (form: FormData): Record<string, string> => {
  const values: Record<string, string> = {}
  for (const name of new Set(form.keys())) {
    if (name === "idempotencyKey") continue
    values[name] = String(form.get(name) ?? "")
  }
  return values
}
