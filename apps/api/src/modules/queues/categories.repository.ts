import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity.js';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.categories.manager.transaction(work);
  }

  list(): Promise<CategoryEntity[]> {
    return this.categories.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<CategoryEntity | null> {
    return this.categories.findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.categories.existsBy({ id });
  }

  insert(category: Partial<CategoryEntity>): Promise<CategoryEntity> {
    return this.categories.save(this.categories.create(category));
  }

  save(category: CategoryEntity): Promise<CategoryEntity> {
    return this.categories.save(category);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(CategoryEntity, { id });
  }
}
