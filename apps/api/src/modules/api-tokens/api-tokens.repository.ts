import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity.js';

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>) {}

  list(limit: number, offset: number): Promise<[ApiTokenEntity[], number]> {
    return this.tokens.findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  findById(id: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ id });
  }

  /** A token that is neither revoked nor expired. */
  findUsableByHash(tokenHash: string, now: Date): Promise<ApiTokenEntity | null> {
    return this.tokens
      .createQueryBuilder('t')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .andWhere('t.revokedAt IS NULL')
      .andWhere('(t.expiresAt IS NULL OR t.expiresAt > :now)', { now })
      .getOne();
  }

  insert(token: Partial<ApiTokenEntity>): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create(token));
  }

  async update(id: string, patch: Partial<ApiTokenEntity>): Promise<void> {
    await this.tokens.update({ id }, patch);
  }
}
