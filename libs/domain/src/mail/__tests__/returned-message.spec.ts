import { describe, it, expect } from '@jest/globals';
import { readReturnedMessage } from '../returned-message.js';

describe('readReturnedMessage', () => {
  it('reads the original copied in after qmail\'s marker line', () => {
    const text = [
      'Hi. This is the qmail-send program at mx.klient.example.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      '',
      '<jan@klient.example>:',
      '10.0.0.7 does not like recipient.',
      'Remote host said: 550 5.1.1 <jan@klient.example>: Recipient address rejected: User unknown',
      'Giving up on 10.0.0.7.',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'Return-Path: <biuro@rowerownia.pl>',
      'Message-ID: <ticket.2026-000123.5@rowerownia.pl>',
      'Subject: Re: [#2026-000123] Reklamacja',
    ].join('\r\n');
    expect(readReturnedMessage(text)).toEqual({
      messageIds: ['ticket.2026-000123.5@rowerownia.pl'],
      diagnostic: '550 5.1.1 <jan@klient.example>: Recipient address rejected: User unknown',
    });
  });

  it('reads indented and quoted header copies, a value folded onto the next line, and each id once', () => {
    const text = '  ----- Original message -----\n  From: biuro@rowerownia.pl\n  Message-Id:\n   <a.1@rowerownia.pl>\n> Message-ID: <b.2@rowerownia.pl>\n> Message-ID: <a.1@rowerownia.pl>\n';
    expect(readReturnedMessage(text).messageIds).toEqual(['a.1@rowerownia.pl', 'b.2@rowerownia.pl']);
  });

  it('reads the X-Original-Message-ID GroupWise and Exchange write', () => {
    expect(readReturnedMessage('X-Original-Message-ID: <c.3@rowerownia.pl>').messageIds).toEqual(['c.3@rowerownia.pl']);
  });

  it('takes a bare SMTP code after "said:" (old Sendmail) and an enhanced status alone', () => {
    expect(readReturnedMessage('... while talking to mx.x.pl.:\n>>> RCPT To:<a@x.pl>\n<<< 550 User unknown\nmx.x.pl said: 550 User unknown').diagnostic)
      .toBe('550 User unknown');
    expect(readReturnedMessage('Status: 5.2.2 (mailbox full)').diagnostic).toBe('Status 5.2.2');
  });

  it('finds nothing in a person\'s text, and never takes ordinary numbers for an SMTP answer', () => {
    expect(readReturnedMessage('Zamówiłem 550 sztuk, proszę o fakturę. Numer 4.1.2026 to data.')).toEqual({ messageIds: [], diagnostic: null });
    expect(readReturnedMessage('')).toEqual({ messageIds: [], diagnostic: null });
    expect(readReturnedMessage(null)).toEqual({ messageIds: [], diagnostic: null });
  });

  it('skips impossible ids', () => {
    expect(readReturnedMessage('Message-ID: <>\nMessage-ID: <ok@x.pl>').messageIds).toEqual(['ok@x.pl']);
  });
});
