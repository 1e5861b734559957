/**
 * The Kysely table types of every lib, in one `DB` interface. Each lib declares its tables in
 * `tables/<Lib>.ts`; these types stay inside repositories and never reach domain code.
 */
import type { CustodyTables } from "./tables/Custody.ts"
import type { FoundationTables } from "./tables/Foundation.ts"
import type { ReportingTables } from "./tables/Reporting.ts"
import type { SchedulingTables } from "./tables/Scheduling.ts"

/** @category models */
export interface DB extends FoundationTables, SchedulingTables, CustodyTables, ReportingTables {}
