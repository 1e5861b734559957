/**
 * Rule tables of the certificate procedures (電子証明書の発行・更新), the PIN reset (暗証番号の初期化・
 * 再設定) and lifting a temporary suspension (一時停止解除). Sources: rules-sources §2.2, §3, §4,
 * §6.4, §6.5, §6.7, §10.
 */
import * as Documents from "../../Documents.ts"
import { basis } from "../../Sources.ts"
import { cardExpiry, certExpiry, renewalWindow, windowStatus } from "../../Validity.ts"
import { type Certificate, Certificate as Certificates } from "../../Vocabulary.ts"
import {
  authorityRules,
  bringCard,
  cardMustBeUsable,
  gates,
  minorOrWardAlone,
  proxyForMinorOrWard,
  tailNotes
} from "./common.ts"
import { type Ctx, Fact } from "./context.ts"
import * as Dates from "../dates.ts"
import { requires, rule, type Rule, step } from "./engine.ts"

const { Flag } = Documents
const INQUIRY_REPLY = Documents.indexOf("inquiry_reply")

const CERT = basis("JLIS-top", "M-Kasai", "M-Sakuragawa", "M-Yosano", "M-Higashimatsuyama", "M-Ozu")
const CERT_MINOR = basis("M-Shimogo", "M-Kasai", "M-Aikawa")
const WINDOW = basis("JLIS-top", "JLIS-period", "M-Nerima", "M-Nishinoshima", "M-Higashimurayama")

const nn = <A>(a: A | null | undefined): A | undefined => (a === null ? undefined : a)

type CertState = "not_yet_open" | "open" | "expired" | "lapsed" | "none" | "unknown"

const infoOf = (c: Ctx, k: Certificate) => nn(k === "signature" ? c.card?.signatureCert : c.card?.authCert)

/** The certificate's expiry: as given, or derived from the card's issuance (5th birthday, capped). */
const expiryOf = (c: Ctx, k: Certificate): string | undefined => {
  const memo = (c.memo.certExpiry ??= {})
  const cached = memo[k]
  if (cached !== undefined) return cached ?? undefined
  const value = computeExpiry(c, k)
  memo[k] = value ?? null
  return value
}

const computeExpiry = (c: Ctx, k: Certificate): string | undefined => {
  const own = ownExpiry(c, k)
  if (own === undefined) return undefined
  // Never beyond the card; the signature certificate never beyond the authentication one
  // (rules-sources §2.2) [M-Higashimurayama][M-Uji][M-Adachi-cert][M-Shime].
  let capped = own
  const card = c.cardExpiresOn
  if (card !== undefined && card < capped) capped = card
  if (k === "signature" && nn(c.card?.authCert?.status) !== "none") {
    const auth = expiryOf(c, "auth")
    if (auth !== undefined && auth < capped) capped = auth
  }
  if (capped !== own) (c.memo.certCapped ??= {})[k] = own
  return capped
}

/** The expiry as given, or derived from the issuance date (5th birthday, capped by the card). */
const ownExpiry = (c: Ctx, k: Certificate): string | undefined => {
  const info = infoOf(c, k)
  const given = nn(info?.expiresOn)
  if (given !== undefined) return given
  const issuedOn = nn(info?.issuedOn) ?? nn(c.card?.issuedOn)
  if (issuedOn === undefined) return undefined
  const cardExpiresOn =
    c.cardExpiresOn ??
    cardExpiry({
      birthDate: c.applicant.birthDate,
      issuedOn: nn(c.card?.issuedOn) ?? issuedOn,
      applicationReceivedOn: nn(c.applicant.applicationReceivedOn),
      ageBasis: c.variants.cardValidityAgeBasis,
      nationality: nn(c.applicant.nationality),
      residenceStatus: nn(c.applicant.residenceStatus),
      residencePeriodEnd: nn(c.applicant.residencePeriodEnd)
    }).expiresOn
  return certExpiry({ birthDate: c.applicant.birthDate, issuedOn, cardExpiresOn }).expiresOn
}

const stateOf = (c: Ctx, k: Certificate): CertState => {
  const memo = (c.memo.certState ??= {})
  const cached = memo[k] as CertState | undefined
  if (cached !== undefined) return cached
  const value = computeState(c, k)
  memo[k] = value
  return value
}

const computeState = (c: Ctx, k: Certificate): CertState => {
  const status = nn(infoOf(c, k)?.status)
  if (status === "lapsed") return "lapsed"
  if (status === "none") return "none"
  const expiry = expiryOf(c, k)
  if (expiry === undefined) return status === "valid" ? "unknown" : infoOf(c, k) === undefined ? "unknown" : "unknown"
  return windowStatus(expiry, c.visit, { opening: c.variants.windowOpening })
}

/** Certificates the renewal is about: as asked, else those the card holds, else both. */
const renewalTargets = (c: Ctx): ReadonlyArray<Certificate> => (c.memo.renewalTargets ??= computeRenewalTargets(c))

const computeRenewalTargets = (c: Ctx): ReadonlyArray<Certificate> => {
  const asked = nn(c.input.certificates)
  if (asked !== undefined) return asked
  const held = Certificates.codes.filter((k) => {
    const info = infoOf(c, k)
    return info !== undefined && nn(info.status) !== "none"
  })
  return held.length > 0 ? held : Certificates.codes
}

/** Targets that can be issued to this applicant (no signature certificate under 15 or to a ward). */
const issuable = (c: Ctx, targets: ReadonlyArray<Certificate>) =>
  c.capable ? targets : targets.filter((k) => k !== "signature")

const targetsFor = (c: Ctx) =>
  c.procedure === "cert_renewal" ? renewalTargets(c) : (nn(c.input.certificates) ?? Certificates.codes)

/** The certificates this procedure is about that can be issued to this applicant. */
const issuableTargets = (c: Ctx): ReadonlyArray<Certificate> => (c.memo.issuableTargets ??= issuable(c, targetsFor(c)))

const NAMES = {
  signature: Certificates.get("signature"),
  auth: Certificates.get("auth"),
  both: {
    ja: `${Certificates.get("signature").ja}・${Certificates.get("auth").ja}`,
    en: `${Certificates.get("signature").en} and ${Certificates.get("auth").en}`
  }
}

/** The certificates' names, read aloud (one, or both in the usual order). */
const names = (ks: ReadonlyArray<Certificate>, lang: "ja" | "en"): string =>
  ks.length === 1
    ? NAMES[ks[0]!][lang]
    : ks.length === 2 && ks[0] === "signature" && ks[1] === "auth"
      ? NAMES.both[lang]
      : ks.map((k) => Certificates.get(k)[lang]).join(lang === "ja" ? "・" : " and ")

const opensOn = (c: Ctx, k: Certificate): string => {
  const memo = (c.memo.certOpens ??= {})
  return (memo[k] ??= renewalWindow(expiryOf(c, k)!, { opening: c.variants.windowOpening }).opensOn)
}

/** New expiry of a certificate renewed today (6th birthday inside the window, capped by the card). */
const renewedExpiry = (c: Ctx, k: Certificate): string | undefined => {
  const previous = expiryOf(c, k)
  const cardExpiresOn = c.cardExpiresOn
  if (cardExpiresOn === undefined) return undefined
  return certExpiry({
    birthDate: c.applicant.birthDate,
    issuedOn: c.visit,
    cardExpiresOn,
    previousExpiresOn: previous,
    opening: c.variants.windowOpening
  }).expiresOn
}

const cappedTargets = (c: Ctx): ReadonlyArray<Certificate> =>
  issuableTargets(c).filter((k) => {
    expiryOf(c, k)
    return c.memo.certCapped?.[k] !== undefined
  })

/** A given certificate expiry beyond the card's (or, for the signature one, the authentication one's). */
const capNote = rule({
  code: "CERT_EXPIRY_CAPPED",
  outcome: "note",
  basis: basis("M-Higashimurayama", "M-Uji", "M-Adachi-cert", "M-Shime"),
  when: (c) => cappedTargets(c).length > 0,
  text: (c) => {
    const ks = cappedTargets(c)
    const k = ks[0]!
    return {
      ja: `電子証明書の有効期限はカード(署名用は利用者証明用も)の有効期限を超えないため、${names(ks, "ja")}の有効期限を ${expiryOf(c, k)}(入力 ${c.memo.certCapped![k]})として判定しました`,
      en: `certificates never outlast the card (nor the signature one the authentication one): the ${names(ks, "en")} ${ks.length > 1 ? "are" : "is"} taken to expire on ${expiryOf(c, k)} (given ${c.memo.certCapped![k]})`
    }
  }
})

const signatureRules: ReadonlyArray<Rule> = [
  rule({
    code: "SIGNATURE_CERT_NOT_FOR_MINOR_OR_WARD",
    outcome: "refuse",
    basis: basis("M-Shimogo", "M-Hakodate", "M-Minabe", "M-Kasai", "M-Ebetsu"),
    stop: true,
    on: { none: [Fact.CAPABLE] },
    when: (c) => issuableTargets(c).length === 0,
    text: (c) =>
      c.ward
        ? {
            ja: "成年被後見人の方には署名用電子証明書は原則発行されません(利用者証明用は成年後見人が申請できます)",
            en: "no signature certificate is issued to an adult ward (the authentication certificate can be applied for by the guardian)"
          }
        : {
            ja: "15歳未満の方には署名用電子証明書は原則発行されません(利用者証明用は法定代理人が申請できます)",
            en: "no signature certificate is issued to a child under 15 (the authentication certificate can be applied for by the legal representative)"
          },
    next: (c) => {
      const auth = step(
        "AUTH_CERT_INSTEAD",
        c.ward
          ? "利用者証明用電子証明書は成年後見人が申請できます"
          : "利用者証明用電子証明書は法定代理人と一緒に(または法定代理人が)申請できます",
        c.ward
          ? "the authentication certificate can be applied for by the adult guardian"
          : "the authentication certificate can be applied for with (or by) the legal representative"
      )
      if (c.ward) return [auth]
      const from = Dates.dateOfAge(c.applicant.birthDate, 15)
      return [
        {
          code: "SIGNATURE_CERT_FROM",
          ja: `署名用電子証明書は15歳の誕生日(${from})から申請できます`,
          en: `the signature certificate can be applied for from the 15th birthday, ${from}`
        },
        auth
      ]
    }
  }),
  rule({
    code: "SIGNATURE_CERT_NOT_ISSUED",
    outcome: "note",
    basis: basis("M-Shimogo", "M-Hakodate", "M-Minabe", "M-Kasai"),
    on: { none: [Fact.CAPABLE] },
    when: (c) => targetsFor(c).includes("signature"),
    text: {
      ja: "署名用電子証明書は15歳未満・成年被後見人の方には発行されないため、利用者証明用電子証明書のみです",
      en: "only the authentication certificate: no signature certificate is issued under 15 or to an adult ward"
    }
  })
]

const INQUIRY_FOR_RENEWAL = [
  step(
    "INQUIRY_MAILED",
    "有効期限通知書に同封の照会書兼回答書があれば、本人が記入・封をしたものを持参すると即日更新できます。ない場合は市から照会書兼回答書を本人あてに郵送しますので、届いたら記入・封をしてカードと代理人の顔写真付き本人確認書類とともにお持ちください",
    "with the inquiry-and-reply form enclosed with the expiry notice, completed and sealed by the applicant, the renewal is done the same day; otherwise the city mails one to the applicant: bring it completed and sealed with the card and the proxy's photo ID"
  )
]
const INQUIRY_FOR_ISSUANCE = [
  step(
    "INQUIRY_MAILED",
    "市から照会書兼回答書を本人あてに郵送します。届いたら本人が記入・封をし、代理人がカードと顔写真付き本人確認書類とともにお持ちください(2回目の来庁)",
    "the city mails an inquiry-and-reply form to the applicant; when it arrives the applicant completes and seals it, and the proxy brings it with the card and photo ID (second visit)"
  )
]

const attendance: ReadonlyArray<Rule> = [
  minorOrWardAlone(CERT_MINOR),
  proxyForMinorOrWard(basis("M-Kasai", "M-Aikawa")),
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: CERT,
    on: { all: [Fact.ROUTE_SELF] },
    text: { ja: "本人の来庁です(カードと暗証番号で手続します)", en: "the applicant attends in person (card and PINs)" }
  }),
  rule({
    code: "LEGAL_REPRESENTATIVE_FOR_CERTIFICATES",
    outcome: "allow",
    basis: basis("M-Kasai", "M-Aikawa", "M-Sakuragawa"),
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    text: {
      ja: "法定代理人(15歳未満・成年被後見人)による手続です",
      en: "the legal representative acts (applicant under 15 or an adult ward)"
    }
  }),
  bringCard(CERT),
  requires({
    code: "LEGAL_REP_PHOTO_ID_MISSING",
    basis: basis("M-Kasai"),
    outcome: "second_visit",
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    requirement: Documents.photoIdentity("ATTENDEE_PHOTO_ID", "attendee"),
    next: [
      step(
        "INQUIRY_MAILED",
        "官公署発行の顔写真付き本人確認書類がない場合は即日発行できません。照会書兼回答書を本人あてに郵送しますので、記入・封をしてお持ちください",
        "without official photo ID no same-day issuance: an inquiry-and-reply form is mailed to the applicant; bring it back completed and sealed"
      )
    ]
  }),
  ...authorityRules(basis("M-Sakuragawa", "M-Kasai", "M-Ageo")),
  requires({
    code: "PROXY_PHOTO_ID_MISSING",
    basis: basis("M-Kasai", "M-Higashimatsuyama"),
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.photoIdentity("ATTENDEE_PHOTO_ID", "attendee")
  }),
  requires({
    code: "PROXY_INQUIRY_REPLY_NEEDED",
    basis: basis("M-Kasai", "M-Sakuragawa", "M-Yosano"),
    outcome: "second_visit",
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "INQUIRY_REPLY",
      "applicant",
      "inquiry_reply",
      {
        ja: "本人が記入し封をした照会書兼回答書(有効期限通知書に同封のものを含む)",
        en: "the inquiry-and-reply form completed and sealed by the applicant (including the one enclosed with the expiry notice)"
      },
      Flag.PRESENT | Flag.COMPLETED | Flag.SEALED
    ),
    next: (c) => (c.procedure === "cert_renewal" ? INQUIRY_FOR_RENEWAL : INQUIRY_FOR_ISSUANCE)
  }),
  rule({
    code: "PROXY_WITH_INQUIRY_REPLY",
    outcome: "allow",
    basis: basis("M-Sakuragawa", "M-Yosano", "M-Kasai"),
    on: { all: [Fact.ROUTE_PROXY] },
    when: (c) => Documents.has(c.docs.applicant, INQUIRY_REPLY, Flag.PRESENT | Flag.COMPLETED | Flag.SEALED),
    text: {
      ja: "本人が記入・封をした照会書兼回答書があるため、任意代理人が手続できます",
      en: "with the inquiry-and-reply form completed and sealed by the applicant, the voluntary proxy can act"
    }
  }),
  rule({
    code: "PINS_CAN_BE_RESET_SAME_VISIT",
    outcome: "note",
    basis: basis("M-Ageo", "M-Karatsu"),
    when: (c) =>
      c.applicant.pinForgotten === true ||
      (nn(c.applicant.lockedPins)?.length ?? 0) > 0 ||
      c.applicant.canEnterPins === false,
    text: {
      ja: "暗証番号を忘れた・ロックされた場合は、同じ来庁時に初期化・再設定ができます",
      en: "forgotten or locked PINs can be reset at the same visit"
    }
  }),
  rule({
    code: "PLANNED_CHANGE_LAPSES_SIGNATURE",
    outcome: "note",
    basis: basis("M-Saka", "M-Ebetsu", "M-Akiruno", "M-Kawaguchi"),
    on: { all: [Fact.CAPABLE] },
    when: (c) => c.applicant.plannedAddressOrNameChange === true,
    text: {
      ja: "住所・氏名などが変わると署名用電子証明書は失効します(利用者証明用は失効しません)。変更後の発行もご検討ください",
      en: "the signature certificate lapses when the address, name etc. change (the authentication one does not); consider issuing it after the change"
    }
  }),
  rule({
    code: "CERTIFICATES_END_WITH_STAY",
    outcome: "note",
    basis: basis("M-Sakuragawa", "M-Numazu", "M-Ogawa"),
    on: { all: [Fact.FOREIGN_WITH_PERIOD] },
    text: {
      ja: "電子証明書の有効期限は在留期間満了日(カードの有効期限)までです",
      en: "the certificates end with the period of stay (the card's expiry)"
    }
  })
]

/** @category rules */
export const certRenewal: ReadonlyArray<Rule> = [
  ...gates,
  cardMustBeUsable(CERT),
  ...signatureRules,
  rule({
    code: "CERT_RENEWAL_WINDOW_NOT_OPEN",
    outcome: "refuse",
    basis: WINDOW,
    stop: true,
    when: (c) => {
      const ks = issuableTargets(c)
      return ks.length > 0 && ks.every((k) => stateOf(c, k) === "not_yet_open")
    },
    text: (c) => {
      const ks = issuableTargets(c)
      const k = ks.reduce((a, b) => (opensOn(c, a) <= opensOn(c, b) ? a : b))
      return {
        ja: `電子証明書の更新は有効期限(${expiryOf(c, k)})まで3か月未満になってから、${opensOn(c, k)} からできます`,
        en: `the certificate can be renewed once less than three months remain before it expires (${expiryOf(c, k)}): from ${opensOn(c, k)}`
      }
    },
    next: (c) => {
      const ks = issuableTargets(c)
      const first = ks.map((k) => opensOn(c, k)).sort()[0]!
      return [step("COME_BACK_FROM", `${first} 以降にお越しください`, `come back on or after ${first}`)]
    }
  }),
  rule({
    code: "CERT_RENEWAL_WINDOW_OPEN",
    outcome: "allow",
    basis: WINDOW,
    when: (c) => issuableTargets(c).some((k) => stateOf(c, k) === "open"),
    text: (c) => {
      const ks = issuableTargets(c).filter((k) => stateOf(c, k) === "open")
      const until = renewedExpiry(c, ks[0]!)
      return {
        ja: `${names(ks, "ja")}の有効期限(${expiryOf(c, ks[0]!)})まで3か月未満のため更新できます${until ? `(更新後は ${until} まで)` : ""}`,
        en: `less than three months remain on the ${names(ks, "en")} (expires ${expiryOf(c, ks[0]!)}): it can be renewed${until ? ` (new expiry ${until})` : ""}`
      }
    }
  }),
  rule({
    code: "CERT_EXPIRED_NEW_ISSUANCE",
    outcome: "allow",
    basis: basis("JLIS-top", "M-Ozu", "M-Obihiro"),
    when: (c) =>
      issuableTargets(c).some((k) => {
        const s = stateOf(c, k)
        return s === "expired" || s === "lapsed" || s === "none"
      }),
    text: (c) => {
      const ks = issuableTargets(c).filter((k) => {
        const s = stateOf(c, k)
        return s === "expired" || s === "lapsed" || s === "none"
      })
      return {
        ja: `${names(ks, "ja")}は有効期限切れ・失効のため、更新ではなく新規発行になります(無料、いつでも可)`,
        en: `the ${names(ks, "en")} has expired or lapsed: it is issued anew rather than renewed (free, any time)`
      }
    }
  }),
  capNote,
  rule({
    code: "CERT_EXPIRY_UNKNOWN",
    outcome: "note",
    basis: WINDOW,
    when: (c) => issuableTargets(c).some((k) => stateOf(c, k) === "unknown"),
    text: {
      ja: "電子証明書の有効期限が分からないため更新期間を確認できません(有効期限まで3か月未満から更新可)。窓口の端末で確認します",
      en: "the certificate's expiry is unknown, so the renewal window could not be checked (renewal from three months before expiry); it is checked on the terminal"
    }
  }),
  rule({
    code: "CERT_PARTLY_NOT_YET_RENEWABLE",
    outcome: "note",
    basis: WINDOW,
    when: (c) => {
      const ks = issuableTargets(c)
      return ks.some((k) => stateOf(c, k) === "not_yet_open") && ks.some((k) => stateOf(c, k) !== "not_yet_open")
    },
    text: (c) => {
      const ks = issuableTargets(c).filter((k) => stateOf(c, k) === "not_yet_open")
      return {
        ja: `${names(ks, "ja")}はまだ更新期間前です(${opensOn(c, ks[0]!)} から)`,
        en: `the ${names(ks, "en")} is not renewable yet (from ${opensOn(c, ks[0]!)})`
      }
    }
  }),
  rule({
    code: "CARD_EXPIRES_SOON",
    outcome: "note",
    basis: basis("M-Higashimurayama", "M-Uji", "M-Tokorozawa"),
    on: { all: [Fact.CARD_EXPIRY_KNOWN] },
    when: (c) => windowStatus(c.cardExpiresOn!, c.visit, { opening: c.variants.windowOpening }) === "open",
    text: (c) => ({
      ja: `カード自体の有効期限(${c.cardExpiresOn})も近く、電子証明書はカードの有効期限を超えません。カードの更新(無料)もご検討ください`,
      en: `the card itself expires soon (${c.cardExpiresOn}) and certificates never outlast it; consider renewing the card (free)`
    })
  }),
  ...attendance,
  ...tailNotes
]

/** @category rules */
export const certIssuance: ReadonlyArray<Rule> = [
  ...gates,
  cardMustBeUsable(CERT),
  ...signatureRules,
  rule({
    code: "CERT_ALREADY_VALID",
    outcome: "refuse",
    basis: WINDOW,
    stop: true,
    when: (c) => {
      const ks = issuableTargets(c)
      return (
        ks.length > 0 && ks.every((k) => stateOf(c, k) === "not_yet_open" && nn(infoOf(c, k)?.status) !== undefined)
      )
    },
    text: (c) => {
      const ks = issuableTargets(c)
      return {
        ja: `${names(ks, "ja")}は有効です(有効期限 ${expiryOf(c, ks[0]!)})。更新は ${opensOn(c, ks[0]!)} からできます`,
        en: `the ${names(ks, "en")} is valid (expires ${expiryOf(c, ks[0]!)}); it can be renewed from ${opensOn(c, ks[0]!)}`
      }
    },
    next: (c) => {
      const first = issuableTargets(c)
        .map((k) => opensOn(c, k))
        .sort()[0]!
      return [
        step("COME_BACK_FROM", `${first} 以降に更新にお越しください`, `come back for the renewal on or after ${first}`),
        step(
          "PIN_RESET_IF_LOCKED",
          "暗証番号がロックされた・忘れた場合は、発行ではなく暗証番号の初期化・再設定をしてください",
          "if a PIN is locked or forgotten, reset the PIN instead of issuing a certificate"
        )
      ]
    }
  }),
  capNote,
  rule({
    code: "CERT_ISSUANCE_ALLOWED",
    outcome: "allow",
    basis: basis("JLIS-top", "M-Kasai", "M-Ozu", "M-Saka"),
    when: (c) => issuableTargets(c).length > 0,
    text: (c) => {
      const ks = issuableTargets(c).filter(
        (k) => stateOf(c, k) !== "not_yet_open" || nn(infoOf(c, k)?.status) === undefined
      )
      return {
        ja: `${names(ks, "ja")}を発行できます(無料)`,
        en: `the ${names(ks, "en")} can be issued (free)`
      }
    }
  }),
  ...attendance,
  ...tailNotes
]

// ---------------------------------------------------------------------------------------------
// 暗証番号の初期化・再設定

const PIN = basis("M-Ageo", "M-Karatsu", "M-Kikuchi", "M-Dazaifu")

const pinRules: ReadonlyArray<Rule> = [
  minorOrWardAlone(basis("M-Ageo")),
  proxyForMinorOrWard(basis("M-Ageo", "M-Karatsu")),
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: PIN,
    on: { all: [Fact.ROUTE_SELF] },
    text: { ja: "本人の来庁です", en: "the applicant attends in person" }
  }),
  rule({
    code: "LEGAL_REPRESENTATIVE_FOR_PIN",
    outcome: "allow",
    basis: basis("M-Ageo"),
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    text: { ja: "法定代理人による手続です", en: "the legal representative acts" }
  }),
  bringCard(PIN),
  requires({
    code: "APPLICANT_EXTRA_ID_MISSING",
    basis: basis("M-Ageo", "M-Karatsu", "M-Kikuchi"),
    on: { none: [Fact.ROUTE_PROXY] },
    when: (c) => c.variants.pinResetIdentity === "card_and_id",
    requirement: Documents.oneIdentity("APPLICANT_EXTRA_ID", "applicant", "my_number_card")
  }),
  rule({
    code: "CARD_IS_THE_IDENTITY_DOCUMENT",
    outcome: "note",
    basis: basis("M-Itoigawa", "M-Ozu-pin"),
    on: { all: [Fact.ROUTE_SELF] },
    when: (c) => c.variants.pinResetIdentity === "card_only",
    text: {
      ja: "本人の場合はマイナンバーカード(顔写真付き)で本人確認します",
      en: "for the applicant, the My Number Card (with photo) is the identity document"
    }
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: basis("M-Ageo"),
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    requirement: (c) =>
      c.variants.pinResetIdentity === "card_and_id"
        ? Documents.strictRepresentativeIdentity
        : Documents.standardIdentity("ATTENDEE_IDENTITY", "attendee")
  }),
  ...authorityRules(basis("M-Ageo")),
  requires({
    code: "PROXY_IDENTITY_MISSING",
    basis: basis("M-Kikuchi", "M-Karatsu"),
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.standardIdentity("ATTENDEE_IDENTITY", "attendee")
  }),
  requires({
    code: "PROXY_INQUIRY_REPLY_NEEDED",
    basis: basis("M-Kikuchi", "M-Karatsu", "M-Ageo"),
    outcome: "second_visit",
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "INQUIRY_REPLY",
      "applicant",
      "inquiry_reply",
      {
        ja: "本人が記入し封をした照会書兼回答書",
        en: "the inquiry-and-reply form completed and sealed by the applicant"
      },
      Flag.PRESENT | Flag.COMPLETED | Flag.SEALED
    ),
    next: [
      step(
        "INQUIRY_MAILED",
        "代理人による暗証番号の再設定は即日できません。照会書兼回答書を本人あてに郵送しますので、本人が記入・封をしたものを、カードと代理人の本人確認書類とともにお持ちください(2回目の来庁)",
        "a proxy cannot reset PINs the same day: an inquiry-and-reply form is mailed to the applicant; bring it completed and sealed with the card and the proxy's ID (second visit)"
      )
    ]
  }),
  rule({
    code: "PROXY_WITH_INQUIRY_REPLY",
    outcome: "allow",
    basis: basis("M-Kikuchi", "M-Karatsu"),
    on: { all: [Fact.ROUTE_PROXY] },
    when: (c) => Documents.has(c.docs.applicant, INQUIRY_REPLY, Flag.PRESENT | Flag.COMPLETED | Flag.SEALED),
    text: {
      ja: "封をした照会書兼回答書があるため、任意代理人が再設定できます",
      en: "with the sealed inquiry-and-reply form the voluntary proxy can reset the PINs"
    }
  }),
  rule({
    code: "CONVENIENCE_STORE_RESET",
    outcome: "note",
    basis: basis("M-Ageo", "M-Karatsu", "M-Dazaifu"),
    when: (c) => {
      const locked = nn(c.applicant.lockedPins) ?? []
      return locked.includes("signature") !== locked.includes("auth")
    },
    text: {
      ja: "一方の電子証明書の暗証番号が分かる場合は、スマートフォンのJPKI利用者ソフトを使ってコンビニのキオスク端末でもう一方を再設定できます",
      en: "if one certificate PIN is known, the other can be reset at a convenience-store kiosk with the JPKI smartphone app"
    }
  }),
  rule({
    code: "RESIDENT_PINS_COUNTER_ONLY",
    outcome: "note",
    basis: basis("M-Dazaifu"),
    when: (c) => {
      const locked = nn(c.applicant.lockedPins) ?? []
      return locked.includes("resident_registry") || locked.includes("surface_info")
    },
    text: {
      ja: "住民基本台帳用・券面事項入力補助用の暗証番号はコンビニでは再設定できません(窓口のみ)",
      en: "the resident-registry and surface-input PINs cannot be reset at a convenience store (counter only)"
    }
  }),
  rule({
    code: "LOCK_DOES_NOT_RESET",
    outcome: "note",
    basis: basis("M-Kaminoyama", "M-Ageo", "M-Iwakuni"),
    when: (c) => (nn(c.applicant.lockedPins)?.length ?? 0) > 0,
    text: {
      ja: "暗証番号の誤入力回数(署名用5回、その他3回)は日付が変わっても戻りません。初期化で解除します",
      en: "wrong-PIN counts (signature 5, others 3) do not reset with the date; a reset unlocks the card"
    }
  })
]

/** @category rules */
export const pinReset: ReadonlyArray<Rule> = [...gates, cardMustBeUsable(PIN), ...pinRules, ...tailNotes]

// ---------------------------------------------------------------------------------------------
// 一時停止解除

const LIFT = basis("M-Tokai", "M-Tomiya", "M-Chikuhoku", "M-Fujinomiya", "M-Yatsushiro")

/** @category rules */
export const suspensionLift: ReadonlyArray<Rule> = [
  ...gates,
  rule({
    code: "SUSPENSION_LIFT_AFTER_ABOLITION",
    outcome: "refuse",
    basis: basis("M-Tomiya", "M-Tokai"),
    stop: true,
    on: { all: [Fact.CARD_ABOLISHED] },
    text: {
      ja: "紛失・廃止の届出後は一時停止解除できません。再交付の申請が必要です",
      en: "once the card has been abolished the suspension cannot be lifted; a re-issuance is needed"
    },
    next: [step("APPLY_REISSUANCE", "カードの再交付を申請してください", "apply for a re-issued card")]
  }),
  rule({
    code: "CARD_NOT_SUSPENDED",
    outcome: "refuse",
    basis: LIFT,
    stop: true,
    when: (c) => c.card?.status === "valid" || c.cardState === "none" || c.cardState === "awaiting_handover",
    text: { ja: "カードは一時停止されていません", en: "the card is not suspended" },
    next: [
      step(
        "CARD_USABLE_AS_IS",
        "カードはそのまま使えます。暗証番号がロックされた場合は暗証番号の初期化・再設定をしてください",
        "the card can be used as it is; for a locked PIN, have the PIN reset"
      )
    ]
  }),
  rule({
    code: "CARD_EXPIRED_NO_LIFT",
    outcome: "refuse",
    basis: basis("JLIS-top", "M-Tomiya"),
    stop: true,
    on: { all: [Fact.CARD_EXPIRED] },
    text: {
      ja: "カードの有効期限が過ぎているため、一時停止解除ではなくカードの更新(無料)になります",
      en: "the card has expired: instead of lifting the suspension, renew the card (free)"
    },
    next: [
      step(
        "RENEW_CARD",
        "カードの更新(再申請、無料)をしてください。有効期限通知書の申請書ID・QRコードが使えます",
        "renew the card (a new application, free); the application ID or QR code on the expiry notice can be used"
      )
    ]
  }),
  requires({
    code: "FOUND_CARD_MISSING",
    basis: basis("M-Tokai", "M-Tomiya"),
    requirement: Documents.requirement(
      "FOUND_CARD",
      "applicant",
      { ja: "見つかったマイナンバーカード", en: "the My Number Card that was found" },
      Documents.alternative(
        { ja: "見つかったマイナンバーカード", en: "the card that was found" },
        Documents.need(
          ["my_number_card", "found_card"],
          1,
          { ja: "見つかったカード", en: "the found card" },
          Flag.PRESENT
        )
      )
    )
  }),
  minorOrWardAlone(LIFT),
  proxyForMinorOrWard(basis("M-Chikuhoku")),
  rule({
    code: "ATTENDANCE_SELF",
    outcome: "allow",
    basis: basis("M-Tokai", "M-Tomiya"),
    on: { all: [Fact.ROUTE_SELF] },
    text: {
      ja: "本人の来庁です(一時停止解除は電話ではできません)",
      en: "the applicant attends in person (a suspension cannot be lifted by phone)"
    }
  }),
  rule({
    code: "LEGAL_REPRESENTATIVE_FOR_LIFT",
    outcome: "allow",
    basis: basis("M-Chikuhoku"),
    on: { any: [Fact.ROUTE_ACCOMPANIED, Fact.ROUTE_REP_ALONE] },
    text: { ja: "法定代理人による手続です", en: "the legal representative acts" }
  }),
  requires({
    code: "APPLICANT_IDENTITY_MISSING",
    basis: basis("M-Tokai"),
    on: { all: [Fact.ROUTE_SELF] },
    requirement: Documents.oneIdentity("APPLICANT_EXTRA_ID", "applicant", "my_number_card")
  }),
  requires({
    code: "ATTENDEE_IDENTITY_MISSING",
    basis: basis("M-Chikuhoku", "M-Fujinomiya"),
    on: { none: [Fact.ROUTE_SELF] },
    requirement: Documents.standardIdentity("ATTENDEE_IDENTITY", "attendee")
  }),
  ...authorityRules(basis("M-Chikuhoku", "M-Hagi")),
  requires({
    code: "PROXY_INQUIRY_REPLY_NEEDED",
    basis: basis("M-Chikuhoku"),
    outcome: "second_visit",
    on: { all: [Fact.ROUTE_PROXY] },
    requirement: Documents.single(
      "INQUIRY_REPLY",
      "applicant",
      "inquiry_reply",
      {
        ja: "本人が記入し封をした照会兼回答書",
        en: "the inquiry-and-reply form completed and sealed by the applicant"
      },
      Flag.PRESENT | Flag.COMPLETED | Flag.SEALED
    ),
    next: [
      step(
        "INQUIRY_MAILED",
        "照会兼回答書を本人あてに郵送します。本人が記入・封をしたものを、見つかったカードと代理人の本人確認書類とともにお持ちください",
        "an inquiry-and-reply form is mailed to the applicant; bring it completed and sealed with the found card and the proxy's ID"
      )
    ]
  }),
  rule({
    code: "PROXY_WITH_INQUIRY_REPLY",
    outcome: "allow",
    basis: basis("M-Chikuhoku"),
    on: { all: [Fact.ROUTE_PROXY] },
    when: (c) => Documents.has(c.docs.applicant, INQUIRY_REPLY, Flag.PRESENT | Flag.COMPLETED | Flag.SEALED),
    text: {
      ja: "封をした照会兼回答書があるため、任意代理人が手続できます",
      en: "with the sealed inquiry-and-reply form the proxy can act"
    }
  }),
  rule({
    code: "CERTIFICATES_REVOKED_BY_SUSPENSION",
    outcome: "note",
    basis: basis("M-Yatsushiro", "M-Tomiya"),
    text: (c) =>
      c.variants.suspensionRevokes === "both"
        ? {
            ja: "一時停止により電子証明書は失効しています。解除後、電子証明書を新たに発行します(無料)",
            en: "the suspension revoked the certificates; they are issued anew after the lift (free)"
          }
        : {
            ja: "一時停止により署名用電子証明書は失効しています。必要なら解除後に新たに発行します(無料)",
            en: "the suspension revoked the signature certificate; it can be issued anew after the lift (free)"
          },
    next: [
      step(
        "REISSUE_CERTIFICATES",
        "必要な電子証明書を新たに発行してください(無料)",
        "have the certificates issued anew if needed (free)"
      )
    ]
  }),
  ...tailNotes
]
