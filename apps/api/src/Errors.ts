/**
 * The one place where failures become HTTP responses: `{ "error": { "code", "ja", "en", "path"? } }`
 * with a 4xx status for anything the caller can fix. The code is the error's tag in SCREAMING_SNAKE
 * (`SlotFull` → `SLOT_FULL`) unless the table says otherwise; the texts come from the error's `ja`
 * and `en`. Unexpected failures are 500 with no detail (the cause is logged, never sent).
 */
import { Cause, Predicate } from "effect"

/** @category models */
export interface ErrorBody {
  readonly error: {
    readonly code: string
    readonly ja: string
    readonly en: string
    readonly path?: string
    readonly problems?: ReadonlyArray<{ readonly path: string; readonly ja: string; readonly en: string }>
    readonly [extra: string]: unknown
  }
}

/** @category models */
export interface Problem {
  readonly status: number
  readonly body: ErrorBody
}

/**
 * Status (and code, where the tag would not read well) per error tag. Feature errors that a caller can
 * fix and that are not plain 400s belong here.
 */
const table: Record<string, { readonly status: number; readonly code?: string }> = {
  DecodeError: { status: 400, code: "INVALID_INPUT" },
  MyNumberDetected: { status: 400, code: "MY_NUMBER_DETECTED" },
  CityNotFound: { status: 404 },
  NotFound: { status: 404 },
  Unauthenticated: { status: 401 },
  Forbidden: { status: 403 },
  LoginFailed: { status: 401 },
  LoginTaken: { status: 409 },
  IdempotencyConflict: { status: 409 },
  ProfileInvalid: { status: 500 }
}

/** Register statuses for a lib's errors (called once, at module load, by a route file). */
export const registerStatuses = (entries: Record<string, { readonly status: number; readonly code?: string }>) => {
  Object.assign(table, entries)
}

const screamingSnake = (tag: string) =>
  tag
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toUpperCase()

const text = (error: object, key: "ja" | "en"): string | undefined => {
  const value = (error as Record<string, unknown>)[key]
  return Predicate.isString(value) ? value : undefined
}

const internal: Problem = {
  status: 500,
  body: {
    error: {
      code: "INTERNAL",
      ja: "システムエラーが発生しました。時間をおいて再度お試しください。",
      en: "An internal error occurred. Please try again later."
    }
  }
}

/** A tagged error a person can act on, or an internal error. @category constructors */
export const fromError = (error: unknown): Problem => {
  if (!Predicate.isObject(error) || !Predicate.hasProperty(error, "_tag") || !Predicate.isString(error._tag)) {
    return internal
  }
  const tag = error._tag
  if (tag === "DbError") {
    const reason = (error as { reason?: { _tag?: string } }).reason?._tag
    if (reason === "ConnectionLost") {
      return {
        status: 503,
        body: {
          error: {
            code: "DATABASE_UNAVAILABLE",
            ja: "データベースに接続できません。",
            en: "The database is unavailable."
          }
        }
      }
    }
    if (reason === "SerializationFailure" || reason === "DeadlockDetected" || reason === "LockNotAvailable") {
      return {
        status: 503,
        body: { error: { code: "BUSY", ja: "混み合っています。もう一度お試しください。", en: "Busy; please retry." } }
      }
    }
    return internal
  }
  const entry = table[tag]
  const ja = text(error, "ja")
  const en = text(error, "en")
  if (ja === undefined || en === undefined) return entry ? { ...internal, status: entry.status } : internal
  const problems = (error as { problems?: ErrorBody["error"]["problems"] }).problems
  return {
    status: entry?.status ?? 400,
    body: {
      error: {
        code: entry?.code ?? screamingSnake(tag),
        ja,
        en,
        ...(problems && problems.length > 0 ? { path: problems[0]!.path, problems } : {})
      }
    }
  }
}

/** The problem for a failed effect: its first typed failure, else a defect or interruption. */
export const fromCause = (cause: Cause.Cause<unknown>): Problem => {
  const failure = cause.reasons.find(Cause.isFailReason)
  if (failure) return fromError(failure.error)
  if (cause.reasons.some(Cause.isInterruptReason)) {
    return {
      status: 503,
      body: { error: { code: "INTERRUPTED", ja: "処理が中断されました。", en: "The request was interrupted." } }
    }
  }
  return internal
}
