/**
 * The personal part of a ledger entry, kept apart from the hashed body so it can be erased at the end
 * of a contract without breaking the chain. Personal are: the names and titles of the persons
 * (`from`, `to`, `by`, `approver`, `witness`), the `note` and `reason`, new items' `description` and
 * the `holder` of every move. The stored body keeps each of them as `*` and adds
 * `personal`: the SHA-256 of the personal part — canonical JSON `{ nonce, values: { path: text } }`
 * with a random nonce, so the digest of an erased part gives nothing away (a list of names cannot be
 * tried against it). Reading merges the part back; once erased, each field reads `ERASED`.
 *
 * Entries written before this split keep their personal text in the body (and cannot be erased
 * without breaking the chain); they have no `personal` digest and read as they are.
 */
import { hash, randomBytes } from "node:crypto"
import { PersonalData } from "@madoguchi/domain"
import { Schema } from "effect"
import type { Body } from "../Event.ts"
import { canonicalJson } from "./canonical.ts"

const MARK = "*"
const PERSONS = ["from", "to", "by", "approver", "witness"] as const
const KEY = '"personal":"'

type Person = NonNullable<Body["by"]>

/** The digest a stored body names, if it has a personal part. @internal */
export const digestOf = (storedBody: string): string | undefined => {
  const at = storedBody.indexOf(KEY)
  if (at === -1) return undefined
  const digest = storedBody.slice(at + KEY.length, at + KEY.length + 64)
  return /^[0-9a-f]{64}$/.test(digest) ? digest : undefined
}

/** SHA-256 of a personal part, as the body names it. @internal */
export const digest = (personal: string): string => hash("sha256", personal, "hex")

/** Walk the personal fields of a body, replacing each present one with `f(path, value)`. */
const mapPersonal = (body: Body, f: (path: string, value: string) => string): Body => {
  const person = (key: string, p: Person): Person => ({
    ...p,
    ...(p.name !== undefined ? { name: f(`${key}.name`, p.name) } : {}),
    ...(p.title !== undefined ? { title: f(`${key}.title`, p.title) } : {})
  })
  const persons: Partial<Record<(typeof PERSONS)[number], Person>> = {}
  for (const key of PERSONS) {
    const p = body[key]
    if (p !== undefined) persons[key] = person(key, p)
  }
  return {
    ...body,
    ...persons,
    ...(body.note !== undefined ? { note: f("note", body.note) } : {}),
    ...(body.reason !== undefined ? { reason: f("reason", body.reason) } : {}),
    ...(body.newItems
      ? {
          newItems: body.newItems.map((n, i) =>
            n.description !== undefined ? { ...n, description: f(`newItems.${i}.description`, n.description) } : n
          )
        }
      : {}),
    ...(body.items
      ? {
          items: body.items.map((it, i) => ({
            ...it,
            moves: it.moves.map((m, j) =>
              m.holder !== null ? { ...m, holder: f(`items.${i}.moves.${j}.holder`, m.holder) } : m
            )
          }))
        }
      : {})
  }
}

/**
 * Split a body into what the chain hashes (personal fields as `*`, plus the digest) and the personal
 * part. A body without personal fields stays whole.
 *
 * @internal
 */
export const split = (
  body: Body,
  nonce: string = randomBytes(16).toString("hex")
): { readonly stored: string; readonly personal?: string | undefined } => {
  const values: Record<string, string> = {}
  const stored = mapPersonal(body, (path, value) => {
    values[path] = value
    return MARK
  })
  if (Object.keys(values).length === 0) return { stored: canonicalJson(body) }
  const personal = canonicalJson({ nonce, values })
  return { stored: canonicalJson({ ...stored, personal: digest(personal) }), personal }
}

const Part = Schema.fromJsonString(
  Schema.Struct({ nonce: Schema.String, values: Schema.Record(Schema.String, Schema.String) })
)
const decodePart = Schema.decodeUnknownResult(Part)

/**
 * The body as recorded: the personal part merged back into a stored body that has one (`personal`
 * null: erased, every personal field reads `ERASED`). Undefined when the part does not decode.
 *
 * @internal
 */
export const merge = (stored: Body, personal: string | null): Body | undefined => {
  let values: Readonly<Record<string, string>> = {}
  if (personal !== null) {
    const part = decodePart(personal)
    if (part._tag === "Failure") return undefined
    values = part.success.values
  }
  return mapPersonal(stored, (path, value) => (value === MARK ? (values[path] ?? PersonalData.ERASED) : value))
}
