/**
 * Words for the states the booking and queue APIs answer with (reservation and ticket statuses,
 * booking channels, visit outcomes), in Japanese and English. The codes come from the API; only
 * their labels live here, as the vocabulary does not list them.
 */
import type { Label } from "../i18n.ts"

export const reservationStatus: Record<string, Label> = {
  held: { ja: "仮押さえ", en: "Held" },
  confirmed: { ja: "予約確定", en: "Confirmed" },
  checked_in: { ja: "受付済み", en: "Checked in" },
  done: { ja: "完了", en: "Done" },
  no_show: { ja: "無断不来所", en: "No-show" },
  cancelled: { ja: "キャンセル", en: "Cancelled" },
  expired: { ja: "仮押さえ期限切れ", en: "Hold expired" },
  rescheduled: { ja: "日時変更済み", en: "Rescheduled" }
}

export const channels: Record<string, Label> = {
  web: { ja: "インターネット", en: "Web" },
  phone: { ja: "電話", en: "Phone" },
  staff: { ja: "窓口", en: "Counter" }
}

export const ticketStatus: Record<string, Label> = {
  waiting: { ja: "お待ち", en: "Waiting" },
  called: { ja: "呼出中", en: "Called" },
  serving: { ja: "対応中", en: "Being served" },
  done: { ja: "完了", en: "Done" },
  skipped: { ja: "不在", en: "Skipped (absent)" },
  cancelled: { ja: "取消", en: "Cancelled" }
}

export const outcomes: Record<string, Label> = {
  done: { ja: "手続完了", en: "Completed" },
  refused: { ja: "受付不可(書類不足など)", en: "Refused (e.g. documents missing)" },
  second_visit: { ja: "照会書で再来庁", en: "Second visit (inquiry route)" }
}

export const waitlistStatus: Record<string, Label> = {
  waiting: { ja: "空き待ち", en: "Waiting" },
  offered: { ja: "空きのご案内中", en: "Seat offered" },
  accepted: { ja: "予約に切替済み", en: "Accepted" },
  lapsed: { ja: "期限切れ", en: "Lapsed" },
  withdrawn: { ja: "取消", en: "Withdrawn" }
}

export const sessionKinds: Record<string, Label> = {
  regular: { ja: "通常", en: "Regular" },
  holiday_opening: { ja: "休日開庁", en: "Holiday opening" },
  outreach: { ja: "出張窓口", en: "Outreach" }
}

/** A code's label, or the code itself when it has none. */
export const labelOf = (labels: Record<string, Label>, code: string): Label => labels[code] ?? { ja: code, en: code }

/** A reservation code (予約番号) as shown and read out: two groups of five, `081TB-7DEK0`. */
export const formatCode = (code: string): string => (code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code)
