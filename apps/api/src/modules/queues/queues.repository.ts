import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity.js';
import { QueueEntity } from './entities/queue.entity.js';

@Injectable()
export class QueuesRepository {
  constructor(
    @InjectRepository(QueueEntity) private readonly queues: Repository<QueueEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
  ) {}

  listQueues(): Promise<QueueEntity[]> {
    return this.queues.find({ order: { name: 'ASC' } });
  }

  listCategories(): Promise<CategoryEntity[]> {
    return this.categories.find({ order: { name: 'ASC' } });
  }

  findDefaultQueue(): Promise<QueueEntity | null> {
    return this.queues.findOneBy({ isDefault: true });
  }

  queueExists(id: string): Promise<boolean> {
    return this.queues.existsBy({ id });
  }

  categoryExists(id: string): Promise<boolean> {
    return this.categories.existsBy({ id });
  }
}
