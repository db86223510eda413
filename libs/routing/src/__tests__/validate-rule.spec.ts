import { describe, it, expect } from '@jest/globals';
import type { Rule, RuleAction } from '../rule.js';
import { validateRule } from '../validate-rule.js';
import { all, any, rule } from './routing-fixtures.js';

const ok = rule({
  id: 'r',
  conditions: all({ field: 'subject', operator: 'contains', value: 'awaria' }, any({ field: 'has_attachments', operator: 'is', value: true })),
  actions: [{ type: 'set_priority', priority: 'urgent' }],
});

function problems(overrides: Partial<Rule>): string[] {
  return validateRule({ ...ok, ...overrides });
}

describe('validateRule', () => {
  it('accepts a good rule', () => {
    expect(validateRule(ok)).toEqual([]);
  });

  it.each([
    [{ name: ' ' }, 'no name'],
    [{ trigger: 'whenever' as Rule['trigger'] }, 'Unknown trigger'],
    [{ trigger: 'time_in_status' as const }, 'positive number of hours'],
    [{ trigger: 'time_in_status' as const, triggerParams: { hours: 72 } }, 'valid status'],
    [{ actions: [] }, 'no actions'],
    [{ conditions: all({ field: 'colour' as never, operator: 'is', value: 'x' }) }, 'unknown field "colour"'],
    [{ conditions: all({ field: 'customer_field:' as never, operator: 'is', value: 'x' }) }, 'unknown field'],
    [{ conditions: all({ field: 'form.' as never, operator: 'is', value: 'x' }) }, 'unknown field'],
    [{ conditions: all({ field: 'form.a.b' as never, operator: 'is', value: 'x' }) }, 'unknown field'],
    [{ conditions: all({ field: 'subject', operator: 'like' as never, value: 'x' }) }, 'unknown operator "like"'],
    [{ conditions: all({ field: 'priority', operator: 'contains', value: 'hi' }) }, 'cannot be used with the field "priority"'],
    [{ conditions: all({ field: 'has_attachments', operator: 'starts_with', value: 't' }) }, 'cannot be used'],
    [{ conditions: all({ field: 'subject', operator: 'contains' }) }, 'needs a value'],
    [{ conditions: all({ field: 'subject', operator: 'contains_any_word', value: ' , ' }) }, 'needs a value'],
    [{ conditions: all({ field: 'has_attachments', operator: 'is', value: 'maybe' }) }, 'true or false'],
    [{ conditions: all({ field: 'priority', operator: 'is', value: 'critical' }) }, 'unknown priority "critical"'],
    [{ conditions: all({ field: 'body', operator: 'matches_regex', value: '(a+)+$' }) }, 'is refused'],
    [{ conditions: all(all()) }, 'the group is empty'],
    [{ conditions: { match: 'some', conditions: [] } as never }, 'match must be'],
  ])('reports %j', (overrides, expected) => {
    expect(problems(overrides as Partial<Rule>).join('\n')).toContain(expected);
  });

  it('points at the nested condition', () => {
    const p = problems({ conditions: all({ field: 'subject', operator: 'is', value: 'a' }, any({ field: 'nope' as never, operator: 'is', value: 'x' })) });
    expect(p).toEqual(['conditions[1].conditions[0]: unknown field "nope".']);
  });

  it.each([
    [[{ type: 'set_queue', queueId: '' }], '"set_queue" needs a queue'],
    [[{ type: 'set_priority', priority: 'asap' }], '"set_priority" needs a priority'],
    [[{ type: 'notify', target: 'user' }], 'a user to notify'],
    [[{ type: 'forward_copy', address: 'nie-adres' }], 'valid e-mail address'],
    [[{ type: 'call_webhook', url: 'ftp://x' }], 'http(s) URL'],
    [[{ type: 'send_survey', kind: 'stars' }], 'actions[0]: "send_survey" needs a kind (csat, nps)'],
    [[{ type: 'send_survey' }], '"send_survey" needs a kind'],
    [[{ type: 'explode' }], 'unknown action "explode"'],
    [[{ type: 'close' }, { type: 'set_status', status: 'open' }], 'Contradictory actions: "close" together with "set_status"'],
    [[{ type: 'set_status', status: 'open' }, { type: 'set_status', status: 'resolved' }], '"set_status" to open and resolved'],
    [[{ type: 'set_priority', priority: 'low' }, { type: 'set_priority', priority: 'high' }], '"set_priority" to low and high'],
    [[{ type: 'assign', userId: 'u' }, { type: 'assign_by_strategy' }], '"assign" together with "assign_by_strategy"'],
    [[{ type: 'add_tag', tag: 'VIP' }, { type: 'remove_tag', tag: 'vip' }], 'both added and removed'],
  ])('reports actions %j', (actions, expected) => {
    expect(problems({ actions: actions as RuleAction[] }).join('\n')).toContain(expected);
  });

  it('accepts close with set_status closed and a time trigger with params', () => {
    expect(problems({ actions: [{ type: 'close' }, { type: 'set_status', status: 'closed' }] })).toEqual([]);
    expect(problems({ trigger: 'time_in_status', triggerParams: { status: 'waiting_customer', hours: 168 } })).toEqual([]);
  });
});
