import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, type QueryDeepPartialEntity } from 'typeorm';
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

  /** Which of these ids are users. */
  async existingIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await this.users.find({ select: { id: true }, where: { id: In(ids) } })).map((u) => u.id);
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

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(work);
  }

  /**
   * These users, locked until the transaction ends (in id order, so two
   * transactions locking the same users never deadlock). `FOR NO KEY UPDATE`:
   * waits for, and holds off, changes of the users and ticket assignment
   * (which locks the candidates the same way), but not tickets being filed
   * under them.
   */
  lockForChange(manager: EntityManager, ids: string[]): Promise<UserEntity[]> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids })
      .orderBy('u.id')
      .setLock('for_no_key_update')
      .getMany();
  }

  async updateIn(manager: EntityManager, id: string, patch: QueryDeepPartialEntity<UserEntity>): Promise<void> {
    await manager.update(UserEntity, { id }, patch);
  }

  insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  async update(id: string, patch: QueryDeepPartialEntity<UserEntity>): Promise<void> {
    await this.users.update({ id }, patch);
  }

  async delete(id: string): Promise<void> {
    await this.users.delete({ id });
  }
}
