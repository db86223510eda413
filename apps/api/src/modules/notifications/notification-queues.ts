/** BullMQ queue of the notifications: the sweep that wakes snoozed tickets and mails notifications. */
export const SNOOZE_SWEEP_QUEUE = 'snooze-sweep';
