/** What an agent is notified of on a ticket (these may also come by mail). */
export const TICKET_NOTIFICATION_KINDS = ['mention', 'assigned', 'customer_replied', 'sla_warning', 'snooze_ended'] as const;
export type TicketNotificationKind = (typeof TICKET_NOTIFICATION_KINDS)[number];

/** What administrators are notified of that concerns no ticket: a webhook endpoint disabled for failing. */
export const ADMIN_NOTIFICATION_KINDS = ['webhook_disabled'] as const;
export type AdminNotificationKind = (typeof ADMIN_NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KINDS = [...TICKET_NOTIFICATION_KINDS, ...ADMIN_NOTIFICATION_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who caused a notification (as the audit trail names them). */
export interface NotificationActor {
  type: string;
  id: string | null;
  name: string | null;
}
