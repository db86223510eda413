import { displayValue, type FormLanguage, type FormSettings, type FormValue } from '@okienko/domain';

/** The ticket's subject of a submission: its `subject` field, else what a complaint is about, else the start of the message. */
export function submissionSubject(form: FormSettings, formName: string, values: Record<string, FormValue>): string {
  const subject = typeof values.subject === 'string' ? values.subject.trim() : '';
  if (subject) return subject.slice(0, 300);
  if (form.kind === 'complaint') {
    const about = [values.orderNumber, values.product].filter((v) => v !== undefined && String(v).trim()).join(' – ');
    return `Reklamacja${about ? `: ${about}` : ''}`.slice(0, 300);
  }
  const message = typeof values.message === 'string' ? values.message.trim().split('\n')[0] : '';
  return (message ? message.slice(0, 120) : formName).slice(0, 300);
}

/**
 * The message text of a submission: the `message` field, then every other
 * filled-in field as "Label: value" (in Polish: the team reads it), so the
 * ticket shows the structured data even where tables are not drawn.
 */
export function submissionText(form: FormSettings, values: Record<string, FormValue>, lang: FormLanguage = 'pl'): string {
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  const rows = form.fields
    .filter((f) => f.name !== 'message' && f.type !== 'file' && values[f.name] !== undefined && String(values[f.name]).trim() !== '')
    .map((f) => `${f.label[lang]}: ${displayValue(f, values[f.name], lang)}`);
  return [message, rows.join('\n')].filter(Boolean).join('\n\n') || '(formularz bez treści)';
}
