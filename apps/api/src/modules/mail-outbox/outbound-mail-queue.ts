/** The BullMQ queue of mail to send. */
export const OUTBOUND_MAIL_QUEUE = 'outbound-mail';
