import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketAccessModule } from '../tickets/ticket-access.module.js';
import { CustomerMergeService } from './customer-merge.service.js';
import { CustomerObservers } from './customer-observers.js';
import { CustomerMergesRepository } from './customer-merges.repository.js';
import { CustomersController } from './customers.controller.js';
import { CustomersRepository } from './customers.repository.js';
import { CustomersService } from './customers.service.js';
import { CustomerIdentityEntity } from './entities/customer-identity.entity.js';
import { CustomerMergeEntity } from './entities/customer-merge.entity.js';
import { CustomerEntity } from './entities/customer.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, CustomerIdentityEntity, CustomerMergeEntity]), TicketAccessModule],
  controllers: [CustomersController],
  providers: [CustomersRepository, CustomersService, CustomerMergesRepository, CustomerMergeService, CustomerObservers],
  exports: [CustomersService, CustomersRepository, CustomerObservers],
})
export class CustomersModule {}
