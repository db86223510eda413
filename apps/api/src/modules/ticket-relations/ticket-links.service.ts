import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketAccessPolicy } from '../tickets/ticket-access.policy.js';
import { auditActor } from '../tickets/ticket-audit.js';
import { TicketsRepository, type NewTicketEvent } from '../tickets/tickets.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { TicketLinkDto } from './dtos/ticket-link.dto.js';
import { TicketLinksRepository } from './ticket-links.repository.js';
import { TicketRelationsErrorCode, TicketRelationsException } from './ticket-relations.exception.js';

/** Symmetric links between tickets: `linked` / `unlinked` events on both. */
@Injectable()
export class TicketLinksService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketsRepository,
    private readonly links: TicketLinksRepository,
    private readonly access: TicketAccessPolicy,
  ) {}

  /** The ticket's links to tickets the actor may see. */
  async linksOf(ticketId: string, actor: Actor): Promise<TicketLinkDto[]> {
    const rows = await this.links.linksOf(ticketId, await this.access.condition(actor));
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  async link(ref: string, otherRef: string, actor: Actor): Promise<TicketLinkDto[]> {
    const ticket = await this.tickets.get(ref, actor);
    const other = await this.tickets.get(otherRef, actor);
    if (ticket.id === other.id) {
      throw new TicketRelationsException(TicketRelationsErrorCode.LinkToItself, `Ticket ${ticket.number} cannot be linked to itself`, {
        fields: [{ field: 'ticketId', errors: ['ticketId must name another ticket'] }],
      });
    }
    await this.ticketRows.transaction(async (manager) => {
      if (!(await this.links.insert(manager, ticket.id, other.id, 'related'))) {
        throw new TicketRelationsException(TicketRelationsErrorCode.LinkExists, `Tickets ${ticket.number} and ${other.number} are linked already`);
      }
      await this.ticketRows.insertEvents(manager, linkEvents('linked', ticket, other, 'related', actor));
    });
    return this.linksOf(ticket.id, actor);
  }

  async unlink(ref: string, otherRef: string, actor: Actor): Promise<void> {
    const ticket = await this.tickets.get(ref, actor);
    const other = await this.tickets.get(otherRef, actor);
    await this.ticketRows.transaction(async (manager) => {
      const kind = await this.links.remove(manager, ticket.id, other.id);
      if (!kind) throw new TicketRelationsException(TicketRelationsErrorCode.LinkNotFound, `Tickets ${ticket.number} and ${other.number} are not linked`);
      await this.ticketRows.insertEvents(manager, linkEvents('unlinked', ticket, other, kind, actor));
    });
  }
}

/** One event on each ticket, naming the other. */
function linkEvents(type: 'linked' | 'unlinked', a: TicketEntity, b: TicketEntity, kind: string, actor: Actor): NewTicketEvent[] {
  const who = auditActor(actor);
  const event = (on: TicketEntity, to: TicketEntity): NewTicketEvent => ({
    ticketId: on.id, type, ...who, field: null, oldValue: null, newValue: { ticketId: to.id, number: to.number, subject: to.subject, kind },
  });
  return [event(a, b), event(b, a)];
}
