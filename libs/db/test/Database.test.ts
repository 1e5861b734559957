import { assert } from "@effect/vitest"
import { Effect, Exit, Fiber, Redacted } from "effect"
import { sql } from "kysely"
import { Database, layerPostgres } from "../src/Database.ts"
import { DbError, fromUnknown } from "../src/DbError.ts"
import * as Migrations from "../src/Migrations.ts"
import { describeStorage } from "../src/testing.ts"

const insertCity = (code: string, slug: string) =>
  Database.use((db) =>
    db.use((k) =>
      k
        .insertInto("city")
        .values({ city_code: code, slug, name_ja: `${slug}市`, name_en: slug })
        .execute()
    )
  )

const countCities = Database.use((db) =>
  db.use((k) =>
    k
      .selectFrom("city")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  )
).pipe(Effect.map((r) => r.n))

const reasonOf = <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  Effect.flip(effect).pipe(Effect.map((e) => (e instanceof DbError ? e.reason._tag : `not a DbError: ${String(e)}`)))

describeStorage("Database", (it, backend) => {
  it.effect("really runs on the backend it names", () =>
    Effect.gen(function* () {
      const db = yield* Database
      assert.strictEqual(db.info.kind, backend)
      const row = yield* db.use((k) => sql<{ v: string }>`select version() as v`.execute(k))
      const version = row.rows[0]!.v
      assert.match(version, /PostgreSQL/)
      // PGlite is PostgreSQL compiled to WebAssembly with emscripten; a server is not.
      assert.strictEqual(/emscripten|wasm/i.test(version), backend === "pglite")
    })
  )

  it.effect("migrations are applied and idempotent", () =>
    Effect.gen(function* () {
      const again = yield* Migrations.migrateToLatest()
      assert.deepStrictEqual(again, [])
      const status = yield* Migrations.status()
      assert.deepStrictEqual(status.pending, [])
      assert.deepStrictEqual([...status.applied].sort(), [...Migrations.known])
    })
  )

  it.effect("classifies failing statements into tagged reasons", () =>
    Effect.gen(function* () {
      const db = yield* Database
      yield* insertCity("282171", "kawanishi")
      assert.strictEqual(yield* reasonOf(insertCity("282171", "kawanishi-2")), "UniqueViolation")
      assert.strictEqual(yield* reasonOf(insertCity("12345X", "bad-code")), "CheckViolation")
      assert.strictEqual(
        yield* reasonOf(db.use((k) => sql`select * from no_such_table`.execute(k))),
        "InvalidStatement"
      )
      assert.strictEqual(yield* reasonOf(db.use((k) => sql`select 'x'::int`.execute(k))), "DataException")
      const error = yield* Effect.flip(insertCity("282171", "again"))
      assert.strictEqual(error.reason.sqlState, "23505")
      assert.isFalse(error.isRetryable)
    })
  )

  it.effect("the audit log is insert-only", () =>
    Effect.gen(function* () {
      const db = yield* Database
      yield* db.use((k) =>
        k
          .insertInto("audit_log")
          .values({ city_code: "282171", actor: "system", action: "test", subject: "x", detail: "{}" })
          .execute()
      )
      assert.strictEqual(
        yield* reasonOf(db.use((k) => k.updateTable("audit_log").set({ action: "forged" }).execute())),
        "RaisedException"
      )
      assert.strictEqual(yield* reasonOf(db.use((k) => k.deleteFrom("audit_log").execute())), "RaisedException")
    })
  )

  it.effect("a rolled-back transaction leaves nothing; a committed one stays", () =>
    Effect.gen(function* () {
      const db = yield* Database
      const before = yield* countCities
      const exit = yield* Effect.exit(
        db.withTransaction(
          Effect.gen(function* () {
            yield* insertCity("131016", "chiyoda")
            yield* insertCity("131024", "chuo")
            assert.strictEqual(yield* countCities, before + 2) // visible inside the transaction
            return yield* Effect.fail("changed my mind" as const)
          })
        )
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.strictEqual(yield* countCities, before)
      yield* db.withTransaction(insertCity("131016", "chiyoda"))
      assert.strictEqual(yield* countCities, before + 1)
    })
  )

  it.effect("a failing statement inside a transaction rolls the whole transaction back", () =>
    Effect.gen(function* () {
      const db = yield* Database
      const before = yield* countCities
      const error = yield* Effect.flip(
        db.withTransaction(Effect.andThen(insertCity("011002", "sapporo"), insertCity("011002", "sapporo-dup")))
      )
      assert.strictEqual(error instanceof DbError ? error.reason._tag : "", "UniqueViolation")
      assert.strictEqual(yield* countCities, before)
    })
  )

  it.effect("concurrent transactions stay isolated: only the committed ones count", () =>
    Effect.gen(function* () {
      const db = yield* Database
      const before = yield* countCities
      yield* Effect.forEach(
        Array.from({ length: 10 }, (_, i) => i),
        (i) =>
          Effect.exit(
            db.withTransaction(
              Effect.gen(function* () {
                yield* insertCity(String(200000 + i), `c${i}`)
                yield* Effect.yieldNow
                if (i % 2 === 1) return yield* Effect.fail("rollback")
              })
            )
          ),
        { concurrency: "unbounded" }
      )
      assert.strictEqual(yield* countCities, before + 5)
    })
  )

  it.effect("retries a transaction on a retryable failure, within its bound", () =>
    Effect.gen(function* () {
      const db = yield* Database
      let attempts = 0
      const flaky = Effect.suspend(() => {
        attempts++
        return attempts < 3
          ? Effect.fail(fromUnknown({ code: "40001", message: "could not serialize" }))
          : Effect.succeed("ok")
      })
      assert.strictEqual(yield* db.withTransaction(flaky, { retries: 5 }), "ok")
      assert.strictEqual(attempts, 3)
      attempts = -10
      const error = yield* Effect.flip(db.withTransaction(flaky, { retries: 2 }))
      assert.strictEqual(error instanceof DbError ? error.reason._tag : "", "SerializationFailure")
      assert.strictEqual(attempts, -7)
    })
  )

  if (backend === "postgres") {
    it.effect("migrates a schema even when another schema of the database holds migration tables", () =>
      Effect.gen(function* () {
        const db = yield* Database
        const suffix = Math.random().toString(36).slice(2, 8)
        const decoy = `t_decoy_${suffix}`
        const target = `t_target_${suffix}`
        yield* db.use((k) => sql.raw(`create schema ${decoy}; create schema ${target};`).execute(k))
        yield* db.use((k) =>
          sql
            .raw(
              `create table ${decoy}.kysely_migration (name text); create table ${decoy}.kysely_migration_lock (id text)`
            )
            .execute(k)
        )
        const applied = yield* Migrations.migrateToLatest().pipe(
          Effect.provide(layerPostgres({ url: Redacted.make(process.env.DATABASE_URL!), schema: target, poolSize: 2 })),
          Effect.ensuring(
            db
              .use((k) => sql.raw(`drop schema ${decoy} cascade; drop schema ${target} cascade;`).execute(k))
              .pipe(Effect.ignore)
          )
        )
        assert.deepStrictEqual([...applied].sort(), [...Migrations.known])
      })
    )

    it.effect("interruption abandons a running query", () =>
      Effect.gen(function* () {
        const db = yield* Database
        const started = Date.now()
        const fiber = yield* Effect.forkChild(
          db.use((k, signal) =>
            sql`select pg_sleep(5)`.execute(k, { signal, inflightQueryAbortStrategy: "cancel query" })
          )
        )
        yield* Effect.sleep("200 millis")
        yield* Fiber.interrupt(fiber)
        assert.isBelow(Date.now() - started, 3000)
      })
    )
  }
})
