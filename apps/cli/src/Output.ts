/**
 * Printing for the CLI: JSON for machines (`--json`), aligned tables for people, and errors in
 * Japanese and English with a non-zero exit code.
 */
import { Console, Effect, Schema } from "effect"
import { Flag } from "effect/cli"

/** A command failed in a way the operator can act on; printed in both languages, exit code 1. */
export class CliFailure extends Schema.TaggedError<CliFailure>("@madoguchi/cli/CliFailure")("CliFailure", {
  ja: Schema.String,
  en: Schema.String
}) {}

/** Print `value` as pretty JSON. */
export const json = (value: unknown) => Console.log(JSON.stringify(value, null, 2))

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFEF]/.test(ch) ? 2 : 1), 0)
const pad = (s: string, w: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

/** Print rows as an aligned table (full-width characters count double). Numbers align right. */
export const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>) => {
  const cells = rows.map((r) => r.map((c) => String(c)))
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ""))))
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"))
  const line = (r: ReadonlyArray<string>) => r.map((c, i) => pad(c, widths[i]!, numeric[i]!)).join("  ")
  return Console.log([line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n"))
}

/**
 * Turn any failure carrying `ja`/`en` (or a plain error) into a printed message and exit code 1.
 */
export const reportFailure = (error: unknown): Effect.Effect<void> =>
  Effect.sync(() => {
    const e = error as { ja?: unknown; en?: unknown; message?: unknown }
    if (typeof e?.ja === "string" && typeof e?.en === "string") {
      console.error(`エラー: ${e.ja}\nError: ${e.en}`)
    } else {
      console.error(`Error: ${typeof e?.message === "string" ? e.message : String(error)}`)
    }
    process.exitCode = 1
  })

/** `--json` for every command that prints data. */
export const jsonFlag = Flag.Boolean("json").pipe(
  Flag.withDescription("JSON で出力 / print JSON"),
  Flag.withDefault(false)
)
