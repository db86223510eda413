import type { Order } from '../order.js';
import { orderForTemplate, orderTemplateValues } from '../order-template-values.js';
import { isMentioned, newestFirst } from '../sort-orders.js';

const order = (number: string, createdAt: string, extra: Partial<Order> = {}): Order => ({
  integrationId: 'i', provider: 'woocommerce', externalId: number, number, createdAt, status: 'shipped', statusLabel: 'Wysłane',
  total: { amount: '129.90', currency: 'PLN' }, paymentStatus: 'paid', items: [],
  shipment: { carrier: 'InPost', trackingNumber: '6800', trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=6800' }, adminUrl: null, ...extra,
});

describe('order template values', () => {
  it('prefers the pinned order, then the mentioned one, then the newest', () => {
    const [a, b, c] = [order('1', '2026-01-01T00:00:00Z'), order('2', '2026-01-02T00:00:00Z'), order('3', '2026-01-03T00:00:00Z')];
    expect(orderForTemplate(a, b, c)).toBe(a);
    expect(orderForTemplate(null, b, c)).toBe(b);
    expect(orderForTemplate(null, null, c)).toBe(c);
    expect(orderForTemplate(null, null, null)).toBeNull();
  });

  it('fills number, status, carrier, tracking link and total', () => {
    const values = orderTemplateValues(order('4521', '2026-01-01T00:00:00Z'));
    expect(values.get('order.number')).toBe('4521');
    expect(values.get('order.status')).toBe('Wysłane');
    expect(values.get('order.carrier')).toBe('InPost');
    expect(values.get('order.trackingUrl')).toBe('https://inpost.pl/sledzenie-przesylek?number=6800');
    expect(values.get('order.total')?.replace(/\s/g, ' ')).toBe('129,90 zł');
    expect([...orderTemplateValues(null).values()].every((v) => v === '')).toBe(true);
  });

  it('sorts newest first and recognises a mentioned order by number or marketplace id', () => {
    const sorted = newestFirst([order('1', '2026-01-01T00:00:00Z'), order('3', '2026-03-01T00:00:00Z'), order('2', '2026-02-01T00:00:00Z')]);
    expect(sorted.map((o) => o.number)).toEqual(['3', '2', '1']);
    expect(isMentioned(order('4521', 'x'), { numbers: ['4521'], externalIds: [] })).toBe(true);
    expect(isMentioned(order('7', 'x', { externalOrderId: 'ABC-1' }), { numbers: [], externalIds: ['abc-1'] })).toBe(true);
    expect(isMentioned(order('7', 'x'), { numbers: ['4521'], externalIds: [] })).toBe(false);
  });
});

describe('template lines needing an order', () => {
  it('leaves out a line whose order placeholder has no value, and keeps the others', async () => {
    const { parseTemplate, renderTemplate, TEMPLATE_PLACEHOLDERS } = await import('../../templates/index.js');
    const result = parseTemplate('Dzień dobry,\nZamówienie {{order.number}}: {{order.status}}\nŚledzenie: {{order.trackingUrl}}\nPozdrawiamy', TEMPLATE_PLACEHOLDERS);
    if (!result.ok) throw new Error('template did not parse');
    const parsed = result.template;
    const needs = (path: string) => path.startsWith('order.');
    const without = renderTemplate(parsed, orderTemplateValues(null), { lineNeeds: needs });
    expect(without).toBe('Dzień dobry,\nPozdrawiamy');
    const sent = orderTemplateValues(order('4521', '2026-01-01T00:00:00Z', { shipment: {} }));
    expect(renderTemplate(parsed, sent, { lineNeeds: needs })).toBe('Dzień dobry,\nZamówienie 4521: Wysłane\nPozdrawiamy');
  });
});
