/** Tables of the foundation: cities, loaded profile versions, staff, sessions and the audit log. */
import type { ColumnType, Generated } from "kysely"

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type Json = ColumnType<unknown, string, string>

export interface CityTable {
  /** 全国地方公共団体コード (6 digits with check digit). */
  city_code: string
  slug: string
  name_ja: string
  name_en: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ProfileVersionTable {
  city_code: string
  version: number
  sha256: string
  effective_from: string
  source: string
  document: Json
  loaded_at: Generated<Date>
}

export interface StaffTable {
  city_code: string
  id: Generated<string>
  login: string
  display_name: string
  role: string
  password_hash: string
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface StaffSessionTable {
  city_code: string
  token_sha256: string
  staff_id: string
  created_at: Generated<Date>
  expires_at: Date
}

export interface AuditLogTable {
  city_code: string
  id: Generated<number>
  at: Generated<Date>
  actor: string
  action: string
  subject: string
  detail: Json
}

export interface FoundationTables {
  city: CityTable
  profile_version: ProfileVersionTable
  staff: StaffTable
  staff_session: StaffSessionTable
  audit_log: AuditLogTable
}
