import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { AbsenceService } from './absence.service.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';
import { CategoriesController } from './categories.controller.js';
import { CategoriesRepository } from './categories.repository.js';
import { CategoriesService } from './categories.service.js';
import { CategoryEntity } from './entities/category.entity.js';
import { QueueMemberEntity } from './entities/queue-member.entity.js';
import { QueueEntity } from './entities/queue.entity.js';
import { QueueTicketsRepository } from './queue-tickets.repository.js';
import { QueuesController } from './queues.controller.js';
import { QueuesRepository } from './queues.repository.js';
import { QueuesService } from './queues.service.js';

/**
 * Queues (teams) and categories, automatic assignment, and handing tickets
 * over when an agent goes away. Depends on users (members, leads, absence
 * hooks); tickets and mail depend on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([QueueEntity, QueueMemberEntity, CategoryEntity]), UsersModule],
  controllers: [QueuesController, CategoriesController],
  providers: [
    QueuesRepository, CategoriesRepository, QueueTicketsRepository, AssignmentRepository,
    QueuesService, CategoriesService, AssignmentService, AbsenceService,
  ],
  exports: [QueuesService, AssignmentService],
})
export class QueuesModule {}
