import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './entities/user.entity.js';
import { UserAvailabilityHooks } from './user-availability.hooks.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, UserAvailabilityHooks],
  exports: [UsersService, UserAvailabilityHooks],
})
export class UsersModule implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.users.ensureFirstAdmin();
  }
}
