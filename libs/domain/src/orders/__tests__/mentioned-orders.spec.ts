import { mentionedOrders } from '../mentioned-orders.js';

describe('mentionedOrders', () => {
  it('reads #4521 and worded numbers in Polish and English', () => {
    expect(mentionedOrders('Gdzie jest moja paczka? Zamówienie nr 4521').numbers).toEqual(['4521']);
    expect(mentionedOrders('Pytam o #4522 i o zamówienia numer 4523').numbers).toEqual(['4522', '4523']);
    expect(mentionedOrders('nr zamówienia: 99871').numbers).toEqual(['99871']);
    expect(mentionedOrders('Where is my order no. 1200? Also order #1201').numbers).toEqual(['1200', '1201']);
  });

  it('does not take ticket numbers, prices or short numbers for orders', () => {
    expect(mentionedOrders('Re: [#2026-000123] zapłaciłem 120 zł, paczka 2 dni').numbers).toEqual([]);
    expect(mentionedOrders('zamówienie 12').numbers).toEqual([]);
  });

  it('reads Allegro and Amazon order ids', () => {
    const allegro = '29D6C6B0-1E2F-11EE-A000-0242AC120002';
    const found = mentionedOrders(`Allegro: ${allegro}, Amazon 305-1234567-7654321`);
    expect(found.externalIds).toEqual(['305-1234567-7654321', allegro.toLowerCase()]);
  });
});
