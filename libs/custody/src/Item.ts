/**
 * Items in custody: cards (by their serial or management number — never the 個人番号), 交付通知書,
 * 申請書, 暗証番号設定依頼書, ID copies, envelopes, lent materials, storage media, and batches that
 * group them (a delivery box of N cards). An item of quantity n is a bundle whose units can be in
 * different states; its state is a list of holdings (status, place, holder, count) projected from the
 * ledger.
 */
import { Decode, MyNumber } from "@madoguchi/domain"
import { ItemKind } from "@madoguchi/domain/profile/Custody"
import { Schema } from "effect"

export { ItemKind }

/** Japanese and English names of the item kinds. @category models */
export const kindLabel: Readonly<Record<ItemKind, { readonly ja: string; readonly en: string }>> = {
  batch: { ja: "納品単位(箱・束)", en: "batch" },
  card: { ja: "マイナンバーカード", en: "My Number Card" },
  issuance_notice: { ja: "交付通知書", en: "issuance notice" },
  application_form: { ja: "交付申請書", en: "application form" },
  pin_setting_request: { ja: "暗証番号設定依頼書", en: "PIN setting request" },
  id_copy: { ja: "本人確認書類の写し", en: "copy of an ID document" },
  envelope: { ja: "封筒(宛名記載済・発送物)", en: "envelope" },
  notification_card_return: { ja: "通知カード返納届", en: "notification card return form" },
  collected_card: { ja: "回収カード(通知カード・住基カード)", en: "collected card" },
  lent_material: { ja: "貸与物(資料・機器)", en: "lent material" },
  storage_media: { ja: "電磁的記録媒体", en: "storage media" },
  other_document: { ja: "その他書類", en: "other document" }
}

/**
 * Where a unit is in its life:
 * - with the contractor: `held`, `returned` (返戻: undeliverable mail back in hand), `disposal_requested`,
 *   `disposal_approved`;
 * - lost: `missing` (reported, not yet found);
 * - gone: `issued` (to the resident), `handed_back` (transferred to the city), `disposed`.
 *
 * @category schemas
 */
export const Status = Schema.Literals([
  "held",
  "returned",
  "disposal_requested",
  "disposal_approved",
  "missing",
  "issued",
  "handed_back",
  "disposed"
])
export type Status = typeof Status.Type

/** @category models */
export const statusLabel: Readonly<Record<Status, { readonly ja: string; readonly en: string }>> = {
  held: { ja: "保管中", en: "held" },
  returned: { ja: "返戻(保管中)", en: "returned mail (held)" },
  disposal_requested: { ja: "廃棄申請中", en: "disposal requested" },
  disposal_approved: { ja: "廃棄承認済", en: "disposal approved" },
  missing: { ja: "所在不明", en: "missing" },
  issued: { ja: "交付済", en: "issued" },
  handed_back: { ja: "市へ引渡済", en: "handed back to the city" },
  disposed: { ja: "廃棄・消去済", en: "disposed of" }
}

/** Statuses in which the contractor physically holds the unit. @category models */
export const custodyStatuses: ReadonlyArray<Status> = ["held", "returned", "disposal_requested", "disposal_approved"]

/** @category predicates */
export const isInCustody = (status: Status): boolean => custodyStatuses.includes(status)

/** Kinds that are physical documents a clerk can seal in an envelope. @category models */
export const sealableKinds: ReadonlyArray<ItemKind> = [
  "issuance_notice",
  "application_form",
  "pin_setting_request",
  "id_copy",
  "envelope",
  "notification_card_return",
  "other_document"
]

/** @category schemas */
export const ItemId = Schema.String.check(Schema.isUUID()).pipe(Schema.brand("CustodyItemId"))
export type ItemId = typeof ItemId.Type

/**
 * A serial or management number (カードの管理番号・シリアル番号, 通知書番号, 箱番号): 1–40 letters, digits and
 * `- _ / .`. Twelve digits alone are refused: they cannot be told apart from a 個人番号, which must never
 * be recorded.
 *
 * @category schemas
 */
export const Reference = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^[0-9]{12}$/.test(s) || MyNumber.containsMyNumber(s)
        ? Decode.bilingual(
            "12桁の数字は個人番号と区別できないため、管理番号には使えません。カードの管理番号・シリアル番号を記号付きで入力してください",
            "twelve digits cannot be told apart from a My Number and are not accepted as a reference; enter the card's management or serial number with its prefix"
          )
        : /^[A-Za-z0-9][A-Za-z0-9_/.-]{0,39}$/.test(s) ||
          Decode.bilingual(
            `管理番号は英数字と - _ / . の40文字以内です: ${s}`,
            `a reference is 1–40 letters, digits and - _ / ., got ${JSON.stringify(s)}`
          ),
    { identifier: "Reference", expected: "a management or serial number" }
  )
)
export type Reference = typeof Reference.Type

/**
 * Where a page of the item list ends: `<createdSeq>:<id>` of its last item — the list's own sort key
 * (the entry that registered the item, then its id), so paging neither skips nor repeats an item.
 *
 * @category schemas
 */
export const ItemCursor = Schema.String.check(
  Schema.makeFilter(
    (s: string) =>
      /^\d{1,15}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ||
      Decode.bilingual(
        `続きの位置(after)は前のページの next の値をそのまま指定してください: ${s}`,
        `after must be the next value of the previous page, got ${JSON.stringify(s)}`
      ),
    { identifier: "ItemCursor", expected: "<seq>:<item id>" }
  )
).pipe(Schema.brand("ItemCursor"))
export type ItemCursor = typeof ItemCursor.Type

/** The cursor after `item` in the item list. @category constructors */
export const cursorOf = (item: Pick<ItemState, "createdSeq" | "id">): ItemCursor =>
  `${item.createdSeq}:${item.id}` as ItemCursor

/** The sort key a cursor stands for. @category constructors */
export const cursorKey = (cursor: ItemCursor): { readonly createdSeq: number; readonly id: string } => {
  const at = cursor.indexOf(":")
  return { createdSeq: Number(cursor.slice(0, at)), id: cursor.slice(at + 1).toLowerCase() }
}

/** Units of an item in one status, at one place, with one holder. @category models */
export interface Holding {
  readonly status: Status
  /** Place id of the profile; null once the unit has left the contractor. */
  readonly place: string | null
  /** The person responsible (name); null when issued or disposed of. */
  readonly holder: string | null
  readonly count: number
}

/** A disposal on its way: requested, perhaps approved. @category models */
export interface PendingDisposal {
  readonly requestSeq: number
  readonly method: string
  readonly plannedOn: string
  readonly approvedSeq?: number | undefined
  readonly approver?: string | undefined
  readonly witnessRequired?: boolean | undefined
}

/** An item's current state, as projected from the ledger. @category models */
export interface ItemState {
  readonly id: string
  readonly kind: ItemKind
  readonly reference?: string | undefined
  readonly description?: string | undefined
  readonly quantity: number
  readonly batchId?: string | undefined
  /** For a batch: the count on the delivery slip (納品数). */
  readonly declaredCount?: number | undefined
  readonly holdings: ReadonlyArray<Holding>
  readonly setupDone: boolean
  readonly sealed: boolean
  readonly disposal?: PendingDisposal | undefined
  readonly createdSeq: number
  readonly lastSeq: number
  readonly lastOccurredAt: string
}

/** Units with the contractor. @category constructors */
export const unitsInCustody = (item: ItemState): number =>
  item.holdings.reduce((n, h) => (isInCustody(h.status) ? n + h.count : n), 0)

/** Units per status. @category constructors */
export const unitsByStatus = (item: ItemState): Readonly<Partial<Record<Status, number>>> => {
  const out: Partial<Record<Status, number>> = {}
  for (const h of item.holdings) out[h.status] = (out[h.status] ?? 0) + h.count
  return out
}

/** `マイナンバーカード C-000123` / `My Number Card C-000123`. @category constructors */
export const describe = (item: Pick<ItemState, "kind" | "reference" | "id">, lang: "ja" | "en"): string =>
  `${kindLabel[item.kind][lang]} ${item.reference ?? item.id.slice(0, 8)}`
