import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** The user with the password hash, for checking credentials only. */
  findWithPasswordByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  async list(limit: number, offset: number): Promise<[UserEntity[], number]> {
    return this.users.findAndCount({ order: { name: 'ASC', id: 'ASC' }, take: limit, skip: offset });
  }

  countAll(): Promise<number> {
    return this.users.count();
  }

  /**
   * Runs `work` in a transaction holding a row lock on every active admin, with
   * their ids: concurrent demotions, deactivations and deletions of admins then
   * run one after another, so "is there another admin?" cannot be answered yes
   * to two of them at once.
   */
  withActiveAdminsLocked<T>(work: (manager: EntityManager, activeAdminIds: string[]) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`);
      return work(manager, rows.map((r) => r.id));
    });
  }

  insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  async update(id: string, patch: Partial<UserEntity>): Promise<void> {
    await this.users.update({ id }, patch);
  }

  async delete(id: string): Promise<void> {
    await this.users.delete({ id });
  }
}
