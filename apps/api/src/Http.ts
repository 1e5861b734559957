/**
 * Helpers every route uses: run an effect on the app runtime and answer JSON (or the mapped error),
 * decode bodies and queries with Schema (every problem with its path, ja and en), and read the staff
 * member behind the request.
 */
import { Decode } from "@madoguchi/domain"
import type { Staff } from "@madoguchi/db"
import { Effect, Exit, Schema } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { fromCause, fromError, type Problem } from "./Errors.ts"
import type { AppRuntime, AppServices } from "./Runtime.ts"

/** @category models */
export interface AppEnv {
  Variables: {
    runtime: AppRuntime
    /** The signed-in staff member (or the demo account in demo mode). */
    staff: Staff.StaffMember | undefined
    demo: boolean
  }
}

export type AppContext = Context<AppEnv>

/** Answer a problem as JSON. */
export const problem = (c: AppContext, p: Problem) => c.json(p.body, p.status as ContentfulStatusCode)

/** Answer any tagged error as its problem. */
export const failWith = (c: AppContext, error: unknown) => problem(c, fromError(error))

/**
 * Run `effect`; on success answer `onSuccess(value)` (JSON 200 by default), on failure the mapped error.
 * The request's abort signal interrupts the effect.
 *
 * @category constructors
 */
export const run = async <A>(
  c: AppContext,
  effect: Effect.Effect<A, unknown, AppServices>,
  onSuccess: (value: A) => Response | Promise<Response> = (value) => c.json(value as object)
): Promise<Response> => {
  const exit = await c.get("runtime").runPromiseExit(effect, { signal: c.req.raw.signal })
  if (Exit.isSuccess(exit)) return onSuccess(exit.value)
  const p = fromCause(exit.cause)
  if (p.status >= 500) console.error(`[api] ${c.req.method} ${new URL(c.req.url).pathname}`, exit.cause)
  return problem(c, p)
}

const invalidJson = new Decode.DecodeError({
  problems: [{ path: "", ja: "JSON として読めません", en: "the body is not valid JSON" }]
})

const parseOptions = { errors: "all", onExcessProperty: "ignore" } as const
const toDecodeError = (error: Schema.SchemaError) =>
  new Decode.DecodeError({ problems: [...Decode.problemsOf(error.issue)] })

/**
 * `Decode.decode(schema)` for use inside a running effect: the same options and bilingual
 * `DecodeError`, built once and run as Schema's own effect in the caller's fiber (no synchronous run
 * of its own per call).
 *
 * @category constructors
 */
export const decoder = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S
): ((input: unknown) => Effect.Effect<S["Type"], Decode.DecodeError>) => {
  const parse = Schema.decodeUnknownEffect(schema, parseOptions)
  return (input) => Effect.mapError(parse(input), toDecodeError)
}

/** One decoder per schema, made on first use (routes pass the same module-level schemas every time). */
const decoders = new WeakMap<object, (input: unknown) => Effect.Effect<unknown, Decode.DecodeError>>()
const decoderOf = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S
): ((input: unknown) => Effect.Effect<S["Type"], Decode.DecodeError>) => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = decoder(schema)
    decoders.set(schema, decode)
  }
  return decode
}

/** Decode the JSON body. @category constructors */
export const body = <S extends Schema.ConstraintDecoder<unknown>>(
  c: AppContext,
  schema: S
): Effect.Effect<S["Type"], Decode.DecodeError> =>
  Effect.tryPromise({ try: () => c.req.json() as Promise<unknown>, catch: () => invalidJson }).pipe(
    Effect.flatMap(decoderOf(schema))
  )

const notJson: unique symbol = Symbol("notJson")
const readJson = (c: AppContext): Promise<unknown> =>
  c.req.json().then(
    (input: unknown) => input,
    () => notJson
  )

/**
 * Read the JSON body first, then `run(c, f(body), onSuccess)`: for the busiest routes, the effect
 * starts only once the body is in (one fiber per request, no suspension to read it); a body that is
 * not JSON is answered without starting one.
 *
 * @category constructors
 */
export const runWithJson = async <A>(
  c: AppContext,
  f: (input: unknown) => Effect.Effect<A, unknown, AppServices>,
  onSuccess?: (value: A) => Response | Promise<Response>
): Promise<Response> => {
  const input = await readJson(c)
  return input === notJson ? failWith(c, invalidJson) : run(c, f(input), onSuccess)
}

/** Decode the query string (single values; repeated keys as arrays). @category constructors */
export const query = <S extends Schema.ConstraintDecoder<unknown>>(
  c: AppContext,
  schema: S
): Effect.Effect<S["Type"], Decode.DecodeError> => {
  const all = c.req.queries()
  const flat = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length === 1 ? v[0] : v]))
  return decoderOf(schema)(flat)
}
