/**
 * Canonical JSON: object keys sorted, `undefined` members dropped, no whitespace, and every character
 * outside printable ASCII written as a `\uXXXX` escape. The same value always gives the same bytes, so
 * a ledger body can be hashed, stored as text and re-hashed on verification; being ASCII, the stored
 * text is byte-identical whatever the client encoding, and hashes on the fast one-byte path.
 */

const NON_ASCII = /[\u007f-\uffff]/g
const HAS_NON_ASCII = /[\u007f-\uffff]/

/** JSON.stringify with non-ASCII characters escaped. @internal */
export const asciiJson = (value: unknown): string => {
  const json = JSON.stringify(value)
  return HAS_NON_ASCII.test(json)
    ? json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : json
}

const encode = (value: unknown): string => {
  if (value === null) return "null"
  switch (typeof value) {
    case "string":
      return asciiJson(value)
    case "boolean":
      return value ? "true" : "false"
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON: numbers must be finite")
      return JSON.stringify(value)
    case "object": {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : encode(v))).join(",")}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
      return `{${keys.map((k) => `${asciiJson(k)}:${encode(record[k])}`).join(",")}}`
    }
    default:
      throw new TypeError(`canonical JSON: cannot encode a ${typeof value}`)
  }
}

/** @internal */
export const canonicalJson = (value: unknown): string => encode(value)
