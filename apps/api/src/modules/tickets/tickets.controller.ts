import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { UuidParam } from '../../core/http/uuid-param.js';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { BulkUpdateResultDto } from './dtos/bulk-update-result.dto.js';
import { BulkUpdateTicketsDto } from './dtos/bulk-update-tickets.dto.js';
import { CreateMessageDto } from './dtos/create-message.dto.js';
import { CreateTicketDto } from './dtos/create-ticket.dto.js';
import { ReplyTargetDto } from '../channels/dtos/reply-target.dto.js';
import { MessageDto } from './dtos/message.dto.js';
import { TicketDetailDto } from './dtos/ticket-detail.dto.js';
import { TicketListDto } from './dtos/ticket-list.dto.js';
import { TicketQueryDto } from './dtos/ticket-query.dto.js';
import { UpdateTicketDto } from './dtos/update-ticket.dto.js';
import { TicketRef } from './ticket-ref-param.js';
import { TicketBulkService } from './ticket-bulk.service.js';
import { TicketDetailsService } from './ticket-details.service.js';
import { TicketsService } from './tickets.service.js';
import { TicketRepliesService } from './ticket-replies.service.js';

/** What a 404 of a ticket route means. */
const OUT_OF_REACH = 'TICKET_NOT_FOUND: no such ticket, or one the caller may not see (out of their queues; never told apart)';

const SAFE_INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** RFC 6266 with an ASCII fallback, so Polish file names survive. */
function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

@ApiTags('tickets')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly replies: TicketRepliesService,
    private readonly details: TicketDetailsService,
    private readonly bulk: TicketBulkService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List tickets with filters, full-text search, sorting and paging',
    description: 'Only tickets the caller may see: admins every ticket; agents those of their queues, those assigned to them and (by setting) those in no queue; agent API tokens those of the token\'s queues.',
  })
  @ApiOkResponse({ type: TicketListDto })
  async list(@Query() query: TicketQueryDto, @CurrentActor() actor: Actor): Promise<TicketListDto> {
    const { items, total, totalIsExact, nextCursor } = await this.tickets.list(query, actor);
    return { items: await this.details.listItems(items), total, ...(totalIsExact ? {} : { totalIsExact: false as const }), nextCursor };
  }

  @Post()
  @ApiOperation({ summary: "Open a ticket for a customer (found or created by e-mail) with the customer's first message" })
  @ApiCreatedResponse({ type: TicketDetailDto })
  async create(@Body() dto: CreateTicketDto, @CurrentActor() actor: Actor): Promise<TicketDetailDto> {
    return this.details.detail(await this.tickets.create(dto, actor), actor);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change many tickets at once (assignee, status, priority, queue, tags); each ticket is changed or refused on its own',
    description:
      'Every ticket goes through the checks of PATCH /tickets/:id in its own transaction. A ticket the caller may not see (see "Who sees which tickets") is refused as one that does not exist (TICKET_NOT_FOUND).',
  })
  @ApiOkResponse({ type: BulkUpdateResultDto })
  async bulkUpdate(@Body() dto: BulkUpdateTicketsDto, @CurrentActor() actor: Actor): Promise<BulkUpdateResultDto> {
    return this.bulk.apply(dto, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a ticket (by id or number) with its messages, events, customer and their other tickets (those the caller may see)' })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  async get(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<TicketDetailDto> {
    return this.details.detail(await this.tickets.get(ref, actor), actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change status, priority, queue, category, assignee, tags or subject' })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The status change is not allowed from the current status', type: ErrorResponseDto })
  async update(@TicketRef() ref: string, @Body() dto: UpdateTicketDto, @CurrentActor() actor: Actor): Promise<TicketDetailDto> {
    return this.details.detail(await this.tickets.update(ref, dto, actor), actor);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment (raster images may be shown inline; everything else downloads)' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: `${OUT_OF_REACH}; ATTACHMENT_NOT_FOUND: no such attachment on the ticket`, type: ErrorResponseDto })
  async attachment(
    @TicketRef() ref: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.tickets.attachment(ref, attachmentId, actor);
    // Files from mail are untrusted: never sniffed, never scripted, and only plain raster images shown in the page.
    const inline = SAFE_INLINE_TYPES.has(attachment.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox; frame-ancestors 'none'");
    return new StreamableFile(content, {
      type: inline ? attachment.contentType : 'application/octet-stream',
      disposition: contentDisposition(inline ? 'inline' : 'attachment', attachment.filename),
      length: content.length,
    });
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Reply to the customer (queued for sending) or add an internal note' })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The status given with the reply is not allowed', type: ErrorResponseDto })
  async addMessage(@TicketRef() ref: string, @Body() dto: CreateMessageDto, @CurrentActor() actor: Actor): Promise<MessageDto> {
    return this.details.message(await this.replies.addMessage(ref, dto, actor));
  }

  @Get(':id/reply-targets')
  @ApiOperation({
    summary: 'Where a reply may go: the channels the customer wrote on that replies can be sent on, and e-mail to the customer; ' +
      "the default (no channelId in the reply) is the channel of the customer's latest message",
  })
  @ApiOkResponse({ type: [ReplyTargetDto] })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  async replyTargets(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<ReplyTargetDto[]> {
    return this.replies.replyTargets(ref, actor);
  }
}
