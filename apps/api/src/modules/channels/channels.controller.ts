import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ChannelTypeHooks } from './channel-type-hooks.js';
import { ChannelsService } from './channels.service.js';
import { ChannelQueryDto } from './dtos/channel-query.dto.js';
import { ChannelDto, ChannelListDto } from './dtos/channel.dto.js';
import { CreateChannelDto } from './dtos/create-channel.dto.js';
import { UpdateChannelDto } from './dtos/update-channel.dto.js';

const MANAGED = 'CHANNEL_MANAGED_BY_INBOUND_ADDRESS: an e-mail channel is changed and removed through /inbound-addresses';

@ApiTags('channels')
@ApiBearerAuth()
@Roles('admin')
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly hooks: ChannelTypeHooks,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the channels customers reach the team on (the inbound addresses are listed as e-mail channels), oldest first' })
  @ApiOkResponse({ type: ChannelListDto })
  async list(@Query() query: ChannelQueryDto): Promise<ChannelListDto> {
    const [items, total] = await this.channels.list(query.limit, query.offset, query.type);
    return { items: await Promise.all(items.map(async (c) => ({ ...ChannelDto.from(c), ...(await this.hooks.describe(c)) }))), total };
  }

  @Post()
  @ApiOperation({ summary: 'Add a channel (web form, chat, phone, API, Allegro); e-mail channels come with inbound addresses' })
  @ApiCreatedResponse({ type: ChannelDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields), e.g. type email, or a queue or category that does not exist', type: ErrorResponseDto })
  async create(@Body() dto: CreateChannelDto): Promise<ChannelDto> {
    const channel = await this.channels.create({ ...dto, settings: await this.hooks.settings(dto.type, dto.settings, null) });
    return { ...ChannelDto.from(channel), ...(await this.hooks.describe(channel)), ...(await this.hooks.created(channel)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a channel' })
  @ApiOkResponse({ type: ChannelDto })
  @ApiNotFoundResponse({ description: 'CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<ChannelDto> {
    const channel = await this.channels.get(id);
    return { ...ChannelDto.from(channel), ...(await this.hooks.describe(channel)) };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a channel (its type stays); settings replace the whole object' })
  @ApiOkResponse({ type: ChannelDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: MANAGED, type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateChannelDto): Promise<ChannelDto> {
    const previous = await this.channels.get(id);
    const channel = await this.channels.update(id, { ...dto, settings: await this.hooks.settings(previous.type, dto.settings, previous) });
    return { ...ChannelDto.from(channel), ...(await this.hooks.describe(channel)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a channel; its messages keep their channel type' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: MANAGED, type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.channels.delete(id);
  }
}
