/**
 * `npm run bench`: run every benchmark script (the `.ts` files in each `libs/<lib>/bench` and
 * `apps/<app>/bench` folder) one after another, each in its own Node process, and print their figures. Storage benchmarks use PostgreSQL
 * at DATABASE_URL (default: the local test database) and say so; pass names to run a subset:
 * `npm run bench -- booking custody`.
 */
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join, relative } from "node:path"

const root = join(import.meta.dirname, "..")
const filters = process.argv.slice(2)
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" }

const scripts = ["libs", "apps"].flatMap((group) =>
  readdirSync(join(root, group)).flatMap((project) => {
    const dir = join(root, group, project, "bench")
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("_"))
          .sort()
          .map((f) => join(dir, f))
      : []
  })
)

const selected = scripts.filter((s) => filters.length === 0 || filters.some((f) => s.includes(f)))
let failed = 0
for (const script of selected) {
  const name = relative(root, script)
  console.log(`\n━━ ${name}`)
  const started = performance.now()
  const result = spawnSync(process.execPath, [script], { cwd: join(script, "..", ".."), env, stdio: "inherit" })
  console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s, exit ${result.status})`)
  if (result.status !== 0) failed++
}
if (selected.length === 0) console.log("no benchmark matched")
process.exitCode = failed > 0 ? 1 : 0
