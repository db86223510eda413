import { Injectable } from '@nestjs/common';
import type { CategoryEntity } from './entities/category.entity.js';
import type { QueueEntity } from './entities/queue.entity.js';
import { QueuesException, QueuesErrorCode } from './queues.exception.js';
import { QueuesRepository } from './queues.repository.js';

@Injectable()
export class QueuesService {
  constructor(private readonly queues: QueuesRepository) {}

  listQueues(): Promise<QueueEntity[]> {
    return this.queues.listQueues();
  }

  listCategories(): Promise<CategoryEntity[]> {
    return this.queues.listCategories();
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

  async assertQueue(id: string): Promise<void> {
    if (!(await this.queues.queueExists(id))) {
      throw new QueuesException(QueuesErrorCode.QueueNotFound, `queueId ${id} is not an existing queue`, 'queueId');
    }
  }

  async assertCategory(id: string): Promise<void> {
    if (!(await this.queues.categoryExists(id))) {
      throw new QueuesException(QueuesErrorCode.CategoryNotFound, `categoryId ${id} is not an existing category`, 'categoryId');
    }
  }
}
