import { Injectable } from '@nestjs/common';
import { UNRESOLVED_STATUSES, type AssignmentCandidate, type AssignmentStrategy } from '@okienko/domain';
import type { EntityManager } from 'typeorm';

/** What assignment needs to know about a queue, read under its lock. */
export interface QueueAssignmentState {
  strategy: AssignmentStrategy;
  maxOpenPerAgent: number | null;
  /** Who got the previous ticket by round-robin, with their current name. */
  lastAssigned: { id: string; name: string } | null;
}

/**
 * The reads and writes of automatic assignment, always in the caller's
 * transaction. Locks are `FOR NO KEY UPDATE`: they make concurrent assignments
 * (and changes of the users involved) take turns, but do not hold up tickets
 * being filed under the queue or assigned to those users, whose foreign-key
 * checks only need a key-share lock.
 */
@Injectable()
export class AssignmentRepository {
  /** The queue's settings and round-robin cursor, the queue row locked until the transaction ends; null when there is no such queue. */
  async lockQueue(manager: EntityManager, queueId: string): Promise<QueueAssignmentState | null> {
    // Lock first, read after, in statements of their own: a locking SELECT that waited re-reads the locked row
    // but not what it is joined with (READ COMMITTED), so the cursor's user would be the one from before the wait.
    const locked: unknown[] = await manager.query(`SELECT 1 FROM queues WHERE id = $1 FOR NO KEY UPDATE`, [queueId]);
    if (!locked.length) return null;
    const [row]: { strategy: AssignmentStrategy; maxOpenPerAgent: number | null; lastId: string | null; lastName: string | null }[] =
      await manager.query(
        `SELECT q.assignment_strategy AS strategy, q.max_open_per_agent AS "maxOpenPerAgent",
                q.round_robin_last_user_id AS "lastId", u.name AS "lastName"
           FROM queues q LEFT JOIN users u ON u.id = q.round_robin_last_user_id
          WHERE q.id = $1`,
        [queueId],
      );
    const { strategy, maxOpenPerAgent, lastId, lastName } = row;
    return { strategy, maxOpenPerAgent, lastAssigned: lastId && lastName !== null ? { id: lastId, name: lastName } : null };
  }

  /**
   * The queue's members with their open tickets (in any queue), the members'
   * rows locked until the transaction ends, in id order so that assignments in
   * queues sharing members take turns instead of deadlocking. Once an
   * assignment holds them, another one for the same people waits for its
   * commit and then counts the ticket it assigned; marking a member absent
   * waits too, or is waited for, so nobody gets a ticket while going away.
   * `withOpenCounts: false` skips counting when the strategy does not need it.
   */
  async lockCandidates(manager: EntityManager, queueId: string, withOpenCounts: boolean): Promise<AssignmentCandidate[]> {
    // As above: lock, then read what the transactions waited for committed (absences, assigned tickets).
    await manager.query(
      `SELECT 1 FROM users WHERE id IN (SELECT user_id FROM queue_members WHERE queue_id = $1) ORDER BY id FOR NO KEY UPDATE`,
      [queueId],
    );
    const members: { id: string; name: string; active: boolean; absent: boolean }[] = await manager.query(
      `SELECT u.id, u.name, u.active, u.absent FROM queue_members m JOIN users u ON u.id = m.user_id WHERE m.queue_id = $1`,
      [queueId],
    );
    const counts = new Map<string, number>();
    if (withOpenCounts && members.length) {
      const rows: { id: string; open: number }[] = await manager.query(
        `SELECT assignee_id AS id, count(*)::int AS open FROM tickets
          WHERE assignee_id = ANY($1::uuid[]) AND status = ANY($2::text[])
          GROUP BY assignee_id`,
        [members.map((m) => m.id), [...UNRESOLVED_STATUSES]],
      );
      for (const row of rows) counts.set(row.id, row.open);
    }
    return members.map((m) => ({ ...m, openTickets: counts.get(m.id) ?? 0 }));
  }

  /** Round-robin continues after this user next time. */
  async saveCursor(manager: EntityManager, queueId: string, userId: string): Promise<void> {
    await manager.query(`UPDATE queues SET round_robin_last_user_id = $2 WHERE id = $1`, [queueId, userId]);
  }
}
