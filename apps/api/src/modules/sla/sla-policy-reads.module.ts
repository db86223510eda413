import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SlaPolicyEntity } from './entities/sla-policy.entity.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';

/**
 * The SLA policies' table, on its own: the SLA module works with it, and the
 * ticket reads name a ticket's policy through it without depending on the SLA
 * module (which depends on tickets).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyEntity])],
  providers: [SlaPoliciesRepository],
  exports: [SlaPoliciesRepository],
})
export class SlaPolicyReadsModule {}
