import { Injectable } from '@nestjs/common';
import { UNRESOLVED_STATUSES } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';

/** The ticket column a move changes, with the name its audit events give it (as PATCH /tickets/:id records it). */
const MOVABLE = {
  assignee_id: 'assigneeId',
  queue_id: 'queueId',
  category_id: 'categoryId',
} as const;

export interface TicketMove {
  column: keyof typeof MOVABLE;
  from: string;
  to: string | null;
  /** Only tickets in an unresolved status (resolved and closed ones keep their history as it was). */
  onlyUnresolved: boolean;
  /** The audit event's type: `field_changed`, or one naming why (e.g. `reassigned_absent`). */
  eventType: string;
  actor: Actor;
}

/**
 * The queues module's changes to many tickets at once: giving an absent
 * agent's tickets back to the queue (or to a substitute), moving the tickets of
 * a deleted queue or category. Each moved ticket gets its audit event in the
 * same statement, so the change and its trail commit together. (The tickets
 * module depends on this one, so these writes cannot go through its repository;
 * the events have the columns and value shapes its `field_changed` events have.)
 */
@Injectable()
export class QueueTicketsRepository {
  /** Moves every matching ticket from `from` to `to` in the caller's transaction; answers how many moved. */
  async move(manager: EntityManager, move: TicketMove): Promise<number> {
    const rows: { moved: number }[] = await manager.query(
      `WITH moved AS (
         UPDATE tickets SET ${move.column} = $2::uuid, updated_at = now()
          WHERE ${move.column} = $1::uuid ${move.onlyUnresolved ? 'AND status = ANY($8::text[])' : ''}
          RETURNING id),
       events AS (
         INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value)
         SELECT id, $3, $4, $5, $6, $7, to_jsonb($1::uuid), to_jsonb($2::uuid) FROM moved
         RETURNING 1)
       SELECT count(*)::int AS moved FROM events`,
      [
        move.from, move.to, move.eventType, move.actor.type, move.actor.id, move.actor.name, MOVABLE[move.column],
        ...(move.onlyUnresolved ? [[...UNRESOLVED_STATUSES]] : []),
      ],
    );
    return rows[0].moved;
  }
}
