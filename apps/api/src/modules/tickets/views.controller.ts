import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { TicketListDto } from './dtos/ticket-list.dto.js';
import { TodayQueryDto } from './dtos/today-query.dto.js';
import { TicketDetailsService } from './ticket-details.service.js';
import { TicketsService } from './tickets.service.js';

@ApiTags('views')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@Controller('views')
export class ViewsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly details: TicketDetailsService,
  ) {}

  @Get('today')
  @ApiOperation({
    summary: 'What to handle today: unresolved tickets, urgent and breached first, then by the nearest deadline, then the rest oldest first',
    description: 'scope=mine: assigned to me; team: in the queues I work in; all: every ticket the caller may see (for agents: their queues, theirs and, by setting, those in no queue).',
  })
  @ApiOkResponse({ type: TicketListDto })
  async today(@Query() query: TodayQueryDto, @CurrentActor() actor: Actor): Promise<TicketListDto> {
    const [tickets, total] = await this.tickets.today(query, actor);
    return { items: await this.details.listItems(tickets), total };
  }
}
