import { describe, expect, it } from '@jest/globals';
import { formatTemplateDate } from '../format-template-date.js';
import { TEMPLATE_SLUG_PATTERN, templateSlug } from '../template-slug.js';

describe('templateSlug', () => {
  it.each([
    ['Status zamówienia', 'status-zamowienia'],
    ['Reklamacja — przyjęta (14 dni)', 'reklamacja-przyjeta-14-dni'],
    ['Zażółć gęślą jaźń', 'zazolc-gesla-jazn'],
    ['ŁÓDŹ', 'lodz'],
    ['  --Faktura VAT--  ', 'faktura-vat'],
    ['!!!', 'template'],
    ['', 'template'],
    ['注文', 'template'],
  ])('%j → %j', (title, slug) => {
    expect(templateSlug(title)).toBe(slug);
    expect(templateSlug(title)).toMatch(TEMPLATE_SLUG_PATTERN);
  });

  it('stays at most 80 characters, cutting between words', () => {
    const slug = templateSlug('bardzo długi tytuł szablonu '.repeat(10));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(TEMPLATE_SLUG_PATTERN);
    expect(templateSlug('x'.repeat(100))).toBe('x'.repeat(80));
  });

  it('pattern refuses what a slug is not', () => {
    for (const bad of ['Order-Status', 'order status', '-order', 'order-', 'order--status', 'zamówienie', '']) {
      expect(TEMPLATE_SLUG_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe('formatTemplateDate', () => {
  const date = new Date('2026-05-21T12:03:00Z');

  it('writes Polish dates day first, in the given time zone', () => {
    expect(formatTemplateDate(date, 'Europe/Warsaw', 'pl')).toBe('21.05.2026 14:03');
    expect(formatTemplateDate(new Date('2026-01-05T23:30:00Z'), 'Europe/Warsaw', 'pl')).toBe('06.01.2026 00:30');
  });

  it('writes English dates with the month name', () => {
    expect(formatTemplateDate(date, 'Europe/Warsaw', 'en')).toBe('21 May 2026, 14:03');
    expect(formatTemplateDate(date, 'UTC', 'en')).toBe('21 May 2026, 12:03');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatTemplateDate(new Date('2026-05-20T22:00:00Z'), 'Europe/Warsaw', 'pl')).toBe('21.05.2026 00:00');
  });
});
