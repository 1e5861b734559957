/**
 * The audit log: who did what to which record, per city, insert-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE). Details pass through the My Number guard before they are written.
 */
import { MyNumber } from "@madoguchi/domain"
import { Effect } from "effect"
import { Database } from "./Database.ts"

/** @category models */
export interface AuditEntry {
  readonly cityCode: string
  /** Staff id, or `system` / `cli` for unattended actions. */
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly detail?: Readonly<Record<string, unknown>>
}

/** @category models */
export interface AuditRecord extends AuditEntry {
  readonly id: number
  readonly at: Date
}

/** @category constructors */
export const append = Effect.fn("AuditLog.append")(function* (entry: AuditEntry) {
  const found = MyNumber.assertNone("audit_log", [entry.subject, entry.detail ?? {}])
  if (found) return yield* found
  const database = yield* Database
  const [row] = yield* database.use((db, signal) =>
    db
      .insertInto("audit_log")
      .values({
        city_code: entry.cityCode,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        detail: JSON.stringify(entry.detail ?? {})
      })
      .returning(["id", "at"])
      .execute({ signal })
  )
  return row!
})

/** The newest entries of a city, newest first. @category constructors */
export const recent = Effect.fn("AuditLog.recent")(function* (cityCode: string, limit = 100) {
  const database = yield* Database
  const rows = yield* database.use((db, signal) =>
    db
      .selectFrom("audit_log")
      .selectAll()
      .where("city_code", "=", cityCode)
      .orderBy("id", "desc")
      .limit(limit)
      .execute({ signal })
  )
  return rows.map((r): AuditRecord => ({
    id: r.id,
    at: r.at,
    cityCode: r.city_code,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: r.detail as Record<string, unknown>
  }))
})
