import { planStatusChange, type StatusChangePlan, type TicketStatus } from '@okienko/domain';
import type { TicketEntity } from './entities/ticket.entity.js';
import { TicketsErrorCode, TicketsException } from './tickets.exception.js';

/** The ticket columns an allowed status change sets: the status and the resolved/closed timestamps it moves. */
export function statusChangePatch(plan: Extract<StatusChangePlan, { ok: true }>): Partial<TicketEntity> {
  const patch: Partial<TicketEntity> = { status: plan.status, statusChangedAt: new Date() };
  if (plan.resolvedAt !== undefined) patch.resolvedAt = plan.resolvedAt;
  if (plan.closedAt !== undefined) patch.closedAt = plan.closedAt;
  return patch;
}

/** The patch of a status change the state machine allows; a 400 naming the allowed statuses otherwise. */
export function checkedStatusPatch(from: TicketStatus, to: TicketStatus): Partial<TicketEntity> {
  const plan = planStatusChange(from, to, new Date());
  if (!plan.ok) {
    throw new TicketsException(
      TicketsErrorCode.InvalidTransition,
      `status cannot change from ${from} to ${to}; allowed: ${plan.allowed.join(', ') || 'none'}`,
      { from, to, allowed: plan.allowed },
    );
  }
  return statusChangePatch(plan);
}
