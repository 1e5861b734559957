import adapter from "@sveltejs/adapter-node"
import { sveltekit } from "@sveltejs/kit/vite"
import { defineConfig } from "vitest/config"

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out: "build" }),
      // Forms post to the same origin; the API keeps its own checks.
      csrf: { trustedOrigins: [] }
    })
  ],
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    passWithNoTests: true,
    // The screen tests wait mostly on their own server and browser: two files at a time even on two cores.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000
  }
})
