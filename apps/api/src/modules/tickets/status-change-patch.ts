import type { StatusChangePlan } from '@okienko/domain';
import type { TicketEntity } from './entities/ticket.entity.js';

/** The ticket columns an allowed status change sets: the status and the resolved/closed timestamps it moves. */
export function statusChangePatch(plan: Extract<StatusChangePlan, { ok: true }>): Partial<TicketEntity> {
  const patch: Partial<TicketEntity> = { status: plan.status, statusChangedAt: new Date() };
  if (plan.resolvedAt !== undefined) patch.resolvedAt = plan.resolvedAt;
  if (plan.closedAt !== undefined) patch.closedAt = plan.closedAt;
  return patch;
}
