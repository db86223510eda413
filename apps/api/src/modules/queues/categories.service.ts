import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { CategoriesRepository } from './categories.repository.js';
import type { CreateCategoryDto } from './dtos/create-category.dto.js';
import type { UpdateCategoryDto } from './dtos/update-category.dto.js';
import type { CategoryEntity } from './entities/category.entity.js';
import { QueueTicketsRepository } from './queue-tickets.repository.js';
import { QueuesException, QueuesErrorCode } from './queues.exception.js';
import { slugFromName } from './slug-from-name.js';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly queueTickets: QueueTicketsRepository,
  ) {}

  list(): Promise<CategoryEntity[]> {
    return this.categories.list();
  }

  async get(id: string): Promise<CategoryEntity> {
    const category = await this.categories.findById(id);
    if (!category) throw new QueuesException(QueuesErrorCode.CategoryNotFound, `Category ${id} does not exist`);
    return category;
  }

  async create(dto: CreateCategoryDto): Promise<CategoryEntity> {
    const slug = dto.slug ?? slugFromName(dto.name);
    if (!slug) throw new QueuesException(QueuesErrorCode.SlugRequired, 'slug is needed: the name has no latin letters or digits to make one from', 'slug');
    return this.categories
      .insert({ name: dto.name.trim(), slug, description: dto.description?.trim() || null })
      .catch((error: unknown) => this.rethrowTaken(error, dto.name, slug));
  }

  async update(id: string, dto: UpdateCategoryDto): Promise<CategoryEntity> {
    const category = await this.get(id);
    if (dto.name !== undefined) category.name = dto.name.trim();
    if (dto.slug !== undefined) category.slug = dto.slug;
    if (dto.description !== undefined) category.description = dto.description?.trim() || null;
    return this.categories.save(category).catch((error: unknown) => this.rethrowTaken(error, category.name, category.slug));
  }

  /** Deletes a category; its tickets are left without one, each with a `field_changed` categoryId event by the actor. */
  async delete(id: string, actor: Actor): Promise<void> {
    await this.get(id);
    await this.categories.transaction(async (manager) => {
      await this.queueTickets.move(manager, { column: 'category_id', from: id, to: null, onlyUnresolved: false, eventType: 'field_changed', actor });
      await this.categories.delete(manager, id);
    });
  }

  /** A name or slug taken (also meanwhile, by a concurrent request): the unique indexes answer. */
  private rethrowTaken(error: unknown, name: string, slug: string): never {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'categories_name_key') {
      throw new QueuesException(QueuesErrorCode.CategoryNameTaken, `A category with the name ${name.trim()} exists already`, 'name');
    }
    if (code === '23505' && constraint === 'categories_slug_key') {
      throw new QueuesException(QueuesErrorCode.CategorySlugTaken, `A category with the slug ${slug} exists already`, 'slug');
    }
    throw error;
  }
}
