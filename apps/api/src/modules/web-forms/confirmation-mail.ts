import type { FormKind, FormLanguage } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';

/** The confirmation a customer gets after sending a form: the ticket's number and the status link, in their language. */
export function confirmationMail(input: {
  lang: FormLanguage;
  kind: FormKind;
  ticketNumber: string;
  subject: string;
  statusUrl: string;
  config: Pick<AppConfig, 'ackExpectedResponse' | 'ackExpectedResponseEn'>;
}): { subject: string; body: string } {
  const { ticketNumber, statusUrl } = input;
  if (input.lang === 'en') {
    return {
      subject: `${input.kind === 'complaint' ? 'Complaint received' : 'Ticket received'}: ${input.subject || ticketNumber} [#${ticketNumber}]`,
      body: [
        'Hello,',
        '',
        input.kind === 'complaint'
          ? `thank you for your complaint. We have registered it as ticket ${ticketNumber}; we will answer within 14 days at the latest.`
          : `thank you for your message. We have registered it as ticket ${ticketNumber}. We will answer ${input.config.ackExpectedResponseEn}.`,
        '',
        `You can follow your case and add to it here: ${statusUrl}`,
        '',
        'Kind regards',
      ].join('\n'),
    };
  }
  return {
    subject: `${input.kind === 'complaint' ? 'Przyjęcie reklamacji' : 'Potwierdzenie zgłoszenia'}: ${input.subject || ticketNumber} [#${ticketNumber}]`,
    body: [
      'Dzień dobry,',
      '',
      input.kind === 'complaint'
        ? `dziękujemy za zgłoszenie reklamacji. Otrzymała numer ${ticketNumber}; odpowiemy najpóźniej w ciągu 14 dni.`
        : `dziękujemy za wiadomość. Zarejestrowaliśmy ją jako zgłoszenie nr ${ticketNumber}. Odpowiemy ${input.config.ackExpectedResponse}.`,
      '',
      `Stan sprawy można sprawdzić i coś do niej dodać tutaj: ${statusUrl}`,
      '',
      'Pozdrawiamy',
    ].join('\n'),
  };
}
