import type { Handle } from "@sveltejs/kit/hooks"
import { api } from "#lib/server/api.ts"

/** `/api/*` goes to the Hono app in-process; pages get the visitor's language (ja by default). */
export const handle: Handle = async ({ event, resolve }) => {
  const path = event.url.pathname
  if (path === "/api" || path.startsWith("/api/") || path === "/openapi.json") {
    return (await api()).fetch(event.request)
  }
  const asked = event.url.searchParams.get("lang")
  if (asked === "ja" || asked === "en") {
    event.cookies.set("lang", asked, { path: "/", httpOnly: false, sameSite: "lax", maxAge: 365 * 24 * 3600 })
  }
  event.locals.lang = (asked ?? event.cookies.get("lang")) === "en" ? "en" : "ja"
  return resolve(event, {
    transformPageChunk: ({ html }: { html: string }) => html.replace("%lang%", event.locals.lang)
  })
}
