/**
 * Decoding inside the caller's fiber: the same schema, options and bilingual `DecodeError` as
 * `Decode.decode` from `@madoguchi/domain`, but built once per schema and run as Schema's own effect
 * instead of a synchronous run of its own (a fiber per call) — the booking path decodes on every
 * request.
 */
import { Decode } from "@madoguchi/domain"
import { Effect, Schema } from "effect"

const options = { errors: "all", onExcessProperty: "ignore" } as const

const toDecodeError = (error: Schema.SchemaError) =>
  new Decode.DecodeError({ problems: [...Decode.problemsOf(error.issue)] })

/** @category constructors */
export const decoder = <S extends Schema.Constraint & { readonly DecodingServices: never }>(schema: S) => {
  const parse = Schema.decodeUnknownEffect(schema, options)
  return (input: unknown): Effect.Effect<S["Type"], Decode.DecodeError> => Effect.mapError(parse(input), toDecodeError)
}
