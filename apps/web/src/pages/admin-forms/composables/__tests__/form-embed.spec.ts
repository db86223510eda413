import { describe, expect, it } from 'vitest';
import { embedSnippet, formKindOf, hostedPageUrl, parseOrigins, valuesPreview } from '../form-embed';

describe('form embedding', () => {
  it('gives the div and the script tag of the form', () => {
    expect(embedSnippet('https://pomoc.sklep.pl', 'abc')).toBe(
      '<div data-okienko-form="abc"></div>\n<script src="https://pomoc.sklep.pl/f/abc.js" async></script>',
    );
    expect(hostedPageUrl('https://pomoc.sklep.pl', 'abc')).toBe('https://pomoc.sklep.pl/f/abc');
  });

  it('reads origins one per line or separated by commas', () => {
    expect(parseOrigins('https://sklep.pl/\n\n https://www.sklep.pl, https://sklep.pl')).toEqual(['https://sklep.pl', 'https://www.sklep.pl']);
  });

  it('knows the kind and previews values', () => {
    expect(formKindOf({ kind: 'complaint' })).toBe('complaint');
    expect(formKindOf({})).toBe('contact');
    expect(valuesPreview({ email: 'a@b.pl', message: 'x'.repeat(200) }, 20)).toBe('email: a@b.pl, mess…');
  });
});
