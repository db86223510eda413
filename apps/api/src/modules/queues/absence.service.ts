import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserAvailabilityHooks, type UserUnavailable } from '../users/user-availability.hooks.js';
import { QueueTicketsRepository } from './queue-tickets.repository.js';

/** The audit event types of tickets handed over because their agent went away; the event's field is `assigneeId`. */
export const ABSENCE_EVENT_TYPES = { absent: 'reassigned_absent', inactive: 'reassigned_inactive' } as const;

/**
 * A ticket never waits in the inbox of someone who is away: when an agent is
 * marked absent or deactivated, their unresolved tickets go back to their
 * queues (unassigned) or to the substitute the admin named, each with an audit
 * event (`reassigned_absent` or `reassigned_inactive`, field `assigneeId`, by
 * the admin who made the change), in the transaction of the user's change.
 * Resolved and closed tickets keep their assignee.
 *
 * It runs through the users module's hooks (see UserAvailabilityHooks): the
 * users module cannot import this one, which depends on it.
 */
@Injectable()
export class AbsenceService implements OnModuleInit {
  constructor(
    private readonly hooks: UserAvailabilityHooks,
    private readonly tickets: QueueTicketsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.onUnavailable(async (manager, change) => {
      await this.handOver(manager, change);
    });
  }

  /** Hands the user's unresolved tickets over in the caller's transaction; answers how many. */
  handOver(manager: EntityManager, change: UserUnavailable): Promise<number> {
    return this.tickets.move(manager, {
      column: 'assignee_id',
      from: change.userId,
      to: change.substituteId,
      onlyUnresolved: true,
      eventType: ABSENCE_EVENT_TYPES[change.reason],
      actor: change.actor,
    });
  }
}
