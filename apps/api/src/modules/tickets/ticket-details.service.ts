import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { ChannelsService } from '../channels/channels.service.js';
import { CustomersService } from '../customers/customers.service.js';
import { SlaPoliciesRepository } from '../sla/sla-policies.repository.js';
import { SurveysRepository } from '../surveys/surveys.repository.js';
import { TicketLinksRepository } from '../ticket-relations/ticket-links.repository.js';
import { MessageDto } from './dtos/message.dto.js';
import type { TicketDetailDto } from './dtos/ticket-detail.dto.js';
import { TicketEventDto } from './dtos/ticket-event.dto.js';
import { TicketListItemDto } from './dtos/ticket-list.dto.js';
import { TicketSummaryDto } from './dtos/ticket-summary.dto.js';
import type { MessageEntity } from './entities/message.entity.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import { MessageChannelsRepository } from './message-channels.repository.js';
import { TicketAccessPolicy } from './ticket-access.policy.js';
import { TicketWatchersRepository } from './ticket-watchers.repository.js';
import { TicketsService } from './tickets.service.js';

const OTHER_TICKETS_LIMIT = 20;

/** Puts together what the ticket screens show: the thread, the audit trail, the customer. */
@Injectable()
export class TicketDetailsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly access: TicketAccessPolicy,
    private readonly slaPolicies: SlaPoliciesRepository,
    private readonly surveys: SurveysRepository,
    private readonly channels: ChannelsService,
    private readonly links: TicketLinksRepository,
    private readonly messageChannels: MessageChannelsRepository,
    private readonly watchers: TicketWatchersRepository,
  ) {}

  /** The ticket as its screen shows it; the customer's other tickets only as far as the actor may see them. */
  async detail(ticket: TicketEntity, actor: Actor): Promise<TicketDetailDto> {
    const [messages, events, customer, history, survey, channels, watchers] = await Promise.all([
      this.tickets.messagesOf(ticket.id),
      this.tickets.eventsOf(ticket.id),
      this.customers.get(ticket.customerId),
      this.access.condition(actor).then((access) => this.customers.ticketHistory(ticket.customerId, OTHER_TICKETS_LIMIT + 1, access)),
      this.surveys.surveyOf(ticket.id),
      this.messageChannels.ticketChannels(ticket.id),
      this.watchers.watchersOf(ticket.id),
    ]);
    const links = await this.links.linksOf(ticket.id, await this.access.condition(actor));
    const channelNames = await this.channelNames(messages);
    const attachments = await this.tickets.attachmentsOf(messages.map((m) => m.id));
    const names = await this.slaPolicies.namesOf([ticket, ...history].map((t) => t.slaPolicyId).filter((id): id is string => id !== null));
    return {
      ...TicketSummaryDto.from(ticket, names),
      customer: await this.customers.toDto(customer),
      messages: messages.map((m) => MessageDto.from(m, attachments.filter((a) => a.messageId === m.id), channelNames.get(m.channelId ?? '') ?? null)),
      channels,
      events: events.map(TicketEventDto.from),
      watching: actor.userId !== null && watchers.some((w) => w.userId === actor.userId),
      watchers,
      links: links.map((l) => ({ ...l, createdAt: new Date(l.createdAt).toISOString() })),
      customerTickets: history.filter((t) => t.id !== ticket.id).slice(0, OTHER_TICKETS_LIMIT).map((t) => TicketSummaryDto.from(t, names)),
      survey: survey && {
        kind: survey.kind, score: survey.score, comment: survey.comment, sentAt: survey.sentAt.toISOString(), expiresAt: survey.expiresAt.toISOString(),
        answeredAt: survey.answeredAt?.toISOString() ?? null,
      },
    };
  }

  /** One message as the API shows it, with its channel's name. */
  async message(message: MessageEntity): Promise<MessageDto> {
    return MessageDto.from(message, [], (await this.channelNames([message])).get(message.channelId ?? '') ?? null);
  }

  private async channelNames(messages: MessageEntity[]): Promise<Map<string, string>> {
    const ids = messages.map((m) => m.channelId).filter((id): id is string => id !== null);
    return new Map((await this.channels.getMany(ids)).map((c) => [c.id, c.name]));
  }

  /** List rows with the customer's name and e-mail, read in one query for the whole page. */
  async listItems(tickets: TicketEntity[]): Promise<TicketListItemDto[]> {
    const customers = await this.customers.getMany([...new Set(tickets.map((t) => t.customerId))]);
    const byId = new Map(customers.map((c) => [c.id, c]));
    const names = await this.slaPolicies.namesOf([...new Set(tickets.map((t) => t.slaPolicyId).filter((id): id is string => id !== null))]);
    return tickets.map((t) => ({
      ...TicketSummaryDto.from(t, names),
      customerName: byId.get(t.customerId)?.name ?? null,
      customerEmail: byId.get(t.customerId)?.email ?? null,
    }));
  }
}
