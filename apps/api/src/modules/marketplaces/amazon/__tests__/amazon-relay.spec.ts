import { describe, expect, it } from '@jest/globals';
import { amazonOrderId, amazonRelaySite } from '../amazon-relay.js';

describe('Amazon relay mail', () => {
  it('recognises the relay addresses of Amazon sites', () => {
    expect(amazonRelaySite('7pqkxq1lz3c8m0n@marketplace.amazon.pl')).toBe('amazon.pl');
    expect(amazonRelaySite('abc@marketplace.amazon.de')).toBe('amazon.de');
    expect(amazonRelaySite('ABC@Marketplace.Amazon.COM')).toBe('amazon.com');
    expect(amazonRelaySite('abc@marketplace.amazon.co.uk')).toBe('amazon.co.uk');
    expect(amazonRelaySite('abc@amazon.pl')).toBeNull();
    expect(amazonRelaySite('abc@marketplace.amazon.pl.evil.example')).toBeNull();
    expect(amazonRelaySite(null)).toBeNull();
  });

  it('finds the order id in the subject first, then in the text', () => {
    expect(amazonOrderId('Zapytanie od klienta dotyczące zamówienia 405-1234567-7654321', '')).toBe('405-1234567-7654321');
    expect(amazonOrderId('Pytanie o produkt', 'Numer zamówienia: 028-7654321-1234567\nDzień dobry')).toBe('028-7654321-1234567');
    expect(amazonOrderId('Pytanie', 'bez numeru 12-345')).toBeNull();
  });
});
