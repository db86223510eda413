import { describe, it, expect } from '@jest/globals';
import { compileRules, CompiledRules, isCompiledRules } from '../compile-rules.js';
import { compileConditions, evaluateConditions } from '../evaluate-conditions.js';
import type { Condition, ConditionGroup, Rule } from '../rule.js';
import { runRules } from '../run-rules.js';
import { all, any, facts, rule } from './routing-fixtures.js';
import { referenceEvaluateConditions, referenceRunRules } from './reference-engine.js';

const json = (v: unknown): string => JSON.stringify(v);

function sampleRules(): Rule[] {
  return [
    rule({
      id: 'complaints',
      order: 1,
      conditions: all(
        { field: 'inbound_address', operator: 'starts_with', value: 'reklamacje@' },
        any({ field: 'subject', operator: 'contains_any_word', value: ['zwrot', 'awaria'] }, { field: 'body', operator: 'matches_regex', value: 'fv\\s*\\d+' }),
      ),
      actions: [{ type: 'set_queue', queueId: 'q-complaints' }, { type: 'notify', target: 'queue' }],
    }),
    rule({
      id: 'urgent',
      order: 2,
      conditions: any({ field: 'subject', operator: 'contains', value: 'pilne' }),
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    }),
    rule({ id: 'off', order: 0, enabled: false, actions: [{ type: 'add_tag', tag: 'off' }] }),
    rule({ id: 'reply', trigger: 'customer_replied', actions: [{ type: 'add_tag', tag: 'reply' }] }),
  ];
}

const mail = facts({ inboundAddresses: ['Reklamacje@sklep.pl'], subject: 'PILNE: Zwrót towaru', body: 'FV 12/2026' });

describe('compileRules', () => {
  it('holds the enabled rules by trigger, in run order', () => {
    const compiled = compileRules(sampleRules());
    expect(isCompiledRules(compiled)).toBe(true);
    expect(isCompiledRules(sampleRules())).toBe(false);
    expect(compiled).toBeInstanceOf(CompiledRules);
    expect(compiled.size).toBe(3);
    expect(compiled.rulesFor('ticket_created').map((r) => r.id)).toEqual(['complaints', 'urgent']);
    expect(compiled.rulesFor('customer_replied').map((r) => r.id)).toEqual(['reply']);
    expect(compiled.rulesFor('ticket_closed')).toEqual([]);
  });

  it('gives exactly what runRules gives on the rules themselves', () => {
    const rules = sampleRules();
    const compiled = compileRules(rules);
    for (const trigger of ['ticket_created', 'customer_replied', 'agent_replied'] as const) {
      for (const f of [mail, facts(), facts({ subject: 'pilne', inboundAddresses: [] })]) {
        const expected = json(referenceRunRules(rules, trigger, f));
        expect(json(runRules(rules, trigger, f))).toBe(expected);
        expect(json(runRules(compiled, trigger, f))).toBe(expected);
      }
    }
    const r = runRules(compiled, 'ticket_created', mail);
    expect(r.applied.map((a) => a.ruleId)).toEqual(['complaints', 'urgent']);
    expect(r.finalFacts).toMatchObject({ queueId: 'q-complaints', priority: 'urgent' });
  });

  it('is an immutable snapshot: changing the rules afterwards does not change it', () => {
    const rules = sampleRules();
    const compiled = compileRules(rules);
    const before = json(runRules(compiled, 'ticket_created', mail));
    const snapshot = structuredClone(rules);

    // Change everything a rule is made of, in place.
    const complaints = rules[0];
    const firstCondition = complaints.conditions.conditions[0] as Condition;
    (firstCondition as { value: string }).value = 'faktury@';
    ((complaints.conditions.conditions[1] as ConditionGroup).conditions[0] as unknown as { value: string[] }).value.push('pilne');
    (complaints.actions[0] as { queueId: string }).queueId = 'q-other';
    (rules[1].conditions as { match: string }).match = 'all';
    (rules[1].conditions.conditions as Condition[]).push({ field: 'priority', operator: 'is', value: 'low' });
    rules[1].stopProcessing = true;
    rules[2].enabled = true;
    rules.push(rule({ id: 'new', actions: [{ type: 'add_tag', tag: 'new' }] }));

    expect(json(runRules(compiled, 'ticket_created', mail))).toBe(before);
    expect(json(runRules(compiled, 'ticket_created', mail))).toBe(json(referenceRunRules(snapshot, 'ticket_created', mail)));
    // The rules themselves are evaluated as they are now.
    const now = runRules(rules, 'ticket_created', mail);
    expect(json(now)).toBe(json(referenceRunRules(rules, 'ticket_created', mail)));
    expect(json(now)).not.toBe(before);
  });

  it('is frozen, and so are the actions it hands out', () => {
    const compiled = compileRules(sampleRules());
    expect(Object.isFrozen(compiled)).toBe(true);
    const [first] = compiled.rulesFor('ticket_created');
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.actions)).toBe(true);
    const r = runRules(compiled, 'ticket_created', mail);
    expect(Object.isFrozen(r.applied[0].actions[0])).toBe(true);
    expect(Object.isFrozen(r.effects[0].action)).toBe(true);
    expect(() => {
      (r.effects[0].action as { target: string }).target = 'lead';
    }).toThrow(TypeError);
    expect(runRules(compiled, 'ticket_created', mail).effects[0].action).toEqual({ type: 'notify', target: 'queue' });
  });

  it('handles broken rules as runRules does', () => {
    const broken = [
      rule({ id: 'x', conditions: null as unknown as ConditionGroup, actions: [{ type: 'add_tag', tag: 'x' }] }),
      rule({ id: 'y', conditions: all({ field: 'nope', operator: 'is', value: 'a' } as unknown as Condition), actions: [] }),
      rule({ id: 'z', conditions: all({ field: 'subject', operator: 'matches_regex', value: ['x', '(a+)+'] }), actions: null as unknown as [] }),
      null as unknown as Rule,
    ];
    expect(json(runRules(compileRules(broken), 'ticket_created', mail))).toBe(json(referenceRunRules(broken, 'ticket_created', mail)));
  });
});

describe('runRules and evaluateConditions on rules that change between calls', () => {
  it('never use a stale compiled condition', () => {
    const words = ['awaria'];
    const text: Condition = { field: 'subject', operator: 'contains', value: 'pilne' };
    const inner: ConditionGroup = any({ field: 'body', operator: 'contains_any_word', value: words });
    const r = rule({ id: 'm', conditions: all(text, inner), actions: [{ type: 'add_tag', tag: 'm' }] });
    const f = facts({ subject: 'PILNE: drukarka', body: 'Zwrót towaru; FV 12/2026' });
    const same = (): void => {
      expect(json(runRules([r], 'ticket_created', f))).toBe(json(referenceRunRules([r], 'ticket_created', f)));
      expect(json(evaluateConditions(r.conditions, f))).toBe(json(referenceEvaluateConditions(r.conditions, f)));
    };
    const matched = (): boolean => runRules([r], 'ticket_created', f).applied.length === 1;

    same();
    expect(matched()).toBe(false);
    words.push('zwrot'); // the list, in place
    same();
    expect(matched()).toBe(true);
    words[1] = 'zwroty';
    same();
    expect(matched()).toBe(false);
    (text as { value: string }).value = 'drukarka';
    words[1] = 'ZWRÓT';
    same();
    expect(matched()).toBe(true);
    (text as { operator: string }).operator = 'not_contains';
    same();
    expect(matched()).toBe(false);
    (text as { field: string }).field = 'body';
    same();
    expect(matched()).toBe(true);
    (inner as { match: string }).match = 'all';
    (inner.conditions as Condition[]).push({ field: 'body', operator: 'matches_regex', value: 'fv\\s*\\d+/2025' });
    same();
    expect(matched()).toBe(false);
    ((inner.conditions[1] as Condition) as { value: string }).value = 'fv\\s*\\d+/2026';
    same();
    expect(matched()).toBe(true);
    (r.conditions as unknown as { conditions: unknown[] }).conditions = [all(all(text))];
    same();
    (r.conditions.conditions[0] as { match: string }).match = 'any';
    same();
  });

  it('a compiled group is a snapshot too', () => {
    const c: Condition = { field: 'subject', operator: 'contains', value: 'pilne' };
    const group = all(c);
    const compiled = compileConditions(group);
    const f = facts({ subject: 'Pilne' });
    expect(evaluateConditions(compiled, f).matched).toBe(true);
    (c as { value: string }).value = 'zwrot';
    expect(evaluateConditions(compiled, f).matched).toBe(true);
    expect(evaluateConditions(group, f).matched).toBe(false);
  });

  it('the same subgroup at two depths is judged at each depth', () => {
    const shared = all({ field: 'subject', operator: 'contains', value: 'a' });
    let deep: ConditionGroup = shared;
    for (let i = 0; i < 9; i += 1) deep = all(deep);
    const group = any(shared, deep, all(deep));
    const f = facts({ subject: 'a' });
    expect(json(evaluateConditions(group, f))).toBe(json(referenceEvaluateConditions(group, f)));
    expect(json(evaluateConditions(all(deep), f))).toBe(json(referenceEvaluateConditions(all(deep), f)));
    expect(json(evaluateConditions(group, f))).toBe(json(referenceEvaluateConditions(group, f)));
  });
});
