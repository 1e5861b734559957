/**
 * The My Number guard. Madoguchi never stores a 12-digit 個人番号: every free-text field is decoded
 * through `FreeText`, which rejects text containing one. A 個人番号 is recognised by its check digit
 * (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条), in half- or
 * full-width digits, with or without spaces or hyphens between them, so ordinary numbers (phone
 * numbers, card serials) are not refused by accident unless they happen to carry a valid check digit.
 */
import { Schema } from "effect"

/**
 * Check digit of the first 11 digits: Σ Pn×Qn over n = 1..11 counted from the right, with
 * Qn = n+1 (n ≤ 6) or n−5 (n ≥ 7); remainder r = Σ mod 11; check = 0 when r ≤ 1, else 11 − r.
 *
 * @category constructors
 */
export const checkDigit = (first11: string): number => {
  let sum = 0
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48
    const q = n <= 6 ? n + 1 : n - 5
    sum += p * q
  }
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

/** True when `digits` is 12 ASCII digits whose last one is the valid check digit. @category predicates */
export const isValid = (digits: string): boolean =>
  /^[0-9]{12}$/.test(digits) && checkDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 48

const toAsciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

// 12 digits, each pair optionally separated by one space or hyphen-like character, not inside a longer number.
const DIGIT = "[0-9０-９]"
const SEP = "[ \\u3000\\-‐‑–—－ー−]"
const candidate = new RegExp(`(?<![0-9０-９])${DIGIT}(?:${SEP}?${DIGIT}){11}(?![0-9０-９])`, "g")

/** @category models */
export interface Found {
  /** Offset of the match in the text. */
  readonly index: number
  readonly length: number
}

/**
 * Every 12-digit individual number with a valid check digit in `text` (positions only: the number
 * itself is never returned, so it cannot leak into a log by way of the guard).
 *
 * @category constructors
 */
export const findMyNumbers = (text: string): ReadonlyArray<Found> => {
  const found: Array<Found> = []
  for (const match of text.matchAll(candidate)) {
    const digits = toAsciiDigits(match[0]).replace(/[^0-9]/g, "")
    if (isValid(digits)) found.push({ index: match.index, length: match[0].length })
  }
  return found
}

/** @category predicates */
export const containsMyNumber = (text: string): boolean => findMyNumbers(text).length > 0

/** Replace every individual number in `text` by ＊ (for showing a refused text back to the clerk). */
export const mask = (text: string): string => {
  let out = text
  for (const f of [...findMyNumbers(text)].reverse()) {
    out = out.slice(0, f.index) + "＊".repeat(12) + out.slice(f.index + f.length)
  }
  return out
}

export const messageJa = "個人番号(マイナンバー)と思われる12桁の番号が含まれています。個人番号は記録しないでください。"
export const messageEn = "This text contains what looks like a 12-digit My Number. Do not record individual numbers."

/** Text containing a 個人番号 was refused. @category errors */
export class MyNumberDetected extends Schema.TaggedError<MyNumberDetected>("@madoguchi/domain/MyNumberDetected")(
  "MyNumberDetected",
  { field: Schema.String, occurrences: Schema.Number }
) {
  get ja(): string {
    return `${this.field}: ${messageJa}`
  }
  get en(): string {
    return `${this.field}: ${messageEn}`
  }
  override get message(): string {
    return this.en
  }
}

/**
 * A free-text string that must not contain a 個人番号. Use it for every note, memo, answer or
 * description the product stores.
 *
 * @category schemas
 */
export const FreeText = Schema.String.check(
  Schema.makeFilter((s: string) => (containsMyNumber(s) ? `${messageJa} / ${messageEn}` : undefined), {
    identifier: "FreeText",
    description: "free text without a 12-digit individual number"
  })
)

/**
 * Fail with `MyNumberDetected` when any string inside `value` (searched recursively) contains a 個人番号.
 *
 * @category constructors
 */
export const assertNone = (field: string, value: unknown): MyNumberDetected | undefined => {
  let occurrences = 0
  const visit = (v: unknown): void => {
    if (typeof v === "string") occurrences += findMyNumbers(v).length
    else if (Array.isArray(v)) v.forEach(visit)
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit)
  }
  visit(value)
  return occurrences > 0 ? new MyNumberDetected({ field, occurrences }) : undefined
}
