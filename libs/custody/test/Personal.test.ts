import { assert, describe, it } from "@effect/vitest"
import { PersonalData, Profile } from "@madoguchi/domain"
import { Database } from "@madoguchi/db"
import { describeStorage } from "@madoguchi/db/testing"
import { Effect, Layer } from "effect"
import { sql } from "kysely"
import { Custody } from "../src/Custody.ts"
import type { Body } from "../src/Event.ts"
import { canonicalJson } from "../src/internal/canonical.ts"
import * as Personal from "../src/internal/personal.ts"
import { cityStaff, clerk, operator, profiles } from "./fixtures.ts"

const body: Body = {
  kind: "transferred_to_city",
  from: { name: clerk.name, organization: "contractor", title: clerk.title },
  to: { name: cityStaff.name, organization: "city" },
  note: "封筒3通(鈴木様分を含む)",
  newItems: [{ id: "n1", kind: "lent_material", quantity: 1, description: "住民一覧" }],
  items: [
    {
      id: "i1",
      kind: "card",
      reference: "C-1",
      count: 1,
      moves: [
        { status: "held", place: "cabinet", holder: clerk.name, count: 1 },
        { status: "held", place: "cabinet", holder: null, count: 0 }
      ]
    }
  ]
}

describe("personal part of a ledger entry", () => {
  it("the hashed body keeps no personal text, only the digest of a nonce'd part; merged back it is the body", () => {
    const { stored, personal } = Personal.split(body, "00".repeat(16))
    const readable = JSON.stringify(JSON.parse(stored))
    for (const text of [clerk.name, clerk.title, cityStaff.name, "鈴木様", "住民一覧"]) {
      assert.notInclude(readable, text)
      assert.include(JSON.stringify(JSON.parse(personal!)), text)
    }
    assert.strictEqual(Personal.digestOf(stored), Personal.digest(personal!))
    const decoded = JSON.parse(stored) as Body
    assert.deepStrictEqual(Personal.merge(decoded, personal!), {
      ...body,
      personal: Personal.digest(personal!)
    } as Body)
    // The same body with another nonce gives another digest: an erased part cannot be guessed back.
    assert.notStrictEqual(Personal.digestOf(Personal.split(body).stored), Personal.digestOf(stored))
  })

  it("erased, every personal field reads as erased; the rest stays", () => {
    const { stored } = Personal.split(body)
    const merged = Personal.merge(JSON.parse(stored) as Body, null)!
    assert.strictEqual(merged.from?.name, PersonalData.ERASED)
    assert.strictEqual(merged.from?.title, PersonalData.ERASED)
    assert.isUndefined(merged.to?.title)
    assert.strictEqual(merged.note, PersonalData.ERASED)
    assert.strictEqual(merged.newItems?.[0]?.description, PersonalData.ERASED)
    assert.deepStrictEqual(
      merged.items?.[0]?.moves.map((m) => m.holder),
      [PersonalData.ERASED, null]
    )
    assert.strictEqual(merged.items?.[0]?.reference, "C-1")
    assert.isUndefined(Personal.merge(JSON.parse(stored) as Body, "not json"))
  })

  it("a body without personal fields, or written before the split, has no digest", () => {
    const counted: Body = { kind: "counted", counts: [{ kind: "card", counted: 3, expected: 3 }] }
    assert.deepStrictEqual(Personal.split(counted), { stored: canonicalJson(counted) })
    assert.isUndefined(Personal.digestOf(canonicalJson(body)))
  })
})

const layer = Layer.fresh(Custody.layer).pipe(Layer.provide(Profile.layerStatic([profiles.ota])))

describeStorage("Custody personal parts", (it) => {
  it.effect("verify checks each personal part against its digest: changed or deleted is a broken link", () =>
    Effect.gen(function* () {
      const custody = yield* Custody
      const db = yield* Database.Database
      const recorded = yield* custody.record(
        "ota",
        {
          kind: "received",
          from: cityStaff,
          to: clerk,
          place: "backoffice",
          note: "市民課から受領",
          newItems: [{ kind: "card", reference: "PERSONAL-1" }]
        },
        operator
      )
      const seq = recorded.entry.seq
      const stored = yield* db.use((k) =>
        k.selectFrom("custody_event").select("body").where("seq", "=", seq).executeTakeFirstOrThrow()
      )
      assert.notInclude(JSON.stringify(JSON.parse(stored.body)), cityStaff.name) // not in the hashed body
      assert.strictEqual((yield* custody.entry("ota", recorded.entry.id)).body.from?.name, cityStaff.name)
      assert.isTrue((yield* custody.verify("ota")).ok)

      const unlocked = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        Effect.acquireUseRelease(
          db.use((k) => sql`alter table custody_event_personal disable trigger all`.execute(k)),
          () => effect,
          () => db.use((k) => sql`alter table custody_event_personal enable trigger all`.execute(k)).pipe(Effect.orDie)
        )
      const original = yield* db.use((k) =>
        k.selectFrom("custody_event_personal").selectAll().where("seq", "=", seq).executeTakeFirstOrThrow()
      )
      yield* unlocked(
        db.use((k) =>
          k
            .updateTable("custody_event_personal")
            .set({
              personal: canonicalJson({
                ...(JSON.parse(original.personal!) as object),
                values: { ...(JSON.parse(original.personal!) as { values: object }).values, note: "受領せず" }
              })
            })
            .where("seq", "=", seq)
            .execute()
        )
      )
      const changed = yield* custody.verify("ota")
      assert.isFalse(changed.ok)
      assert.deepInclude(changed.firstBrokenAt, { seq, reason: "personal_mismatch" })

      yield* unlocked(db.use((k) => k.deleteFrom("custody_event_personal").where("seq", "=", seq).execute()))
      const deleted = yield* custody.verify("ota")
      assert.deepInclude(deleted.firstBrokenAt, { seq, reason: "personal_missing" })

      yield* unlocked(
        db.use((k) =>
          k
            .insertInto("custody_event_personal")
            .values({ city_code: original.city_code, seq, personal: original.personal })
            .execute()
        )
      )
      assert.isTrue((yield* custody.verify("ota")).ok)
    }).pipe(Effect.provide(layer))
  )
})
