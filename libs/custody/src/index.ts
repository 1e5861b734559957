/**
 * `@madoguchi/custody`: the chain of custody for cards and personal documents — a hash-chained,
 * append-only ledger per city, the state machine that refuses contradicting events, deadlines,
 * reconciliation, the 台帳 export, receipts (預り証) and the disposal certificate.
 */
export * as BusinessDay from "./BusinessDay.ts"
export * as Chain from "./Chain.ts"
export * as Custody from "./Custody.ts"
export * as DailyAnchor from "./DailyAnchor.ts"
export * as Deadline from "./Deadline.ts"
export * as Documents from "./Documents.ts"
export * as Event from "./Event.ts"
export * as Item from "./Item.ts"
export * as LedgerExport from "./LedgerExport.ts"
export * as Purge from "./Purge.ts"
export * as Reconciliation from "./Reconciliation.ts"
export * as SessionCalendar from "./SessionCalendar.ts"
export * as Transition from "./Transition.ts"
