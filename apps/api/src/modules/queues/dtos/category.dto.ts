import { ApiProperty } from '@nestjs/swagger';
import type { CategoryEntity } from '../entities/category.entity.js';

export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacja / zwrot' })
  name!: string;

  @ApiProperty({ example: 'complaint' })
  slug!: string;

  static from(category: CategoryEntity): CategoryDto {
    return { id: category.id, name: category.name, slug: category.slug };
  }
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] })
  items!: CategoryDto[];

  @ApiProperty()
  total!: number;
}
