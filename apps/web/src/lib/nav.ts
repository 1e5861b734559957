/**
 * The screens of a city, one per job at the counter (ZMS style). Each feature adds its entry here.
 */
import type { Label } from "./i18n.ts"

export interface NavEntry {
  /** Path under `/<city>/`. */
  readonly path: string
  readonly label: Label
  readonly description: Label
}

export const cityNav: Array<NavEntry> = [
  {
    path: "plan",
    label: { ja: "計画", en: "Planning" },
    description: {
      ja: "業務カレンダーと、月ごとの需要・処理能力・窓口数・電話回線数の計画(CSV)",
      en: "Business calendar and the monthly plan of demand, capacity, windows and phone lines (CSV)"
    }
  },
  {
    path: "reports",
    label: { ja: "報告", en: "Reports" },
    description: {
      ja: "窓口・電話・苦情・出張の実績を記録し、日報・月報を確認・提出(CSV・Excel・印刷)",
      en: "Record counter visits, calls, complaints and outreach; view and submit the daily and monthly reports"
    }
  },
  {
    path: "check",
    label: { ja: "受付判定", en: "Counter check" },
    description: {
      ja: "手続・本人の事実・来庁者・持参書類から、できるか・不足書類・手数料・次の手順を判定(持ち物メモを印刷)",
      en: "Can this person do this procedure with these papers? Missing documents, fee, next steps; prints a what-to-bring slip"
    }
  },
  {
    path: "reservations",
    label: { ja: "予約", en: "Reservations" },
    description: {
      ja: "拠点ごとの1日の予約枠と残席、電話予約、確定・キャンセル・日時変更・受付・無断不来所、キャンセル待ち",
      en: "A day's slots per site with seats left; phone bookings, confirm, cancel, reschedule, check-in, no-show; the waitlist"
    }
  },
  {
    path: "queue",
    label: { ja: "番号札", en: "Walk-in queue" },
    description: {
      ja: "番号札の発券、窓口での呼出・再呼出・不在・対応・完了、待合室の呼出表示",
      en: "Issue tickets; call, recall, skip, serve and finish at a window; the waiting-room call display"
    }
  },
  {
    path: "custody",
    label: { ja: "台帳", en: "Custody ledger" },
    description: {
      ja: "カード・交付通知書・貸与物などの受領・保管・引継ぎ(預り証)・交付・返還・廃棄の記録、期限超過、照合、改ざん検証、台帳の出力",
      en: "Receive, store, hand over (receipt), issue, hand back and dispose of cards and papers; overdue items, reconciliation, chain check, ledger export"
    }
  }
]
