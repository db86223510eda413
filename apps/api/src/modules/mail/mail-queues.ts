/** BullMQ queues of the mail channel (outbound mail has its own: see mail-outbox). */
export const INBOUND_MAIL_QUEUE = 'inbound-mail';
export const MAIL_MAINTENANCE_QUEUE = 'mail-maintenance';
