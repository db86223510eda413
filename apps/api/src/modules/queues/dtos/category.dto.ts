import { ApiProperty } from '@nestjs/swagger';
import type { CategoryEntity } from '../entities/category.entity.js';

export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacja lub zwrot' })
  name!: string;

  @ApiProperty({ example: 'complaint-return', description: 'Stable name for rules and integrations.' })
  slug!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  static from(category: CategoryEntity): CategoryDto {
    return { id: category.id, name: category.name, slug: category.slug, description: category.description };
  }
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] })
  items!: CategoryDto[];

  @ApiProperty()
  total!: number;
}
