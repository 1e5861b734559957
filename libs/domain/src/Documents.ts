/**
 * Documents at the counter: what each one proves, whether it is usable on the visit date, and the
 * sets the law asks for — "A×1, or B×2" for the applicant [M-Hagi][M-Kyoto], the stricter sets for
 * a proxy hand-over (A×2, A+B, or B×3 with a photo for the applicant; A×2 or A+B for the proxy)
 * [M-Owariasahi][M-Kakegawa][M-Oyama][M-Shibushi], and the papers of each procedure.
 *
 * A document is usable when it is an original (evidence of inability may be a copy), unexpired on
 * the visit date, and — for the old 健康保険証 — issued before 2024-12-02 and used before 2025-12-02
 * [DIGITAL-faq]. 通知カード and 個人番号通知書 never prove identity [SOUMU-tsuchi][JLIS-tsuchi].
 * Requirements are counted over distinct document types per holder, so the order in which
 * documents are listed never matters and adding a document never hurts.
 */
import { Schema, SchemaGetter } from "effect"
import * as Dates from "./internal/dates.ts"
import { HEALTH_INSURANCE_CARDS_EXPIRED, HEALTH_INSURANCE_NEW_ISSUANCE_ENDED } from "./RuleBook.ts"
import { LocalDate } from "./Values.ts"
import { type DocumentCategory, DocumentType, Holder } from "./Vocabulary.ts"

const optionalNullable = <S extends Schema.Top>(schema: S) => Schema.optional(Schema.NullOr(schema))

/** A document as presented, with the flags that matter for it. @category schemas */
export const Document = Schema.Struct({
  type: DocumentType.schema,
  /** Whose document it is; `applicant` when absent. */
  holder: optionalNullable(Holder.schema),
  expiresOn: optionalNullable(LocalDate),
  issuedOn: optionalNullable(LocalDate),
  /** Forms (交付通知書 回答書・委任状, 照会書兼回答書): every field completed by the applicant. */
  completed: optionalNullable(Schema.Boolean),
  /** PINs concealed (目隠しシール) or the reply sealed in its envelope. */
  sealed: optionalNullable(Schema.Boolean),
  /** The 委任状 states that the applicant cannot attend (外出困難・出頭困難). */
  statesInabilityToAttend: optionalNullable(Schema.Boolean),
  /** Months since issuance (certificates such as 戸籍謄本 or 登記事項証明書). */
  issuedWithinMonths: optionalNullable(Schema.Number.check(Schema.isGreaterThanOrEqualTo(0))),
  /** A photocopy rather than the original. */
  copy: optionalNullable(Schema.Boolean),
  /** 通知カード: name and address still match the resident record. */
  matchesResidentRecord: optionalNullable(Schema.Boolean),
  /** 在留カード: stamped 「在留期間更新許可申請中」. */
  renewalPendingStamp: optionalNullable(Schema.Boolean),
  /** Carries the holder's face photo (学生証, 社員証; 住基カード without photo: false). */
  photo: optionalNullable(Schema.Boolean)
})
export type Document = typeof Document.Type

/**
 * A document in input: the object, or its bare type code (short for `{ type, holder: "applicant" }`).
 *
 * @category schemas
 */
export const DocumentInput = Schema.Union([DocumentType.schema, Document]).pipe(
  Schema.decodeTo(Schema.toType(Document), {
    decode: SchemaGetter.transform((v: DocumentType | Document): Document => (typeof v === "string" ? { type: v } : v)),
    encode: SchemaGetter.transform((v: Document): DocumentType | Document => v)
  })
)

// ---------------------------------------------------------------------------------------------
// Flags: what a holder's documents of one type prove on the visit date (union over the copies).

/** @category constants */
export const Flag = {
  PRESENT: 1,
  /** Original, unexpired, accepted on the visit date. */
  USABLE: 2,
  SEALED: 4,
  COMPLETED: 8,
  STATES_INABILITY: 16,
  PHOTO: 32,
  /** Issued within the last three months. */
  RECENT: 64,
  MATCHES_RECORD: 128,
  /** Identity document of group A (one suffices). */
  GROUP_A: 256,
  /** Identity document of group B (or better). */
  GROUP_B: 512,
  EXPIRED: 1024,
  /** 在留カード stamped 「在留期間更新許可申請中」. */
  RENEWAL_STAMP: 2048,
  /** A photocopy. */
  COPY: 4096
} as const

const typeIndex: ReadonlyMap<string, number> = new Map(DocumentType.codes.map((c, i) => [c, i]))
/** Position of a document type in the summary arrays. @category constructors */
export const indexOf = (type: DocumentType): number => typeIndex.get(type)!
const TYPES = DocumentType.codes.length

/** What the summary needs to know about each document type, looked up once per document. */
interface TypeInfo {
  readonly index: number
  readonly category: DocumentCategory
  /** Identity documents belong to a person; the case's papers count for the applicant whoever carries them. */
  readonly personal: boolean
  /** Group A/B (and photo) flags before the document's own details. */
  readonly group: number
  readonly identity: boolean
}

/** Facts about the applicant that decide whether their own My Number card is usable. @category models */
export interface CardFacts {
  readonly status?: string | null | undefined
  readonly expiresOn?: string | null | undefined
}

/** What the documents of each holder prove. @category models */
export interface Summary {
  /**
   * Per holder one buffer: the flags of each document type at `indexOf(type)`; then at offset
   * `typeCount` how many types the holder brought, followed by their indices (so a buffer is reset
   * by clearing just those, and a requirement counts over just those).
   */
  readonly applicant: Int32Array
  readonly attendee: Int32Array
  /** Some identity document was brought that cannot be used (expired, a copy, a suspended card…). */
  readonly unusableIdentity: boolean
}

/** Where a buffer holds how many types were brought; their indices follow. */
const COUNT = TYPES
const LIST = TYPES + 1
/** Length of the per-holder buffers of a summary: flags per type, the count, the list. @category constants */
export const bufferLength = (): number => 2 * TYPES + 1

/** Clear what the previous summary wrote into `buffer`. */
const reset = (buffer: Int32Array): void => {
  const n = buffer[COUNT]!
  for (let i = 0; i < n; i++) buffer[buffer[LIST + i]!] = 0
  buffer[COUNT] = 0
}

const infos: ReadonlyMap<string, TypeInfo> = new Map(
  DocumentType.entries.map((e, index) => {
    const category = e.category
    const identity = category === "identity_a" || category === "identity_b"
    return [
      e.code,
      {
        index,
        category,
        personal: identity || category === "never_identity",
        identity,
        group:
          category === "identity_a"
            ? Flag.GROUP_A | Flag.GROUP_B | Flag.PHOTO
            : category === "identity_b"
              ? Flag.GROUP_B | (e.code === "face_photo_certificate" ? Flag.PHOTO : 0)
              : 0
      }
    ] as const
  })
)

const HEALTH_EXPIRED_FROM = HEALTH_INSURANCE_CARDS_EXPIRED.from!
const HEALTH_ISSUANCE_ENDED = HEALTH_INSURANCE_NEW_ISSUANCE_ENDED.from!

/**
 * The flags of one document on the visit date. Only the fields present are read (`for…in` over the
 * decoded object), which keeps the many document shapes from costing a read of every optional field.
 */
const flagsOf = (
  doc: Document,
  info: TypeInfo,
  visitDate: string,
  ownCard: boolean,
  cardStatus: string | undefined,
  cardExpiresOn: string | undefined
): number => {
  const type = doc.type
  let expiresOn: string | undefined
  let issuedOn: string | undefined
  let months: number | undefined
  let original = true
  let flags = Flag.PRESENT | Flag.COMPLETED
  let photo: boolean | undefined
  for (const key in doc) {
    const v = doc[key as keyof Document]
    if (v === null || v === undefined) continue
    switch (key) {
      case "expiresOn":
        expiresOn = v as string
        break
      case "issuedOn":
        issuedOn = v as string
        break
      case "issuedWithinMonths":
        months = v as number
        break
      case "copy":
        if (v === true) original = false
        break
      case "sealed":
        if (v === true) flags |= Flag.SEALED
        break
      case "completed":
        if (v === false) flags &= ~Flag.COMPLETED
        break
      case "statesInabilityToAttend":
        if (v === true) flags |= Flag.STATES_INABILITY
        break
      case "matchesResidentRecord":
        if (v === true) flags |= Flag.MATCHES_RECORD
        break
      case "renewalPendingStamp":
        if (v === true) flags |= Flag.RENEWAL_STAMP
        break
      case "photo":
        photo = v as boolean
        break
    }
  }
  let expired = expiresOn !== undefined && expiresOn < visitDate
  if (expired && type === "residence_card" && (flags & Flag.RENEWAL_STAMP) !== 0) {
    // 特例期間: a residence card stamped 申請中 stays valid up to two months after its expiry [M-Yokote]
    expired = visitDate > Dates.addMonths(expiresOn!, 2).date
  }
  if (ownCard) {
    if (cardStatus === "expired" || cardStatus === "lost" || cardStatus === "abolished") expired = true
    if (cardExpiresOn !== undefined && cardExpiresOn < visitDate) expired = true
  } else if (type === "health_insurance_card") {
    // New issuance ended 2024-12-02; every issued card had expired by 2025-12-01 [DIGITAL-faq]
    if (visitDate >= HEALTH_EXPIRED_FROM) expired = true
    if (issuedOn !== undefined && issuedOn >= HEALTH_ISSUANCE_ENDED) expired = true
  } else if (info.category === "authority" && type !== "power_of_attorney") {
    // Proof of authority (戸籍謄本, 登記事項証明書) is accepted within three months of issuance
    // [M-Ageo][M-Oyama]; a certificate known to be older is not.
    if (
      (months !== undefined && months > 3) ||
      (issuedOn !== undefined && Dates.addMonths(issuedOn, 3).date < visitDate)
    )
      expired = true
  }
  if (expired) flags |= Flag.EXPIRED
  const suspendedCard = ownCard && cardStatus === "suspended"
  if (!expired && (original || info.category === "evidence") && !suspendedCard) flags |= Flag.USABLE
  if (!original) flags |= Flag.COPY
  if (
    (months !== undefined && months <= 3) ||
    (issuedOn !== undefined && Dates.addMonths(issuedOn, 3).date >= visitDate)
  )
    flags |= Flag.RECENT
  let group = info.group
  if (group !== 0) {
    // 運転経歴証明書 counts as A only when issued from 2012-04-01 [M-Hagi]; a 住基カード without photo is B
    if (
      (type === "driving_history_certificate" && issuedOn !== undefined && issuedOn < "2012-04-01") ||
      (type === "juki_card" && photo === false)
    )
      group = Flag.GROUP_B
    if (photo === true) group |= Flag.PHOTO
    flags |= group
  }
  return flags
}

/**
 * Summarise documents per holder into two buffers of `bufferLength()`, zeroed or last written by
 * this function (the hot path reuses them: only what the previous summary wrote is cleared). With
 * `self` attending, the attendee is the applicant.
 *
 * @category constructors
 */
export const summarizeInto = (
  applicantBuffer: Int32Array,
  attendeeBuffer: Int32Array,
  documents: ReadonlyArray<Document>,
  visitDate: string,
  cardStatus: string | undefined,
  cardExpiresOn: string | undefined,
  attendeeIsApplicant: boolean
): Summary => {
  const applicant = applicantBuffer
  const attendee = attendeeIsApplicant ? applicantBuffer : attendeeBuffer
  reset(applicant)
  if (attendee !== applicant) reset(attendee)
  let unusableIdentity = false
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!
    const info = infos.get(doc.type)!
    const toAttendee = info.personal && doc.holder === "attendee" && !attendeeIsApplicant
    const buffer = toAttendee ? attendee : applicant
    const index = info.index
    const f = flagsOf(doc, info, visitDate, index === MY_NUMBER_CARD && !toAttendee, cardStatus, cardExpiresOn)
    if (info.identity && (f & Flag.USABLE) === 0) unusableIdentity = true
    const before = buffer[index]!
    if (before === 0) {
      const n = buffer[COUNT]!
      buffer[LIST + n] = index
      buffer[COUNT] = n + 1
    }
    buffer[index] = before | f
  }
  return { applicant, attendee, unusableIdentity }
}

const MY_NUMBER_CARD = indexOf("my_number_card")
const RESIDENCE_CARD = indexOf("residence_card")

/** Summarise documents per holder (fresh buffers). @category constructors */
export const summarize = (
  documents: ReadonlyArray<Document>,
  visitDate: string,
  card: CardFacts,
  attendeeIsApplicant: boolean
): Summary =>
  summarizeInto(
    new Int32Array(bufferLength()),
    new Int32Array(bufferLength()),
    documents,
    visitDate,
    card.status ?? undefined,
    card.expiresOn ?? undefined,
    attendeeIsApplicant
  )

/** True when the holder has a usable document of `type` with all `flags`. @category predicates */
export const has = (flags: Int32Array, type: DocumentType | number, mask: number = Flag.USABLE): boolean =>
  (flags[typeof type === "number" ? type : indexOf(type)]! & mask) === mask

/** True when the holder brought a document of `type` at all. @category predicates */
export const brought = (flags: Int32Array, type: DocumentType | number): boolean =>
  flags[typeof type === "number" ? type : indexOf(type)]! !== 0

/** True when a usable residence card is stamped (or the receipt is present). @category predicates */
export const residenceCardUsable = (flags: Int32Array): boolean => (flags[RESIDENCE_CARD]! & Flag.USABLE) !== 0

// ---------------------------------------------------------------------------------------------
// Requirements: alternatives of needs, each "at least k distinct types from this list with flags".

/** @category models */
export interface Text {
  readonly ja: string
  readonly en: string
}

// ---------------------------------------------------------------------------------------------
// Document kinds that stop existing: never suggested once they cannot be valid.

/** Kinds that cannot be valid from a date on: no 健康保険証 from 2025-12-02 [DIGITAL-faq]. */
const KIND_ENDS: ReadonlyArray<readonly [DocumentType, string]> = [
  ["health_insurance_card", HEALTH_INSURANCE_CARDS_EXPIRED.from!]
]
const CUTOFFS: ReadonlyArray<string> = [...new Set(KIND_ENDS.map(([, from]) => from))].sort()

/** Which period of `CUTOFFS` a date falls in (0 before the first). @category constructors */
export const eraOf = (date: string): number => {
  let era = 0
  for (let i = 0; i < CUTOFFS.length; i++) if (date >= CUTOFFS[i]!) era++
  return era
}
const ERAS = CUTOFFS.length + 1
/** The first day of each era. */
const ERA_FIRST_DAY: ReadonlyArray<string> = ["0000-01-01", ...CUTOFFS]

/** The kinds among `types` that can still be valid in `era`. */
const possibleIn = (types: ReadonlyArray<DocumentType>, era: number): ReadonlyArray<DocumentType> => {
  const first = ERA_FIRST_DAY[era]!
  const kept = types.filter((t) => !KIND_ENDS.some(([kind, from]) => kind === t && first >= from))
  return kept.length === types.length ? types : kept
}

/** @category models */
export interface Need extends Text {
  readonly types: ReadonlyArray<DocumentType>
  /** `types` without the kinds that cannot be valid, per era (`eraOf`): what may be suggested. */
  readonly suggestable: ReadonlyArray<ReadonlyArray<DocumentType>>
  readonly mask: number
  readonly count: number
  /** The types as a bitset (words 0–31, 32–63). */
  readonly lo: number
  readonly hi: number
}

/** @category models */
export interface Alternative extends Text {
  readonly needs: ReadonlyArray<Need>
}

/** What must be shown, with the choices the law gives. @category models */
export interface Requirement extends Text {
  readonly code: string
  readonly holder: "applicant" | "attendee"
  readonly alternatives: ReadonlyArray<Alternative>
  /**
   * The public answers for this requirement, by era and documents still needed per need: a small
   * finite table (each need counts 0…count), filled on first use and shared by every decision.
   */
  readonly answers: Map<number, Missing>
}

/** @category constructors */
export const need = (
  types: ReadonlyArray<DocumentType>,
  count: number,
  text: Text,
  mask: number = Flag.USABLE
): Need => {
  let lo = 0
  let hi = 0
  for (const t of types) {
    const i = indexOf(t)
    if (i < 32) lo |= 1 << i
    else hi |= 1 << (i - 32)
  }
  const suggestable = Array.from({ length: ERAS }, (_, era) => Object.freeze([...possibleIn(types, era)]))
  return { types, suggestable, mask, count, lo, hi, ...text }
}

/** @category constructors */
export const alternative = (text: Text, ...needs: ReadonlyArray<Need>): Alternative => ({ ...text, needs })

/** @category constructors */
export const requirement = (
  code: string,
  holder: "applicant" | "attendee",
  text: Text,
  ...alternatives: ReadonlyArray<Alternative>
): Requirement => {
  return { code, holder, alternatives, answers: new Map(), ...text }
}

/** The public entry for `r` with `remaining[a][i]` documents still needed for need i of alternative a. */
const missingEntry = (r: Requirement, era: number, remaining: ReadonlyArray<ReadonlyArray<number>>): Missing => {
  const documents = new Set<string>()
  const alternatives = r.alternatives.map((a, ai) =>
    Object.freeze({
      ja: a.ja,
      en: a.en,
      needs: Object.freeze(
        a.needs.flatMap((n, ni) => {
          const count = remaining[ai]![ni]!
          if (count <= 0) return []
          const oneOf = n.suggestable[era]!
          for (const t of oneOf) documents.add(t)
          return [Object.freeze({ oneOf, count, ja: n.ja, en: n.en })]
        })
      )
    })
  )
  const codes = Object.freeze([...documents])
  // Shared by every decision that misses the same: frozen all the way down.
  return Object.freeze({
    code: r.code,
    holder: r.holder,
    ja: r.ja,
    en: r.en,
    ...(codes.length === 1 ? { type: codes[0]! } : {}),
    documents: codes,
    alternatives: Object.freeze(alternatives)
  })
}

/** A single document of one type. @category constructors */
export const single = (
  code: string,
  holder: "applicant" | "attendee",
  type: DocumentType,
  text: Text,
  mask: number = Flag.USABLE
): Requirement => requirement(code, holder, text, alternative(text, need([type], 1, text, mask)))

/** How many distinct types of the need the holder has with all of its flags. */
const countOf = (buffer: Int32Array, n: Need): number => {
  const brought = buffer[COUNT]!
  const lo = n.lo
  const hi = n.hi
  const mask = n.mask
  let count = 0
  for (let i = 0; i < brought; i++) {
    const t = buffer[LIST + i]!
    const member = t < 32 ? (lo >>> t) & 1 : (hi >>> (t - 32)) & 1
    if (member !== 0 && (buffer[t]! & mask) === mask) count++
  }
  return count
}

/** True when some alternative is fully met. @category predicates */
export const satisfied = (r: Requirement, s: Summary): boolean => {
  const flags = r.holder === "attendee" ? s.attendee : s.applicant
  for (let a = 0; a < r.alternatives.length; a++) {
    const needs = r.alternatives[a]!.needs
    let ok = true
    for (let i = 0; i < needs.length && ok; i++) ok = countOf(flags, needs[i]!) >= needs[i]!.count
    if (ok) return true
  }
  return false
}

/** A requirement not met, with what is still missing in each alternative (public output shape). @category schemas */
export const Missing = Schema.Struct({
  /** The requirement (upper-case, stable). */
  code: Schema.String,
  holder: Holder.schema,
  /** The one document code that would meet it, when only one kind would. */
  type: Schema.optional(Schema.String),
  /**
   * Every document code that would count towards meeting it (vocabulary codes, as in the input),
   * never a kind that cannot be valid on the visit date; the alternatives say how many of which.
   */
  documents: Schema.Array(Schema.String),
  ja: Schema.String,
  en: Schema.String,
  alternatives: Schema.Array(
    Schema.Struct({
      ja: Schema.String,
      en: Schema.String,
      needs: Schema.Array(
        Schema.Struct({
          oneOf: Schema.Array(Schema.String),
          count: Schema.Number,
          ja: Schema.String,
          en: Schema.String
        })
      )
    })
  )
})
export type Missing = typeof Missing.Type

/**
 * What is still missing for `r` (call when not `satisfied`) on a visit in `era` (`eraOf`): kinds that
 * cannot be valid then are not suggested.
 *
 * @category constructors
 */
export const missing = (r: Requirement, s: Summary, era: number): Missing => {
  const flags = r.holder === "attendee" ? s.attendee : s.applicant
  let key = era
  const alternatives = r.alternatives
  for (let a = 0; a < alternatives.length; a++) {
    const needs = alternatives[a]!.needs
    for (let i = 0; i < needs.length; i++) {
      const n = needs[i]!
      const remaining = n.count - countOf(flags, n)
      key = key * (n.count + 1) + (remaining > 0 ? remaining : 0)
    }
  }
  let answer = r.answers.get(key)
  if (answer === undefined) {
    answer = missingEntry(
      r,
      era,
      alternatives.map((a) => a.needs.map((n) => n.count - countOf(flags, n)))
    )
    r.answers.set(key, answer)
  }
  return answer
}

// ---------------------------------------------------------------------------------------------
// The identity-document groups and the standard sets.

/** Group A: official photo ID, one suffices. @category constants */
export const GROUP_A: ReadonlyArray<DocumentType> = DocumentType.entries
  .filter((e) => e.category === "identity_a")
  .map((e) => e.code)

/** Groups A and B together (documents that can count as B). @category constants */
export const GROUP_AB: ReadonlyArray<DocumentType> = DocumentType.entries
  .filter((e) => e.category === "identity_a" || e.category === "identity_b")
  .map((e) => e.code)

/** A and B without the 顔写真証明書, which never identifies a proxy [M-Shibushi]. @category constants */
export const GROUP_AB_FOR_PROXY: ReadonlyArray<DocumentType> = GROUP_AB.filter((t) => t !== "face_photo_certificate")

const A_DOC = { ja: "A群の書類", en: "group-A document" }
const B_DOC = { ja: "B群の書類", en: "group-B document" }
const AB_DOC = { ja: "A群またはB群の書類", en: "group-A or group-B document" }

const A = Flag.USABLE | Flag.GROUP_A
const B = Flag.USABLE | Flag.GROUP_B
const PHOTO = Flag.USABLE | Flag.GROUP_B | Flag.PHOTO

const aOne = need(GROUP_A, 1, A_DOC, A)
const aTwo = need(GROUP_A, 2, A_DOC, A)
const abTwo = need(GROUP_AB, 2, AB_DOC, B)
const bTwo = need(GROUP_AB, 2, B_DOC, B)
const bThree = need(GROUP_AB, 3, AB_DOC, B)
const photoOne = need(
  GROUP_AB,
  1,
  {
    ja: "うち1点は本人の顔写真付き(顔写真証明書を含む)",
    en: "one of them with the applicant's photo (a face-photo certificate counts)"
  },
  PHOTO
)
const abOne = need(GROUP_AB, 1, AB_DOC, B)

const GROUPS_TEXT = {
  ja: "(A群: マイナンバーカード・運転免許証・旅券・在留カード・障害者手帳等 / B群: 資格確認書・年金手帳・社員証・学生証・医療受給者証等)",
  en: "(group A: My Number Card, driver's licence, passport, residence card, disability certificates…; group B: eligibility certificate, pension book, employee or student ID, medical benefit certificate…)"
}

/** The applicant's identity: A×1, or B×2 [M-Hagi][M-Kyoto][M-Tokai][M-Owariasahi][M-Soma]. @category constructors */
export const standardIdentity = (code: string, holder: "applicant" | "attendee"): Requirement =>
  requirement(
    code,
    holder,
    {
      ja: `${holder === "applicant" ? "本人" : "来庁者"}の本人確認書類(A群1点、またはB群2点)${GROUPS_TEXT.ja}`,
      en: `${holder === "applicant" ? "the applicant's" : "the attendee's"} identity documents: one from group A, or two from group B ${GROUPS_TEXT.en}`
    },
    alternative({ ja: "A群1点", en: "one group-A document" }, aOne),
    alternative({ ja: "B群2点", en: "two group-B documents" }, bTwo)
  )

/**
 * The applicant's identity for a proxy hand-over: A×2, A+B, or B×3 with at least one photo item
 * [M-Owariasahi][M-Kakegawa][M-Oyama][M-Koka][M-Shibushi].
 *
 * @category constructors
 */
export const proxyApplicantIdentity: Requirement = requirement(
  "APPLICANT_IDENTITY_PROXY_SET",
  "applicant",
  {
    ja: `本人の本人確認書類(A群2点、A群1点+B群1点、またはB群3点で1点以上は顔写真付き)${GROUPS_TEXT.ja}`,
    en: `the applicant's identity documents: two from group A, one A and one B, or three B of which one shows the applicant's photo ${GROUPS_TEXT.en}`
  },
  alternative({ ja: "A群2点", en: "two group-A documents" }, aTwo),
  alternative({ ja: "A群1点+B群1点", en: "one group-A and one group-B document" }, aOne, abTwo),
  alternative({ ja: "B群3点(うち1点は顔写真付き)", en: "three group-B documents, one with a photo" }, bThree, photoOne)
)

const aOneProxy = need(GROUP_A, 1, A_DOC, A)
const aTwoProxy = need(GROUP_A, 2, A_DOC, A)
const abTwoProxy = need(
  GROUP_AB_FOR_PROXY,
  2,
  {
    ja: "A群またはB群の書類(合計2点、顔写真証明書を除く)",
    en: "group A or B documents (two in all, not a face-photo certificate)"
  },
  B
)
const bThreeProxy = need(
  GROUP_AB_FOR_PROXY,
  3,
  {
    ja: "A群またはB群の書類(合計3点、顔写真証明書を除く)",
    en: "group A or B documents (three in all, not a face-photo certificate)"
  },
  B
)

/**
 * The representative's identity for a proxy hand-over: A×2 or A+B [M-Owariasahi]; with the
 * `allowB3` variant also B×3 [M-Oyama] (rules-sources §11-5).
 *
 * @category constructors
 */
export const proxyAttendeeIdentity = (allowB3: boolean): Requirement =>
  requirement(
    allowB3 ? "ATTENDEE_IDENTITY_PROXY_SET_B3" : "ATTENDEE_IDENTITY_PROXY_SET",
    "attendee",
    {
      ja: `代理人の本人確認書類(A群2点、またはA群1点+B群1点${allowB3 ? "、またはB群3点" : ""}。顔写真証明書は不可)`,
      en: `the representative's identity documents: two from group A, or one A and one B${allowB3 ? ", or three B" : ""} (a face-photo certificate does not count)`
    },
    alternative({ ja: "A群2点", en: "two group-A documents" }, aTwoProxy),
    alternative({ ja: "A群1点+B群1点", en: "one group-A and one group-B document" }, aOneProxy, abTwoProxy),
    ...(allowB3 ? [alternative({ ja: "B群3点", en: "three group-B documents" }, bThreeProxy)] : [])
  )

/** Official photo ID (group A) ×1 — e.g. a proxy for certificates [M-Kasai][M-Higashimatsuyama]. @category constructors */
export const photoIdentity = (code: string, holder: "applicant" | "attendee"): Requirement =>
  requirement(
    code,
    holder,
    {
      ja: `${holder === "applicant" ? "本人" : "代理人"}の官公署発行の顔写真付き本人確認書類(A群1点)`,
      en: `${holder === "applicant" ? "the applicant's" : "the representative's"} official photo ID (one group-A document)`
    },
    alternative({ ja: "A群1点", en: "one group-A document" }, aOne)
  )

/** One more identity document, A or B (e.g. PIN reset, lifting a suspension) [M-Ageo][M-Tokai]. @category constructors */
export const oneIdentity = (code: string, holder: "applicant" | "attendee", exclude?: DocumentType): Requirement => {
  const types = exclude ? GROUP_AB.filter((t) => t !== exclude) : GROUP_AB
  const text = {
    ja: `${holder === "applicant" ? "本人" : "代理人"}の本人確認書類(A群またはB群1点${exclude === "my_number_card" ? "、カード以外" : ""})`,
    en: `${holder === "applicant" ? "the applicant's" : "the representative's"} identity document (one from group A or B${exclude === "my_number_card" ? ", besides the card" : ""})`
  }
  return requirement(code, holder, text, alternative(text, exclude ? need(types, 1, text, B) : abOne))
}

/**
 * The legal representative's own identity for acts on a ward's or child's behalf: A×2 or A+B
 * [M-Ageo].
 *
 * @category constructors
 */
export const strictRepresentativeIdentity: Requirement = requirement(
  "ATTENDEE_IDENTITY_STRICT",
  "attendee",
  {
    ja: "法定代理人の本人確認書類(A群2点、またはA群1点+B群1点)",
    en: "the legal representative's identity documents: two from group A, or one A and one B"
  },
  alternative({ ja: "A群2点", en: "two group-A documents" }, aTwo),
  alternative({ ja: "A群1点+B群1点", en: "one group-A and one group-B document" }, aOne, abTwo)
)
