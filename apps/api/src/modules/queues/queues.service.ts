import { Injectable } from '@nestjs/common';
import { TICKET_STATUSES, type TicketStatus } from '@okienko/domain';
import type { Actor } from '../../core/auth/actor.js';
import { UsersService } from '../users/users.service.js';
import { CategoriesRepository } from './categories.repository.js';
import type { CreateQueueDto } from './dtos/create-queue.dto.js';
import type { UpdateQueueDto } from './dtos/update-queue.dto.js';
import type { CategoryEntity } from './entities/category.entity.js';
import type { QueueEntity } from './entities/queue.entity.js';
import type { QueueDetails } from './queue-details.js';
import { QueueTicketsRepository } from './queue-tickets.repository.js';
import { QueuesException, QueuesErrorCode } from './queues.exception.js';
import { QueuesRepository } from './queues.repository.js';
import { slugFromName } from './slug-from-name.js';

@Injectable()
export class QueuesService {
  constructor(
    private readonly queues: QueuesRepository,
    private readonly categories: CategoriesRepository,
    private readonly queueTickets: QueueTicketsRepository,
    private readonly users: UsersService,
  ) {}

  /** Every queue, by name. */
  listQueues(): Promise<QueueEntity[]> {
    return this.queues.listQueues();
  }

  /** Every category, by name. */
  listCategories(): Promise<CategoryEntity[]> {
    return this.categories.list();
  }

  /**
   * The queues the actor sees, with members and ticket counts: a signed-in
   * agent those they work in (member or lead); admins and API tokens (which
   * belong to no queue) every queue.
   */
  /** Every queue (only ids and names are shown from it). */
  names(): Promise<QueueEntity[]> {
    return this.queues.listQueues();
  }

  async list(actor: Actor): Promise<QueueDetails[]> {
    const queues = this.seesAll(actor) ? await this.queues.listQueues() : await this.queues.listQueuesOf(actor.userId!);
    return this.details(queues);
  }

  /** A queue the actor sees (else 404, as for a queue that does not exist). */
  async get(id: string, actor: Actor): Promise<QueueDetails> {
    const queue = await this.find(id);
    if (!this.seesAll(actor) && !(await this.queues.worksIn(id, actor.userId!))) throw this.notFound(id);
    return (await this.details([queue]))[0];
  }

  async create(dto: CreateQueueDto): Promise<QueueDetails> {
    const slug = dto.slug ?? slugFromName(dto.name);
    if (!slug) throw new QueuesException(QueuesErrorCode.SlugRequired, 'slug is needed: the name has no latin letters or digits to make one from', 'slug');
    if (dto.leadId) await this.assertUsers([dto.leadId], 'leadId');
    const queue = await this.queues
      .transaction((manager) =>
        this.queues.insert(manager, {
          name: dto.name.trim(),
          slug,
          description: dto.description?.trim() || null,
          signature: dto.signature?.trim() || null,
          isDefault: false,
          assignmentStrategy: dto.assignmentStrategy ?? 'manual',
          leadId: dto.leadId ?? null,
          maxOpenPerAgent: dto.maxOpenPerAgent ?? null,
        }),
      )
      .catch((error: unknown) => this.rethrow(error, dto));
    return (await this.details([queue]))[0];
  }

  async update(id: string, dto: UpdateQueueDto): Promise<QueueDetails> {
    const queue = await this.find(id);
    if (dto.isDefault === false && queue.isDefault) {
      throw new QueuesException(QueuesErrorCode.DefaultQueue, 'isDefault cannot be set to false: make another queue the default instead', 'isDefault');
    }
    if (dto.leadId) await this.assertUsers([dto.leadId], 'leadId');
    const patch: Partial<QueueEntity> = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.slug !== undefined) patch.slug = dto.slug;
    if (dto.description !== undefined) patch.description = dto.description?.trim() || null;
    if (dto.signature !== undefined) patch.signature = dto.signature?.trim() || null;
    if (dto.assignmentStrategy !== undefined) patch.assignmentStrategy = dto.assignmentStrategy;
    if (dto.leadId !== undefined) patch.leadId = dto.leadId;
    if (dto.maxOpenPerAgent !== undefined) patch.maxOpenPerAgent = dto.maxOpenPerAgent;
    await this.queues
      .transaction(async (manager) => {
        if (Object.keys(patch).length) await this.queues.update(manager, id, patch);
        if (dto.isDefault === true && !queue.isDefault) await this.queues.makeDefault(manager, id);
      })
      .catch((error: unknown) => this.rethrow(error, dto));
    if (dto.isDefault === true) this.defaultQueue = undefined;
    return (await this.details([await this.find(id)]))[0];
  }

  /** Makes `userIds` the queue's members (and nobody else). */
  async replaceMembers(id: string, userIds: string[]): Promise<QueueDetails> {
    const queue = await this.find(id);
    const unique = [...new Set(userIds.map((u) => u.toLowerCase()))];
    await this.assertUsers(unique, 'userIds');
    await this.queues
      .transaction((manager) => this.queues.replaceMembers(manager, id, unique))
      .catch((error: unknown) => this.rethrow(error, {}));
    return (await this.details([queue]))[0];
  }

  /**
   * Deletes a queue; its tickets move to the default queue, each with a
   * `field_changed` queueId event by the actor. Inbound addresses that pointed
   * at it send their mail to the default queue from then on.
   */
  async delete(id: string, actor: Actor): Promise<void> {
    const queue = await this.find(id);
    if (queue.isDefault) throw this.defaultUndeletable();
    await this.queues.transaction(async (manager) => {
      const target = await this.queues.findDefaultQueue(manager);
      if (!target || target.id === id) throw this.defaultUndeletable();
      await this.queueTickets.move(manager, { column: 'queue_id', from: id, to: target.id, onlyUnresolved: false, eventType: 'field_changed', actor });
      await this.queues.delete(manager, id);
    });
  }

  /** The queue a new ticket goes to: the one asked for (which must exist) or the default queue. */
  async resolveQueueId(queueId: string | undefined): Promise<string | null> {
    if (queueId === undefined) return this.defaultQueueId();
    await this.assertQueue(queueId);
    return queueId;
  }

  /** Cached briefly: every new ticket without a queue asks for it. */
  private async defaultQueueId(): Promise<string | null> {
    const now = Date.now();
    if (!this.defaultQueue || this.defaultQueue.expires < now) {
      this.defaultQueue = { expires: now + 10_000, id: (await this.queues.findDefaultQueue())?.id ?? null };
    }
    return this.defaultQueue.id;
  }

  private defaultQueue?: { expires: number; id: string | null };

  /** For a `queueId` field of a request (or another `field` naming queues): a 400 naming it when there is no such queue. */
  async assertQueue(id: string, field = 'queueId'): Promise<void> {
    if (!(await this.queues.queueExists(id))) {
      throw new QueuesException(QueuesErrorCode.QueueNotFound, `${field} ${id} is not an existing queue`, field);
    }
  }

  /** For a `categoryId` field of a request: a 400 naming it when there is no such category. */
  async assertCategory(id: string): Promise<void> {
    if (!(await this.categories.exists(id))) {
      throw new QueuesException(QueuesErrorCode.CategoryNotFound, `categoryId ${id} is not an existing category`, 'categoryId');
    }
  }

  private seesAll(actor: Actor): boolean {
    return actor.role === 'admin' || actor.userId === null;
  }

  private async find(id: string): Promise<QueueEntity> {
    const queue = await this.queues.findById(id);
    if (!queue) throw this.notFound(id);
    return queue;
  }

  private notFound(id: string): QueuesException {
    return new QueuesException(QueuesErrorCode.QueueNotFound, `Queue ${id} does not exist`);
  }

  private defaultUndeletable(): QueuesException {
    return new QueuesException(QueuesErrorCode.DefaultQueue, 'The default queue cannot be deleted: make another queue the default first');
  }

  /** Members and ticket counts of these queues: two queries for any number of queues. */
  private async details(queues: QueueEntity[]): Promise<QueueDetails[]> {
    const ids = queues.map((q) => q.id);
    const [members, counts] = await Promise.all([this.queues.membersOf(ids), this.queues.ticketCounts(ids)]);
    return queues.map((queue) => {
      const byStatus = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
      for (const row of counts) if (row.queueId === queue.id) byStatus[row.status] = row.count;
      return {
        queue,
        members: members.filter((m) => m.queueId === queue.id).map(({ id, name, active, absent }) => ({ id, name, active, absent })),
        counts: byStatus,
      };
    });
  }

  /** Every id must be a user; a 400 naming `field` lists those that are not. */
  private async assertUsers(ids: string[], field: 'leadId' | 'userIds'): Promise<void> {
    const existing = new Set(await this.users.existingIds(ids));
    const missing = ids.filter((id) => !existing.has(id));
    if (missing.length) {
      throw new QueuesException(QueuesErrorCode.UserNotFound, `${field} names no user: ${missing.join(', ')}`, field);
    }
  }

  /**
   * The database's answer to a race the checks above cannot rule out: a name or
   * slug taken meanwhile (unique indexes), a user deleted meanwhile (foreign keys).
   */
  private rethrow(error: unknown, dto: { name?: string; slug?: string }): never {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'queues_name_key') {
      throw new QueuesException(QueuesErrorCode.QueueNameTaken, `A queue with the name ${dto.name?.trim()} exists already`, 'name');
    }
    if (code === '23505' && constraint === 'queues_slug_key') {
      throw new QueuesException(QueuesErrorCode.QueueSlugTaken, `A queue with the slug ${dto.slug ?? slugFromName(dto.name ?? '')} exists already`, 'slug');
    }
    if (code === '23503' && constraint === 'queues_lead_id_fkey') {
      throw new QueuesException(QueuesErrorCode.UserNotFound, 'leadId names no user', 'leadId');
    }
    if (code === '23503' && constraint === 'queue_members_user_id_fkey') {
      throw new QueuesException(QueuesErrorCode.UserNotFound, 'userIds names a user who was deleted meanwhile', 'userIds');
    }
    throw error;
  }
}
