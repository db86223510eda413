import { describe, expect, it } from '@jest/globals';
import {
  adaptiveDifficulty, checkFormSettings, checkSubmissionValues, formLanguage, leadingZeroBits, normaliseOrigin, readFormSettings, type FormSettings,
} from '../index.js';

const contact = (readFormSettings({ kind: 'contact' }));

describe('form settings', () => {
  it('fills the preset of its kind and the English texts, normalises origins', () => {
    const checked = checkFormSettings({ kind: 'complaint', allowedOrigins: ['https://Sklep.example/'], successMessage: { pl: 'Dzięki' } });
    expect(checked.ok).toBe(true);
    const settings = (checked as { settings: FormSettings }).settings;
    expect(settings.fields.map((f) => f.name)).toContain('remedy');
    expect(settings.allowedOrigins).toEqual(['https://sklep.example']);
    expect(settings.successMessage).toEqual({ pl: 'Dzięki', en: 'Dzięki' });
  });

  it('names every problem by its path', () => {
    const checked = checkFormSettings({
      kind: 'contact',
      fields: [
        { name: 'token', label: { pl: 'x' }, type: 'text' },
        { name: 'topic', label: { pl: 'Sprawa' }, type: 'select', options: [] },
        { name: 'scan', label: { pl: 'Skan' }, type: 'file', maxFileMb: 500 },
      ],
      allowedOrigins: ['https://sklep.example/path'],
    });
    expect(checked.ok).toBe(false);
    expect((checked as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'settings.fields.0.name', 'settings.fields.1.options', 'settings.fields.2.maxFileMb', 'settings.allowedOrigins.0',
    ]);
  });

  it('needs a required way to reach the customer', () => {
    const checked = checkFormSettings({ fields: [{ name: 'email', label: { pl: 'E-mail' }, type: 'email', required: false }] });
    expect(checked).toMatchObject({ ok: false, errors: [{ field: 'settings.fields' }] });
    expect(checkFormSettings({ fields: [{ name: 'tel', label: { pl: 'Telefon' }, type: 'phone', required: true }] }).ok).toBe(true);
  });

  it('an origin is scheme, host and port only', () => {
    expect(normaliseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseOrigin('ftp://sklep.example')).toBeNull();
    expect(normaliseOrigin('https://sklep.example/?a=1')).toBeNull();
  });
});

describe('submission values', () => {
  it('checks each field by its type and says what is wrong in the form\'s language', () => {
    const result = checkSubmissionValues(contact, { email: 'a@b', message: ' ' }, 'en', '2026-12-07');
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'email: "E-mail address" must be an e-mail address' },
        { field: 'message', message: 'message: "Message" is required' },
      ],
    });
    const ok = checkSubmissionValues(contact, { email: 'Anna@Klient.test', message: 'Hej', unknown: 'x' }, 'pl', '2026-12-07');
    expect(ok).toEqual({ ok: true, values: { email: 'anna@klient.test', message: 'Hej' } });
  });

  it('a purchase date is a real day, not in the future', () => {
    const complaint = readFormSettings({ kind: 'complaint' });
    const base = { name: 'A', email: 'a@b.pl', orderNumber: '1', product: 'P', message: 'x', remedy: 'refund' };
    expect(checkSubmissionValues(complaint, { ...base, purchaseDate: '2026-02-30' }, 'pl', '2026-12-07').ok).toBe(false);
    expect(checkSubmissionValues(complaint, { ...base, purchaseDate: '2026-12-08' }, 'pl', '2026-12-07').ok).toBe(false);
    expect(checkSubmissionValues(complaint, { ...base, purchaseDate: '2026-12-07' }, 'pl', '2026-12-07').ok).toBe(true);
  });
});

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('grows a bit per doubling of the traffic beyond the step, up to the maximum', () => {
    expect(adaptiveDifficulty(12, 0, 30, 20)).toBe(12);
    expect(adaptiveDifficulty(12, 30, 30, 20)).toBe(12);
    expect(adaptiveDifficulty(12, 31, 30, 20)).toBe(13);
    expect(adaptiveDifficulty(12, 120, 30, 20)).toBe(15);
    expect(adaptiveDifficulty(12, 1_000_000, 30, 20)).toBe(20);
  });
});

describe('language', () => {
  it('is Polish unless English is asked for', () => {
    expect(formLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(formLanguage('de')).toBe('pl');
    expect(formLanguage(undefined)).toBe('pl');
  });
});
