/**
 * Wall-clock time at Japanese counters: every city is in Asia/Tokyo (UTC+9, no daylight saving), so
 * a date and an `HH:MM` make one instant, and an instant prints as `2026-10-05T09:00:00+09:00`.
 */
import { Temporal } from "temporal-polyfill"

const OFFSET_MS = 9 * 60 * 60 * 1000

/** The instant of a local date and time at the counter. */
export const instant = (date: string, time: string): Date => new Date(`${date}T${time}:00+09:00`)

/** `2026-10-05T09:00:00+09:00`. */
export const formatInstant = (at: Date): string => {
  const local = new Date(at.getTime() + OFFSET_MS).toISOString()
  return `${local.slice(0, 19)}+09:00`
}

/** The local date of an instant. */
export const localDate = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** The local `HH:MM` of an instant. */
export const localTime = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16)

/** Whole minutes from `from` to `to` (never negative). */
export const minutesBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000))

/** Every date from `from` to `to`, inclusive. */
export const datesBetween = (from: string, to: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  const end = Temporal.PlainDate.from(to)
  for (let d = Temporal.PlainDate.from(from); Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 1 })) {
    out.push(d.toString())
  }
  return out
}

/** `date` plus `days`. */
export const addDays = (date: string, days: number): string => Temporal.PlainDate.from(date).add({ days }).toString()
