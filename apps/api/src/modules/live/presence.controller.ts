import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { PresenceInputDto } from './dtos/presence-input.dto.js';
import { PresenceDto } from './dtos/presence.dto.js';
import { PresenceService } from './presence.service.js';

@ApiTags('live')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND: the ticket does not exist or the caller may not see it (never told apart)', type: ErrorResponseDto })
@Controller('tickets/:id/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get()
  @ApiOperation({ summary: 'Who is viewing or replying to the ticket now' })
  @ApiOkResponse({ type: PresenceDto })
  get(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<PresenceDto> {
    return this.presence.get(ref, actor);
  }

  @Put()
  @ApiOperation({ summary: 'Heartbeat: I am viewing or replying to the ticket (lapses after 20 s without another)' })
  @ApiOkResponse({ type: PresenceDto, description: 'Everybody on the ticket now, me included' })
  set(@TicketRef() ref: string, @Body() dto: PresenceInputDto, @CurrentActor() actor: Actor): Promise<PresenceDto> {
    return this.presence.set(ref, actor, dto.state);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'I left the ticket' })
  @ApiNoContentResponse({ description: 'Gone from the ticket' })
  clear(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.presence.clear(ref, actor);
  }
}
