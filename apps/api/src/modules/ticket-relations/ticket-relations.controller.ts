import { BadRequestException, Body, Controller, Delete, HttpCode, Param, Post, type PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketDetailDto } from '../tickets/dtos/ticket-detail.dto.js';
import { TicketDetailsService } from '../tickets/ticket-details.service.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { CreateTicketLinkDto } from './dtos/create-ticket-link.dto.js';
import { MergeTicketsDto } from './dtos/merge-tickets.dto.js';
import { SplitTicketDto } from './dtos/split-ticket.dto.js';
import { TicketLinkDto } from './dtos/ticket-link.dto.js';
import { TicketLinksService } from './ticket-links.service.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TicketSplitService } from './ticket-split.service.js';

const OUT_OF_REACH = 'TICKET_NOT_FOUND: no such ticket, or one the caller may not see (out of their queues; never told apart)';
const REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i;

class OtherTicketRefPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (REF.test(value)) return value;
    const message = 'ticketId must be a ticket id (UUID) or number (e.g. 2026-000123)';
    throw new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields: [{ field: 'ticketId', errors: [message] }] } });
  }
}

@ApiTags('tickets')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@Controller('tickets')
export class TicketRelationsController {
  constructor(
    private readonly merges: TicketMergeService,
    private readonly splits: TicketSplitService,
    private readonly links: TicketLinksService,
    private readonly details: TicketDetailsService,
  ) {}

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge tickets into this one (the target): their messages, attachments and watchers move here; each source is closed and points here',
    description:
      'The caller must see the target and every source. Each source gets a `merged` event naming the target, the target a `merged_from` event per source. ' +
      "A later mail replying to a source's Message-ID or carrying its subject tag `[#number]` lands in the target; " +
      '`GET /tickets/<source>` answers the source with `mergedIntoId`. Tickets of different customers may be merged (the conversation keeps each message\'s author).',
  })
  @ApiOkResponse({ type: TicketDetailDto, description: 'The target after the merge.' })
  @ApiNotFoundResponse({ description: `${OUT_OF_REACH} (the target or a source)`, type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'TICKET_MERGE_INTO_ITSELF: sourceIds names the target; TICKET_ALREADY_MERGED: a source is merged already; ' +
      'TICKET_MERGE_TARGET_MERGED: the target is merged into another ticket itself',
    type: ErrorResponseDto,
  })
  async merge(@TicketRef() ref: string, @Body() dto: MergeTicketsDto, @CurrentActor() actor: Actor): Promise<TicketDetailDto> {
    return this.details.detail(await this.merges.merge(ref, dto.sourceIds, actor), actor);
  }

  @Post(':id/split')
  @ApiOperation({
    summary: 'Split messages off this ticket into a new ticket of the same customer, queue, category, priority and assignee, linked to this one (kind split)',
    description: 'The messages (internal notes too) move with their attachments; at least one must stay. The new ticket\'s subject is that of the first ' +
      'message moved (without Re:/Fwd:), else this ticket\'s. `split_to` / `split_from` events on both.',
  })
  @ApiCreatedResponse({ type: TicketDetailDto, description: 'The new ticket.' })
  @ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
  @ApiBadRequestResponse({
    description: 'TICKET_SPLIT_MESSAGE_NOT_ON_TICKET: messageIds names a message of another ticket; TICKET_SPLIT_ALL_MESSAGES: every message would move',
    type: ErrorResponseDto,
  })
  async split(@TicketRef() ref: string, @Body() dto: SplitTicketDto, @CurrentActor() actor: Actor): Promise<TicketDetailDto> {
    return this.details.detail(await this.splits.split(ref, dto.messageIds, actor), actor);
  }

  @Post(':id/links')
  @ApiOperation({ summary: 'Link another ticket to this one (symmetric: both show the link); `linked` events on both' })
  @ApiCreatedResponse({ type: [TicketLinkDto], description: "This ticket's links after the change (those the caller may see)." })
  @ApiNotFoundResponse({ description: `${OUT_OF_REACH} (this ticket or the one linked)`, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'TICKET_LINK_TO_ITSELF: ticketId names this ticket; TICKET_LINK_EXISTS: the two are linked already', type: ErrorResponseDto })
  async link(@TicketRef() ref: string, @Body() dto: CreateTicketLinkDto, @CurrentActor() actor: Actor): Promise<TicketLinkDto[]> {
    return this.links.link(ref, dto.ticketId, actor);
  }

  @Delete(':id/links/:ticketId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the link between two tickets (whichever side it was made from); `unlinked` events on both' })
  @ApiParam({ name: 'ticketId', description: 'The linked ticket (id or number)' })
  @ApiNoContentResponse({ description: 'Unlinked' })
  @ApiNotFoundResponse({ description: `${OUT_OF_REACH}; TICKET_LINK_NOT_FOUND: the two tickets are not linked`, type: ErrorResponseDto })
  async unlink(
    @TicketRef() ref: string,
    @Param('ticketId', new OtherTicketRefPipe()) other: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.links.unlink(ref, other, actor);
  }
}
