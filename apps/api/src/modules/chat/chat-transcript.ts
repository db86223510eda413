/** One line of a chat as the transcript shows it. */
export interface TranscriptLine {
  author: 'visitor' | 'agent';
  authorName: string | null;
  text: string;
  at: Date;
}

export type TranscriptLanguage = 'pl' | 'en';

const TEXTS = {
  pl: {
    subject: 'Zapis rozmowy na czacie',
    hello: 'Dzień dobry,',
    intro: (date: string) => `poniżej zapis rozmowy na czacie z ${date}.`,
    you: 'Ty',
    agent: 'Konsultant',
    outro: 'Jeśli chcą Państwo coś dodać, wystarczy odpowiedzieć na tę wiadomość.',
    bye: 'Pozdrawiamy',
  },
  en: {
    subject: 'Your chat transcript',
    hello: 'Hello,',
    intro: (date: string) => `here is the transcript of your chat of ${date}.`,
    you: 'You',
    agent: 'Agent',
    outro: 'If you would like to add anything, simply reply to this message.',
    bye: 'Kind regards',
  },
} as const;

/**
 * The transcript mail of a chat: every message of the visitor and the agents
 * with its time (in the installation's time zone), in the visitor's language.
 * The mail sender adds the ticket's number to the subject.
 */
export function transcriptMail(input: {
  language: TranscriptLanguage;
  lines: TranscriptLine[];
  timeZone: string;
}): { subject: string; body: string } {
  const t = TEXTS[input.language];
  const locale = input.language === 'en' ? 'en-GB' : 'pl-PL';
  const time = new Intl.DateTimeFormat(locale, { timeZone: input.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: input.timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const first = input.lines[0]?.at ?? new Date();
  const body = [
    t.hello,
    '',
    t.intro(day.format(first)),
    '',
    ...input.lines.map((l) => `[${time.format(l.at)}] ${l.author === 'visitor' ? t.you : (l.authorName ?? t.agent)}: ${l.text}`),
    '',
    t.outro,
    '',
    t.bye,
  ].join('\n');
  return { subject: t.subject, body };
}
