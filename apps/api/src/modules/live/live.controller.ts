import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { NotificationDto } from '../notifications/dtos/notification.dto.js';
import { PresenceDto } from './dtos/presence.dto.js';
import { TicketChangeEventDto } from './dtos/ticket-change-event.dto.js';
import { LiveHubService } from './live-hub.service.js';
import { LiveStream } from './live-stream.js';

const STREAM_DESCRIPTION = [
  'A Server-Sent Events stream (`text/event-stream`) of what changes, for as long as the connection stays open.',
  'Events: `ready` (`{userId}`, once connected), `ticket.created` and `ticket.updated` (`TicketChangeEventDto`: a change committed by anybody,',
  'through the API, mail, rules or SLA; a quarter of a second or so after the commit), `presence` (`PresenceDto`: who is viewing or replying to a ticket).',
  '`notification` (`NotificationDto`: a new notification of the caller, as GET /notifications lists it; only to that user).',
  'Each caller gets only tickets they may see (as on every ticket route: agents their queues, theirs and, by setting, those in no queue; agent API tokens their queues). After a reconnect, reload what is shown: events are not replayed.',
  'Comment lines keep the connection alive; `retry:` says how soon to reconnect.',
].join(' ');

@ApiTags('live')
@ApiBearerAuth()
@ApiExtraModels(TicketChangeEventDto, PresenceDto, NotificationDto)
@Controller('live')
export class LiveController {
  constructor(private readonly hub: LiveHubService) {}

  @Get()
  @ApiOperation({ summary: 'Live events: new and changed tickets and who is on them (Server-Sent Events)', description: STREAM_DESCRIPTION })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The event stream', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'No or an invalid bearer credential', type: ErrorResponseDto })
  stream(@CurrentActor() actor: Actor, @Res() response: Response): void {
    // The response closes when the client goes away (or the stream is ended here).
    response.on('close', this.hub.connect(actor, new LiveStream(response)));
  }
}
