import { splitSettings, SettingsProblem } from '../integration-settings.js';

describe('integration settings', () => {
  it('splits what is shown from the credentials', () => {
    expect(splitSettings('woocommerce', { url: 'https://sklep.pl/', consumerKey: 'ck_1', consumerSecret: 'cs_1' })).toEqual({
      public: { url: 'https://sklep.pl' },
      secret: { consumerKey: 'ck_1', consumerSecret: 'cs_1' },
    });
    expect(splitSettings('baselinker', { token: 't' })).toEqual({ public: {}, secret: { token: 't' } });
    expect(splitSettings('shoper', { url: 'http://127.0.0.1:8080', login: 'api', password: 'p' })).toEqual({
      public: { url: 'http://127.0.0.1:8080', login: 'api' },
      secret: { password: 'p' },
    });
  });

  it('keeps stored credentials left out of a change', () => {
    const current = { public: { url: 'https://a.pl' }, secret: { consumerKey: 'ck', consumerSecret: 'cs' } };
    expect(splitSettings('woocommerce', { url: 'https://b.pl' }, current)).toEqual({ public: { url: 'https://b.pl' }, secret: { consumerKey: 'ck', consumerSecret: 'cs' } });
  });

  it.each([
    ['woocommerce', { url: 'https://a.pl', consumerKey: 'ck' }, 'settings.consumerSecret'],
    ['woocommerce', { url: 'javascript:alert(1)', consumerKey: 'a', consumerSecret: 'b' }, 'settings.url'],
    ['woocommerce', { url: 'https://user:pass@a.pl', consumerKey: 'a', consumerSecret: 'b' }, 'settings.url'],
    ['baselinker', { token: '  ' }, 'settings.token'],
    ['baselinker', { token: 't', apiUrl: 5 }, 'settings.apiUrl'],
    ['shoper', { url: 'https://a.pl', login: 'x', password: 'y', extra: 1 }, 'settings.extra'],
  ] as const)('%s %j is refused naming %s', (type, settings, field) => {
    expect(() => splitSettings(type, settings as Record<string, unknown>)).toThrow(SettingsProblem);
    try {
      splitSettings(type, settings as Record<string, unknown>);
    } catch (error) {
      expect((error as SettingsProblem).field).toBe(field);
    }
  });
});
