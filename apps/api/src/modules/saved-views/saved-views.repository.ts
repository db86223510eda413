import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SavedViewEntity } from './entities/saved-view.entity.js';

@Injectable()
export class SavedViewsRepository {
  constructor(@InjectRepository(SavedViewEntity) private readonly views: Repository<SavedViewEntity>) {}

  /** The user's own views, then the views others share; each by position and name. Without a user: the shared views. */
  listVisible(userId: string | null, limit: number, offset: number): Promise<[SavedViewEntity[], number]> {
    const query = this.views.createQueryBuilder('v');
    if (userId) {
      query
        .where('(v.owner_user_id = :userId OR v.shared)', { userId })
        .orderBy('CASE WHEN v.owner_user_id = :userId THEN 0 ELSE 1 END', 'ASC');
    } else {
      query.where('v.shared').orderBy('v.position', 'ASC');
    }
    return query.addOrderBy('v.position', 'ASC').addOrderBy('lower(v.name)', 'ASC').addOrderBy('v.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  findById(id: string): Promise<SavedViewEntity | null> {
    return this.views.findOneBy({ id });
  }

  /** The position after the owner's last view. */
  async nextPosition(ownerId: string): Promise<number> {
    const row = await this.views.createQueryBuilder('v').select('coalesce(max(v.position) + 1, 0)', 'next').where('v.owner_user_id = :ownerId', { ownerId }).getRawOne<{ next: number }>();
    return Number(row?.next ?? 0);
  }

  insert(view: Partial<SavedViewEntity>): Promise<SavedViewEntity> {
    return this.views.save(this.views.create(view));
  }

  async update(id: string, patch: Partial<SavedViewEntity>): Promise<void> {
    await this.views.update({ id }, patch);
  }

  async delete(id: string): Promise<void> {
    await this.views.delete({ id });
  }
}
