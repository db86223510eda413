import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { TicketAccessRepository } from './ticket-access.repository.js';
import { ticketInReach, type TicketPlacement, type TicketReach } from './ticket-reach.js';
import { TicketsException, TicketsErrorCode } from './tickets.exception.js';

/** A condition on the tickets of a query (alias `t`), with its named parameters. */
export interface TicketAccessCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * Who sees and acts on which ticket: the one rule every ticket route, the
 * ticket list and its search, the "today" view, customer history, presence,
 * template suggestions and live events go by.
 *
 * - Admins, and API tokens with the admin role: every ticket.
 * - Agents: tickets of the queues they are a member or the lead of, tickets
 *   assigned to them, and (AGENTS_SEE_UNQUEUED_TICKETS, on by default)
 *   tickets in no queue yet.
 * - API tokens with the agent role: tickets of the token's `queueIds` only
 *   (none: no tickets); a token has no tickets of its own nor unqueued ones.
 *
 * A ticket out of reach answers exactly as one that does not exist (404
 * TICKET_NOT_FOUND), so nobody learns that it is there.
 */
@Injectable()
export class TicketAccessPolicy {
  /** The reach of each request's actor, read once per request (the actor object lives as long as its request). */
  private readonly cache = new WeakMap<Actor, Promise<TicketReach>>();

  constructor(
    private readonly repository: TicketAccessRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The actor's reach, with the memberships read at most once per request. */
  reach(actor: Actor): Promise<TicketReach> {
    let reach = this.cache.get(actor);
    if (!reach) {
      reach = this.reaches([actor]).then((all) => all[0]);
      // A failed read is not remembered.
      reach.catch(() => this.cache.delete(actor));
      this.cache.set(actor, reach);
    }
    return reach;
  }

  /** The reach of each actor, memberships read fresh in one query (live streams outlive any request). */
  async reaches(actors: readonly Actor[]): Promise<TicketReach[]> {
    const agentUserIds = [...new Set(actors.filter((a) => !seesAll(a) && a.type === 'user' && a.userId).map((a) => a.userId!))];
    const queues = await this.repository.queuesOf(agentUserIds);
    return actors.map((actor): TicketReach => {
      if (seesAll(actor)) return { all: true };
      if (actor.type === 'api_token' || !actor.userId) {
        return { all: false, queueIds: new Set(actor.queueIds ?? []), assigneeId: null, unqueued: false };
      }
      return { all: false, queueIds: queues.get(actor.userId) ?? new Set(), assigneeId: actor.userId, unqueued: this.config.agentsSeeUnqueuedTickets };
    });
  }

  /** Whether the ticket is within the reach. */
  allows(reach: TicketReach, ticket: TicketPlacement): boolean {
    return ticketInReach(reach, ticket);
  }

  /**
   * Throws the tickets' 404 (as for a ticket that does not exist) unless the
   * actor may see the ticket; `ref` is the id or number the caller used.
   */
  async assertCanSee(actor: Actor, ticket: TicketPlacement, ref: string): Promise<void> {
    if (!ticketInReach(await this.reach(actor), ticket)) throw ticketNotFound(ref);
  }

  /** The list queries' condition on tickets (alias `t`), or null when every ticket is in reach. */
  async condition(actor: Actor): Promise<TicketAccessCondition | null> {
    return conditionFor(await this.reach(actor));
  }
}

/** The 404 of a ticket that does not exist, or that the caller may not see. */
export function ticketNotFound(ref: string): TicketsException {
  return new TicketsException(TicketsErrorCode.NotFound, `Ticket ${ref} does not exist`);
}

function seesAll(actor: Actor): boolean {
  return actor.role === 'admin';
}

function conditionFor(reach: TicketReach): TicketAccessCondition | null {
  if (reach.all) return null;
  const parts = ['t.queue_id = ANY(CAST(:access_queue_ids AS uuid[]))'];
  const parameters: Record<string, unknown> = { access_queue_ids: [...reach.queueIds] };
  if (reach.assigneeId !== null) {
    parts.push('t.assignee_id = :access_assignee_id');
    parameters.access_assignee_id = reach.assigneeId;
  }
  if (reach.unqueued) parts.push('t.queue_id IS NULL');
  return { sql: `(${parts.join(' OR ')})`, parameters };
}
