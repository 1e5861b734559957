/**
 * The `Database` service: Kysely over embedded PGlite (the default, a directory on disk or memory)
 * or PostgreSQL through a `pg` pool when `DATABASE_URL` is set. The same migrations and queries serve
 * both. Queries run through `use`, which passes Effect's interruption on as an `AbortSignal` and turns
 * driver failures into a tagged `DbError`; `withTransaction` runs an effect in one transaction
 * (commit on success, rollback on failure or interruption), optionally retrying serialization
 * failures and deadlocks. PGlite is a single connection, so access to it is serialized here.
 */
import { mkdirSync } from "node:fs"
import { PGlite } from "@electric-sql/pglite"
import { Config, Context, Effect, Exit, Layer, Option, Redacted, Schedule, Semaphore } from "effect"
import { type ControlledTransaction, Kysely, PGliteDialect, PostgresDialect } from "kysely"
import pg from "pg"
import { DbError, fromUnknown } from "./DbError.ts"
import type { DB } from "./Tables.ts"

/** @category models */
export type DatabaseKind = "pglite" | "postgres"

/** What the database is, for health pages and logs (never a password). @category models */
export interface DatabaseInfo {
  readonly kind: DatabaseKind
  readonly location: string
}

/** @category models */
export type IsolationLevel = "read committed" | "repeatable read" | "serializable"

/** @category models */
export interface TransactionOptions {
  readonly isolation?: IsolationLevel
  /** Retry the whole transaction this many times on a retryable failure (serialization, deadlock). */
  readonly retries?: number
}

interface OpenTransaction {
  readonly owner: symbol
  readonly trx: ControlledTransaction<DB>
}

/** The transaction the current fiber runs in, per database instance. */
const CurrentTransaction = Context.Reference<OpenTransaction | undefined>("@madoguchi/db/CurrentTransaction", {
  defaultValue: () => undefined
})

/** @category services */
export class Database extends Context.Service<
  Database,
  {
    readonly info: DatabaseInfo
    /** Run Kysely calls on the current executor: the open transaction if there is one, else the pool. */
    readonly use: <A>(f: (db: Kysely<DB>, signal: AbortSignal) => Promise<A>) => Effect.Effect<A, DbError>
    /** Run `self` in one transaction; nested calls join the outer transaction. */
    readonly withTransaction: <A, E, R>(
      self: Effect.Effect<A, E, R>,
      options?: TransactionOptions
    ) => Effect.Effect<A, E | DbError, R>
  }
>()("@madoguchi/db/Database") {}

/** Calendar dates stay `YYYY-MM-DD` strings; 64-bit integers and numerics become numbers. */
const DATE_OID = 1082
const INT8_OID = 20
const NUMERIC_OID = 1700
const identity = (value: string) => value

const make = (kysely: Kysely<DB>, info: DatabaseInfo, serialize: boolean) =>
  Effect.gen(function* () {
    const owner = Symbol(info.location)
    // PGlite has one connection: a query outside a transaction must not interleave with one inside it.
    const lock = serialize ? yield* Semaphore.make(1) : undefined
    const guarded = <A, E, R>(effect: Effect.Effect<A, E, R>) => (lock ? Semaphore.withPermit(lock, effect) : effect)

    const run = <A>(db: Kysely<DB>, f: (db: Kysely<DB>, signal: AbortSignal) => Promise<A>) =>
      Effect.tryPromise({ try: (signal) => f(db, signal), catch: fromUnknown })

    const use = <A>(f: (db: Kysely<DB>, signal: AbortSignal) => Promise<A>): Effect.Effect<A, DbError> =>
      CurrentTransaction.use((open) => (open?.owner === owner ? run(open.trx, f) : guarded(run(kysely, f))))

    const once = <A, E, R>(self: Effect.Effect<A, E, R>, isolation: IsolationLevel | undefined) =>
      guarded(
        Effect.acquireUseRelease(
          Effect.tryPromise({
            try: () => {
              const builder = kysely.startTransaction()
              return (isolation ? builder.setIsolationLevel(isolation) : builder).execute()
            },
            catch: fromUnknown
          }),
          (trx) =>
            Effect.provideService(self, CurrentTransaction, { owner, trx }).pipe(
              Effect.tap(() => Effect.tryPromise({ try: () => trx.commit().execute(), catch: fromUnknown }))
            ),
          (trx, exit) =>
            Exit.isSuccess(exit) && trx.isCommitted
              ? Effect.void
              : Effect.promise(() =>
                  trx
                    .rollback()
                    .execute()
                    .catch(() => undefined)
                )
        )
      )

    const withTransaction = <A, E, R>(
      self: Effect.Effect<A, E, R>,
      options?: TransactionOptions
    ): Effect.Effect<A, E | DbError, R> =>
      CurrentTransaction.use((open) => {
        if (open?.owner === owner) return self
        const attempt = once(self, options?.isolation)
        const retries = options?.retries ?? 0
        return retries > 0
          ? Effect.retry(attempt, {
              times: retries,
              while: (error) => error instanceof DbError && error.isRetryable,
              schedule: Schedule.exponential("4 millis", 2).pipe(Schedule.jittered)
            })
          : attempt
      })

    return Database.of({ info, use, withTransaction })
  })

const acquire = (create: () => Kysely<DB>, info: DatabaseInfo, serialize: boolean, close = true) =>
  Effect.acquireRelease(Effect.sync(create), (kysely) =>
    close ? Effect.promise(() => kysely.destroy().catch(() => undefined)) : Effect.void
  ).pipe(Effect.flatMap((kysely) => make(kysely, info, serialize)))

/** @category models */
export interface PgliteOptions {
  /** A data directory; in memory when absent. */
  readonly dataDir?: string | undefined
  /** Start from a dumped data directory (see `PGlite.dumpDataDir`). */
  readonly loadDataDir?: Blob | undefined
}

/**
 * Open a PGlite instance with the parsers Madoguchi expects (dates as strings, int8 as numbers).
 *
 * @category constructors
 */
export const openPglite = (options: PgliteOptions = {}): Effect.Effect<PGlite, DbError> =>
  Effect.tryPromise({
    try: () => {
      if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
      return PGlite.create({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
        parsers: { [DATE_OID]: identity, [INT8_OID]: Number, [NUMERIC_OID]: Number }
      })
    },
    catch: fromUnknown
  })

/**
 * The `Database` over an open PGlite instance (closed with the layer).
 *
 * @category layers
 */
export const layerFromPglite = (
  pglite: PGlite,
  location: string,
  options: { readonly closeOnRelease?: boolean } = {}
): Layer.Layer<Database> =>
  Layer.effect(
    Database,
    acquire(
      () => new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) }),
      { kind: "pglite", location },
      true,
      options.closeOnRelease ?? true
    )
  )

/**
 * Embedded PostgreSQL (PGlite, WASM) in a directory or in memory.
 *
 * @category layers
 */
export const layerPglite = (options: PgliteOptions = {}): Layer.Layer<Database, DbError> =>
  Layer.unwrap(Effect.map(openPglite(options), (pglite) => layerFromPglite(pglite, options.dataDir ?? "memory")))

/** @category models */
export interface PostgresOptions {
  readonly url: Redacted.Redacted<string>
  /** Run every connection with this `search_path` (tests isolate suites by schema). */
  readonly schema?: string | undefined
  readonly poolSize?: number | undefined
}

const pgTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") => {
    if (oid === DATE_OID) return identity
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => (value === null ? null : Number(value))
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text")
  }
}

/** Where a PostgreSQL URL points, without credentials. */
export const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`
  } catch {
    return "PostgreSQL"
  }
}

/**
 * PostgreSQL through a `pg` pool.
 *
 * @category layers
 */
export const layerPostgres = (options: PostgresOptions): Layer.Layer<Database> =>
  Layer.effect(
    Database,
    acquire(
      () =>
        new Kysely<DB>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({
              connectionString: Redacted.value(options.url),
              max: options.poolSize ?? 10,
              types: pgTypes,
              ...(options.schema ? { options: `-c search_path=${options.schema}` } : {})
            })
          })
        }),
      { kind: "postgres", location: describeUrl(Redacted.value(options.url)) },
      false
    )
  )

/**
 * PostgreSQL when `DATABASE_URL` is set, otherwise PGlite in `MADOGUCHI_DATA_DIR`
 * (default `./.madoguchi/db`).
 *
 * @category layers
 */
export const layer: Layer.Layer<Database, DbError | Config.ConfigError> = Layer.unwrap(
  Effect.gen(function* () {
    const url = yield* Config.option(Config.Redacted("DATABASE_URL"))
    const poolSize = yield* Config.withDefault(Config.Int("DATABASE_POOL_SIZE"), 10)
    if (Option.isSome(url) && Redacted.value(url.value).length > 0) {
      return layerPostgres({ url: url.value, poolSize })
    }
    const dataDir = yield* Config.withDefault(Config.String("MADOGUCHI_DATA_DIR"), "./.madoguchi/db")
    return layerPglite({ dataDir })
  })
)
