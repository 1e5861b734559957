/** Run an effect at a fixed instant (only the wall clock is fixed; sleeping and monotonic time stay live). */
import { Clock, Effect } from "effect"

export const at =
  (iso: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      const live = yield* Clock.Clock
      const ms = Date.parse(iso)
      const fixed: Clock.Clock = {
        currentTimeMillisUnsafe: () => ms,
        currentTimeMillis: Effect.succeed(ms),
        currentTimeNanosUnsafe: () => BigInt(ms) * 1_000_000n,
        currentTimeNanos: Effect.succeed(BigInt(ms) * 1_000_000n),
        monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
        monotonicTimeNanos: live.monotonicTimeNanos,
        sleep: (duration) => live.sleep(duration)
      }
      return yield* Effect.provideService(self, Clock.Clock, fixed)
    })
