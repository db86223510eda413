import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'NOTIFICATIONS_NEED_USER: API tokens watch nothing', type: ErrorResponseDto })
@ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND: the ticket does not exist or the caller may not see it (never told apart)', type: ErrorResponseDto })
@Controller('tickets/:id/watch')
export class WatchersController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: "Watch the ticket: get its notifications (customer replies, SLA warnings) as its assignee does" })
  @ApiNoContentResponse({ description: 'Watching (also when already watching)' })
  async watch(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.notifications.watch(ref, actor, true);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop watching the ticket' })
  @ApiNoContentResponse({ description: 'Not watching (also when not watching before)' })
  async unwatch(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.notifications.watch(ref, actor, false);
  }
}
