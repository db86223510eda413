import type { SlaConditionField, SlaConditions, SlaPolicy, SlaTicketFacts } from './sla-policy.js';

/** What matching needs of a policy. */
export type MatchableSlaPolicy = Pick<SlaPolicy, 'id' | 'enabled' | 'order' | 'conditions'>;

/**
 * The policy that applies to a ticket: the first enabled one, in ascending
 * `order` (ties by id, so the answer never depends on how the list came),
 * whose conditions all hold. Null when none does.
 */
export function matchSlaPolicy<P extends MatchableSlaPolicy>(policies: readonly P[], ticket: SlaTicketFacts): P | null {
  for (const policy of sortSlaPolicies(policies)) {
    if (policy.enabled && matchesSlaConditions(policy.conditions, ticket)) return policy;
  }
  return null;
}

/** The policies in the order they are tried: ascending `order`, ties by id. */
export function sortSlaPolicies<P extends Pick<SlaPolicy, 'id' | 'order'>>(policies: readonly P[]): P[] {
  return [...policies].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether every condition holds for the ticket. */
export function matchesSlaConditions(conditions: SlaConditions, ticket: SlaTicketFacts): boolean {
  return slaConditionMismatches(conditions, ticket).length === 0;
}

/**
 * The conditions that do not hold for the ticket, in the order of
 * `SLA_CONDITION_FIELDS` (empty: the policy covers the ticket). A ticket
 * without a queue or category fails a condition on queues or categories.
 */
export function slaConditionMismatches(conditions: SlaConditions, ticket: SlaTicketFacts): SlaConditionField[] {
  const failed: SlaConditionField[] = [];
  const check = (field: SlaConditionField, holds: (list: readonly string[]) => boolean) => {
    const list = conditions[field];
    if (list && list.length > 0 && !holds(list)) failed.push(field);
  };
  check('queueIds', (ids) => ticket.queueId !== null && ids.some((id) => sameId(id, ticket.queueId!)));
  check('categoryIds', (ids) => ticket.categoryId !== null && ids.some((id) => sameId(id, ticket.categoryId!)));
  check('priorities', (priorities) => priorities.includes(ticket.priority));
  check('channels', (channels) => channels.includes(ticket.channel));
  check('customerTags', (tags) => {
    const own = new Set(ticket.customerTags.map(normalizeTag));
    return tags.some((tag) => own.has(normalizeTag(tag)));
  });
  return failed;
}

/** Whether the conditions cover every ticket. */
export function isCatchAllSlaPolicy(conditions: SlaConditions): boolean {
  return Object.values(conditions).every((list) => !Array.isArray(list) || list.length === 0);
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLocaleLowerCase('pl');
}

/**
 * The enabled catch-all tried before this policy, if any: while it stays
 * there, this policy can never apply (every ticket stops at the catch-all).
 * `policies` is the whole list; the policy itself may or may not be in it
 * (a policy not yet saved goes where the API puts it: a catch-all last, one
 * with conditions just before the first enabled catch-all).
 */
export function slaPolicyShadowedBy<P extends MatchableSlaPolicy>(
  policies: readonly P[],
  policy: Pick<SlaPolicy, 'id' | 'order' | 'enabled' | 'conditions'> | { id: null; enabled: boolean; conditions: SlaConditions },
): P | null {
  if (!policy.enabled) return null;
  if (policy.id === null && !isCatchAllSlaPolicy(policy.conditions)) return null;
  const ordered = sortSlaPolicies(policies);
  const position = policy.id === null ? -1 : ordered.findIndex((candidate) => candidate.id === policy.id);
  const before = position < 0 ? ordered : ordered.slice(0, position);
  return before.find((candidate) => candidate.id !== policy.id && candidate.enabled && isCatchAllSlaPolicy(candidate.conditions)) ?? null;
}
