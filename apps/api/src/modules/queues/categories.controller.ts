import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CategoriesService } from './categories.service.js';
import { CategoryDto, CategoryListDto } from './dtos/category.dto.js';
import { CreateCategoryDto } from './dtos/create-category.dto.js';
import { UpdateCategoryDto } from './dtos/update-category.dto.js';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'List ticket categories' })
  @ApiOkResponse({ type: CategoryListDto })
  async list(): Promise<CategoryListDto> {
    const items = (await this.categories.list()).map(CategoryDto.from);
    return { items, total: items.length };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a ticket category' })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiConflictResponse({ description: 'The name or slug is taken', type: ErrorResponseDto })
  async create(@Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return CategoryDto.from(await this.categories.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a ticket category' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<CategoryDto> {
    return CategoryDto.from(await this.categories.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a ticket category: name, slug, description' })
  @ApiOkResponse({ type: CategoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The name or slug is taken', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateCategoryDto): Promise<CategoryDto> {
    return CategoryDto.from(await this.categories.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a ticket category; its tickets are left without one (recorded on each)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.categories.delete(id, actor);
  }
}
