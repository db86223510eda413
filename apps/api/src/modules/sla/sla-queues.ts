/**
 * BullMQ queue of the SLA: the sweep that records warnings and breaches, and
 * the recount of open tickets after a policy or calendar changed.
 */
export const SLA_SWEEP_QUEUE = 'sla-sweep';

/** The job that recounts every open ticket's deadlines (one waiting at a time: later changes join it). */
export const SLA_RECOUNT_JOB = 'recount';
