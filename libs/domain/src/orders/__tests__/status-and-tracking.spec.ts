import { carrierTrackingUrl } from '../carrier-tracking.js';
import { statusFromLabel } from '../status-from-label.js';

describe('order statuses from shop labels', () => {
  it.each([
    ['Wysłane', 'shipped'], ['Anulowane', 'cancelled'], ['Nowe zamówienia', 'pending'], ['W realizacji', 'processing'],
    ['Dostarczone', 'completed'], ['Zwrot', 'refunded'], ['Shipped', 'shipped'], ['Do wyjaśnienia', 'other'],
  ])('%s → %s', (label, status) => expect(statusFromLabel(label)).toBe(status));
});

describe('carrier tracking pages', () => {
  it('builds the tracking link of known carriers and none for unknown ones', () => {
    expect(carrierTrackingUrl('InPost Paczkomaty', '6800 1')).toBe('https://inpost.pl/sledzenie-przesylek?number=6800%201');
    expect(carrierTrackingUrl('dpd', '123')).toContain('dpd.com.pl');
    expect(carrierTrackingUrl('Kurier Janek', '123')).toBeNull();
    expect(carrierTrackingUrl('InPost', null)).toBeNull();
  });
});
