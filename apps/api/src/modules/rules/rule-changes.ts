import { planStatusChange } from '@okienko/domain';
import type { AppliedRule, RuleTrigger } from '@okienko/routing';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { statusChangePatch } from '../tickets/status-change-patch.js';
import { fieldChangeEvents, type EventActor } from '../tickets/ticket-audit.js';
import type { NewTicketEvent } from '../tickets/tickets.repository.js';

/**
 * What one matching rule sets on the ticket, and its audit trail: a
 * `rule_applied` event with the explanation, then one `field_changed` event
 * per field, naming the rule. A status the state machine does not allow from
 * the current one is left out with a `rule_action_skipped` event.
 */
export function ruleChanges(
  ticket: TicketEntity,
  trigger: RuleTrigger,
  applied: AppliedRule,
  now = new Date(),
): { patch: Partial<TicketEntity>; events: NewTicketEvent[] } {
  const who: EventActor = { actorType: 'rule', actorId: applied.ruleId, actorName: applied.ruleName };
  const events: NewTicketEvent[] = [
    {
      ticketId: ticket.id, type: 'rule_applied', ...who, field: null, oldValue: null,
      newValue: { trigger, explanation: applied.explanation, actions: applied.actions.map((a) => a.type) },
    },
  ];
  const patch: Partial<TicketEntity> = {};
  let tags = ticket.tags;
  for (const change of applied.changes) {
    if (change.field === 'tags') {
      tags = change.to !== null ? [...tags, change.to] : tags.filter((t) => t !== change.from);
      patch.tags = tags;
    } else if (change.field === 'status') {
      const from = patch.status ?? ticket.status;
      const plan = planStatusChange(from, change.to as TicketEntity['status'], now);
      if (plan.ok) Object.assign(patch, statusChangePatch(plan));
      else {
        events.push({
          ticketId: ticket.id, type: 'rule_action_skipped', ...who, field: null, oldValue: null,
          newValue: { action: 'set_status', reason: 'transition_not_allowed', from, to: change.to },
        });
      }
    } else {
      (patch as Record<string, unknown>)[change.field] = change.to;
    }
  }
  events.push(...fieldChangeEvents(ticket, patch, who));
  return { patch, events };
}
