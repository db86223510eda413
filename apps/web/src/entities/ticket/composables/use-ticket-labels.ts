import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import type { DeliveryState, TicketChannel, TicketPriority, TicketStatus } from '../api';

/** Names of statuses, priorities, channels and delivery states in the current language. */
export function useTicketLabels() {
  const { t } = useAppI18n();
  return {
    statusLabel: (status: TicketStatus) => t(`ticket.status.${status}`),
    priorityLabel: (priority: TicketPriority) => t(`ticket.priority.${priority}`),
    channelLabel: (channel: TicketChannel) => t(`ticket.channel.${channel}`),
    deliveryLabel: (state: Exclude<DeliveryState, 'none'>) => t(`ticket.delivery.${state}`),
  };
}
