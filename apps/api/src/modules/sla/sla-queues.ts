/** BullMQ queue of the SLA: the sweep that records warnings and breaches. */
export const SLA_SWEEP_QUEUE = 'sla-sweep';
