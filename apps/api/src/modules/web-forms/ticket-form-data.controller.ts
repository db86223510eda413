import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { displayValue, readFormSettings } from '@okienko/domain';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { TicketAccessPolicy, ticketNotFound } from '../tickets/ticket-access.policy.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { TicketFormDataDto } from './dtos/ticket-form-data.dto.js';
import { FormSubmissionsRepository } from './form-submissions.repository.js';

/** The structured data of a ticket from a web form: each field's label and value, as the panel shows them in a table. */
@ApiTags('web-forms')
@ApiBearerAuth()
@Controller('tickets/:id/form-data')
export class TicketFormDataController {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccessPolicy,
    private readonly submissions: FormSubmissionsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The values of the web form the ticket came from, field by field (no rows for a ticket from elsewhere)" })
  @ApiOkResponse({ type: TicketFormDataDto })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND', type: ErrorResponseDto })
  async get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<TicketFormDataDto> {
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw ticketNotFound(id);
    await this.access.assertCanSee(actor, ticket, id);
    const stored = await this.submissions.valuesOfTicket(ticket.id);
    if (!stored) return { kind: null, rows: [] };
    const form = readFormSettings(stored.settings);
    const rows = form.fields
      .filter((f) => f.type !== 'file' && stored.values[f.name] !== undefined && String(stored.values[f.name]).trim() !== '')
      .map((f) => ({ name: f.name, label: f.label.pl, labelEn: f.label.en, value: displayValue(f, stored.values[f.name], 'pl') }));
    return { kind: form.kind, rows };
  }
}
