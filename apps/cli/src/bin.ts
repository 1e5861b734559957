#!/usr/bin/env node
/** `npx madoguchi …` — the operations CLI. */
import { main } from "./Main.ts"

main(process.argv)
