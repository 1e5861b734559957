/** The product version, from the package.json (every workspace package shares one version). */
import pkg from "../package.json" with { type: "json" }

export const version: string = pkg.version
