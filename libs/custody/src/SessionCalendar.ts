/**
 * The port through which custody learns a city's next session (開催日) after a day, for deadlines such
 * as Koganei's 「日曜日においては翌開催日までに市に納品」. Custody does not compute calendars: the app
 * provides this service from the city calendar (scheduling), or from a list of dates. Without it, a
 * next-session deadline is reported as undetermined rather than guessed.
 */
import { Context, Effect, Layer, Option } from "effect"

/** @category services */
export class SessionCalendar extends Context.Service<
  SessionCalendar,
  {
    /** The first session strictly after `date` (YYYY-MM-DD), if the calendar knows one. */
    readonly nextSessionAfter: (cityCode: string, date: string) => Effect.Effect<Option.Option<string>>
  }
>()("@madoguchi/custody/SessionCalendar") {
  /** Sessions given as dates per city code. */
  static readonly layerDates = (
    sessions: Readonly<Record<string, ReadonlyArray<string>>>
  ): Layer.Layer<SessionCalendar> =>
    Layer.succeed(
      SessionCalendar,
      SessionCalendar.of({
        nextSessionAfter: (cityCode, date) =>
          Effect.succeed(Option.fromNullishOr([...(sessions[cityCode] ?? [])].sort().find((d) => d > date)))
      })
    )
}
