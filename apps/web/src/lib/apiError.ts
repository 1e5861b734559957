/** The API's error body (`{ error: { code, ja, en, path?, problems? } }`), as a page shows it. */
import type { Label } from "./i18n.ts"

export interface ApiError extends Label {
  readonly code: string
  readonly path?: string
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly ja: string; readonly en: string }>
}
