/** BullMQ queues of the rules: the sweep of time-based rules, and webhook calls. */
export const RULES_SWEEP_QUEUE = 'rules-sweep';
export const WEBHOOK_QUEUE = 'webhooks';
