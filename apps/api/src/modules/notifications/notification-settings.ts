import type { TicketNotificationKind as NotificationKind } from './notification-kind.js';
import type { NotificationSettings } from './notifications.repository.js';

/** What comes by mail until the agent says otherwise: mentions, assignments and SLA warnings. */
export const DEFAULT_EMAIL_SETTINGS: Readonly<Record<NotificationKind, boolean>> = Object.freeze({
  mention: true,
  assigned: true,
  customer_replied: false,
  sla_warning: true,
  snooze_ended: false,
});

/** The agent's settings over the defaults. */
export function effectiveSettings(saved: NotificationSettings): { email: Record<NotificationKind, boolean> } {
  return { email: { ...DEFAULT_EMAIL_SETTINGS, ...(saved.email ?? {}) } };
}
