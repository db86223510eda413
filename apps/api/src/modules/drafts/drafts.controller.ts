import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { DraftDto, DraftStateDto } from './dtos/draft.dto.js';
import { SaveDraftDto } from './dtos/save-draft.dto.js';
import { DraftsService } from './drafts.service.js';

const OUT_OF_REACH = 'TICKET_NOT_FOUND: no such ticket, or one the caller may not see';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field. API tokens have no drafts (DRAFT_NEEDS_USER).', type: ErrorResponseDto })
@ApiNotFoundResponse({ description: OUT_OF_REACH, type: ErrorResponseDto })
@Controller('tickets/:id/draft')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in agent's unsent reply or note on the ticket, and which colleagues have one" })
  @ApiOkResponse({ type: DraftStateDto })
  get(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<DraftStateDto> {
    return this.drafts.get(ref, actor);
  }

  @Put()
  @ApiOperation({ summary: "Save the signed-in agent's draft on the ticket (the panel saves as the agent types); sending the message deletes it" })
  @ApiOkResponse({ type: DraftDto })
  save(@TicketRef() ref: string, @Body() dto: SaveDraftDto, @CurrentActor() actor: Actor): Promise<DraftDto> {
    return this.drafts.save(ref, dto, actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: "Discard the signed-in agent's draft on the ticket" })
  @ApiNoContentResponse({ description: 'Discarded (or there was none).' })
  async delete(@TicketRef() ref: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.drafts.delete(ref, actor);
  }
}
