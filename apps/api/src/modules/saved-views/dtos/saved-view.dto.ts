import { ApiProperty } from '@nestjs/swagger';
import type { SavedViewEntity } from '../entities/saved-view.entity.js';
import { SavedViewFiltersDto } from './saved-view-filters.dto.js';

export class SavedViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Pilne reklamacje' })
  name!: string;

  @ApiProperty({ type: SavedViewFiltersDto })
  filters!: SavedViewFiltersDto;

  @ApiProperty({ description: 'Shown to everyone (made by an admin); otherwise only to its owner.' })
  shared!: boolean;

  @ApiProperty()
  position!: number;

  @ApiProperty({ format: 'uuid' })
  ownerId!: string;

  @ApiProperty({ description: 'Whether the caller owns the view (and may rename or delete it; admins also shared views of others).' })
  mine!: boolean;

  @ApiProperty({ description: 'Whether the caller may rename, change or delete the view.' })
  editable!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(view: SavedViewEntity, access: { mine: boolean; editable: boolean }): SavedViewDto {
    return {
      id: view.id,
      name: view.name,
      filters: view.filters,
      shared: view.shared,
      position: view.position,
      ownerId: view.ownerId,
      mine: access.mine,
      editable: access.editable,
      createdAt: view.createdAt.toISOString(),
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}

export class SavedViewListDto {
  @ApiProperty({ type: [SavedViewDto] })
  items!: SavedViewDto[];

  @ApiProperty()
  total!: number;
}
