import type { AppNotification } from '../../entities/notification/api';
import { useAppI18n } from '../../shared/i18n/use-app-i18n';

/** What a notification says, in the panel's language: "Ala Nowak mentioned you". */
export function useNotificationText() {
  const { t } = useAppI18n();
  function actorName(notification: AppNotification): string {
    const { type, name } = notification.actor;
    if (type === 'rule' && name) return t('notifications.rule', { name });
    return name ?? t('notifications.someone');
  }
  return {
    headline: (notification: AppNotification) => t(`notifications.kind.${notification.kind}`, { actor: actorName(notification) }),
  };
}
