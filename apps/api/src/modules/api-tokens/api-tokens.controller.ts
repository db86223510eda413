import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ApiTokensService } from './api-tokens.service.js';
import { ApiTokenListDto } from './dtos/api-token-list.dto.js';
import { ApiTokenDto } from './dtos/api-token.dto.js';
import { CreateApiTokenDto } from './dtos/create-api-token.dto.js';
import { CreatedApiTokenDto } from './dtos/created-api-token.dto.js';

@ApiTags('api-tokens')
@ApiBearerAuth()
@Roles('admin')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'List API tokens (without their secrets)' })
  @ApiOkResponse({ type: ApiTokenListDto })
  async list(@Query() query: PageQueryDto): Promise<ApiTokenListDto> {
    const [items, total] = await this.tokens.list(query.limit, query.offset);
    return { items: items.map(ApiTokenDto.from), total };
  }

  @Post()
  @ApiOperation({ summary: 'Create an API token for an integration; the secret is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  async create(@Body() dto: CreateApiTokenDto, @CurrentActor() actor: Actor): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.tokens.create(dto, actor);
    return { ...ApiTokenDto.from(token), token: secret };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token; it stops working at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@UuidParam() id: string): Promise<void> {
    await this.tokens.revoke(id);
  }
}
