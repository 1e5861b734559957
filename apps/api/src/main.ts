/**
 * Serve the API alone (`npm run serve -w @madoguchi/api`): `/api/v1/*` on PORT (default 3001).
 * The full product (API + web UI on one port) is `npx madoguchi serve` / `npm start`.
 */
import { serve } from "@hono/node-server"
import { makeApp } from "./App.ts"
import { makeRuntime } from "./Runtime.ts"

const runtime = makeRuntime()
const app = makeApp(runtime, { demo: process.env.MADOGUCHI_DEMO === "1" })
const port = Number(process.env.PORT ?? 3001)
const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Madoguchi API: http://localhost:${info.port}/api/v1/health`)
})
const stop = () => {
  server.close()
  void runtime.dispose().then(() => process.exit(0))
}
process.once("SIGINT", stop)
process.once("SIGTERM", stop)
