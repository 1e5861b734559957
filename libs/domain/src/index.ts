/**
 * `@madoguchi/domain`: the pure vocabulary and rules of the My Number Card counter.
 */
export * as ActivityLog from "./ActivityLog.ts"
export * as Decode from "./Decode.ts"
export * as Documents from "./Documents.ts"
export * as Eligibility from "./Eligibility.ts"
export * as Fees from "./Fees.ts"
export * as JapaneseCalendar from "./JapaneseCalendar.ts"
export * as LedgerAnchor from "./LedgerAnchor.ts"
export * as MyNumber from "./MyNumber.ts"
export * as PersonalData from "./PersonalData.ts"
export * as Profile from "./Profile.ts"
export * as RuleBook from "./RuleBook.ts"
export * as Sources from "./Sources.ts"
export * as Validity from "./Validity.ts"
export * as Values from "./Values.ts"
export * as Vocabulary from "./Vocabulary.ts"
