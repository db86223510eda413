import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoryEntity } from './entities/category.entity.js';
import { QueueEntity } from './entities/queue.entity.js';
import { QueuesController } from './queues.controller.js';
import { QueuesRepository } from './queues.repository.js';
import { QueuesService } from './queues.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([QueueEntity, CategoryEntity])],
  controllers: [QueuesController],
  providers: [QueuesRepository, QueuesService],
  exports: [QueuesService],
})
export class QueuesModule {}
