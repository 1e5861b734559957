/**
 * `@madoguchi/reporting`: the activity log (the `ActivityLog` port's stored implementation) and each
 * city's daily, monthly and completion reports — assembled as a typed model from the profile's report
 * forms, with business-day deadlines, frozen submissions, and renderers for JSON, CSV, XLSX and HTML.
 */
export * as Aggregates from "./Aggregates.ts"
export * as Assemble from "./Assemble.ts"
export * as BusinessDays from "./BusinessDays.ts"
export * as Report from "./Report.ts"
export * as ActivityStore from "./ActivityStore.ts"
export * as Deadline from "./Deadline.ts"
export * as Purge from "./Purge.ts"
export * as Reports from "./Reports.ts"
export * as Submissions from "./Submissions.ts"
export * as Render from "./Render.ts"
