/**
 * The Hono API the web app talks to, in-process. `madoguchi serve` hands its instance over (one
 * runtime, one database for API and pages); under `vite dev` the web app starts its own.
 */
import type * as ApiModule from "@madoguchi/api"

interface FetchApp {
  fetch: (request: Request) => Response | Promise<Response>
}

const KEY = Symbol.for("madoguchi.api")
let starting: Promise<FetchApp> | undefined

const own = async (): Promise<FetchApp> => {
  // Not bundled: resolved at run time from the workspace (Node runs the TypeScript sources).
  const specifier = "@madoguchi/api"
  const { Api, Auth, Runtime } = (await import(/* @vite-ignore */ specifier)) as typeof ApiModule
  const runtime = Runtime.makeRuntime()
  await runtime.runPromise(Auth.ensureDemoAccounts)
  return Api.makeApp(runtime, { demo: true })
}

export const api = (): Promise<FetchApp> => {
  const injected = (globalThis as Record<symbol, FetchApp | undefined>)[KEY]
  if (injected) return Promise.resolve(injected)
  starting ??= own().then((app) => {
    ;(globalThis as Record<symbol, FetchApp>)[KEY] = app
    return app
  })
  return starting
}
