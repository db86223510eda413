import type { TicketNotificationKind as NotificationKind } from './notification-kind.js';

/** What a notification mail says about one notification. */
export interface NotificationMailInput {
  kind: NotificationKind;
  locale: string;
  ticketNumber: string;
  ticketSubject: string;
  actorName: string | null;
  excerpt: string | null;
  link: string;
}

const LINES: Record<'pl' | 'en', Record<NotificationKind, (actor: string) => string>> = {
  pl: {
    mention: (a) => `${a} wspomina o Tobie w notatce wewnętrznej`,
    assigned: (a) => `${a} przydziela Ci zgłoszenie`,
    customer_replied: (a) => `${a} odpowiada w zgłoszeniu`,
    sla_warning: () => 'Zbliża się termin SLA zgłoszenia',
    snooze_ended: () => 'Minął czas uśpienia zgłoszenia',
  },
  en: {
    mention: (a) => `${a} mentioned you in an internal note`,
    assigned: (a) => `${a} assigned the ticket to you`,
    customer_replied: (a) => `${a} replied on the ticket`,
    sla_warning: () => "The ticket's SLA deadline is near",
    snooze_ended: () => 'The ticket woke from its snooze',
  },
};

/** The subject and text of a notification mail, in the agent's panel language. */
export function notificationMail(input: NotificationMailInput): { subject: string; body: string } {
  const language = input.locale === 'en' ? 'en' : 'pl';
  const headline = LINES[language][input.kind](input.actorName ?? (language === 'en' ? 'Somebody' : 'Ktoś'));
  return {
    subject: `[Okienko] ${input.ticketNumber}: ${headline}`,
    body: [
      `${headline}: ${input.ticketNumber} „${input.ticketSubject}”.`,
      ...(input.excerpt ? ['', `> ${input.excerpt}`] : []),
      '',
      input.link,
    ].join('\n'),
  };
}
