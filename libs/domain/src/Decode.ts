/**
 * Decoding at the borders (API bodies, profiles, CSV rows, CLI input) with every problem reported by
 * path, in Japanese and English. Filters can carry a bilingual message made with `bilingual(ja, en)`.
 */
import { Effect, Result, Schema, SchemaIssue } from "effect"

const SEPARATOR = "｜"

/** A message for a schema check in both languages. @category constructors */
export const bilingual = (ja: string, en: string): string => `${ja}${SEPARATOR}${en}`

/** @category models */
export interface Problem {
  /** Dotted path with indices, e.g. `documents[2].type`; empty for the whole input. */
  readonly path: string
  readonly ja: string
  readonly en: string
}

/** The input did not decode; every problem is listed. @category errors */
export class DecodeError extends Schema.TaggedError<DecodeError>("@madoguchi/domain/DecodeError")("DecodeError", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, ja: Schema.String, en: Schema.String }))
}) {
  get ja(): string {
    return this.problems.map((p) => `${p.path || "(入力)"}: ${p.ja}`).join("\n")
  }
  get en(): string {
    return this.problems.map((p) => `${p.path || "(input)"}: ${p.en}`).join("\n")
  }
  override get message(): string {
    return this.en
  }
}

/** `documents[2].type` from `["documents", 2, "type"]`. @category constructors */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === "number" ? `${acc}[${key}]` : acc.length === 0 ? String(key) : `${acc}.${String(key)}`,
    ""
  )

/** Japanese for the formatter's English. */
const toJapanese = (en: string): string => {
  let m: RegExpMatchArray | null
  if (en === "Missing key") return "必須の項目がありません"
  if (en.startsWith("Unexpected key") || en.startsWith("Expected no excess property"))
    return "この項目は使えません(不明な項目)"
  if ((m = en.match(/^Expected (.+), got (.+)$/s))) return `${describeExpected(m[1]!)}を指定してください(入力: ${m[2]})`
  if ((m = en.match(/^Expected (.+)$/s))) return `${describeExpected(m[1]!)}を指定してください`
  if (en.startsWith("Invalid data")) return `値が正しくありません(${en.slice("Invalid data ".length)})`
  return en
}

const describeExpected = (expected: string): string => {
  switch (expected) {
    case "string":
      return "文字列"
    case "number":
      return "数値"
    case "boolean":
      return "真偽値(true / false)"
    case "array":
      return "配列"
    case "object":
      return "オブジェクト"
    case "null":
      return "null"
    default:
      return expected.includes(" | ") ? `次のいずれか ${expected} ` : `${expected} `
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** Turn a schema issue into bilingual problems. @category constructors */
export const problemsOf = (issue: SchemaIssue.Issue): ReadonlyArray<Problem> =>
  formatter(issue).issues.map((i) => {
    const path = formatPath((i.path ?? []).map((p) => (typeof p === "object" && p !== null ? p.key : p)))
    const [ja, en] = i.message.includes(SEPARATOR)
      ? (i.message.split(SEPARATOR, 2) as [string, string])
      : [toJapanese(i.message), i.message]
    return { path, ja, en }
  })

/** @category models */
export interface DecodeOptions {
  /** Refuse keys the schema does not know (profiles: a typo must not pass silently). */
  readonly exact?: boolean
}

const parseOptions = (options?: DecodeOptions) =>
  ({ errors: "all", onExcessProperty: options?.exact ? "error" : "ignore" }) as const

/**
 * Decode `input` with `schema`, reporting every problem.
 *
 * @category constructors
 */
export const decodeResult =
  <S extends Schema.ConstraintDecoder<unknown>>(schema: S, options?: DecodeOptions) =>
  (input: unknown): Result.Result<S["Type"], DecodeError> =>
    Result.mapError(
      Schema.decodeUnknownResult(schema)(input, parseOptions(options)),
      (error) => new DecodeError({ problems: [...problemsOf(error.issue)] })
    )

/** @category constructors */
export const decode =
  <S extends Schema.ConstraintDecoder<unknown>>(schema: S, options?: DecodeOptions) =>
  (input: unknown): Effect.Effect<S["Type"], DecodeError> =>
    Result.match(decodeResult(schema, options)(input), {
      onFailure: (e) => Effect.fail(e),
      onSuccess: (a) => Effect.succeed(a)
    })
