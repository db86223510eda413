import type { SurveyKind } from '@okienko/domain';

/** What the survey mail says about the ticket, and the link. */
export interface SurveyMailFacts {
  kind: SurveyKind;
  ticketNumber: string;
  ticketSubject: string;
  customerName: string | null;
  link: string;
  expiresAt: Date;
  timeZone: string;
  /** The customer's language: `en` gets the mail in English only. */
  language?: 'pl' | 'en';
}

const QUESTION: Record<SurveyKind, { pl: string; en: string }> = {
  csat: {
    pl: 'Jak oceniasz naszą pomoc w tej sprawie? Wystarczy jedno kliknięcie w skali od 1 do 5:',
    en: 'How satisfied are you with our help? Rate it from 1 to 5:',
  },
  nps: {
    pl: 'Jak bardzo prawdopodobne jest, że polecisz nas znajomym? Wystarczy jedno kliknięcie w skali od 0 do 10:',
    en: 'How likely are you to recommend us to a friend? Rate it from 0 to 10:',
  },
};

/** The survey mail: Polish first, a short English version below (English only to a customer written to in English). Plain text, values as they are. */
export function surveyMail(facts: SurveyMailFacts): { subject: string; body: string } {
  const until = new Intl.DateTimeFormat('pl-PL', { timeZone: facts.timeZone, dateStyle: 'long' }).format(facts.expiresAt);
  const untilEn = new Intl.DateTimeFormat('en-GB', { timeZone: facts.timeZone, dateStyle: 'long' }).format(facts.expiresAt);
  if (facts.language === 'en') {
    return {
      subject: `How did we do? ${facts.ticketSubject}`,
      body: [
        facts.customerName ? `Hello ${facts.customerName},` : 'Hello,',
        '',
        `Your request ${facts.ticketNumber} (“${facts.ticketSubject}”) has been closed.`,
        QUESTION[facts.kind].en,
        '',
        facts.link,
        '',
        `The link is valid until ${untilEn}. Thank you!`,
      ].join('\n'),
    };
  }
  const greeting = facts.customerName ? `Dzień dobry ${facts.customerName},` : 'Dzień dobry,';
  return {
    subject: `Jak oceniasz naszą pomoc? ${facts.ticketSubject}`,
    body: [
      greeting,
      '',
      `Twoje zgłoszenie ${facts.ticketNumber} („${facts.ticketSubject}”) zostało zamknięte.`,
      QUESTION[facts.kind].pl,
      '',
      facts.link,
      '',
      `Link jest ważny do ${until}. Dziękujemy!`,
      '',
      '--',
      `Your request ${facts.ticketNumber} has been closed. ${QUESTION[facts.kind].en}`,
      facts.link,
      `The link is valid until ${untilEn}.`,
    ].join('\n'),
  };
}
