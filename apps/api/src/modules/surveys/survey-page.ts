import { createHash } from 'node:crypto';
import { SURVEY_SCALES, type SurveyKind } from '@okienko/domain';

/**
 * The customer's survey pages, rendered on the server: a plain accessible
 * form with no script and no external asset, Polish by default and English
 * for browsers that prefer it. Every value is escaped.
 */
export type PageLanguage = 'pl' | 'en';

export interface SurveyPageView {
  kind: SurveyKind;
  ticketNumber: string;
  ticketSubject: string;
}

export const COMMENT_MAX_LENGTH = 2000;

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8}
main{max-width:36rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 .25rem}
.ticket{color:#52606d;margin:0 0 1.5rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
legend{font-weight:600;margin-bottom:.5rem}
.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.scale label{display:flex;align-items:center;gap:.3rem;padding:.35rem .6rem;border:1px solid #9aa5b1;border-radius:6px;cursor:pointer}
.hint{color:#52606d;font-size:.9rem;margin:.4rem 0 0}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #9aa5b1;border-radius:6px}
button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:#b91c1c;font-weight:600}
`.trim();

/** Only this page's own stylesheet may apply; no script, image, font, frame or foreign form target. */
export const SURVEY_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TEXT = {
  pl: {
    title: 'Ankieta satysfakcji',
    ticket: (number: string, subject: string) => `Zgłoszenie ${number}: ${subject}`,
    question: {
      csat: 'Jak oceniasz naszą pomoc w tej sprawie?',
      nps: 'Jak bardzo prawdopodobne jest, że polecisz nas znajomemu?',
    },
    csatLabels: ['Bardzo źle', 'Źle', 'Przeciętnie', 'Dobrze', 'Bardzo dobrze'],
    npsHint: '0 – na pewno nie, 10 – na pewno tak',
    comment: 'Komentarz (nieobowiązkowy)',
    submit: 'Wyślij ocenę',
    chooseScore: 'Wybierz ocenę, zanim wyślesz ankietę.',
    commentTooLong: `Komentarz może mieć najwyżej ${COMMENT_MAX_LENGTH} znaków.`,
    thanksTitle: 'Dziękujemy za ocenę!',
    thanks: 'Twoja odpowiedź pomoże nam lepiej pomagać.',
    answeredTitle: 'Ankieta jest już wypełniona',
    answered: 'Ta ankieta została już wypełniona — dziękujemy! Odpowiedzi nie można zmienić.',
    expiredTitle: 'Link wygasł',
    expired: 'Ten link do ankiety już wygasł. Dziękujemy, że chciałeś nam odpowiedzieć!',
    notFoundTitle: 'Nie znaleziono ankiety',
    notFound: 'Ten link do ankiety jest nieprawidłowy. Sprawdź, czy został skopiowany w całości.',
  },
  en: {
    title: 'Satisfaction survey',
    ticket: (number: string, subject: string) => `Request ${number}: ${subject}`,
    question: {
      csat: 'How satisfied are you with our help?',
      nps: 'How likely are you to recommend us to a friend?',
    },
    csatLabels: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    npsHint: '0 – not at all likely, 10 – extremely likely',
    comment: 'Comment (optional)',
    submit: 'Send rating',
    chooseScore: 'Please choose a rating before sending.',
    commentTooLong: `The comment may have at most ${COMMENT_MAX_LENGTH} characters.`,
    thanksTitle: 'Thank you for your feedback!',
    thanks: 'Your answer helps us help you better.',
    answeredTitle: 'Survey already answered',
    answered: 'This survey has already been answered — thank you! The answer cannot be changed.',
    expiredTitle: 'Link expired',
    expired: 'This survey link has expired. Thank you for wanting to answer!',
    notFoundTitle: 'Survey not found',
    notFound: 'This survey link is not valid. Please check that it was copied in full.',
  },
} as const;

/** Polish unless the browser ranks English above Polish (`Accept-Language: en-GB,en;q=0.9,pl;q=0.5`). */
export function preferredLanguage(acceptLanguage: string | undefined): PageLanguage {
  let best: { lang: PageLanguage; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const lang = range.split('-')[0];
    if (lang !== 'pl' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? 'pl';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(lang: PageLanguage, heading: string, content: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(heading)} – ${escapeHtml(TEXT[lang].title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${content}
</main>
</body>
</html>
`;
}

function ticketLine(lang: PageLanguage, view: SurveyPageView): string {
  return `<p class="ticket">${escapeHtml(TEXT[lang].ticket(view.ticketNumber, view.ticketSubject))}</p>`;
}

/** The question with one radio button per score, an optional comment and a submit button. */
export function renderSurveyForm(
  lang: PageLanguage,
  view: SurveyPageView,
  entered: { score?: number | null; comment?: string; error?: 'choose_score' | 'comment_too_long' } = {},
): string {
  const t = TEXT[lang];
  const { min, max } = SURVEY_SCALES[view.kind];
  const options: string[] = [];
  for (let score = min; score <= max; score++) {
    const label = view.kind === 'csat' ? `${score} – ${t.csatLabels[score - 1]}` : String(score);
    const checked = entered.score === score ? ' checked' : '';
    const required = score === min ? ' required' : '';
    options.push(
      `<label for="score-${score}"><input type="radio" id="score-${score}" name="score" value="${score}"${checked}${required}> ${escapeHtml(label)}</label>`,
    );
  }
  const error = entered.error ? `<p class="error" role="alert" id="form-error">${escapeHtml(entered.error === 'choose_score' ? t.chooseScore : t.commentTooLong)}</p>\n` : '';
  const hint = view.kind === 'nps' ? `\n<p class="hint" id="scale-hint">${escapeHtml(t.npsHint)}</p>` : '';
  const describedBy = view.kind === 'nps' ? ' aria-describedby="scale-hint"' : '';
  return page(
    lang,
    t.title,
    `${ticketLine(lang, view)}
${error}<form method="post">
<fieldset${describedBy}>
<legend>${escapeHtml(t.question[view.kind])}</legend>
<div class="scale">
${options.join('\n')}
</div>${hint}
</fieldset>
<p><label for="comment">${escapeHtml(t.comment)}</label><br>
<textarea id="comment" name="comment" rows="4" maxlength="${COMMENT_MAX_LENGTH}">${escapeHtml(entered.comment ?? '')}</textarea></p>
<p><button type="submit">${escapeHtml(t.submit)}</button></p>
</form>`,
  );
}

export type SurveyNotice = 'thanks' | 'answered' | 'expired' | 'not_found';

/** A page with a heading and one sentence: after answering, already answered, expired, unknown link. */
export function renderSurveyNotice(lang: PageLanguage, notice: SurveyNotice, view: SurveyPageView | null = null): string {
  const t = TEXT[lang];
  const [heading, text] = {
    thanks: [t.thanksTitle, t.thanks],
    answered: [t.answeredTitle, t.answered],
    expired: [t.expiredTitle, t.expired],
    not_found: [t.notFoundTitle, t.notFound],
  }[notice];
  return page(lang, heading, `${view ? ticketLine(lang, view) : ''}\n<p>${escapeHtml(text)}</p>`);
}
