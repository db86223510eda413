import { Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { InboundMailQueryDto } from './dtos/inbound-mail-query.dto.js';
import { InboundMailDto, InboundMailListDto } from './dtos/inbound-mail.dto.js';
import { InboundMailsService } from './inbound-mails.service.js';

@ApiTags('inbound-mails')
@ApiBearerAuth()
@Roles('admin')
@Controller('inbound-mails')
export class InboundMailsController {
  constructor(private readonly mails: InboundMailsService) {}

  @Get()
  @ApiOperation({ summary: 'List mail as received over SMTP, newest first; `state=failed` lists what needs attention' })
  @ApiOkResponse({ type: InboundMailListDto })
  async list(@Query() query: InboundMailQueryDto): Promise<InboundMailListDto> {
    const [items, total] = await this.mails.list(query.state, query.limit, query.offset);
    return { items: items.map(InboundMailDto.from), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one received mail with its processing state and error' })
  @ApiOkResponse({ type: InboundMailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<InboundMailDto> {
    return InboundMailDto.from(await this.mails.get(id));
  }

  @Get(':id/raw')
  @ApiOperation({ summary: 'The mail exactly as it arrived (message/rfc822)' })
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'The raw bytes', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async raw(@UuidParam() id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const raw = await this.mails.raw(id);
    response.setHeader('Content-Disposition', `attachment; filename="${id}.eml"`);
    return new StreamableFile(raw, { type: 'message/rfc822' });
  }

  @Post(':id/reprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'Process a failed mail again (e.g. after a fix)' })
  @ApiAcceptedResponse({ type: InboundMailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The mail was processed already', type: ErrorResponseDto })
  async reprocess(@UuidParam() id: string): Promise<InboundMailDto> {
    return InboundMailDto.from(await this.mails.reprocess(id));
  }
}
