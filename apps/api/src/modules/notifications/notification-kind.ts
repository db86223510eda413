/** What an agent is notified of. */
export const NOTIFICATION_KINDS = ['mention', 'assigned', 'customer_replied', 'sla_warning', 'snooze_ended'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who caused a notification (as the audit trail names them). */
export interface NotificationActor {
  type: string;
  id: string | null;
  name: string | null;
}
