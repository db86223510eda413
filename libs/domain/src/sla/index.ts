export * from './business-calendar.js';
export * from './validate-calendar.js';
export * from './easter-sunday.js';
export * from './polish-public-holidays.js';
export { workingPeriodsOn, type WorkingInterval } from './working-periods.js';
export { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessTime } from './business-time.js';
export { addSlaMinutes, slaMinutesBetween } from './sla-minutes.js';
export * from './sla-deadline.js';
