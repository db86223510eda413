import { escapeHtml, formatTemplateDate, parseTemplateLenient, renderTemplate, TEMPLATE_PLACEHOLDERS, templateValues } from '@okienko/domain';

/** What a reply's signature may name: `{{agent.name}}`, `{{queue.name}}`, `{{customer.name}}`, `{{ticket.number}}`, … */
export interface SignatureContext {
  agentName: string | null;
  queueName: string | null;
  customerName: string | null;
  customerEmail: string | null;
  ticketNumber: string;
  ticketSubject: string;
}

/** The customer's message a reply answers, quoted below it. */
export interface QuotedMessage {
  authorName: string | null;
  authorAddress: string | null;
  createdAt: Date;
  text: string;
}

export interface ComposedReply {
  bodyText: string;
  bodyHtml: string | null;
  /** The reply and its signature without the quote: what the panel shows until "show quote". */
  visibleText: string | null;
}

/** A signature with its placeholders filled (lenient: an unknown placeholder stays as typed). */
export function renderSignature(signature: string, context: SignatureContext): string {
  const values = templateValues({
    'agent.name': context.agentName,
    'queue.name': context.queueName,
    'customer.name': context.customerName,
    'customer.email': context.customerEmail,
    'ticket.number': context.ticketNumber,
    'ticket.subject': context.ticketSubject,
  });
  return renderTemplate(parseTemplateLenient(signature, TEMPLATE_PLACEHOLDERS), values).trim();
}

/** "W dniu 7.12.2026 09:34 Jan Kowalski <jan@example.pl> napisał(a):" */
export function quoteHeader(quoted: QuotedMessage, timeZone: string, language: 'pl' | 'en' = 'pl'): string {
  const when = formatTemplateDate(quoted.createdAt, timeZone, language);
  const who = [quoted.authorName, quoted.authorAddress ? `<${quoted.authorAddress}>` : null].filter(Boolean).join(' ') || (language === 'en' ? 'The customer' : 'Klient');
  return language === 'en' ? `On ${when} ${who} wrote:` : `W dniu ${when} ${who} napisał(a):`;
}

function textToHtml(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

/**
 * The reply as it is stored and sent: the agent's text, the signature below
 * it ("-- " line), then the customer's message quoted (`> ` lines; a
 * `<blockquote>` in HTML) under a "W dniu … napisał(a):" line ("On … wrote:" for a customer writing English).
 */
export function composeReply(
  input: { text: string; html: string | null; signature: string | null; quote: QuotedMessage | null },
  timeZone: string,
  language: 'pl' | 'en' = 'pl',
): ComposedReply {
  const signed = input.signature ? `${input.text.trimEnd()}\n\n-- \n${input.signature}` : input.text;
  const signedHtml = input.html !== null && input.signature ? `${input.html}<p>-- <br>${escapeHtml(input.signature).replace(/\n/g, '<br>')}</p>` : input.html;
  if (!input.quote || !input.quote.text.trim()) {
    return { bodyText: signed, bodyHtml: signedHtml, visibleText: null };
  }
  const header = quoteHeader(input.quote, timeZone, language);
  const quotedText = input.quote.text.trimEnd().split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
  return {
    bodyText: `${signed.trimEnd()}\n\n${header}\n${quotedText}\n`,
    bodyHtml: signedHtml === null
      ? null
      : `${signedHtml}<p>${escapeHtml(header)}</p><blockquote type="cite">${textToHtml(input.quote.text.trimEnd())}</blockquote>`,
    visibleText: signed,
  };
}
