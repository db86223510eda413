import { Injectable } from '@nestjs/common';
import { pickAssignee } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import { AssignmentRepository } from './assignment.repository.js';

/** Automatic assignment: who of a queue's members gets its next ticket. The choosing is `pickAssignee` in libs/domain. */
@Injectable()
export class AssignmentService {
  constructor(private readonly assignment: AssignmentRepository) {}

  /**
   * The agent who gets the next ticket of the queue by its strategy, or null:
   * the queue is manual (or does not exist), or no member may take a ticket now
   * (all inactive, absent or at the cap); the ticket then waits in the queue.
   * Round-robin advances the queue's cursor.
   *
   * Call it inside the transaction that assigns the ticket (READ COMMITTED, the
   * default) and assign the ticket to the answer in that same transaction: the
   * queue's and its members' rows stay locked until it ends, so concurrent
   * assignments take turns, each sees the tickets the previous ones assigned
   * (caps and least-open hold) and round-robin never hands two tickets to the
   * same turn.
   */
  async pickAssignee(manager: EntityManager, queueId: string): Promise<string | null> {
    const queue = await this.assignment.lockQueue(manager, queueId);
    if (!queue || queue.strategy === 'manual') return null;
    const needsCounts = queue.strategy === 'least_open' || queue.maxOpenPerAgent !== null;
    const candidates = await this.assignment.lockCandidates(manager, queueId, needsCounts);
    const picked = pickAssignee({ ...queue, candidates });
    if (picked && queue.strategy === 'round_robin') await this.assignment.saveCursor(manager, queueId, picked);
    return picked;
  }
}
