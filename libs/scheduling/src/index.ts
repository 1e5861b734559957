/**
 * `@madoguchi/scheduling`: the business calendar and capacity planning, and booking — slots,
 * reservations, the waitlist, walk-in tickets and outreach sessions.
 */
export * as Booking from "./Booking.ts"
export * as Calendar from "./Calendar.ts"
export * as Capacity from "./Capacity.ts"
export * as Demand from "./Demand.ts"
export * as Forecast from "./Forecast.ts"
export * as Outreach from "./Outreach.ts"
export * as Plan from "./Plan.ts"
export * as Purge from "./Purge.ts"
export * as Queueing from "./Queueing.ts"
export * as Reservation from "./Reservation.ts"
export * as Simulation from "./Simulation.ts"
export * as Slot from "./Slot.ts"
export * as Staffing from "./Staffing.ts"
export * as Sweeper from "./Sweeper.ts"
export * as Waitlist from "./Waitlist.ts"
export * as WalkIn from "./WalkIn.ts"
