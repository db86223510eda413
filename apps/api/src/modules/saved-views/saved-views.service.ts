import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import type { CreateSavedViewDto } from './dtos/create-saved-view.dto.js';
import type { SavedViewFiltersDto } from './dtos/saved-view-filters.dto.js';
import type { UpdateSavedViewDto } from './dtos/update-saved-view.dto.js';
import type { SavedViewEntity } from './entities/saved-view.entity.js';
import type { SavedViewFilters } from './saved-view-filters.js';
import { SavedViewsException, SavedViewsErrorCode } from './saved-views.exception.js';
import { SavedViewsRepository } from './saved-views.repository.js';

export interface SavedViewAccess {
  mine: boolean;
  editable: boolean;
}

/**
 * Saved views of the ticket list. Everybody sees their own views and the shared
 * ones; only admins share. The owner changes and deletes a view; an admin also
 * the shared views of others. A view the caller cannot see does not exist (404).
 */
@Injectable()
export class SavedViewsService {
  constructor(private readonly views: SavedViewsRepository) {}

  list(actor: Actor, limit: number, offset: number): Promise<[SavedViewEntity[], number]> {
    return this.views.listVisible(actor.userId, limit, offset);
  }

  async get(id: string, actor: Actor): Promise<SavedViewEntity> {
    const view = await this.views.findById(id);
    if (!view || !(view.shared || view.ownerId === actor.userId)) {
      throw new SavedViewsException(SavedViewsErrorCode.NotFound, `Saved view ${id} does not exist`);
    }
    return view;
  }

  async create(dto: CreateSavedViewDto, actor: Actor): Promise<SavedViewEntity> {
    if (!actor.userId) throw new SavedViewsException(SavedViewsErrorCode.Forbidden, 'Saved views belong to a signed-in user, not an API token');
    if (dto.shared) this.assertMayShare(actor);
    return this.views
      .insert({
        ownerId: actor.userId,
        name: dto.name.trim(),
        filters: cleanFilters(dto.filters),
        shared: dto.shared ?? false,
        position: dto.position ?? (await this.views.nextPosition(actor.userId)),
      })
      .catch((error: unknown) => this.rethrow(error, dto.name));
  }

  async update(id: string, dto: UpdateSavedViewDto, actor: Actor): Promise<SavedViewEntity> {
    const view = await this.get(id, actor);
    this.assertEditable(view, actor);
    if (dto.shared !== undefined && dto.shared !== view.shared) this.assertMayShare(actor);
    const patch: Partial<SavedViewEntity> = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.filters !== undefined) patch.filters = cleanFilters(dto.filters);
    if (dto.shared !== undefined) patch.shared = dto.shared;
    if (dto.position !== undefined) patch.position = dto.position;
    if (Object.keys(patch).length) await this.views.update(id, { ...patch, updatedAt: new Date() }).catch((error: unknown) => this.rethrow(error, dto.name ?? ''));
    return (await this.views.findById(id))!;
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const view = await this.get(id, actor);
    this.assertEditable(view, actor);
    await this.views.delete(id);
  }

  access(view: SavedViewEntity, actor: Actor): SavedViewAccess {
    const mine = view.ownerId === actor.userId;
    return { mine, editable: mine || (view.shared && actor.role === 'admin' && actor.userId !== null) };
  }

  private assertEditable(view: SavedViewEntity, actor: Actor): void {
    if (!this.access(view, actor).editable) {
      throw new SavedViewsException(SavedViewsErrorCode.Forbidden, `Saved view ${view.id} belongs to someone else: only its owner (or an admin, for a shared view) may change it`);
    }
  }

  private assertMayShare(actor: Actor): void {
    if (actor.role !== 'admin') throw new SavedViewsException(SavedViewsErrorCode.Forbidden, 'shared: only admins may share a view with everyone', 'shared');
  }

  private rethrow(error: unknown, name: string): never {
    if ((error as { code?: string; constraint?: string }).code === '23505') {
      throw new SavedViewsException(SavedViewsErrorCode.NameTaken, `name: you have a view called "${name.trim()}" already`, 'name');
    }
    throw error;
  }
}

/** The filters without empty values, so equal views store equal objects. */
function cleanFilters(filters: SavedViewFiltersDto): SavedViewFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as SavedViewFilters;
}
