/** The BullMQ queue of the webhooks' sweep (due deliveries sent, retries). */
export const WEBHOOKS_SWEEP_QUEUE = 'webhooks-sweep';
