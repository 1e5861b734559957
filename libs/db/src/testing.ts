/**
 * The storage test harness: run one suite on embedded PGlite and, when `DATABASE_URL` is set, again on
 * PostgreSQL (or on a testcontainers PostgreSQL when Docker is reachable and `DATABASE_URL` is not).
 * Every suite gets its own fresh, migrated database: a PGlite restored from a migrated template
 * (cached on disk per migration set, ~1 s instead of ~3 s for initdb + migrations), or a fresh
 * PostgreSQL schema that is dropped afterwards.
 */
import { createHash, randomBytes } from "node:crypto"
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { layer, type Vitest } from "@effect/vitest"
import { Effect, Layer, Redacted, Schema, type Duration } from "effect"
import pg from "pg"
import * as Database from "./Database.ts"
import { fromUnknown } from "./DbError.ts"
import * as Migrations from "./Migrations.ts"

/** @category models */
export type Backend = "pglite" | "postgres"

/** Docker is reachable (a socket or DOCKER_HOST): testcontainers may supply PostgreSQL. */
const dockerReachable = (): boolean => (process.env.DOCKER_HOST ?? "").length > 0 || existsSync("/var/run/docker.sock")

/** The backends this run tests on. @category constructors */
export const backends = (): ReadonlyArray<Backend> =>
  (process.env.DATABASE_URL ?? "").length > 0 || dockerReachable() ? ["pglite", "postgres"] : ["pglite"]

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations")

/** A key that changes whenever a migration file changes. */
const migrationsKey = (): string => {
  const hash = createHash("sha256")
  for (const file of readdirSync(migrationsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()) {
    hash.update(file)
    hash.update(readFileSync(file))
  }
  return hash.digest("hex").slice(0, 16)
}

/** A fresh in-memory PGlite with every migration applied. */
const pgliteFresh = Layer.unwrap(
  Effect.gen(function* () {
    const template = join(tmpdir(), `madoguchi-pglite-template-${migrationsKey()}.tar`)
    if (existsSync(template)) {
      const pglite = yield* Database.openPglite({ loadDataDir: new Blob([readFileSync(template)]) })
      return Database.layerFromPglite(pglite, "memory (test)")
    }
    const pglite = yield* Database.openPglite()
    yield* Migrations.migrateToLatest().pipe(
      Effect.provide(Database.layerFromPglite(pglite, "template", { closeOnRelease: false }))
    )
    const dump = yield* Effect.tryPromise({ try: () => pglite.dumpDataDir("none"), catch: fromUnknown })
    const bytes = Buffer.from(yield* Effect.promise(() => dump.arrayBuffer()))
    const partial = `${template}.${process.pid}.${randomBytes(4).toString("hex")}`
    writeFileSync(partial, bytes)
    renameSync(partial, template)
    return Database.layerFromPglite(pglite, "memory (test)")
  })
)

class PostgresUnavailable extends Schema.TaggedError<PostgresUnavailable>("@madoguchi/db/PostgresUnavailable")(
  "PostgresUnavailable",
  { message: Schema.String }
) {}

/** The PostgreSQL URL for tests: DATABASE_URL, or a testcontainers PostgreSQL when Docker is reachable. */
const postgresUrl = Effect.gen(function* () {
  const url = process.env.DATABASE_URL ?? ""
  if (url.length > 0) return url
  const { PostgreSqlContainer } = yield* Effect.promise(() => import("@testcontainers/postgresql"))
  const container = yield* Effect.acquireRelease(
    Effect.tryPromise({
      try: () => new PostgreSqlContainer("postgres:17-alpine").start(),
      catch: (cause) => new PostgresUnavailable({ message: `testcontainers could not start PostgreSQL: ${cause}` })
    }),
    (c) => Effect.promise(() => c.stop())
  )
  return container.getConnectionUri()
})

const admin = <A>(url: string, f: (client: pg.Client) => Promise<A>) =>
  Effect.tryPromise({
    try: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        return await f(client)
      } finally {
        await client.end()
      }
    },
    catch: fromUnknown
  })

/** A fresh PostgreSQL schema with every migration applied, dropped when the layer closes. */
const postgresFresh = (label: string) =>
  Layer.unwrap(
    Effect.gen(function* () {
      const url = yield* postgresUrl
      const schema = `t_${label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .slice(0, 30)}_${randomBytes(4).toString("hex")}`
      yield* Effect.acquireRelease(
        admin(url, (c) => c.query(`create schema "${schema}"`)),
        () => admin(url, (c) => c.query(`drop schema if exists "${schema}" cascade`)).pipe(Effect.ignore)
      )
      const database = Database.layerPostgres({ url: Redacted.make(url), schema, poolSize: 20 })
      yield* Migrations.migrateToLatest().pipe(Effect.provide(database))
      return database
    })
  )

/**
 * A fresh, migrated, isolated `Database` on the given backend.
 *
 * @category layers
 */
export const layerTest = (backend: Backend, label = "suite") =>
  (backend === "pglite" ? pgliteFresh : postgresFresh(label)) as Layer.Layer<Database.Database, unknown>

/**
 * Run `body` once per backend (PGlite always; PostgreSQL when configured), each in its own database.
 * Tests use the live clock, so retries and timeouts behave as in production.
 *
 * @category constructors
 */
export const describeStorage = (
  name: string,
  body: (it: Vitest.MethodsNonLive<Database.Database>, backend: Backend) => void,
  options: { readonly timeout?: Duration.Input } = {}
): void => {
  for (const backend of backends()) {
    layer(layerTest(backend, name), { excludeTestServices: true, timeout: options.timeout ?? "180 seconds" })(
      `${name} [${backend}]`,
      (it) => body(it, backend)
    )
  }
}
