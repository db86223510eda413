import { describe, expect, it } from 'vitest';
import { formFieldChoices } from '../form-field-choices';

const contact = {
  type: 'web_form',
  name: 'Kontakt',
  settings: {
    kind: 'contact',
    fields: [
      { name: 'email', label: { pl: 'E-mail', en: 'E-mail' }, type: 'email', required: true },
      { name: 'message', label: { pl: 'Wiadomość', en: 'Message' }, type: 'textarea', required: true },
      { name: 'orderNumber', label: { pl: 'Numer zamówienia', en: 'Order number' }, type: 'text', required: false },
      { name: 'scan', label: { pl: 'Skan', en: 'Scan' }, type: 'file', required: false },
    ],
  },
};

describe('the form fields a rule condition can use', () => {
  it("offers each field of every form once, as form.<name>, named in the panel's language with the forms that have it", () => {
    const choices = formFieldChoices([contact, { type: 'web_form', name: 'Reklamacje', settings: { kind: 'complaint' } }, { type: 'email', name: 'Biuro' }], 'pl');
    const byValue = new Map(choices.map((c) => [c.value, c.label]));
    expect(byValue.get('form.orderNumber')).toBe('Numer zamówienia (Kontakt, Reklamacje)');
    expect(byValue.get('form.email')).toBe('E-mail (Kontakt, Reklamacje)');
    expect(byValue.get('form.message')).toBe('Wiadomość (Kontakt, Reklamacje)');
    // The complaint preset's own fields.
    expect(byValue.get('form.remedy')).toMatch(/^Czego Pan\/Pani żąda \(Reklamacje\)$/);
    // Files are not text a rule can compare.
    expect(byValue.has('form.scan')).toBe(false);
    expect(byValue.has('form.photos')).toBe(false);
    expect(choices.map((c) => c.label)).toEqual([...choices.map((c) => c.label)].sort((a, b) => a.localeCompare(b, 'pl')));
  });

  it('speaks English in an English panel and offers nothing without forms', () => {
    expect(formFieldChoices([contact], 'en').find((c) => c.value === 'form.orderNumber')?.label).toBe('Order number (Kontakt)');
    expect(formFieldChoices([{ type: 'email', name: 'Biuro' }], 'en')).toEqual([]);
  });
});
