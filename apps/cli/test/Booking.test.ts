import { NodeServices } from "@effect/platform-node"
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { TestConsole } from "effect/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bookings, reservations, slots } from "../src/commands/Booking.ts"

// The commands open the app's own database: here an embedded PGlite in a fresh directory (the
// environment is restored afterwards, for the test files that run next in this process).
const saved = { url: process.env.DATABASE_URL, dir: process.env.MADOGUCHI_DATA_DIR }
const dataDir = mkdtempSync(join(tmpdir(), "madoguchi-cli-booking-"))
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

const layer = Layer.mergeAll(NodeServices.layer, TestConsole.layer)
const root = Command.make("madoguchi").pipe(Command.withSubcommands([slots, reservations, bookings]))
const cli = (...args: Array<string>) =>
  Effect.gen(function* () {
    yield* Command.runWith(root, { version: "test" })(args)
    return { out: (yield* TestConsole.logLines).join("\n"), err: (yield* TestConsole.errorLines).join("\n") }
  }).pipe(Effect.provide(layer, { local: true }))

afterEach(() => {
  process.exitCode = 0
})

describe("madoguchi slots / reservations", () => {
  it.effect(
    "generates a week of Kawanishi's slots from the calendar, lists them, and lists a day's reservations",
    () =>
      Effect.gen(function* () {
        // 2027-02-01 (Mon) – 2027-02-07 (Sun): five weekdays of 32 fifteen-minute slots, no holiday.
        const generated = yield* cli(
          "slots",
          "generate",
          "--city",
          "kawanishi",
          "--from",
          "2027-02-01",
          "--to",
          "2027-02-07",
          "--json"
        )
        const result = JSON.parse(generated.out) as { created: number; updated: number; closed: number }
        assert.deepStrictEqual([result.created, result.updated, result.closed], [160, 0, 0])
        const listed = yield* cli("slots", "list", "--city", "kawanishi", "--from", "2027-02-01", "--to", "2027-02-01")
        assert.match(listed.out, /09:00–09:15\s+special\s+card\s+4\s+0\s+4\s+open/)
        const day = yield* cli("reservations", "list", "--city", "kawanishi", "--date", "2027-02-01", "--json")
        assert.deepStrictEqual(JSON.parse(day.out), { reservations: [] })
        // A date that does not exist: refused (in ja and en on stderr), exit code 1.
        yield* cli("reservations", "list", "--city", "kawanishi", "--date", "2027-02-30")
        assert.strictEqual(process.exitCode, 1)
      }),
    120_000
  )
})
