import { describe, it, expect } from '@jest/globals';
import { isForwardSubject, stripReplyPrefixes } from '../subject.js';

describe('stripReplyPrefixes', () => {
  it.each([
    // English clients: Gmail, Thunderbird, Apple Mail, Outlook
    ['Re: Reklamacja zamówienia', 'Reklamacja zamówienia'],
    ['RE: Reklamacja zamówienia', 'Reklamacja zamówienia'],
    ['re: reklamacja', 'reklamacja'],
    ['Fwd: Faktura VAT 12/2026', 'Faktura VAT 12/2026'],
    ['FW: Faktura VAT 12/2026', 'Faktura VAT 12/2026'],
    ['Fw: Faktura VAT 12/2026', 'Faktura VAT 12/2026'],
    ['Re: Fwd: Re: Zwrot towaru', 'Zwrot towaru'],
    // counters
    ['Re[2]: Zwrot towaru', 'Zwrot towaru'],
    ['RE[12]: Zwrot towaru', 'Zwrot towaru'],
    ['Re(3): Zwrot towaru', 'Zwrot towaru'],
    ['Re^2: Zwrot towaru', 'Zwrot towaru'],
    ['Re [2]: Zwrot towaru', 'Zwrot towaru'],
    ['Fwd[2]: Zwrot towaru', 'Zwrot towaru'],
    // Polish Outlook
    ['ODP: Zapytanie ofertowe', 'Zapytanie ofertowe'],
    ['Odp: Zapytanie ofertowe', 'Zapytanie ofertowe'],
    ['PD: Zapytanie ofertowe', 'Zapytanie ofertowe'],
    ['ODP: PD: ODP: Zapytanie ofertowe', 'Zapytanie ofertowe'],
    // German, Nordic, French, Italian, Dutch Outlook
    ['AW: WG: Lieferung', 'Lieferung'],
    ['SV: VS: Leverans', 'Leverans'],
    ['TR : RE : Livraison', 'Livraison'],
    ['R: I nostri ordini', 'I nostri ordini'],
    ['Antw: Bestelling', 'Bestelling'],
    // full-width colon
    ['Re：Reklamacja', 'Reklamacja'],
    ['RE：Fwd：Reklamacja', 'Reklamacja'],
    // whitespace
    ['  Re:   Re:Reklamacja   zamówienia  ', 'Reklamacja zamówienia'],
    ['Re:\r\n Reklamacja\tzamówienia', 'Reklamacja zamówienia'],
  ])('%j → %j', (subject, expected) => {
    expect(stripReplyPrefixes(subject)).toBe(expected);
  });

  it('keeps our ticket tag', () => {
    expect(stripReplyPrefixes('RE: [#2026-000123] Reklamacja zamówienia')).toBe('[#2026-000123] Reklamacja zamówienia');
    expect(stripReplyPrefixes('Odp: Re: [#2026-000123]  Reklamacja')).toBe('[#2026-000123] Reklamacja');
  });

  it('only strips the leading chain', () => {
    expect(stripReplyPrefixes('[#2026-000123] Re: Reklamacja')).toBe('[#2026-000123] Re: Reklamacja');
    expect(stripReplyPrefixes('Pytanie o Re: poprzednią wiadomość')).toBe('Pytanie o Re: poprzednią wiadomość');
  });

  it('unwraps an older Thunderbird forward, [Fwd: subject]', () => {
    expect(stripReplyPrefixes('[Fwd: Faktura VAT 12/2026]')).toBe('Faktura VAT 12/2026');
    expect(stripReplyPrefixes('Re: [Fwd: Re: Faktura]')).toBe('Faktura');
  });

  it.each([
    'Regulamin sklepu',
    'Odpowiedź na reklamację',
    'Fwdzie jest moja paczka',
    'Pd. zamówienie',
    'Trasa dostawy: Kraków',
    'Reklamacja: uszkodzona paczka',
    'Sv. Mikołaj',
    'Problem z R2: dysk',
    '[PILNE] Brak dostawy',
  ])('leaves %j alone', (subject) => {
    expect(stripReplyPrefixes(subject)).toBe(subject);
  });

  it('gives an empty string when only prefixes remain', () => {
    expect(stripReplyPrefixes('Re: ')).toBe('');
    expect(stripReplyPrefixes('RE: FW:')).toBe('');
    expect(stripReplyPrefixes('')).toBe('');
  });

  it('gives an empty string for something that is not a string', () => {
    expect(stripReplyPrefixes(undefined as unknown as string)).toBe('');
  });
});

describe('isForwardSubject', () => {
  it.each(['Fwd: Faktura', 'FW: Faktura', 'Fw: Faktura', 'PD: Faktura', 'WG: Rechnung', 'TR : Facture', 'VS: Faktura', 'Fwd[2]: Faktura', '  fwd：Faktura', '[Fwd: Faktura]', 'FW: RE: Faktura'])(
    '%j is a forward',
    (subject) => {
      expect(isForwardSubject(subject)).toBe(true);
    },
  );

  it.each(['Re: Faktura', 'RE: FW: Faktura', 'Odp: PD: Faktura', 'AW: WG: Rechnung', 'Faktura', 'Fwdzie jest paczka', 'Pd. zamówienie', '[#2026-000123] Fwd: Faktura', ''])(
    '%j is not a forward',
    (subject) => {
      expect(isForwardSubject(subject)).toBe(false);
    },
  );
});
