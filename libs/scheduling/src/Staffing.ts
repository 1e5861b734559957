/**
 * Staffing recommendation per session: windows to open, reception and guide staff, phone staff,
 * back office and managers, never below the contract's minimums (Kanazawa: reception 2, windows 5,
 * phone and back office 2, plus a manager) and never above its caps (Kawanishi: back office at most
 * 2). Reception follows the windows (`windowsPerReception`), phone staff the phone lines, back office
 * the cards handed over (`backOfficeMinutesPerCard` over the staffed day).
 */
import type { PlanningSection } from "@madoguchi/domain/profile/Planning"

/** People to put on a session. @category models */
export interface Staffing {
  readonly windows: number
  readonly reception: number
  readonly phone: number
  readonly backOffice: number
  readonly managers: number
  /** Outreach desk staff (outreach sessions only). */
  readonly outreach: number
  readonly total: number
  /** Which numbers were raised to a contract minimum or lowered to a cap. */
  readonly constrained: ReadonlyArray<string>
}

/** What a session needs before the contract's rules. @category models */
export interface StaffingNeed {
  readonly kind: "regular" | "holiday_opening" | "outreach"
  readonly windows: number
  readonly phoneLines: number
  /** Cards handed over in the session (back-office set-up work). */
  readonly cards: number
  /** Staffed minutes of the day (staffFrom–staffUntil). */
  readonly staffMinutes: number
}

/**
 * The staff of one session under the profile's staffing rules.
 *
 * @category staffing
 */
export const recommend = (planning: PlanningSection, need: StaffingNeed): Staffing => {
  const rules = planning.staffing
  const constrained: Array<string> = []
  const atLeast = (name: string, value: number, minimum: number) => {
    if (minimum > value) constrained.push(`${name}≥${minimum}`)
    return Math.max(value, minimum)
  }
  if (need.kind === "outreach") {
    const outreach = atLeast("outreach", Math.max(need.windows, 1), rules.minimum.outreach)
    const managers = rules.minimum.managers
    return {
      windows: need.windows,
      reception: 0,
      phone: 0,
      backOffice: 0,
      managers,
      outreach,
      total: outreach + managers,
      constrained
    }
  }
  const windows = need.kind === "regular" ? atLeast("windows", need.windows, rules.minimum.windows) : need.windows
  const reception = atLeast("reception", Math.ceil(windows / rules.windowsPerReception), rules.minimum.reception)
  const phone = atLeast("phone", need.phoneLines, rules.minimum.phone)
  let backOffice = atLeast(
    "backOffice",
    need.staffMinutes > 0 ? Math.ceil((need.cards * rules.backOfficeMinutesPerCard) / need.staffMinutes) : 0,
    rules.minimum.backOffice
  )
  if (phone + backOffice < rules.minimum.phoneAndBackOffice) {
    constrained.push(`phone+backOffice≥${rules.minimum.phoneAndBackOffice}`)
    backOffice = rules.minimum.phoneAndBackOffice - phone
  }
  if (rules.maximum.backOffice !== undefined && backOffice > rules.maximum.backOffice) {
    constrained.push(`backOffice≤${rules.maximum.backOffice}`)
    backOffice = rules.maximum.backOffice
  }
  const managers = rules.minimum.managers
  return {
    windows,
    reception,
    phone,
    backOffice,
    managers,
    outreach: 0,
    total: windows + reception + phone + backOffice + managers,
    constrained
  }
}
