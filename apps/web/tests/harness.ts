/**
 * A test server and browser for the screen tests (plan, reports, custody): `madoguchi serve --demo` on
 * an embedded database in a temporary directory, and Debian's Chromium through playwright-core, with
 * axe's WCAG 2.1 A/AA rules.
 *
 * The server is plain HTTP, but adapter-node takes a request's protocol to be https unless
 * `PROTOCOL_HEADER` names a header that says otherwise, and SvelteKit refuses a form POST whose
 * `Origin` differs from it. The tests therefore run as behind a reverse proxy: the server is told to
 * read `x-forwarded-proto`, and the browser sends `x-forwarded-proto: http`.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import AxeBuilder from "@axe-core/playwright"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { assert } from "vitest"

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const root = fileURLToPath(new URL("../../..", import.meta.url))

export interface Harness {
  readonly base: string
  /** A fresh page in its own context (cookies), in Japanese unless `lang` says otherwise. */
  readonly page: (lang?: "ja" | "en") => Promise<Page>
  readonly stop: () => Promise<void>
}

export const start = async (): Promise<Harness> => {
  assert.isTrue(existsSync(join(root, "apps/web/build/handler.js")), "build the web app first (nx run web:build)")
  assert.isTrue(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`)
  const port = 4000 + Math.floor(Math.random() * 900)
  const base = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), "madoguchi-web-"))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MADOGUCHI_DATA_DIR: dataDir,
    PORT: String(port),
    PROTOCOL_HEADER: "x-forwarded-proto"
  }
  delete env.DATABASE_URL
  let output = ""
  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, "apps/cli/src/bin.ts"), "serve", "--demo", "--port", String(port)],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] }
  )
  server.stdout?.on("data", (d) => (output += String(d)))
  server.stderr?.on("data", (d) => (output += String(d)))
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output}`)
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
  const contexts: Array<BrowserContext> = []
  return {
    base,
    page: async (lang = "ja") => {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-proto": "http" } })
      contexts.push(context)
      const page = await context.newPage()
      if (lang === "en") await page.goto(`${base}/?lang=en`)
      return page
    },
    stop: async () => {
      for (const c of contexts) await c.close().catch(() => undefined)
      await browser.close()
      server.kill("SIGTERM")
      await new Promise((r) => setTimeout(r, 500))
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** axe's WCAG 2.1 A/AA violations on the page, one line each. */
export const axe = async (page: Page): Promise<Array<string>> => {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

/** Today in Japan, as the screens default to it. */
export const tokyoToday = (): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).format(new Date())

export const CITIES = ["kawanishi", "kanazawa", "koganei", "ota"] as const
