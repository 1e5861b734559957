/**
 * The product on one port: the Hono API under `/api` and the built SvelteKit app (adapter-node
 * handler) for everything else. The API instance is handed to the web app in-process (the web app's
 * server hook routes `/api` to it, and its pages load data through it), so both share one runtime and
 * one database connection — essential for embedded PGlite, which is single-process.
 */
import { existsSync } from "node:fs"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { fileURLToPath, pathToFileURL } from "node:url"
import { getRequestListener } from "@hono/node-server"
import { Api, Auth, Runtime } from "@madoguchi/api"
import { Cause, Console, Effect, Exit } from "effect"
import { CliFailure } from "./Output.ts"

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** Where `npm run build -w @madoguchi/web` puts the adapter-node handler. */
export const webHandlerPath = fileURLToPath(new URL("../../web/build/handler.js", import.meta.url))

const API_KEY = Symbol.for("madoguchi.api")

/**
 * The scheme the SvelteKit handler should see. adapter-node assumes https unless told through a
 * header; on our own plain-HTTP listener that would make every same-origin form post look
 * cross-site (403). We set the header ourselves on each request — `http`, or the proxy's
 * `X-Forwarded-Proto` when `MADOGUCHI_TRUST_PROXY=1` says a TLS proxy sits in front.
 */
const PROTOCOL_HEADER = "x-madoguchi-protocol"
const trustProxy = process.env.MADOGUCHI_TRUST_PROXY === "1"
const protocolOf = (req: IncomingMessage): string => {
  const forwarded = req.headers["x-forwarded-proto"]
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded
  return trustProxy && (value === "https" || value === "http") ? value : "http"
}

const describeFailure = (cause: Cause.Cause<unknown>): CliFailure => {
  const error = Cause.squash(cause) as { ja?: unknown; en?: unknown; message?: unknown }
  if (typeof error?.ja === "string" && typeof error?.en === "string")
    return new CliFailure({ ja: error.ja, en: error.en })
  const message = typeof error?.message === "string" ? error.message : String(error)
  return new CliFailure({ ja: `起動できませんでした: ${message}`, en: `could not start: ${message}` })
}

export const startServer = (options: { readonly port: number; readonly demo: boolean }) =>
  Effect.scoped(
    Effect.gen(function* () {
      const started = Date.now()
      const runtime = Runtime.makeRuntime()
      yield* Effect.addFinalizer(() => Effect.promise(() => runtime.dispose()))
      // Build the layers now (migrations, profiles) so a bad profile or database stops the start here.
      const ready = yield* Effect.promise(() =>
        runtime.runPromiseExit(options.demo ? Auth.ensureDemoAccounts : Effect.void)
      )
      if (Exit.isFailure(ready)) return yield* describeFailure(ready.cause)

      const app = Api.makeApp(runtime, { demo: options.demo })
      ;(globalThis as Record<symbol, unknown>)[API_KEY] = app
      const api = getRequestListener(app.fetch)

      let web: NodeHandler | undefined
      if (existsSync(webHandlerPath)) {
        process.env.PROTOCOL_HEADER = PROTOCOL_HEADER
        const mod = (yield* Effect.promise(() => import(pathToFileURL(webHandlerPath).href))) as {
          handler: NodeHandler
        }
        web = mod.handler
      } else {
        yield* Console.error(
          "ウェブ画面がビルドされていません (npm run build -w @madoguchi/web)。API のみ提供します。\n" +
            "The web UI is not built (npm run build -w @madoguchi/web); serving the API only."
        )
      }

      const server = createServer((req, res) => {
        const url = req.url ?? "/"
        if (!web || url.startsWith("/api/") || url === "/api" || url === "/openapi.json") {
          void api(req, res)
        } else {
          req.headers[PROTOCOL_HEADER] = protocolOf(req)
          web(req, res, () => {
            res.statusCode = 404
            res.end("Not found")
          })
        }
      })
      yield* Effect.acquireRelease(
        Effect.callback<void, CliFailure>((resume) => {
          server.once("error", (e: NodeJS.ErrnoException) =>
            resume(
              Effect.fail(
                new CliFailure({
                  ja: `ポート ${options.port} で待ち受けできません (${e.code ?? e.message})`,
                  en: `cannot listen on port ${options.port} (${e.code ?? e.message})`
                })
              )
            )
          )
          server.listen(options.port, () => resume(Effect.void))
        }),
        () =>
          Effect.callback<void>((resume) => {
            server.close(() => resume(Effect.void))
          })
      )
      const health = yield* Effect.promise(
        async () =>
          (await (await app.request("/api/v1/health")).json()) as {
            database: { kind: string; location: string }
            cities: Array<string>
          }
      )
      yield* Console.log(
        [
          `窓口 Madoguchi: http://localhost:${options.port}/`,
          `  API:      http://localhost:${options.port}/api/v1/health`,
          `  database: ${health.database.kind} (${health.database.location})`,
          `  cities:   ${health.cities.join(", ") || "(none)"}`,
          ...(options.demo ? ["  demo:     各市のデモ管理者 login=demo password=demo / demo manager per city"] : []),
          `  started in ${Date.now() - started} ms — Ctrl+C で停止 / to stop`
        ].join("\n")
      )
      return yield* Effect.never
    })
  )
