/**
 * The `madoguchi` command tree. Each feature adds its commands in `commands/<Feature>.ts`; this file
 * only lists them.
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { bookings, reservations, slots } from "./commands/Booking.ts"
import { calendar, forecast, plan } from "./commands/Planning.ts"
import { custody } from "./commands/Custody.ts"
import { check, profile, validity, vocabulary } from "./commands/Eligibility.ts"
import { purge } from "./commands/Purge.ts"
import { report } from "./commands/Reporting.ts"
import { staff } from "./commands/Staff.ts"
import { doctor, migrate, serve } from "./commands/System.ts"
import pkg from "../package.json" with { type: "json" }

const root = Command.make("madoguchi").pipe(
  Command.withDescription(
    "窓口 — マイナンバーカード窓口業務の運用コマンド / Madoguchi — operations CLI for My Number Card counters"
  )
)

export const command = root.pipe(
  Command.withSubcommands([
    migrate,
    serve,
    doctor,
    staff,
    report,
    calendar,
    forecast,
    plan,
    check,
    validity,
    vocabulary,
    profile,
    slots,
    reservations,
    bookings,
    custody,
    purge
  ])
)

/** Run the CLI with `argv` (as in `process.argv`). */
export const main = (_argv: ReadonlyArray<string>): void =>
  command.pipe(Command.run({ version: pkg.version }), Effect.provide(NodeServices.layer), NodeRuntime.runMain)
