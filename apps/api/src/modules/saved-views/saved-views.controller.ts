import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse,
  ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateSavedViewDto } from './dtos/create-saved-view.dto.js';
import { SavedViewDto, SavedViewListDto } from './dtos/saved-view.dto.js';
import { UpdateSavedViewDto } from './dtos/update-saved-view.dto.js';
import type { SavedViewEntity } from './entities/saved-view.entity.js';
import { SavedViewsService } from './saved-views.service.js';

/** Saved views of the ticket list: named filters and sort, private or (by admins) shared. */
@ApiTags('saved-views')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field (e.g. `filters.status`)', type: ErrorResponseDto })
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: 'List my saved views, then the views shared with everyone' })
  @ApiOkResponse({ type: SavedViewListDto })
  async list(@Query() query: PageQueryDto, @CurrentActor() actor: Actor): Promise<SavedViewListDto> {
    const [items, total] = await this.views.list(actor, query.limit, query.offset);
    return { items: items.map((view) => this.dto(view, actor)), total };
  }

  @Post()
  @ApiOperation({ summary: 'Save the ticket list\'s filters and sort under a name (shared with everyone: admins only)' })
  @ApiCreatedResponse({ type: SavedViewDto })
  @ApiForbiddenResponse({ description: 'Sharing without being an admin, or saving with an API token', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'I have a view of that name already', type: ErrorResponseDto })
  async create(@Body() dto: CreateSavedViewDto, @CurrentActor() actor: Actor): Promise<SavedViewDto> {
    return this.dto(await this.views.create(dto, actor), actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a saved view (mine or shared)' })
  @ApiOkResponse({ type: SavedViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<SavedViewDto> {
    return this.dto(await this.views.get(id, actor), actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a saved view, replace its filters, share or unshare it, move it' })
  @ApiOkResponse({ type: SavedViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ description: 'The view is someone else\'s, or sharing without being an admin', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'I have a view of that name already', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateSavedViewDto, @CurrentActor() actor: Actor): Promise<SavedViewDto> {
    return this.dto(await this.views.update(id, dto, actor), actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved view' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ description: 'The view is someone else\'s', type: ErrorResponseDto })
  async delete(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.views.delete(id, actor);
  }

  private dto(view: SavedViewEntity, actor: Actor): SavedViewDto {
    return SavedViewDto.from(view, this.views.access(view, actor));
  }
}
