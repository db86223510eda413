import { describe, expect, it } from '@jest/globals';
import { transcriptMail } from '../chat-transcript.js';

describe('chat transcript mail', () => {
  const lines = [
    { author: 'visitor' as const, authorName: 'Kasia', text: 'Gdzie paczka?', at: new Date('2026-03-02T09:05:00Z') },
    { author: 'agent' as const, authorName: 'Anna Nowak', text: 'Jutro u Pani.', at: new Date('2026-03-02T09:06:30Z') },
    { author: 'agent' as const, authorName: null, text: 'Coś jeszcze?', at: new Date('2026-03-02T09:07:00Z') },
  ];

  it('writes each message with its local time and author, in Polish', () => {
    const mail = transcriptMail({ language: 'pl', lines, timeZone: 'Europe/Warsaw' });
    expect(mail.subject).toBe('Zapis rozmowy na czacie');
    expect(mail.body).toContain('z 2 marca 2026');
    expect(mail.body).toContain('[10:05] Ty: Gdzie paczka?\n[10:06] Anna Nowak: Jutro u Pani.\n[10:07] Konsultant: Coś jeszcze?');
  });

  it('writes it in English for an English-speaking visitor', () => {
    const mail = transcriptMail({ language: 'en', lines, timeZone: 'UTC' });
    expect(mail.subject).toBe('Your chat transcript');
    expect(mail.body).toContain('[09:05] You: Gdzie paczka?');
    expect(mail.body).toContain('[09:07] Agent: Coś jeszcze?');
    expect(mail.body).not.toContain('Dzień dobry');
  });
});
