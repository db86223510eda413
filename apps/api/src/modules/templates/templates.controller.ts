import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateTemplateDto } from './dtos/create-template.dto.js';
import { PreviewTemplateDto } from './dtos/preview-template.dto.js';
import { TemplatePlaceholderDto, TemplatePlaceholderListDto } from './dtos/template-placeholder.dto.js';
import { TemplatePreviewDto } from './dtos/template-preview.dto.js';
import { TemplateQueryDto } from './dtos/template-query.dto.js';
import { TemplateDto, TemplateListDto } from './dtos/template.dto.js';
import { UpdateTemplateDto } from './dtos/update-template.dto.js';
import { TemplatesService } from './templates.service.js';

const INVALID = 'Invalid input; an unknown or malformed placeholder is TEMPLATE_INVALID_PLACEHOLDER naming the field and the placeholder';

/** Canned responses: every agent reads and uses them, admins write them. */
@ApiTags('templates')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: INVALID, type: ErrorResponseDto })
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'List templates with filters (q, queueId, language, active)' })
  @ApiOkResponse({ type: TemplateListDto })
  async list(@Query() query: TemplateQueryDto): Promise<TemplateListDto> {
    const [items, total] = await this.templates.list(query);
    return { items: items.map((t) => TemplateDto.from(t, this.templates.placeholdersOf(t))), total };
  }

  @Get('placeholders')
  @ApiOperation({ summary: 'List the placeholders templates may use' })
  @ApiOkResponse({ type: TemplatePlaceholderListDto })
  placeholders(): TemplatePlaceholderListDto {
    return { items: this.templates.placeholders().map(TemplatePlaceholderDto.from) };
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a saved template or unsaved text for a ticket (or with example values), as it would be sent' })
  @ApiOkResponse({ type: TemplatePreviewDto })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND: the ticket does not exist or the caller may not see it (never told apart)', type: ErrorResponseDto })
  preview(@Body() dto: PreviewTemplateDto, @CurrentActor() actor: Actor): Promise<TemplatePreviewDto> {
    return this.templates.preview(dto, actor);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a template' })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiConflictResponse({ description: 'The slug belongs to another template', type: ErrorResponseDto })
  async create(@Body() dto: CreateTemplateDto): Promise<TemplateDto> {
    return this.dto(await this.templates.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a template' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<TemplateDto> {
    return this.dto(await this.templates.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a template: title, slug, subject, body, language, queue scope, active' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The slug belongs to another template', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateTemplateDto): Promise<TemplateDto> {
    return this.dto(await this.templates.update(id, dto));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a template (rules that reply with it stop doing so; switching it off with active=false is gentler)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.templates.delete(id);
  }

  private dto(template: Parameters<typeof TemplateDto.from>[0]): TemplateDto {
    return TemplateDto.from(template, this.templates.placeholdersOf(template));
  }
}
