import type { Condition, ConditionGroup, Rule } from '../rule.js';
import type { TicketFacts } from '../ticket-facts.js';

export function facts(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    inboundAddresses: ['biuro@sklep.pl'],
    senderAddress: 'Jan.Kowalski@Klient.PL',
    subject: 'Zamówienie nr 123',
    body: 'Dzień dobry,\nproszę o informację.',
    channel: 'email',
    customerTags: ['vip'],
    customerFields: { NIP: '123-456-78-90' },
    categoryId: null,
    priority: 'normal',
    status: 'new',
    queueId: null,
    assigneeId: null,
    tags: [],
    hasAttachments: false,
    withinBusinessHours: true,
    ...overrides,
  };
}

export function all(...conditions: (Condition | ConditionGroup)[]): ConditionGroup {
  return { match: 'all', conditions };
}

export function any(...conditions: (Condition | ConditionGroup)[]): ConditionGroup {
  return { match: 'any', conditions };
}

export function rule(overrides: Partial<Rule> & Pick<Rule, 'id'>): Rule {
  return {
    name: `rule ${overrides.id}`,
    enabled: true,
    order: 0,
    trigger: 'ticket_created',
    conditions: all(),
    actions: [],
    stopProcessing: false,
    ...overrides,
  };
}
