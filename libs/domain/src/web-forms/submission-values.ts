import type { FormField, FormLanguage, FormSettings } from './form-definition.js';

/** A submitted value as it is kept: text, number or yes/no. */
export type FormValue = string | number | boolean;

export interface FieldError {
  field: string;
  message: string;
}

export type ValuesCheck = { ok: true; values: Record<string, FormValue> } | { ok: false; errors: FieldError[] };

const MAX_TEXT = 500;
const MAX_TEXTAREA = 20_000;
const EMAIL = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MESSAGES: Record<FormLanguage, Record<string, (label: string, name: string, extra?: string) => string>> = {
  pl: {
    required: (l, n) => `${n}: pole „${l}” jest wymagane`,
    tooLong: (l, n, x) => `${n}: pole „${l}” może mieć najwyżej ${x} znaków`,
    email: (l, n) => `${n}: pole „${l}” musi być adresem e-mail`,
    phone: (l, n) => `${n}: pole „${l}” musi być numerem telefonu`,
    option: (l, n) => `${n}: wybierz jedną z opcji pola „${l}”`,
    date: (l, n) => `${n}: pole „${l}” musi być datą (RRRR-MM-DD)`,
    futureDate: (l, n) => `${n}: data w polu „${l}” nie może być w przyszłości`,
    number: (l, n) => `${n}: pole „${l}” musi być liczbą`,
    checkbox: (l, n) => `${n}: pole „${l}” musi być zaznaczone`,
    text: (l, n) => `${n}: pole „${l}” musi być tekstem`,
  },
  en: {
    required: (l, n) => `${n}: "${l}" is required`,
    tooLong: (l, n, x) => `${n}: "${l}" may have at most ${x} characters`,
    email: (l, n) => `${n}: "${l}" must be an e-mail address`,
    phone: (l, n) => `${n}: "${l}" must be a phone number`,
    option: (l, n) => `${n}: choose one of the options of "${l}"`,
    date: (l, n) => `${n}: "${l}" must be a date (YYYY-MM-DD)`,
    futureDate: (l, n) => `${n}: the date in "${l}" cannot be in the future`,
    number: (l, n) => `${n}: "${l}" must be a number`,
    checkbox: (l, n) => `${n}: "${l}" must be ticked`,
    text: (l, n) => `${n}: "${l}" must be text`,
  },
};

/** A message naming a field in the form's language (also used for file errors). */
export function fieldMessage(lang: FormLanguage, key: keyof (typeof MESSAGES)['pl'], field: Pick<FormField, 'name' | 'label'>, extra?: string): string {
  return MESSAGES[lang][key](field.label[lang], field.name, extra);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function validDate(text: string, today: string): 'ok' | 'bad' | 'future' {
  const m = DATE.exec(text);
  if (!m) return 'bad';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return 'bad';
  return text > today ? 'future' : 'ok';
}

/**
 * The values of a submission's fields (files aside), checked against the
 * form: each error names its field (`name`) and says what is wrong in the
 * form's language. Fields the form does not have are left out.
 * `today`: YYYY-MM-DD, for dates that cannot be in the future (a purchase date).
 */
export function checkSubmissionValues(form: FormSettings, input: Record<string, unknown>, lang: FormLanguage, today: string): ValuesCheck {
  const errors: FieldError[] = [];
  const values: Record<string, FormValue> = {};
  const fail = (f: FormField, key: keyof (typeof MESSAGES)['pl'], extra?: string) =>
    errors.push({ field: f.name, message: fieldMessage(lang, key, f, extra) });
  for (const f of form.fields) {
    if (f.type === 'file') continue;
    const raw = input[f.name];
    if (f.type === 'checkbox') {
      const on = raw === true || raw === 'true' || raw === 'on' || raw === '1' || raw === 1;
      if (f.required && !on) fail(f, 'checkbox');
      else values[f.name] = on;
      continue;
    }
    if (isBlank(raw)) {
      if (f.required) fail(f, 'required');
      continue;
    }
    if (f.type === 'number') {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(?:[.,]\d+)?$/.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : NaN;
      if (!Number.isFinite(n)) fail(f, 'number');
      else values[f.name] = n;
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      fail(f, 'text');
      continue;
    }
    const text = String(raw).trim();
    const max = f.type === 'textarea' ? MAX_TEXTAREA : MAX_TEXT;
    if (text.length > max) fail(f, 'tooLong', String(max));
    else if (f.type === 'email' && !EMAIL.test(text)) fail(f, 'email');
    else if (f.type === 'phone' && !PHONE.test(text)) fail(f, 'phone');
    else if (f.type === 'select' && !f.options?.some((o) => o.value === text)) fail(f, 'option');
    else if (f.type === 'date' && validDate(text, today) !== 'ok') fail(f, validDate(text, today) === 'future' ? 'futureDate' : 'date');
    else values[f.name] = f.type === 'email' ? text.toLowerCase() : text;
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** A value as people read it: the option's label, "tak"/"yes" for a ticked box. */
export function displayValue(field: FormField, value: FormValue, lang: FormLanguage): string {
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
  if (field.type === 'checkbox') return value ? (lang === 'en' ? 'yes' : 'tak') : lang === 'en' ? 'no' : 'nie';
  return String(value);
}
