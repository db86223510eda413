import { describe, it, expect } from '@jest/globals';
import { runRules } from '../run-rules.js';
import { all, any, facts, rule } from './routing-fixtures.js';

const complaints = rule({
  id: 'complaints',
  order: 1,
  conditions: all({ field: 'inbound_address', operator: 'starts_with', value: 'reklamacje@' }),
  actions: [
    { type: 'set_queue', queueId: 'q-complaints' },
    { type: 'set_category', categoryId: 'c-complaint' },
    { type: 'set_priority', priority: 'high' },
    { type: 'assign_by_strategy' },
  ],
});
const urgent = rule({
  id: 'urgent',
  order: 2,
  conditions: any(
    { field: 'subject', operator: 'contains_any_word', value: 'awaria, nie działa' },
    { field: 'body', operator: 'contains_any_word', value: 'awaria, nie działa' },
  ),
  actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify', target: 'queue' }],
});
const accounting = rule({
  id: 'accounting',
  order: 3,
  conditions: any({ field: 'subject', operator: 'contains_any_word', value: ['faktura', 'FV', 'płatność'] }),
  actions: [{ type: 'set_queue', queueId: 'q-accounting' }],
});

describe('runRules', () => {
  it('routes reklamacje@ to complaints with high priority', () => {
    const r = runRules([accounting, urgent, complaints], 'ticket_created', facts({ inboundAddresses: ['Reklamacje@sklep.pl'] }));
    expect(r.applied.map((a) => a.ruleId)).toEqual(['complaints']);
    expect(r.finalFacts).toMatchObject({ queueId: 'q-complaints', categoryId: 'c-complaint', priority: 'high' });
    expect(r.applied[0].changes).toEqual([
      { field: 'queueId', from: null, to: 'q-complaints' },
      { field: 'categoryId', from: null, to: 'c-complaint' },
      { field: 'priority', from: 'normal', to: 'high' },
    ]);
    expect(r.effects).toEqual([
      { ruleId: 'complaints', ruleName: 'rule complaints', action: { type: 'assign_by_strategy' }, queueId: 'q-complaints', assigneeId: null },
    ]);
    expect(r.skipped.map((s) => [s.ruleId, s.reason])).toEqual([
      ['urgent', 'conditions_not_met'],
      ['accounting', 'conditions_not_met'],
    ]);
  });

  it('runs in order and later rules see earlier changes', () => {
    const f = facts({ inboundAddresses: ['reklamacje@sklep.pl'], subject: 'AWARIA, FV nie działa' });
    const r = runRules([accounting, urgent, complaints], 'ticket_created', f);
    expect(r.applied.map((a) => a.ruleId)).toEqual(['complaints', 'urgent', 'accounting']);
    expect(r.finalFacts.priority).toBe('urgent');
    expect(r.finalFacts.queueId).toBe('q-accounting');
    expect(r.effects.map((e) => [e.action.type, e.queueId])).toEqual([
      ['assign_by_strategy', 'q-complaints'],
      ['notify', 'q-complaints'],
    ]);
    const onPriority = rule({
      id: 'on-urgent',
      order: 10,
      conditions: all({ field: 'priority', operator: 'is', value: 'urgent' }),
      actions: [{ type: 'add_tag', tag: 'eskalacja' }],
    });
    expect(runRules([onPriority, urgent], 'ticket_created', f).finalFacts.tags).toEqual(['eskalacja']);
  });

  it('honours stopProcessing', () => {
    const stop = { ...complaints, stopProcessing: true };
    const r = runRules([stop, urgent], 'ticket_created', facts({ inboundAddresses: ['reklamacje@sklep.pl'], subject: 'awaria' }));
    expect(r.applied.map((a) => a.ruleId)).toEqual(['complaints']);
    expect(r.skipped).toEqual([{ ruleId: 'urgent', ruleName: 'rule urgent', reason: 'stopped', explanation: [] }]);
    // A rule that does not match does not stop anything.
    const r2 = runRules([stop, urgent], 'ticket_created', facts({ subject: 'awaria' }));
    expect(r2.applied.map((a) => a.ruleId)).toEqual(['urgent']);
  });

  it('ignores disabled rules and rules of other triggers; ties are ordered by id', () => {
    const r = runRules(
      [
        { ...urgent, enabled: false },
        { ...accounting, trigger: 'customer_replied' },
        rule({ id: 'b', order: 5, actions: [{ type: 'add_tag', tag: 'b' }] }),
        rule({ id: 'a', order: 5, actions: [{ type: 'add_tag', tag: 'a' }] }),
      ],
      'ticket_created',
      facts({ subject: 'awaria FV' }),
    );
    expect(r.applied.map((a) => a.ruleId)).toEqual(['a', 'b']);
    expect(r.skipped).toEqual([]);
    expect(r.finalFacts.tags).toEqual(['a', 'b']);
  });

  it('does not modify the input and is deterministic', () => {
    const f = facts({ tags: ['x'] });
    const rules = [rule({ id: 't', actions: [{ type: 'add_tag', tag: 'y' }, { type: 'remove_tag', tag: 'X' }, { type: 'close' }] })];
    const a = runRules(rules, 'ticket_created', f);
    expect(f.tags).toEqual(['x']);
    expect(f.status).toBe('new');
    expect(a.finalFacts.tags).toEqual(['y']);
    expect(a.finalFacts.status).toBe('closed');
    expect(runRules(rules, 'ticket_created', f)).toEqual(a);
  });

  it('applies every action type and lists side effects in order', () => {
    const r = runRules(
      [
        rule({
          id: 'all',
          actions: [
            { type: 'assign', userId: 'u-1' },
            { type: 'set_status', status: 'resolved' },
            { type: 'add_tag', tag: 'auto' },
            { type: 'add_tag', tag: 'AUTO' },
            { type: 'add_note', body: 'notatka' },
            { type: 'reply_with_template', templateId: 't-1' },
            { type: 'notify', target: 'user', userId: 'u-2' },
            { type: 'forward_copy', address: 'sprzedaz@sklep.pl' },
            { type: 'call_webhook', url: 'https://example.test/hook' },
            { type: 'send_survey', kind: 'csat' },
          ],
        }),
      ],
      'ticket_created',
      facts(),
    );
    expect(r.finalFacts).toMatchObject({ assigneeId: 'u-1', status: 'resolved', tags: ['auto'] });
    expect(r.effects.map((e) => e.action.type)).toEqual(['add_note', 'reply_with_template', 'notify', 'forward_copy', 'call_webhook', 'send_survey']);
    expect(r.effects[2].assigneeId).toBe('u-1');
  });

  it('time triggers fire only when due', () => {
    const remind = rule({
      id: 'remind',
      trigger: 'time_in_status',
      triggerParams: { status: 'waiting_customer', hours: 72 },
      actions: [{ type: 'reply_with_template', templateId: 'reminder' }],
    });
    const waiting = facts({ status: 'waiting_customer' });
    expect(runRules([remind], 'time_in_status', waiting, { hoursInStatus: 80 }).applied).toHaveLength(1);
    expect(runRules([remind], 'time_in_status', waiting, { hoursInStatus: 10 }).skipped[0].reason).toBe('not_due');
    expect(runRules([remind], 'time_in_status', facts({ status: 'open' }), { hoursInStatus: 80 }).applied).toHaveLength(0);
    const late = rule({ id: 'late', trigger: 'sla_after_deadline', triggerParams: { hours: 2 }, actions: [{ type: 'set_priority', priority: 'urgent' }] });
    expect(runRules([late], 'sla_after_deadline', facts(), { hoursPastDeadline: 3 }).finalFacts.priority).toBe('urgent');
    expect(runRules([late], 'sla_after_deadline', facts(), {}).applied).toHaveLength(0);
  });

  it('without explainSkipped, a rule that did not match has an empty explanation and a matching one the full one', () => {
    const mail = facts({ inboundAddresses: ['reklamacje@sklep.pl'], subject: 'Drukarka nie działa' });
    const explained = runRules([accounting, urgent, complaints], 'ticket_created', mail);
    const fast = runRules([accounting, urgent, complaints], 'ticket_created', mail, {}, { explainSkipped: false });
    expect(fast.applied.map((a) => a.ruleId)).toEqual(['complaints', 'urgent']);
    expect(fast.applied).toEqual(explained.applied);
    expect(fast.applied[1].explanation.map((e) => e.matched)).toEqual([true, false]);
    expect(fast.skipped).toEqual([{ ruleId: 'accounting', ruleName: 'rule accounting', reason: 'conditions_not_met', explanation: [] }]);
    // The default still explains every condition of the rule that did not match.
    expect(explained.skipped[0].explanation).toEqual([
      expect.objectContaining({ type: 'condition', field: 'subject', operator: 'contains_any_word', matched: false }),
    ]);
    expect(fast.finalFacts).toEqual(explained.finalFacts);
    expect(fast.effects).toEqual(explained.effects);
  });
});
