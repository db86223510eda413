import { describe, expect, it } from '@jest/globals';
import { composeReply, quoteHeader, renderSignature } from '../reply-composition.js';

const QUOTE = {
  authorName: 'Jan Kowalski',
  authorAddress: 'jan@example.pl',
  createdAt: new Date('2026-12-07T08:34:00Z'),
  text: 'Paczka nie dotarła.\n\nCo dalej?',
};

describe('reply composition', () => {
  it('fills the placeholders of a signature and keeps an unknown one as typed', () => {
    const signature = renderSignature('Pozdrawiam,\n{{agent.name}}\n{{queue.name}} · {{ticket.number}} {{nieznany}}', {
      agentName: 'Anna Nowak', queueName: 'Reklamacje', customerName: null, customerEmail: null, ticketNumber: '2026-000123', ticketSubject: 'x',
    });
    expect(signature).toBe('Pozdrawiam,\nAnna Nowak\nReklamacje · 2026-000123 {{nieznany}}');
  });

  it('names who wrote and when, in Polish unless asked for English', () => {
    expect(quoteHeader(QUOTE, 'Europe/Warsaw')).toBe('W dniu 07.12.2026 09:34 Jan Kowalski <jan@example.pl> napisał(a):');
    expect(quoteHeader({ ...QUOTE, authorName: null, authorAddress: null }, 'Europe/Warsaw', 'en')).toMatch(/^On .* The customer wrote:$/);
  });

  it('puts the signature under the reply and the quote under both; the visible text leaves the quote out', () => {
    const composed = composeReply({ text: 'Sprawdzamy.', html: null, signature: 'Anna', quote: QUOTE }, 'Europe/Warsaw');
    expect(composed.bodyText).toBe(
      'Sprawdzamy.\n\n-- \nAnna\n\nW dniu 07.12.2026 09:34 Jan Kowalski <jan@example.pl> napisał(a):\n> Paczka nie dotarła.\n>\n> Co dalej?\n',
    );
    expect(composed.visibleText).toBe('Sprawdzamy.\n\n-- \nAnna');
    expect(composed.bodyHtml).toBeNull();
  });

  it('quotes in HTML as an escaped blockquote when the reply has HTML', () => {
    const composed = composeReply({ text: 'Ok', html: '<p>Ok</p>', signature: null, quote: { ...QUOTE, text: 'a < b\nc' } }, 'Europe/Warsaw');
    expect(composed.bodyHtml).toBe('<p>Ok</p><p>W dniu 07.12.2026 09:34 Jan Kowalski &lt;jan@example.pl&gt; napisał(a):</p><blockquote type="cite"><p>a &lt; b<br>c</p></blockquote>');
  });

  it("writes the quote's line in English for a customer writing English", () => {
    expect(composeReply({ text: 'Ok', html: null, signature: null, quote: QUOTE }, 'Europe/Warsaw', 'en').bodyText).toMatch(/\n\nOn .* Jan Kowalski <jan@example\.pl> wrote:\n> Paczka/);
  });

  it('leaves the text as it is without signature and quote', () => {
    expect(composeReply({ text: 'Tak.', html: null, signature: null, quote: null }, 'Europe/Warsaw')).toEqual({ bodyText: 'Tak.', bodyHtml: null, visibleText: null });
  });
});
