import { describe, expect, it } from '@jest/globals';
import { findUnsafeText } from '../unsafe-text.js';

describe('findUnsafeText', () => {
  it('finds NUL characters and unpaired surrogates anywhere, named by their path', () => {
    const found = findUnsafeText({ subject: 'a\u0000b', customer: { email: 'jan\ud800@example.pl' }, tags: ['ok', '\udfff'] });
    expect(found).toEqual([
      { field: 'subject', errors: ['subject must not contain NUL characters'] },
      { field: 'customer.email', errors: ['customer.email must not contain unpaired UTF-16 surrogates'] },
      { field: 'tags.1', errors: ['tags.1 must not contain unpaired UTF-16 surrogates'] },
    ]);
  });

  it('names a parameter by the name given, and a bad key escaped', () => {
    expect(findUnsafeText('abc\u0000', 'token')).toEqual([{ field: 'token', errors: ['token must not contain NUL characters'] }]);
    expect(findUnsafeText({ 'a\u0000': 1 })[0].field).toBe('a\\u0000');
  });

  it('lets whole surrogate pairs, other control characters and non-strings through', () => {
    expect(findUnsafeText({ a: 'Paczka 📦', b: 'tab\there\nnew line', c: 12, d: null, e: [true, { f: '😀' }] })).toEqual([]);
  });
});
