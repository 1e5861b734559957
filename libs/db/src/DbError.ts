/**
 * Failures of the database, classified by PostgreSQL SQLSTATE (PGlite reports the same codes).
 *
 * A `DbError` carries one `reason`; callers recover from the reasons they can act on
 * (`Effect.catchReason("DbError", "UniqueViolation", …)`) and let the rest become defects at the
 * service boundary. Retryable reasons (serialization failure, deadlock, lost connection) say so.
 */
import { Predicate, Schema } from "effect"

const ReasonFields = {
  sqlState: Schema.optional(Schema.String),
  message: Schema.String,
  table: Schema.optional(Schema.String),
  constraint: Schema.optional(Schema.String),
  cause: Schema.Defect()
}

/** @category errors */
export class UniqueViolation extends Schema.TaggedError<UniqueViolation>("@madoguchi/db/UniqueViolation")(
  "UniqueViolation",
  ReasonFields
) {
  readonly isRetryable = false
}

/** @category errors */
export class ForeignKeyViolation extends Schema.TaggedError<ForeignKeyViolation>("@madoguchi/db/ForeignKeyViolation")(
  "ForeignKeyViolation",
  ReasonFields
) {
  readonly isRetryable = false
}

/** @category errors */
export class CheckViolation extends Schema.TaggedError<CheckViolation>("@madoguchi/db/CheckViolation")(
  "CheckViolation",
  ReasonFields
) {
  readonly isRetryable = false
}

/** @category errors */
export class NotNullViolation extends Schema.TaggedError<NotNullViolation>("@madoguchi/db/NotNullViolation")(
  "NotNullViolation",
  ReasonFields
) {
  readonly isRetryable = false
}

/** An exclusion constraint (e.g. overlapping ranges) refused the row. @category errors */
export class ExclusionViolation extends Schema.TaggedError<ExclusionViolation>("@madoguchi/db/ExclusionViolation")(
  "ExclusionViolation",
  ReasonFields
) {
  readonly isRetryable = false
}

/** A statement or trigger raised an application error (SQLSTATE P0001), e.g. an insert-only table. @category errors */
export class RaisedException extends Schema.TaggedError<RaisedException>("@madoguchi/db/RaisedException")(
  "RaisedException",
  ReasonFields
) {
  readonly isRetryable = false
}

/** SERIALIZABLE / REPEATABLE READ conflict (40001): the whole transaction may be retried. @category errors */
export class SerializationFailure extends Schema.TaggedError<SerializationFailure>(
  "@madoguchi/db/SerializationFailure"
)("SerializationFailure", ReasonFields) {
  readonly isRetryable = true
}

/** Deadlock detected (40P01): the whole transaction may be retried. @category errors */
export class DeadlockDetected extends Schema.TaggedError<DeadlockDetected>("@madoguchi/db/DeadlockDetected")(
  "DeadlockDetected",
  ReasonFields
) {
  readonly isRetryable = true
}

/** `NOWAIT` / lock timeout (55P03). @category errors */
export class LockNotAvailable extends Schema.TaggedError<LockNotAvailable>("@madoguchi/db/LockNotAvailable")(
  "LockNotAvailable",
  ReasonFields
) {
  readonly isRetryable = true
}

/** Statement timeout or cancel request (57014). @category errors */
export class QueryCanceled extends Schema.TaggedError<QueryCanceled>("@madoguchi/db/QueryCanceled")(
  "QueryCanceled",
  ReasonFields
) {
  readonly isRetryable = false
}

/** The server could not be reached or the connection broke (class 08, 57P0x, socket errors). @category errors */
export class ConnectionLost extends Schema.TaggedError<ConnectionLost>("@madoguchi/db/ConnectionLost")(
  "ConnectionLost",
  ReasonFields
) {
  readonly isRetryable = true
}

/** The role lacks a privilege (42501), e.g. UPDATE on an append-only ledger. @category errors */
export class InsufficientPrivilege extends Schema.TaggedError<InsufficientPrivilege>(
  "@madoguchi/db/InsufficientPrivilege"
)("InsufficientPrivilege", ReasonFields) {
  readonly isRetryable = false
}

/** Syntax error or undefined table/column (class 42): a programming error or a missing migration. @category errors */
export class InvalidStatement extends Schema.TaggedError<InvalidStatement>("@madoguchi/db/InvalidStatement")(
  "InvalidStatement",
  ReasonFields
) {
  readonly isRetryable = false
}

/** Bad data for the column type (class 22): out of range, invalid text representation, … @category errors */
export class DataException extends Schema.TaggedError<DataException>("@madoguchi/db/DataException")(
  "DataException",
  ReasonFields
) {
  readonly isRetryable = false
}

/** Anything else. @category errors */
export class UnknownDbError extends Schema.TaggedError<UnknownDbError>("@madoguchi/db/UnknownDbError")(
  "UnknownDbError",
  ReasonFields
) {
  readonly isRetryable = false
}

/** @category models */
export const DbErrorReason = Schema.Union([
  UniqueViolation,
  ForeignKeyViolation,
  CheckViolation,
  NotNullViolation,
  ExclusionViolation,
  RaisedException,
  SerializationFailure,
  DeadlockDetected,
  LockNotAvailable,
  QueryCanceled,
  ConnectionLost,
  InsufficientPrivilege,
  InvalidStatement,
  DataException,
  UnknownDbError
])
export type DbErrorReason = typeof DbErrorReason.Type

/** @category errors */
export class DbError extends Schema.TaggedError<DbError>("@madoguchi/db/DbError")("DbError", {
  reason: DbErrorReason
}) {
  get isRetryable(): boolean {
    return this.reason.isRetryable
  }
  override get message(): string {
    return `${this.reason._tag}${this.reason.sqlState ? ` (${this.reason.sqlState})` : ""}: ${this.reason.message}`
  }
}

interface ReasonInput {
  readonly sqlState?: string
  readonly message: string
  readonly table?: string
  readonly constraint?: string
  readonly cause: unknown
}

const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "EAI_AGAIN"
])

const stringField = (u: unknown, key: string): string | undefined => {
  if (!Predicate.isObject(u) || !(key in u)) return undefined
  const value = (u as Record<string, unknown>)[key]
  return Predicate.isString(value) && value.length > 0 ? value : undefined
}

/**
 * Classify anything a driver threw (pg `DatabaseError`, PGlite error, socket error) into a `DbError`.
 *
 * @category constructors
 */
export const fromUnknown = (cause: unknown): DbError => {
  if (cause instanceof DbError) return cause
  const code = stringField(cause, "code")
  const message =
    stringField(cause, "message") ?? (cause instanceof Error ? cause.message : String(cause)) ?? "database error"
  const fields = {
    ...(code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? { sqlState: code } : {}),
    message,
    ...(stringField(cause, "table") !== undefined ? { table: stringField(cause, "table")! } : {}),
    ...(stringField(cause, "constraint") !== undefined ? { constraint: stringField(cause, "constraint")! } : {}),
    cause
  }
  return new DbError({ reason: classify(code, message, fields) })
}

const classify = (code: string | undefined, message: string, fields: ReasonInput): DbErrorReason => {
  if (code === undefined) {
    return /terminat|connect|closed|ECONN/i.test(message) ? new ConnectionLost(fields) : new UnknownDbError(fields)
  }
  if (socketCodes.has(code)) return new ConnectionLost(fields)
  switch (code) {
    case "23505":
      return new UniqueViolation(fields)
    case "23503":
      return new ForeignKeyViolation(fields)
    case "23514":
      return new CheckViolation(fields)
    case "23502":
      return new NotNullViolation(fields)
    case "23P01":
      return new ExclusionViolation(fields)
    case "P0001":
      return new RaisedException(fields)
    case "40001":
      return new SerializationFailure(fields)
    case "40P01":
      return new DeadlockDetected(fields)
    case "55P03":
      return new LockNotAvailable(fields)
    case "57014":
      return new QueryCanceled(fields)
    case "42501":
      return new InsufficientPrivilege(fields)
  }
  if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03")
    return new ConnectionLost(fields)
  if (code.startsWith("42")) return new InvalidStatement(fields)
  if (code.startsWith("22")) return new DataException(fields)
  return new UnknownDbError(fields)
}
