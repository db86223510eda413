import { describe, expect, it } from '@jest/globals';
import { isCatchAllSlaPolicy, matchesSlaConditions, matchSlaPolicy, slaConditionMismatches, slaPolicyShadowedBy, sortSlaPolicies } from '../match-sla-policy.js';
import type { SlaConditions, SlaPolicy, SlaTicketFacts } from '../sla-policy.js';

const QUEUE_COMPLAINTS = '11111111-1111-4111-8111-111111111111';
const QUEUE_SALES = '22222222-2222-4222-8222-222222222222';
const CATEGORY_COMPLAINT = '33333333-3333-4333-8333-333333333333';
const CATEGORY_PRE_SALE = '44444444-4444-4444-8444-444444444444';

const policy = (id: string, order: number, conditions: SlaConditions, enabled = true): SlaPolicy => ({
  id, name: id, enabled, order, conditions,
  firstResponse: { minutes: 120, mode: 'business' }, nextResponse: null, resolution: null,
  calendarId: null, pauseStatuses: ['waiting_customer'], warning: { percent: 80 },
});

const ticket = (facts: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  queueId: null, categoryId: null, priority: 'normal', channel: 'email', customerTags: [], ...facts,
});

// The seeded policies of a fresh installation, in their order.
const SEEDED = [
  policy('failures', 10, { priorities: ['urgent', 'high'] }),
  policy('complaints', 20, { categoryIds: [CATEGORY_COMPLAINT] }),
  policy('pre-sale', 30, { categoryIds: [CATEGORY_PRE_SALE] }),
  policy('default', 40, {}),
];

describe('matchSlaPolicy', () => {
  it('answers the first enabled policy, by order, whose conditions hold', () => {
    expect(matchSlaPolicy(SEEDED, ticket({ priority: 'urgent' }))?.id).toBe('failures');
    expect(matchSlaPolicy(SEEDED, ticket({ priority: 'high', categoryId: CATEGORY_COMPLAINT }))?.id).toBe('failures');
    expect(matchSlaPolicy(SEEDED, ticket({ categoryId: CATEGORY_COMPLAINT }))?.id).toBe('complaints');
    expect(matchSlaPolicy(SEEDED, ticket({ categoryId: CATEGORY_PRE_SALE, priority: 'low' }))?.id).toBe('pre-sale');
    expect(matchSlaPolicy(SEEDED, ticket())?.id).toBe('default');
  });

  it('goes by order, not by the place in the list, with ties broken by id', () => {
    const shuffled = [SEEDED[3], SEEDED[1], SEEDED[0], SEEDED[2]];
    expect(matchSlaPolicy(shuffled, ticket({ priority: 'urgent', categoryId: CATEGORY_COMPLAINT }))?.id).toBe('failures');
    const tied = [policy('b', 10, {}), policy('a', 10, {})];
    expect(matchSlaPolicy(tied, ticket())?.id).toBe('a');
    expect(sortSlaPolicies(tied).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('skips disabled policies and answers null when nothing matches', () => {
    const withoutDefault = SEEDED.slice(0, 3);
    expect(matchSlaPolicy(withoutDefault, ticket())).toBeNull();
    expect(matchSlaPolicy([policy('off', 1, {}, false), ...SEEDED], ticket({ priority: 'urgent' }))?.id).toBe('failures');
    expect(matchSlaPolicy([{ ...SEEDED[3], enabled: false }], ticket())).toBeNull();
    expect(matchSlaPolicy([], ticket())).toBeNull();
  });

  it('requires every condition present and any value of each list', () => {
    const vip = policy('vip-complaints', 5, {
      queueIds: [QUEUE_COMPLAINTS, QUEUE_SALES], priorities: ['high', 'urgent'], channels: ['email', 'phone'], customerTags: ['VIP', 'hurt'],
    });
    const facts = ticket({ queueId: QUEUE_SALES, priority: 'high', channel: 'phone', customerTags: ['stały', 'vip'] });
    expect(matchSlaPolicy([vip], facts)?.id).toBe('vip-complaints');
    expect(slaConditionMismatches(vip.conditions, facts)).toEqual([]);
    expect(slaConditionMismatches(vip.conditions, { ...facts, channel: 'chat' })).toEqual(['channels']);
    expect(slaConditionMismatches(vip.conditions, { ...facts, queueId: null, priority: 'low', customerTags: [] })).toEqual(['queueIds', 'priorities', 'customerTags']);
  });

  it('compares customer tags ignoring letter case (Polish letters too) and surrounding blanks, and ids ignoring case', () => {
    expect(matchesSlaConditions({ customerTags: ['Żółty Klient'] }, ticket({ customerTags: [' żółty klient '] }))).toBe(true);
    expect(matchesSlaConditions({ customerTags: ['vip'] }, ticket({ customerTags: ['vipowski'] }))).toBe(false);
    expect(matchesSlaConditions({ queueIds: [QUEUE_SALES.toUpperCase()] }, ticket({ queueId: QUEUE_SALES }))).toBe(true);
  });

  it('treats a ticket without a queue or category as failing conditions on them', () => {
    expect(slaConditionMismatches({ queueIds: [QUEUE_SALES], categoryIds: [CATEGORY_PRE_SALE] }, ticket())).toEqual(['queueIds', 'categoryIds']);
  });

  it('treats empty lists and left-out conditions as covering every ticket', () => {
    const empty: SlaConditions = { queueIds: [], categoryIds: [], priorities: [], channels: [], customerTags: [] };
    expect(matchesSlaConditions(empty, ticket({ priority: 'low', channel: 'social' }))).toBe(true);
    expect(isCatchAllSlaPolicy(empty)).toBe(true);
    expect(isCatchAllSlaPolicy({})).toBe(true);
    expect(isCatchAllSlaPolicy({ priorities: ['low'] })).toBe(false);
  });
});

describe('a policy behind an enabled catch-all', () => {
  const catchAll = { id: 'a', order: 1, enabled: true, conditions: {} };
  const complaints = { id: 'b', order: 2, enabled: true, conditions: { categoryIds: ['c1'] } };
  const secondCatchAll = { id: 'c', order: 3, enabled: true, conditions: {} };

  it('is shadowed by the catch-all tried first', () => {
    expect(slaPolicyShadowedBy([catchAll, complaints, secondCatchAll], secondCatchAll)).toBe(catchAll);
    expect(slaPolicyShadowedBy([catchAll, complaints, secondCatchAll], complaints)).toBe(catchAll);
  });

  it('is not shadowed when the catch-all comes later, is disabled, or the policy itself is disabled', () => {
    expect(slaPolicyShadowedBy([complaints, { ...catchAll, order: 5 }], complaints)).toBeNull();
    expect(slaPolicyShadowedBy([{ ...catchAll, enabled: false }, secondCatchAll], secondCatchAll)).toBeNull();
    expect(slaPolicyShadowedBy([catchAll, { ...secondCatchAll, enabled: false }], { ...secondCatchAll, enabled: false })).toBeNull();
  });

  it('takes a policy not saved yet as going last', () => {
    expect(slaPolicyShadowedBy([complaints, catchAll], { id: null, enabled: true, conditions: {} })).toBe(catchAll);
    expect(slaPolicyShadowedBy([complaints], { id: null, enabled: true, conditions: {} })).toBeNull();
    // One with conditions goes just before the first catch-all.
    expect(slaPolicyShadowedBy([complaints, catchAll], { id: null, enabled: true, conditions: { channels: ['phone'] } })).toBeNull();
  });
});
