import { planStatusChange, type TicketStatus } from '@okienko/domain';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { statusChangePatch } from '../tickets/status-change-patch.js';

/** The columns that close a merged ticket now (none when it is closed already). */
export function closingPatch(status: TicketStatus, now: Date): Partial<TicketEntity> {
  if (status === 'closed') return {};
  const plan = planStatusChange(status, 'closed', now);
  if (plan.ok) return statusChangePatch(plan);
  return { status: 'closed', statusChangedAt: now, closedAt: now };
}
