/**
 * Erasing personal data at the end of a contract (Kawanishi: no personal data left on the
 * contractor's PCs; Kanazawa: everything returned or erased, with a written report). Every lib that
 * stores personal fields provides a `Purger` for its tables; `@madoguchi/db` runs them all in one
 * transaction (a dry run rolls back), and the CLI prints what each table erased.
 *
 * A purge erases or anonymises the personal fields of records older than a date and keeps the
 * records themselves, so counts and reports still add up: free text becomes `ERASED`, names and
 * contacts become null or `ERASED`, and hash-chained or append-only records stay verifiable.
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { Label } from "./Values.ts"

/** What erased free text reads as (it still decodes as free text, so reports render it). @category constants */
export const ERASED = "(消去済み / erased)"

/** A city's records older than `before` (a `YYYY-MM-DD`: the records of that day stay). @category models */
export interface PurgeScope {
  readonly cityCode: string
  readonly before: string
}

/** What one table erased. @category models */
export interface PurgedTable {
  /** The lib that owns the table. */
  readonly owner: string
  readonly table: string
  readonly label: Label
  /** Columns (or JSON fields) erased. */
  readonly fields: ReadonlyArray<string>
  /** Records whose personal fields were erased now. */
  readonly rows: number
  /** Older records whose personal fields had to stay, and why (e.g. a card still in custody). */
  readonly kept?: { readonly rows: number; readonly reason: Label } | undefined
}

/** A lib's purge of its own tables failed; the whole purge is rolled back. @category errors */
export class PersonalDataPurgeFailed extends Schema.TaggedError<PersonalDataPurgeFailed>(
  "@madoguchi/domain/PersonalDataPurgeFailed"
)("PersonalDataPurgeFailed", { owner: Schema.String, cause: Schema.Defect() }) {
  get ja(): string {
    return `個人情報の消去に失敗しました(${this.owner})。何も変更していません`
  }
  get en(): string {
    return `erasing personal data failed (${this.owner}); nothing was changed`
  }
  override get message(): string {
    return `${this.en}: ${describeCause(this.cause)}`
  }
}

const describeCause = (cause: unknown): string => {
  if (cause instanceof Error) return cause.message
  if (typeof cause === "string") return cause
  if (typeof cause === "object" && cause !== null) {
    const { message, _tag } = cause as { readonly message?: unknown; readonly _tag?: unknown }
    if (typeof message === "string") return message
    if (typeof _tag === "string") return _tag
  }
  return "unknown cause"
}

/**
 * One lib's purge: erase the personal fields of the scope's records in its tables and say what it did.
 * It runs inside the caller's transaction (the purge switch is on there) and must not commit alone.
 *
 * @category models
 */
export interface Purger {
  readonly owner: string
  readonly purge: (scope: PurgeScope) => Effect.Effect<ReadonlyArray<PurgedTable>, PersonalDataPurgeFailed>
}

/** Every lib's purger, as the app wires them. @category services */
export class PersonalData extends Context.Service<PersonalData, { readonly purgers: ReadonlyArray<Purger> }>()(
  "@madoguchi/domain/PersonalData"
) {}

/**
 * The purgers of the given libs (each built from its own services).
 *
 * @category layers
 */
export const layer = <R>(
  purgers: ReadonlyArray<Effect.Effect<Purger, never, R>>
): Layer.Layer<PersonalData, never, R> =>
  Layer.effect(
    PersonalData,
    Effect.map(Effect.all(purgers), (all) => PersonalData.of({ purgers: all }))
  )
