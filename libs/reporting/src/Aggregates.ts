/**
 * What the activity log says about a period, counted: the input of report assembly. The store fills it
 * with a few grouped SQL queries (never row by row); tests can build it by hand.
 */

/** Counter visits of one (procedure, channel, outcome, site, date). @category models */
export interface VisitCell {
  readonly procedure: string
  readonly channel: string
  readonly outcome: string
  readonly site: string
  readonly date: string
  readonly count: number
  readonly serviceMinutesSum: number
  readonly serviceMeasured: number
}

/** @category models */
export interface Keyed {
  readonly key: string
  readonly count: number
}

/** @category models */
export interface PhoneCell {
  readonly category: string
  readonly transferred: boolean
  readonly date: string
  readonly count: number
}

/** @category models */
export interface ComplaintCell {
  readonly category: string
  readonly escalated: boolean
  readonly count: number
}

/** Outreach tally counts of one (procedure, site, date). @category models */
export interface TallyCell {
  readonly procedure: string
  readonly site: string
  readonly date: string
  readonly count: number
}

/** @category models */
export interface Session {
  readonly date: string
  readonly time: string | null
  readonly site: string
  readonly venue: string
  readonly tallied: number
  readonly inquiries: number
}

/** @category models */
export interface PhoneCall {
  readonly date: string
  readonly time: string | null
  readonly site: string
  readonly category: string
  readonly content: string
  readonly answer: string
  readonly transferred: boolean
}

/** @category models */
export interface Complaint {
  readonly date: string
  readonly time: string | null
  readonly site: string
  readonly category: string
  readonly what: string
  readonly handling: string
  readonly escalated: boolean
}

/** @category models */
export interface Aggregates {
  readonly visits: ReadonlyArray<VisitCell>
  /** Waiting minutes → visits that waited that long (measured visits only). */
  readonly waiting: ReadonlyArray<{ readonly minutes: number; readonly count: number }>
  readonly reasons: ReadonlyArray<Keyed>
  readonly missingDocuments: ReadonlyArray<Keyed>
  readonly phone: ReadonlyArray<PhoneCell>
  readonly complaints: ReadonlyArray<ComplaintCell>
  readonly tallies: ReadonlyArray<TallyCell>
  readonly sessions: ReadonlyArray<Session>
  readonly complaintList: ReadonlyArray<Complaint>
  /** Only when a section lists calls. */
  readonly phoneCalls: ReadonlyArray<PhoneCall> | null
  /** Procedure → count from the start of the contract to the end of the period (visits and tallies). */
  readonly progress: ReadonlyArray<Keyed> | null
}

/** Nothing recorded. @category constructors */
export const empty: Aggregates = {
  visits: [],
  waiting: [],
  reasons: [],
  missingDocuments: [],
  phone: [],
  complaints: [],
  tallies: [],
  sessions: [],
  complaintList: [],
  phoneCalls: null,
  progress: null
}
