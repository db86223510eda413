import { describe, it, expect } from '@jest/globals';
import { parseTicketSearch } from '../ticket-search-query.js';

const tsQuery = (input: string) => parseTicketSearch(input)?.tsQuery;

describe('parseTicketSearch', () => {
  it('searches words as prefixes, as the other searches do', () => {
    expect(parseTicketSearch('Wójcik zwrot')).toEqual({ tsQuery: 'wójcik:* & zwrot:*', emailPrefixes: [] });
    expect(parseTicketSearch('  ')).toBeNull();
    expect(parseTicketSearch('!?')).toBeNull();
  });

  it('searches a phone number written with spaces, dashes or a country code as its digits', () => {
    expect(tsQuery('+48 600 100 200')).toBe('48600100200:*');
    expect(tsQuery('0048 600-100-200')).toBe('48600100200:*');
    expect(tsQuery('(22) 123-45-67')).toBe('221234567:*');
    expect(tsQuery('600100200')).toBe('600100200:*');
  });

  it('leaves short numbers and text with digits to the word search', () => {
    expect(tsQuery('12345')).toBe('12345:*');
    expect(tsQuery('zamówienie 600 100 200')).toBe('zamówienie:* & 600:* & 100:* & 200:*');
  });

  it('takes anything with an @ for the start of the customer\'s address, lower-cased', () => {
    expect(parseTicketSearch('jan@')).toEqual({ tsQuery: null, emailPrefixes: ['jan@'] });
    expect(parseTicketSearch('<Jan.Kowalski@Example.pl> zwrot')).toEqual({ tsQuery: 'zwrot:*', emailPrefixes: ['jan.kowalski@example.pl'] });
    expect(parseTicketSearch('@')).toBeNull();
  });
});
