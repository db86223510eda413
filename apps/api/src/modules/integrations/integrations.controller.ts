import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateIntegrationDto } from './dtos/create-integration.dto.js';
import { IntegrationDto, IntegrationListDto, IntegrationTestResultDto } from './dtos/integration.dto.js';
import { UpdateIntegrationDto } from './dtos/update-integration.dto.js';
import { IntegrationsService } from './integrations.service.js';

@ApiTags('integrations')
@ApiBearerAuth()
@Roles('admin')
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Get()
  @ApiOperation({ summary: 'List the connected shops (WooCommerce, BaseLinker, Shoper), oldest first; credentials are never returned' })
  @ApiOkResponse({ type: IntegrationListDto })
  async list(@Query() query: PageQueryDto): Promise<IntegrationListDto> {
    const [items, total] = await this.integrations.list(query.limit, query.offset);
    return { items, total };
  }

  @Post()
  @ApiOperation({ summary: 'Connect a shop; its credentials are stored encrypted (SECRETS_KEY) and never returned' })
  @ApiCreatedResponse({ type: IntegrationDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields, e.g. settings.url), or a queue does not exist', type: ErrorResponseDto })
  create(@Body() dto: CreateIntegrationDto): Promise<IntegrationDto> {
    return this.integrations.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a connected shop (without its credentials)' })
  @ApiOkResponse({ type: IntegrationDto })
  @ApiNotFoundResponse({ description: 'INTEGRATION_NOT_FOUND', type: ErrorResponseDto })
  get(@UuidParam() id: string): Promise<IntegrationDto> {
    return this.integrations.getDto(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a connected shop; credentials left out of settings keep their stored values' })
  @ApiOkResponse({ type: IntegrationDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'INTEGRATION_NOT_FOUND', type: ErrorResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateIntegrationDto): Promise<IntegrationDto> {
    return this.integrations.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect a shop; orders pinned to tickets stay as their snapshots' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'INTEGRATION_NOT_FOUND', type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.integrations.delete(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: "Whether the shop can be reached with the stored credentials and its orders read; the shop's own error when not" })
  @ApiOkResponse({ type: IntegrationTestResultDto })
  @ApiNotFoundResponse({ description: 'INTEGRATION_NOT_FOUND', type: ErrorResponseDto })
  test(@UuidParam() id: string): Promise<IntegrationTestResultDto> {
    return this.integrations.test(id);
  }
}
