import { NodeServices } from "@effect/platform-node"
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { TestClock, TestConsole } from "effect/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { purge } from "../src/commands/Purge.ts"

// The command opens the app's own database: an embedded PGlite in a fresh directory (the environment
// is restored afterwards, for the test files that run next in this process).
const saved = { url: process.env.DATABASE_URL, dir: process.env.MADOGUCHI_DATA_DIR }
const dataDir = mkdtempSync(join(tmpdir(), "madoguchi-cli-purge-"))
beforeAll(() => {
  process.env.MADOGUCHI_DATA_DIR = dataDir
  delete process.env.DATABASE_URL
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  if (saved.url === undefined) delete process.env.DATABASE_URL
  else process.env.DATABASE_URL = saved.url
  if (saved.dir === undefined) delete process.env.MADOGUCHI_DATA_DIR
  else process.env.MADOGUCHI_DATA_DIR = saved.dir
})
afterEach(() => {
  process.exitCode = 0
})

const layer = Layer.mergeAll(NodeServices.layer, TestConsole.layer)
const root = Command.make("madoguchi").pipe(Command.withSubcommands([purge]))
const cli = (...args: Array<string>) =>
  Effect.gen(function* () {
    yield* Command.runWith(root, { version: "test" })(args)
    return { out: (yield* TestConsole.logLines).join("\n"), err: (yield* TestConsole.errorLines).join("\n") }
  }).pipe(Effect.provide(layer, { local: true }))

describe("madoguchi purge", () => {
  it.effect(
    "a dry run lists every lib's tables in Japanese and English; a cut-off after today is refused",
    () =>
      Effect.gen(function* () {
        // "Today" in Japan is 2026-11-22: a cut-off after it is refused, one before it accepted.
        yield* TestClock.setTime(Date.parse("2026-11-22T03:00:00Z"))
        const dry = yield* cli("purge", "--city", "kawanishi", "--before", "2026-10-01", "--dry-run")
        assert.include(dry.out, "【試行】何も変更していません / DRY RUN: nothing was changed")
        for (const table of ["reservation", "activity", "report_submission", "custody_event_personal", "staff"]) {
          assert.include(dry.out, table)
        }
        const json = yield* cli("purge", "--city", "kawanishi", "--before", "2026-10-01", "--dry-run", "--json")
        const report = JSON.parse(json.out) as { city: string; dryRun: boolean; tables: Array<{ owner: string }> }
        assert.strictEqual(report.city, "kawanishi")
        assert.isTrue(report.dryRun)
        assert.deepStrictEqual(
          [...new Set(report.tables.map((t) => t.owner))],
          ["scheduling", "reporting", "custody", "db"]
        )
        yield* cli("purge", "--city", "kawanishi", "--before", "2999-01-01")
        assert.strictEqual(process.exitCode, 1)
      }),
    120_000
  )
})
