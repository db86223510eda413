import { createHash } from 'node:crypto';
import type { FormLanguage } from '@okienko/domain';
import { STATUS_LABELS } from '../dtos/public-ticket.dto.js';
import type { TicketStatusView } from '../status-links.service.js';

/**
 * The customer-facing pages: the hosted form (`/f/<key>`, the embed script on
 * a page of its own) and the status page (`/s/<token>`, rendered on the
 * server: it works without script and by keyboard alone). Every value is escaped.
 */
const STYLE = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8}
main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0}
ol{list-style:none;padding:0;margin:0}li{border:1px solid #cbd2d9;border-radius:6px;padding:.6rem .8rem;margin:0 0 .6rem}
li.team{background:#eff6ff}.who{font-weight:600;margin:0}.when{color:#52606d;font-size:.9rem;margin:0 0 .3rem}
.text{white-space:pre-wrap;margin:0;overflow-wrap:anywhere}img{max-width:10rem;max-height:10rem;border-radius:4px;margin:.3rem .3rem 0 0}
label{font-weight:600;display:block;margin:.8rem 0 .2rem}
textarea{width:100%;min-height:6rem;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #7b8794;border-radius:6px}
button{font:inherit;font-weight:600;margin-top:.8rem;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
a{color:#1d4ed8}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.error{color:#b91c1c;font-weight:600}.note{color:#52606d}
`.trim();

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The status page: its own stylesheet, images from us, forms posting to itself; no script. */
export const STATUS_PAGE_CSP = [
  "default-src 'none'", `style-src ${STYLE_HASH}`, "img-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/** The hosted form: its stylesheet, the embed script from us, requests to us. */
export const FORM_PAGE_CSP = [
  "default-src 'none'", `style-src ${STYLE_HASH} 'unsafe-inline'`, "script-src 'self'", "connect-src 'self'", "img-src 'self'", "form-action 'self'",
  "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TEXT = {
  pl: {
    status: 'Stan zgłoszenia', number: 'Numer', state: 'Stan', received: 'Przyjęte', expected: 'Odpowiemy',
    conversation: 'Rozmowa', you: 'Ty', team: 'Zespół obsługi klienta', add: 'Dodaj wiadomość', message: 'Wiadomość', files: 'Pliki (zdjęcia, PDF)',
    send: 'Wyślij', sent: 'Wiadomość została dodana.', noScript: 'Formularz wymaga włączonej obsługi JavaScript.', closed: 'Zgłoszenie jest zamknięte; nowa wiadomość otworzy je ponownie.',
    gone: 'Ten link wygasł lub został unieważniony.', notFound: 'Nie znaleziono zgłoszenia dla tego linku.', by: 'najpóźniej',
  },
  en: {
    status: 'Ticket status', number: 'Number', state: 'Status', received: 'Received', expected: 'We will answer',
    conversation: 'Conversation', you: 'You', team: 'Customer service', add: 'Add a message', message: 'Message', files: 'Files (photos, PDF)',
    send: 'Send', sent: 'Your message was added.', noScript: 'The form needs JavaScript.', closed: 'The ticket is closed; a new message reopens it.',
    gone: 'This link has expired or was revoked.', notFound: 'No ticket was found for this link.', by: 'by',
  },
};

function page(lang: FormLanguage, title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${head}</head><body><main>${body}</main></body></html>`;
}

function when(date: Date, lang: FormLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function renderFormPage(lang: FormLanguage, name: string, key: string): string {
  const k = escapeHtml(key);
  return page(
    lang,
    name,
    `<h1>${escapeHtml(name)}</h1><div data-okienko-form="${k}" data-lang="${lang}"></div><noscript><p class="error">${TEXT[lang].noScript}</p></noscript>` +
      `<script src="/f/${k}.js" defer></script>`,
  );
}

export function renderStatusPage(view: TicketStatusView, token: string, timeZone: string, notice: 'sent' | 'error' | null, error = ''): string {
  const t = TEXT[view.language];
  const lang = view.language;
  const messages = view.messages
    .map((m) => {
      const files = m.attachments
        .map((a) => {
          const url = `/api/public/tickets/${escapeHtml(token)}/attachments/${escapeHtml(a.id)}`;
          return /^image\/(jpeg|png|gif|webp)$/.test(a.contentType)
            ? `<a href="${url}"><img src="${url}" alt="${escapeHtml(a.filename)}"></a>`
            : `<a href="${url}">${escapeHtml(a.filename)}</a> `;
        })
        .join('');
      return `<li class="${m.from}"><p class="who">${m.from === 'customer' ? t.you : t.team}</p><p class="when">${when(m.createdAt, lang, timeZone)}</p>` +
        `<p class="text">${escapeHtml(m.text)}</p>${files ? `<p>${files}</p>` : ''}</li>`;
    })
    .join('');
  const expected = view.expectedResponse
    ? `<dt>${t.expected}</dt><dd>${escapeHtml(view.expectedResponse)}${view.expectedResponseBy ? ` (${t.by} ${when(view.expectedResponseBy, lang, timeZone)})` : ''}</dd>`
    : '';
  const banner = notice === 'sent' ? `<p class="note" role="status">${t.sent}</p>` : notice === 'error' ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    lang,
    `${t.status} ${view.ticketNumber}`,
    `<h1>${t.status}: ${escapeHtml(view.subject)}</h1>${banner}<dl><dt>${t.number}</dt><dd>${escapeHtml(view.ticketNumber)}</dd>` +
      `<dt>${t.state}</dt><dd>${STATUS_LABELS[lang][view.status]}</dd><dt>${t.received}</dt><dd>${when(view.createdAt, lang, timeZone)}</dd>${expected}</dl>` +
      `<h2>${t.conversation}</h2><ol>${messages}</ol>` +
      `<h2 id="add">${t.add}</h2>${view.status === 'closed' ? `<p class="note">${t.closed}</p>` : ''}` +
      `<form method="post" action="/s/${escapeHtml(token)}" enctype="multipart/form-data" aria-labelledby="add">` +
      `<label for="text">${t.message}</label><textarea id="text" name="text" maxlength="20000"></textarea>` +
      `<label for="files">${t.files}</label><input id="files" name="files" type="file" multiple accept="image/*,application/pdf,.pdf,.doc,.docx,.odt,.txt">` +
      `<div><button type="submit">${t.send}</button></div></form>`,
  );
}

export function renderStatusNotice(lang: FormLanguage, kind: 'gone' | 'notFound'): string {
  return page(lang, TEXT[lang].status, `<h1>${TEXT[lang].status}</h1><p>${TEXT[lang][kind]}</p>`);
}
