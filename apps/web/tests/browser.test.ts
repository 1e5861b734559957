/**
 * The built product in a real browser (Debian's Chromium through playwright-core): the server runs as
 * `madoguchi serve --demo` on an embedded database in a temporary directory; every screen of a city's
 * menu loads and passes axe's accessibility rules (WCAG 2.1 A/AA).
 */
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import AxeBuilder from "@axe-core/playwright"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { cityNav } from "../src/lib/nav.ts"

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const root = fileURLToPath(new URL("../../..", import.meta.url))
const port = 3900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${port}`

let server: ChildProcess
let browser: Browser
let dataDir: string
let output = ""

const waitForHealth = async (deadline: number) => {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/api/v1/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not start:\n${output}`)
}

beforeAll(async () => {
  assert.isTrue(existsSync(join(root, "apps/web/build/handler.js")), "build the web app first (nx run web:build)")
  assert.isTrue(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`)
  dataDir = mkdtempSync(join(tmpdir(), "madoguchi-web-"))
  const env: NodeJS.ProcessEnv = { ...process.env, MADOGUCHI_DATA_DIR: dataDir, PORT: String(port) }
  delete env.DATABASE_URL
  server = spawn(process.execPath, [join(root, "apps/cli/src/bin.ts"), "serve", "--demo", "--port", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"]
  })
  server.stdout?.on("data", (d) => (output += String(d)))
  server.stderr?.on("data", (d) => (output += String(d)))
  await waitForHealth(Date.now() + 90_000)
  browser = await chromium.launch({
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
})

afterAll(async () => {
  await browser?.close()
  server?.kill("SIGTERM")
  await new Promise((r) => setTimeout(r, 500))
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const axe = async (page: Page) => {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}

describe("web", () => {
  it("home lists the cities and the database status, in Japanese by default", async () => {
    const page = await (await browser.newContext()).newPage()
    const res = await page.goto(`${base}/`)
    assert.strictEqual(res?.status(), 200)
    assert.strictEqual(await page.getAttribute("html", "lang"), "ja")
    assert.strictEqual(await page.locator("h1").textContent(), "市を選んでください")
    const cities = await page.locator("a.card h3").allTextContents()
    for (const name of ["太田市", "川西市", "金沢市", "小金井市"]) {
      assert.isTrue(
        cities.some((c) => c.includes(name)),
        `${name} in ${cities.join(" / ")}`
      )
    }
    assert.include(await page.locator("table.status").textContent(), "PGlite")
    assert.deepStrictEqual(await axe(page), [])
    await page.close()
  })

  it("switches to English and keeps the choice", async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${base}/?lang=en`)
    assert.strictEqual(await page.locator("h1").textContent(), "Choose a city")
    await page.goto(`${base}/`)
    assert.strictEqual(await page.getAttribute("html", "lang"), "en")
    await page.close()
  })

  it("opens a city and every screen of its menu, each accessible", async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${base}/`)
    await page.locator("a.card", { hasText: "川西市" }).click()
    await page.waitForURL(`${base}/kawanishi`)
    assert.include(await page.locator("h1").textContent(), "川西市")
    assert.deepStrictEqual(await axe(page), [])
    for (const entry of cityNav) {
      const res = await page.goto(`${base}/kawanishi/${entry.path}`)
      assert.strictEqual(res?.status(), 200, `/kawanishi/${entry.path}`)
      assert.deepStrictEqual(await axe(page), [], `/kawanishi/${entry.path}`)
    }
    await page.close()
  })

  it("answers an unknown city with a 404 page", async () => {
    const page = await (await browser.newContext()).newPage()
    const res = await page.goto(`${base}/atlantis`)
    assert.strictEqual(res?.status(), 404)
    await page.close()
  })
})
