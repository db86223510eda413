import { normaliseIdentity, normalisePhone, parseIdentityQuery } from '../customers/identity.js';

describe('customer identities', () => {
  it('writes every spelling of a Polish number in E.164', () => {
    for (const spelling of ['600 100 200', '+48 600-100-200', '0048600100200', '+48600100200', '(+48) 600 100 200']) {
      expect(normalisePhone(spelling, 'PL')).toBe('+48600100200');
    }
  });

  it('reads numbers without a country code in the default region, keeps foreign ones', () => {
    expect(normalisePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalisePhone('+1 202 555 0143', 'PL')).toBe('+12025550143');
  });

  it('refuses what is not a phone number', () => {
    expect(normalisePhone('abc', 'PL')).toBeNull();
    expect(normalisePhone('12', 'PL')).toBeNull();
  });

  it('lower-cases e-mail, requires a source for external identities and refuses one for e-mail and phone', () => {
    expect(normaliseIdentity({ kind: 'email', value: ' Jan@Example.PL ' }, 'PL')).toEqual({ ok: true, identity: { kind: 'email', value: 'jan@example.pl', source: '' } });
    expect(normaliseIdentity({ kind: 'external', value: 'C-1', source: 'shop' }, 'PL')).toEqual({ ok: true, identity: { kind: 'external', value: 'C-1', source: 'shop' } });
    expect(normaliseIdentity({ kind: 'external', value: 'C-1' }, 'PL')).toMatchObject({ ok: false, problem: 'source_required' });
    expect(normaliseIdentity({ kind: 'phone', value: '600100200', source: 'x' }, 'PL')).toMatchObject({ ok: false, problem: 'source_not_allowed' });
    expect(normaliseIdentity({ kind: 'chat', value: 'v1', source: 'widget' }, 'PL')).toEqual({ ok: true, identity: { kind: 'chat', value: 'v1', source: 'widget' } });
    expect(normaliseIdentity({ kind: 'fax', value: '1' }, 'PL')).toMatchObject({ ok: false, problem: 'unknown_kind' });
    expect(normaliseIdentity({ kind: 'email', value: 'jan@' }, 'PL')).toMatchObject({ ok: false, problem: 'invalid_email' });
  });

  it('reads kind:value queries', () => {
    expect(parseIdentityQuery('phone:+48600100200')).toEqual({ kind: 'phone', value: '+48600100200' });
    expect(parseIdentityQuery('external:shop:C-1042')).toEqual({ kind: 'external', source: 'shop', value: 'C-1042' });
    expect(parseIdentityQuery('nothing')).toBeNull();
    // An unencoded + in a query string arrives as a space.
    expect(parseIdentityQuery('phone: 12025550143')).toEqual({ kind: 'phone', value: '+12025550143' });
  });
});
