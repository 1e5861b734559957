/**
 * The personal data a booking may hold, and nothing more: a name the counter can call (asked for in
 * kana), one way to reach the person (phone or e-mail) and,
 * where the city keys bookings by it, the 交付通知書 number. Every field is normalised (NFKC: full-width
 * digits and half-width kana become ordinary ones), checked, and passes the My Number guard.
 */
import { Decode, MyNumber } from "@madoguchi/domain"
import { Schema, SchemaGetter } from "effect"

const { bilingual } = Decode

const normalized = Schema.String.pipe(
  Schema.decode({
    decode: SchemaGetter.transform((s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim()),
    encode: SchemaGetter.transform((s: string) => s)
  })
)

/**
 * The name the counter will call the person by. The booking page asks for it in kana (フリガナ), but it
 * is free text — a resident may only know how to write it in kanji or Latin letters — checked for
 * length, for at least one letter, and by the My Number guard.
 *
 * @category schemas
 */
export const NameKana = normalized.check(
  Schema.makeFilter(
    (s: string) =>
      (s.length >= 1 && s.length <= 100) ||
      bilingual("お名前(フリガナ)は1〜100文字で入力してください", "the name must be 1–100 characters")
  ),
  Schema.makeFilter(
    (s: string) =>
      (/\p{L}/u.test(s) && !/[\p{Cc}\p{Cf}]/u.test(s)) ||
      bilingual("お名前(フリガナ)を文字で入力してください", "give the name in letters (kana preferred)")
  ),
  Schema.makeFilter((s: string) =>
    MyNumber.containsMyNumber(s) ? bilingual(MyNumber.messageJa, MyNumber.messageEn) : true
  )
)

const PHONE = /^\+?[0-9][0-9 ()-]{8,18}[0-9]$/
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/

/**
 * A phone number (10–15 digits, hyphens and spaces allowed) or an e-mail address.
 *
 * @category schemas
 */
export const Contact = normalized.check(
  Schema.makeFilter((s: string) => {
    if (MyNumber.containsMyNumber(s)) return bilingual(MyNumber.messageJa, MyNumber.messageEn)
    if (s.length <= 254 && EMAIL.test(s)) return true
    const digits = s.replace(/[^0-9]/g, "")
    return (
      (PHONE.test(s) && digits.length >= 10 && digits.length <= 15) ||
      bilingual(
        `連絡先は電話番号(例 072-740-1111)かメールアドレスで入力してください: ${s}`,
        `contact must be a phone number (e.g. 072-740-1111) or an e-mail address, got ${JSON.stringify(s)}`
      )
    )
  })
)

/** How the contact reaches the person. @category constructors */
export const contactKind = (contact: string): "email" | "phone" => (contact.includes("@") ? "email" : "phone")

/** A contact as compared: an e-mail address without case, a phone number by its digits (+81 read as 0). */
const comparable = (contact: string): string => {
  const t = contact.normalize("NFKC").trim().toLowerCase()
  if (contactKind(t) === "email") return t
  const digits = t.replace(/\D/g, "")
  return t.startsWith("+81") ? `0${digits.slice(2)}` : digits
}

/**
 * Whether a contact given now is the one stored: e-mail addresses compared without case, phone numbers
 * by their digits (hyphens, spaces, brackets and a leading +81 for 0 do not matter). An erased or empty
 * contact matches nothing.
 *
 * @category constructors
 */
export const sameContact = (stored: string | null, given: string): boolean => {
  if (stored === null) return false
  const a = comparable(stored)
  return a.length > 0 && a === comparable(given)
}

/**
 * The number printed on the 交付通知書 (はがき): letters and digits, up to 30 characters. It is not the
 * 個人番号, and the My Number guard refuses one given by mistake.
 *
 * @category schemas
 */
export const IssuanceNoticeNumber = normalized.check(
  Schema.makeFilter((s: string) => {
    if (MyNumber.containsMyNumber(s)) return bilingual(MyNumber.messageJa, MyNumber.messageEn)
    return (
      /^[A-Za-z0-9-]{1,30}$/.test(s) ||
      bilingual(
        `交付通知書の番号は英数字30文字以内で入力してください: ${s}`,
        `the 交付通知書 number is up to 30 letters and digits, got ${JSON.stringify(s)}`
      )
    )
  })
)
