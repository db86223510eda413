/**
 * Web forms: what a form channel's settings hold (its fields, the origins it
 * may be embedded on, its thank-you text), checked and completed when the
 * channel is saved. The complaint form is a preset of `kind: "complaint"`.
 */

export const FORM_KINDS = ['contact', 'complaint'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_FIELD_TYPES = ['text', 'textarea', 'email', 'phone', 'select', 'date', 'number', 'checkbox', 'file'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const FORM_LANGUAGES = ['pl', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

export interface LocalText {
  pl: string;
  en: string;
}

export interface FormOption {
  value: string;
  label: LocalText;
}

export interface FormField {
  name: string;
  label: LocalText;
  type: FormFieldType;
  required: boolean;
  options?: FormOption[];
  maxFiles?: number;
  maxFileMb?: number;
}

export interface FormSettings {
  kind: FormKind;
  fields: FormField[];
  allowedOrigins: string[];
  successMessage: LocalText;
}

/** Field names that fill the ticket itself; any other name is kept as the message's structured data. */
export const TICKET_FIELD_NAMES = ['subject', 'message', 'email', 'phone', 'name', 'orderNumber'] as const;

/** The hidden field people leave empty and naive bots fill in (the honeypot). */
export const HONEYPOT_FIELD = 'website';

/** Names a form's own fields may not take: those of the submission itself. */
const RESERVED_NAMES = new Set(['token', 'nonce', HONEYPOT_FIELD, 'lang', 'files']);

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_FIELDS = 40;
export const DEFAULT_MAX_FILES = 5;
export const DEFAULT_MAX_FILE_MB = 10;
export const MAX_FILES_LIMIT = 10;
export const MAX_FILE_MB_LIMIT = 20;

/** The remedies Polish consumer law gives for a faulty product (the complaint form's "what do you ask for"). */
export const COMPLAINT_REMEDIES: FormOption[] = [
  { value: 'repair', label: { pl: 'Naprawa', en: 'Repair' } },
  { value: 'replacement', label: { pl: 'Wymiana na nowy', en: 'Replacement' } },
  { value: 'price_reduction', label: { pl: 'Obniżenie ceny', en: 'Price reduction' } },
  { value: 'refund', label: { pl: 'Zwrot pieniędzy (odstąpienie od umowy)', en: 'Refund (withdrawal from the contract)' } },
];

export const COMPLAINT_FIELDS: FormField[] = [
  { name: 'name', label: { pl: 'Imię i nazwisko', en: 'Full name' }, type: 'text', required: true },
  { name: 'email', label: { pl: 'Adres e-mail', en: 'E-mail address' }, type: 'email', required: true },
  { name: 'phone', label: { pl: 'Telefon', en: 'Phone' }, type: 'phone', required: false },
  { name: 'orderNumber', label: { pl: 'Numer zamówienia', en: 'Order number' }, type: 'text', required: true },
  { name: 'product', label: { pl: 'Produkt', en: 'Product' }, type: 'text', required: true },
  { name: 'purchaseDate', label: { pl: 'Data zakupu', en: 'Purchase date' }, type: 'date', required: true },
  { name: 'message', label: { pl: 'Na czym polega wada', en: 'What is wrong' }, type: 'textarea', required: true },
  { name: 'remedy', label: { pl: 'Czego Pan/Pani żąda', en: 'What you ask for' }, type: 'select', required: true, options: COMPLAINT_REMEDIES },
  { name: 'photos', label: { pl: 'Zdjęcia', en: 'Photos' }, type: 'file', required: false, maxFiles: 5, maxFileMb: 10 },
];

export const CONTACT_FIELDS: FormField[] = [
  { name: 'name', label: { pl: 'Imię i nazwisko', en: 'Full name' }, type: 'text', required: false },
  { name: 'email', label: { pl: 'Adres e-mail', en: 'E-mail address' }, type: 'email', required: true },
  { name: 'subject', label: { pl: 'Temat', en: 'Subject' }, type: 'text', required: false },
  { name: 'message', label: { pl: 'Wiadomość', en: 'Message' }, type: 'textarea', required: true },
];

const DEFAULT_SUCCESS: Record<FormKind, LocalText> = {
  contact: { pl: 'Dziękujemy! Otrzymaliśmy Twoją wiadomość.', en: 'Thank you! We have received your message.' },
  complaint: {
    pl: 'Dziękujemy! Przyjęliśmy reklamację; odpowiemy w ciągu 14 dni.',
    en: 'Thank you! We have received your complaint and will answer within 14 days.',
  },
};

export interface SettingsError {
  field: string;
  message: string;
}

export type SettingsCheck = { ok: true; settings: FormSettings } | { ok: false; errors: SettingsError[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function localText(v: unknown, field: string, errors: SettingsError[], maxLength: number): LocalText | null {
  if (typeof v === 'string' && v.trim()) return { pl: v.trim().slice(0, maxLength), en: v.trim().slice(0, maxLength) };
  if (!isObject(v) || typeof v.pl !== 'string' || !v.pl.trim()) {
    errors.push({ field, message: `${field} must be {pl, en} with a Polish text (English optional)` });
    return null;
  }
  const pl = v.pl.trim();
  const en = typeof v.en === 'string' && v.en.trim() ? v.en.trim() : pl;
  if (pl.length > maxLength || en.length > maxLength) {
    errors.push({ field, message: `${field} must be at most ${maxLength} characters` });
    return null;
  }
  return { pl, en };
}

/** An origin as browsers send it: `https://shop.example` (scheme, host, port; no path). */
export function normaliseOrigin(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const url = new URL(v.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

function checkField(raw: unknown, at: string, errors: SettingsError[]): FormField | null {
  if (!isObject(raw)) {
    errors.push({ field: at, message: `${at} must be an object {name, label, type, required}` });
    return null;
  }
  const before = errors.length;
  const name = raw.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    errors.push({ field: `${at}.name`, message: `${at}.name must be letters, digits and _ (starting with a letter, at most 40)` });
  } else if (RESERVED_NAMES.has(name)) {
    errors.push({ field: `${at}.name`, message: `${at}.name "${name}" is reserved (${[...RESERVED_NAMES].join(', ')})` });
  }
  const label = localText(raw.label, `${at}.label`, errors, 200);
  const type = raw.type;
  if (typeof type !== 'string' || !(FORM_FIELD_TYPES as readonly string[]).includes(type)) {
    errors.push({ field: `${at}.type`, message: `${at}.type must be one of: ${FORM_FIELD_TYPES.join(', ')}` });
  }
  if (raw.required !== undefined && typeof raw.required !== 'boolean') {
    errors.push({ field: `${at}.required`, message: `${at}.required must be true or false` });
  }
  const field: FormField = { name: name as string, label: label!, type: type as FormFieldType, required: raw.required === true };
  if (type === 'select') {
    const options = Array.isArray(raw.options) ? raw.options : null;
    if (!options || options.length === 0 || options.length > 100) {
      errors.push({ field: `${at}.options`, message: `${at}.options must list 1 to 100 choices` });
    } else {
      field.options = [];
      options.forEach((o, i) => {
        if (typeof o === 'string' && o.trim()) field.options!.push({ value: o.trim(), label: { pl: o.trim(), en: o.trim() } });
        else if (isObject(o) && typeof o.value === 'string' && o.value.trim()) {
          const l = o.label === undefined ? { pl: o.value.trim(), en: o.value.trim() } : localText(o.label, `${at}.options.${i}.label`, errors, 200);
          if (l) field.options!.push({ value: o.value.trim(), label: l });
        } else errors.push({ field: `${at}.options.${i}`, message: `${at}.options.${i} must be a text or {value, label}` });
      });
    }
  }
  if (type === 'file') {
    field.maxFiles = bounded(raw.maxFiles, DEFAULT_MAX_FILES, MAX_FILES_LIMIT, `${at}.maxFiles`, errors);
    field.maxFileMb = bounded(raw.maxFileMb, DEFAULT_MAX_FILE_MB, MAX_FILE_MB_LIMIT, `${at}.maxFileMb`, errors);
  }
  return errors.length === before ? field : null;
}

function bounded(v: unknown, fallback: number, max: number, field: string, errors: SettingsError[]): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
    errors.push({ field, message: `${field} must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return v;
}

/** Whether a field is a way to reach the customer: an e-mail or phone field. */
export function isContactField(f: Pick<FormField, 'name' | 'type'>): boolean {
  return f.type === 'email' || f.type === 'phone';
}

/**
 * A web form's settings, checked and completed: the preset fields of its kind
 * when none are given, English texts defaulting to the Polish ones, origins
 * normalised. Errors name the settings path (`settings.fields.2.type`).
 */
export function checkFormSettings(raw: unknown): SettingsCheck {
  const errors: SettingsError[] = [];
  const s = isObject(raw) ? raw : {};
  const kind = s.kind === undefined ? 'contact' : s.kind;
  if (typeof kind !== 'string' || !(FORM_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: 'settings.kind', message: `settings.kind must be one of: ${FORM_KINDS.join(', ')}` });
    return { ok: false, errors };
  }
  const formKind = kind as FormKind;
  let fields: FormField[] = [];
  if (s.fields === undefined || (Array.isArray(s.fields) && s.fields.length === 0)) {
    fields = (formKind === 'complaint' ? COMPLAINT_FIELDS : CONTACT_FIELDS).map((f) => ({ ...f }));
  } else if (!Array.isArray(s.fields) || s.fields.length > MAX_FIELDS) {
    errors.push({ field: 'settings.fields', message: `settings.fields must be a list of at most ${MAX_FIELDS} fields` });
  } else {
    s.fields.forEach((f, i) => {
      const field = checkField(f, `settings.fields.${i}`, errors);
      if (field) fields.push(field);
    });
    const names = new Set<string>();
    fields.forEach((f) => {
      if (names.has(f.name)) errors.push({ field: 'settings.fields', message: `settings.fields names "${f.name}" twice` });
      names.add(f.name);
    });
    if (!errors.length && !fields.some((f) => isContactField(f) && f.required)) {
      errors.push({ field: 'settings.fields', message: 'settings.fields must have a required field of type email or phone: the way to reach the customer' });
    }
  }
  let allowedOrigins: string[] = [];
  if (s.allowedOrigins !== undefined) {
    if (!Array.isArray(s.allowedOrigins) || s.allowedOrigins.length > 50) {
      errors.push({ field: 'settings.allowedOrigins', message: 'settings.allowedOrigins must be a list of at most 50 origins' });
    } else {
      s.allowedOrigins.forEach((o, i) => {
        const origin = normaliseOrigin(o);
        if (origin) allowedOrigins.push(origin);
        else errors.push({ field: `settings.allowedOrigins.${i}`, message: `settings.allowedOrigins.${i} must be an origin such as https://shop.example` });
      });
      allowedOrigins = [...new Set(allowedOrigins)];
    }
  }
  const successMessage = s.successMessage === undefined ? DEFAULT_SUCCESS[formKind] : localText(s.successMessage, 'settings.successMessage', errors, 2000);
  if (errors.length) return { ok: false, errors };
  return { ok: true, settings: { kind: formKind, fields, allowedOrigins, successMessage: successMessage! } };
}

/** The settings of a stored form channel (checked when saved; anything broken reads as the contact preset). */
export function readFormSettings(stored: unknown): FormSettings {
  const checked = checkFormSettings(stored);
  return checked.ok ? checked.settings : (checkFormSettings({}) as { ok: true; settings: FormSettings }).settings;
}

/** `pl` unless English is asked for (a language tag or an Accept-Language header). */
export function formLanguage(asked: string | null | undefined): FormLanguage {
  if (!asked) return 'pl';
  const first = asked.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'pl';
}
