import { describe, expect, it } from '@jest/globals';
import { SLUG_PATTERN, slugFromName } from '../slug-from-name.js';

describe('slugFromName', () => {
  it.each([
    ['Obsługa posprzedażowa', 'obsluga-posprzedazowa'],
    ['Księgowość', 'ksiegowosc'],
    ['ŻÓŁĆ & Gęś', 'zolc-ges'],
    ['  IT / Helpdesk 2.0  ', 'it-helpdesk-2-0'],
    ['Sprzedaż', 'sprzedaz'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('is empty when nothing latin is left', () => {
    expect(slugFromName('!!!')).toBe('');
    expect(slugFromName('客服')).toBe('');
  });

  it('keeps to 60 characters and never ends in a hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(slugFromName('x'.repeat(100))).toHaveLength(60);
  });
});
