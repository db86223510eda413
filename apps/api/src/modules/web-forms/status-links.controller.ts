import { Controller, Delete, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { TicketAccessPolicy, ticketNotFound } from '../tickets/ticket-access.policy.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { StatusLinkDto } from './dtos/form-submission.dto.js';
import { publicBase, requestOrigin } from './public-base.js';
import { StatusLinksService } from './status-links.service.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

/** The customers' status links of a ticket: a new one (e.g. to send by hand), or revoking them all. */
@ApiTags('web-forms')
@ApiBearerAuth()
@Controller('tickets/:id/status-link')
export class StatusLinksController {
  constructor(
    private readonly links: StatusLinksService,
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: "A new status link to the ticket for the customer (the earlier ones keep working until revoked)" })
  @ApiCreatedResponse({ type: StatusLinkDto })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'TICKET_NOT_FROM_A_FORM: only tickets from web forms have status pages', type: ErrorResponseDto })
  async create(@UuidParam() id: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<StatusLinkDto> {
    const ticket = await this.ticket(id, actor);
    const existing = (await this.links.allOfTicket(ticket.id))[0];
    if (!existing?.channelId) {
      throw new WebFormsException(WebFormsErrorCode.NotAFormTicket, `Ticket ${id} did not come from a web form: its customer follows it by e-mail`);
    }
    const created = await this.links.create(null, {
      ticketId: ticket.id, language: existing.language, channelId: existing.channelId, threadId: existing.threadId,
    }, publicBase(this.config.publicUrl, requestOrigin(request)));
    return { url: created.url, createdAt: new Date(created.link.createdAt).toISOString() };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke every status link of the ticket: they answer 410 from now on" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND', type: ErrorResponseDto })
  async revoke(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.links.revokeAll((await this.ticket(id, actor)).id);
  }

  private async ticket(id: string, actor: Actor) {
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw ticketNotFound(id);
    await this.access.assertCanSee(actor, ticket, id);
    return ticket;
  }
}
