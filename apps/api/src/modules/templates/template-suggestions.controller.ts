import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketRef } from '../tickets/ticket-ref-param.js';
import { TemplateSuggestionListDto, TemplateSuggestionQueryDto } from './dtos/template-suggestion.dto.js';
import { TemplateDto } from './dtos/template.dto.js';
import { TemplatesService } from './templates.service.js';

/** Templates suggested for a ticket; lives with the templates (the tickets module knows nothing of them but replies). */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('tickets')
export class TemplateSuggestionsController {
  constructor(private readonly templates: TemplatesService) {}

  @Get(':id/template-suggestions')
  @ApiOperation({ summary: "Templates for a ticket (by id or number), ranked by similarity to the customer's latest message" })
  @ApiOkResponse({ type: TemplateSuggestionListDto })
  @ApiBadRequestResponse({ description: 'Invalid ticket reference or limit', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND: the ticket does not exist or the caller may not see it (never told apart)', type: ErrorResponseDto })
  async suggestions(
    @TicketRef() ref: string,
    @Query() query: TemplateSuggestionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<TemplateSuggestionListDto> {
    const ranked = await this.templates.suggestionsFor(ref, query.limit, actor);
    return { items: ranked.map(({ template, score }) => ({ template: TemplateDto.from(template, this.templates.placeholdersOf(template)), score })) };
  }
}
