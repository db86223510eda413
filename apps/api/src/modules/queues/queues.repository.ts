import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TicketStatus } from '@okienko/domain';
import { EntityManager, Repository } from 'typeorm';
import { QueueMemberEntity } from './entities/queue-member.entity.js';
import { QueueEntity } from './entities/queue.entity.js';
import type { QueueMember } from './queue-details.js';

@Injectable()
export class QueuesRepository {
  constructor(@InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.queues.manager.transaction(work);
  }

  listQueues(): Promise<QueueEntity[]> {
    return this.queues.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** The queues a user works in: those they are a member or the lead of. */
  listQueuesOf(userId: string): Promise<QueueEntity[]> {
    return this.queues
      .createQueryBuilder('q')
      .where('q.lead_id = :userId OR EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.user_id = :userId)', { userId })
      .orderBy('q.name', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .getMany();
  }

  findById(id: string): Promise<QueueEntity | null> {
    return this.queues.findOneBy({ id });
  }

  findDefaultQueue(manager: EntityManager = this.queues.manager): Promise<QueueEntity | null> {
    return manager.findOneBy(QueueEntity, { isDefault: true });
  }

  queueExists(id: string): Promise<boolean> {
    return this.queues.existsBy({ id });
  }

  /** Whether the user is a member or the lead of the queue. */
  async worksIn(queueId: string, userId: string): Promise<boolean> {
    return this.queues
      .createQueryBuilder('q')
      .where('q.id = :queueId', { queueId })
      .andWhere('(q.lead_id = :userId OR EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.user_id = :userId))', { userId })
      .getExists();
  }

  insert(manager: EntityManager, queue: Partial<QueueEntity>): Promise<QueueEntity> {
    return manager.save(manager.create(QueueEntity, queue));
  }

  async update(manager: EntityManager, id: string, patch: Partial<QueueEntity>): Promise<void> {
    await manager.update(QueueEntity, { id }, patch);
  }

  /**
   * Makes the queue the default one. The current default's row is locked first,
   * so two admins doing this at once take turns and one default remains.
   */
  async makeDefault(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(QueueEntity).createQueryBuilder('q').setLock('for_no_key_update').where('q.is_default').getMany();
    await manager.query(`UPDATE queues SET is_default = false, updated_at = now() WHERE is_default AND id <> $1`, [id]);
    await manager.query(`UPDATE queues SET is_default = true, updated_at = now() WHERE id = $1 AND NOT is_default`, [id]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(QueueEntity, { id });
  }

  /** The members of these queues, each queue's by name. */
  async membersOf(queueIds: string[]): Promise<(QueueMember & { queueId: string })[]> {
    if (!queueIds.length) return [];
    return this.queues.manager.query(
      `SELECT m.queue_id AS "queueId", u.id, u.name, u.active, u.absent
         FROM queue_members m JOIN users u ON u.id = m.user_id
        WHERE m.queue_id = ANY($1::uuid[])
        ORDER BY u.name, u.id`,
      [queueIds],
    );
  }

  async replaceMembers(manager: EntityManager, queueId: string, userIds: string[]): Promise<void> {
    await manager.delete(QueueMemberEntity, { queueId });
    if (userIds.length) await manager.insert(QueueMemberEntity, userIds.map((userId) => ({ queueId, userId })));
  }

  /** How many tickets of these queues are in each status: one grouped query (over the queue and status index). */
  async ticketCounts(queueIds: string[]): Promise<{ queueId: string; status: TicketStatus; count: number }[]> {
    if (!queueIds.length) return [];
    return this.queues.manager.query(
      `SELECT queue_id AS "queueId", status, count(*)::int AS count
         FROM tickets WHERE queue_id = ANY($1::uuid[])
        GROUP BY queue_id, status`,
      [queueIds],
    );
  }
}
