import { describe, it, expect } from '@jest/globals';
import { evaluateConditions } from '../evaluate-conditions.js';
import type { ConditionResultExplanation } from '../evaluate-conditions.js';
import type { Condition, ConditionField, ConditionOperator, ConditionValue } from '../rule.js';
import type { TicketFacts } from '../ticket-facts.js';
import { all, any, facts } from './routing-fixtures.js';

function check(field: ConditionField, operator: ConditionOperator, value: ConditionValue | undefined, f: TicketFacts): boolean {
  const c: Condition = value === undefined ? { field, operator } : { field, operator, value };
  return evaluateConditions(all(c), f).matched;
}

describe('text fields: every operator', () => {
  const f = facts({ subject: 'AWARIA: drukarka nie DZIAŁA', body: 'Zwrót towaru\nFV 12/2026' });
  it.each([
    ['subject', 'is', 'awaria: drukarka nie działa', true],
    ['subject', 'is', 'awaria', false],
    ['subject', 'is_not', 'awaria', true],
    ['subject', 'is_not', 'Awaria: Drukarka Nie Dziala', false],
    ['subject', 'contains', 'awaria', true],
    ['subject', 'contains', 'drukark', true],
    ['subject', 'contains', 'skaner', false],
    ['subject', 'not_contains', 'skaner', true],
    ['subject', 'not_contains', 'DRUKARKA', false],
    ['subject', 'contains_any_word', ['skaner', 'nie działa'], true],
    ['subject', 'contains_any_word', 'skaner, drukarka', true],
    ['subject', 'contains_any_word', 'skaner\nmonitor', false],
    ['subject', 'contains_any_word', 'druk', false],
    ['subject', 'starts_with', 'awaria', true],
    ['subject', 'starts_with', 'drukarka', false],
    ['subject', 'matches_regex', '^awaria\\b', true],
    ['subject', 'matches_regex', 'skaner|monitor', false],
    ['body', 'contains', 'zwrot', true],
    ['body', 'contains_any_word', 'fv', true],
    ['body', 'matches_regex', 'fv \\d+/\\d{4}', true],
  ] as const)('%s %s %j → %s', (field, operator, value, expected) => {
    expect(check(field, operator, value, f)).toBe(expected);
  });

  it('is_empty / is_not_empty', () => {
    expect(check('subject', 'is_empty', undefined, facts({ subject: '   ' }))).toBe(true);
    expect(check('subject', 'is_empty', undefined, f)).toBe(false);
    expect(check('subject', 'is_not_empty', undefined, f)).toBe(true);
    expect(check('body', 'is_not_empty', undefined, facts({ body: '' }))).toBe(false);
  });

  it('an array value means "any of" (and "none of" when negated)', () => {
    expect(check('subject', 'contains', ['skaner', 'drukarka'], f)).toBe(true);
    expect(check('subject', 'not_contains', ['skaner', 'drukarka'], f)).toBe(false);
    expect(check('subject', 'starts_with', ['re:', 'awaria'], f)).toBe(true);
  });

  it('sender address and domain', () => {
    expect(check('sender_address', 'is', 'jan.kowalski@klient.pl', facts())).toBe(true);
    expect(check('sender_domain', 'is', 'klient.pl', facts())).toBe(true);
    expect(check('sender_domain', 'is', 'sklep.pl', facts())).toBe(false);
    expect(check('sender_domain', 'contains', 'klient', facts())).toBe(true);
    expect(check('sender_domain', 'is_empty', undefined, facts({ senderAddress: 'bez-domeny' }))).toBe(true);
  });

  it('customer fields by name', () => {
    expect(check('customer_field:NIP', 'starts_with', '123', facts())).toBe(true);
    expect(check('customer_field:nip', 'is', '123-456-78-90', facts())).toBe(true);
    expect(check('customer_field:regon', 'is_empty', undefined, facts())).toBe(true);
    expect(check('customer_field:regon', 'contains', '1', facts())).toBe(false);
  });

  it('web form fields by name (form.<name>), empty on tickets not from a form', () => {
    const fromForm = facts({ channel: 'web_form', formFields: { remedy: 'refund', orderNumber: 'ZAM-4521' } });
    expect(check('form.remedy', 'is', 'refund', fromForm)).toBe(true);
    expect(check('form.orderNumber', 'starts_with', 'zam-', fromForm)).toBe(true);
    expect(check('form.remedy', 'is', 'repair', fromForm)).toBe(false);
    expect(check('form.product', 'is_empty', undefined, fromForm)).toBe(true);
    expect(check('form.remedy', 'is_empty', undefined, facts())).toBe(true);
    expect(check('form.remedy', 'contains', 'refund', facts())).toBe(false);
  });
});

describe('list fields', () => {
  const f = facts({ inboundAddresses: ['biuro@sklep.pl', 'Reklamacje@Sklep.pl'], tags: ['Zwrot', 'pilne'], customerTags: ['VIP'] });
  it.each([
    ['inbound_address', 'is', 'reklamacje@sklep.pl', true],
    ['inbound_address', 'is', 'reklamacje', false],
    ['inbound_address', 'is_not', 'faktury@sklep.pl', true],
    ['inbound_address', 'is_not', 'biuro@sklep.pl', false],
    ['inbound_address', 'contains', 'reklamacje@', true],
    ['inbound_address', 'not_contains', 'faktury@', true],
    ['inbound_address', 'starts_with', 'reklamacje@', true],
    ['inbound_address', 'matches_regex', '^reklamacje@', true],
    ['tag', 'is', 'zwrót', true],
    ['tag', 'is', 'pil', false],
    ['tag', 'contains', 'pil', true],
    ['tag', 'contains_any_word', 'pilne, vip', true],
    ['customer_tag', 'is', 'vip', true],
    ['customer_tag', 'is_not', 'vip', false],
  ] as const)('%s %s %j → %s', (field, operator, value, expected) => {
    expect(check(field, operator, value, f)).toBe(expected);
  });

  it('is_empty means no elements', () => {
    expect(check('tag', 'is_empty', undefined, facts({ tags: [] }))).toBe(true);
    expect(check('tag', 'is_empty', undefined, f)).toBe(false);
    expect(check('customer_tag', 'is_not_empty', undefined, f)).toBe(true);
  });
});

describe('identifier fields', () => {
  const f = facts({ priority: 'high', status: 'open', queueId: 'q-1', categoryId: null, assigneeId: 'u-7', channel: 'email' });
  it.each([
    ['priority', 'is', 'high', true],
    ['priority', 'is', ['high', 'urgent'], true],
    ['priority', 'is', 'low', false],
    ['priority', 'is_not', 'low', true],
    ['status', 'is', 'open', true],
    ['queue', 'is', 'q-1', true],
    ['queue', 'is_not', 'q-1', false],
    ['category', 'is', 'c-1', false],
    ['category', 'is_not', 'c-1', true],
    ['category', 'is_empty', undefined, true],
    ['assignee', 'is_not_empty', undefined, true],
    ['channel', 'is', 'email', true],
    ['channel', 'is', 'phone', false],
  ] as const)('%s %s %j → %s', (field, operator, value, expected) => {
    expect(check(field, operator, value, f)).toBe(expected);
  });

  it('text operators do not apply and never match, even negated', () => {
    expect(check('priority', 'contains', 'hig', f)).toBe(false);
    expect(check('priority', 'not_contains', 'low', f)).toBe(false);
  });
});

describe('marketplace', () => {
  it('tells Allegro and Amazon tickets apart, and combines with the text ("Allegro message mentioning zwrot")', () => {
    const allegro = facts({ channel: 'marketplace', marketplace: 'allegro', body: 'Chcę zrobić zwrot, paczka uszkodzona' });
    const amazon = facts({ channel: 'email', marketplace: 'amazon', body: 'Zwrot zamówienia 302-1234567-1234567' });
    const shop = facts({ channel: 'email', body: 'Zwrot towaru' });
    const rule = all({ field: 'marketplace', operator: 'is', value: 'allegro' }, { field: 'body', operator: 'contains', value: 'zwrot' });
    expect([allegro, amazon, shop].map((f) => evaluateConditions(rule, f).matched)).toEqual([true, false, false]);
    expect(check('marketplace', 'is', ['allegro', 'amazon'], amazon)).toBe(true);
    expect(check('marketplace', 'is_empty', undefined, shop)).toBe(true);
    expect(check('marketplace', 'is_not_empty', undefined, allegro)).toBe(true);
    expect(check('marketplace', 'is_not', 'amazon', shop)).toBe(true);
  });
});

describe('boolean fields', () => {
  it.each([
    ['has_attachments', 'is', true, true, true],
    ['has_attachments', 'is', false, true, false],
    ['has_attachments', 'is_not', true, false, true],
    ['has_attachments', 'is', 'true', true, true],
    ['business_hours', 'is', false, false, true],
    ['business_hours', 'is_not', false, false, false],
  ] as const)('%s %s %j (actual %s) → %s', (field, operator, value, actual, expected) => {
    const f = facts({ hasAttachments: actual, withinBusinessHours: actual });
    expect(check(field, operator, value, f)).toBe(expected);
  });

  it('a bad value or a text operator never matches', () => {
    expect(check('has_attachments', 'is', 'maybe', facts())).toBe(false);
    expect(check('has_attachments', 'is_not', 'maybe', facts())).toBe(false);
    expect(check('has_attachments', 'contains', 'true', facts({ hasAttachments: true }))).toBe(false);
    expect(check('has_attachments', 'is_empty', undefined, facts())).toBe(false);
  });
});

describe('broken conditions fail closed', () => {
  it('unknown field, unknown operator, missing value, unsafe regex', () => {
    expect(check('nope' as ConditionField, 'is', 'x', facts())).toBe(false);
    expect(check('subject', 'like' as ConditionOperator, 'x', facts())).toBe(false);
    expect(check('subject', 'contains', undefined, facts())).toBe(false);
    expect(check('subject', 'not_contains', '   ', facts())).toBe(false);
    expect(check('subject', 'is_not', undefined, facts())).toBe(false);
    expect(check('subject', 'matches_regex', '(a+)+$', facts({ subject: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }))).toBe(false);
    const r = evaluateConditions(all({ field: 'subject', operator: 'matches_regex', value: '(a+)+' }), facts());
    expect((r.explanation[0] as ConditionResultExplanation).note).toContain('unsafe or invalid regex');
  });
});

describe('groups', () => {
  const f = facts({ subject: 'Awaria', priority: 'low' });
  const yes: Condition = { field: 'subject', operator: 'contains', value: 'awaria' };
  const no: Condition = { field: 'priority', operator: 'is', value: 'urgent' };
  it('all / any', () => {
    expect(evaluateConditions(all(yes, yes), f).matched).toBe(true);
    expect(evaluateConditions(all(yes, no), f).matched).toBe(false);
    expect(evaluateConditions(any(yes, no), f).matched).toBe(true);
    expect(evaluateConditions(any(no, no), f).matched).toBe(false);
  });
  it('an empty group matches (a rule without conditions applies to every ticket)', () => {
    expect(evaluateConditions(all(), f).matched).toBe(true);
    expect(evaluateConditions(any(), f).matched).toBe(true);
  });
  it('nested groups', () => {
    expect(evaluateConditions(all(yes, any(no, yes)), f).matched).toBe(true);
    expect(evaluateConditions(all(yes, any(no, no)), f).matched).toBe(false);
    expect(evaluateConditions(any(no, all(yes, any(no, all(yes)))), f).matched).toBe(true);
  });
  it('groups nested too deep do not match', () => {
    let g = all(yes);
    for (let i = 0; i < 12; i += 1) g = all(g);
    expect(evaluateConditions(g, f).matched).toBe(false);
  });
});

describe('explanation', () => {
  it('names field, operator, expected and actual for every condition, nested for groups', () => {
    const f = facts({ subject: 'Pilne: AWARIA serwera', priority: 'low', body: 'x'.repeat(500) });
    const r = evaluateConditions(
      all(
        { field: 'subject', operator: 'contains_any_word', value: ['awaria', 'nie działa'] },
        any({ field: 'priority', operator: 'is', value: 'urgent' }, { field: 'body', operator: 'is_not_empty' }),
      ),
      f,
    );
    expect(r.matched).toBe(true);
    expect(r.explanation[0]).toEqual({
      type: 'condition',
      field: 'subject',
      operator: 'contains_any_word',
      expected: 'awaria, nie działa',
      actual: 'Pilne: AWARIA serwera',
      matched: true,
      note: 'matched "awaria"',
    });
    const group = r.explanation[1];
    expect(group.type).toBe('group');
    if (group.type !== 'group') return;
    expect(group.match).toBe('any');
    expect(group.matched).toBe(true);
    expect(group.items.map((i) => i.matched)).toEqual([false, true]);
    const first = group.items[0] as ConditionResultExplanation;
    expect(first).toMatchObject({ field: 'priority', expected: 'urgent', actual: 'low', matched: false });
    const body = group.items[1] as ConditionResultExplanation;
    expect(body.expected).toBeNull();
    expect(body.actual.length).toBeLessThanOrEqual(80);
  });

  it('reports what a regex matched', () => {
    const r = evaluateConditions(all({ field: 'body', operator: 'matches_regex', value: 'fv\\s*\\d+' }), facts({ body: 'w załączniku FV 77' }));
    expect((r.explanation[0] as ConditionResultExplanation).note).toBe('matched "fv 77"');
  });
});

describe('Polish examples from the issue', () => {
  const urgent = any(
    { field: 'subject', operator: 'contains_any_word', value: 'awaria, nie działa' },
    { field: 'body', operator: 'contains_any_word', value: 'awaria, nie działa' },
  );
  const accounting = any(
    { field: 'subject', operator: 'contains_any_word', value: ['faktura', 'FV', 'płatność'] },
    { field: 'body', operator: 'contains_any_word', value: ['faktura', 'FV', 'płatność'] },
  );
  it.each([
    ['AWARIA sklepu', '', true],
    ['Pytanie', 'Od rana NIE DZIALA logowanie', true],
    ['Pytanie', 'Nie, działa już dobrze', true],
    ['Awarie się zdarzają', 'wszystko działa', false],
  ])('awaria / nie działa: %s | %s → %s', (subject, body, expected) => {
    expect(evaluateConditions(urgent, facts({ subject, body })).matched).toBe(expected);
  });
  it.each([
    ['Prośba o FV', '', true],
    ['fv', '', true],
    ['Pytanie', 'Kiedy PLATNOSC?', true],
    ['Faktura korygująca', '', true],
    ['FVAT', 'Kolor: turkusowy (FVx)', false],
    ['Pytanie', 'Proszę o kontakt, pozdrawiam Gustav', false],
  ])('faktura / FV / płatność: %s | %s → %s', (subject, body, expected) => {
    expect(evaluateConditions(accounting, facts({ subject, body })).matched).toBe(expected);
  });
  it('zwrot matches Zwrót, awaria matches AWARIA', () => {
    expect(check('subject', 'contains', 'zwrot', facts({ subject: 'Zwrót' }))).toBe(true);
    expect(check('subject', 'is', 'awaria', facts({ subject: 'AWARIA' }))).toBe(true);
  });
});
