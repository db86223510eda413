import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type FormLanguage, type TicketStatus } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { FormKeysService } from './form-keys.service.js';
import { StatusLinksRepository, type NewStatusLink, type StatusLinkRow } from './status-links.repository.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface StatusMessage {
  id: string;
  from: 'customer' | 'team';
  text: string;
  createdAt: Date;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
}

export interface TicketStatusView {
  ticketNumber: string;
  subject: string;
  status: TicketStatus;
  language: FormLanguage;
  createdAt: Date;
  closedAt: Date | null;
  expectedResponse: string | null;
  expectedResponseBy: Date | null;
  messages: StatusMessage[];
}

export interface OpenedStatusLink {
  link: StatusLinkRow;
  ticket: TicketEntity;
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The customer's status links: `PUBLIC_URL/s/<token>`, 32 bytes (the HMAC of
 * the link's random id under a key derived from the installation's secret;
 * only their SHA-256 is stored), revocable, working until the ticket has been
 * closed for STATUS_LINK_DAYS_AFTER_CLOSE days. Because the token can be
 * derived again, a later mail (`{{ticket.statusUrl}}`) repeats the ticket's
 * live link instead of making a new one each time.
 */
@Injectable()
export class StatusLinksService {
  constructor(
    private readonly links: StatusLinksRepository,
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly keys: FormKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new link to the ticket; the token is only ever in the answer (and the customer's mail). */
  async create(
    manager: EntityManager | null,
    input: { ticketId: string; language: FormLanguage; channelId: string | null; threadId: string },
    base: string,
  ): Promise<{ token: string; url: string; link: StatusLinkRow }> {
    const { link: fresh, token, url } = await this.prepare(input, base);
    const link = await this.links.insert(manager, fresh);
    return { token, url, link };
  }

  /**
   * A new link's row and URL, for the caller to write (e.g. with the
   * submission it belongs to, in one statement; without the ticket when it is
   * written with the ticket).
   */
  async prepare<Input extends Omit<NewStatusLink, 'id' | 'tokenSha256' | 'ticketId'>>(
    input: Input,
    base: string,
  ): Promise<{ link: Input & Pick<NewStatusLink, 'id' | 'tokenSha256'>; token: string; url: string }> {
    const id = randomUUID();
    const token = await this.tokenOf(id);
    return { link: { ...input, id, tokenSha256: hashOf(token) }, token, url: `${base}/s/${token}` };
  }

  /**
   * The URL of the ticket's status link for a mail (`{{ticket.statusUrl}}`):
   * its newest live link, else a new one on the conversation `fresh` names, else
   * on that of its earlier links; a ticket without any gets one on no channel
   * (what the customer adds there joins the ticket, and replies go by e-mail).
   * Reads and writes through `manager`, so a rule answering a ticket being
   * opened sees it.
   */
  async urlFor(
    manager: EntityManager | null,
    ticketId: string,
    fresh: { language: FormLanguage; channelId?: string; threadId?: string },
    base: string,
  ): Promise<string> {
    const links = await this.links.withHashesOfTicket(manager, ticketId);
    const live = await this.liveUrlOf(links, base);
    if (live) return live;
    const latest = links[0];
    const made = await this.create(manager, {
      ticketId,
      language: fresh.channelId ? fresh.language : (latest?.language ?? fresh.language),
      channelId: fresh.channelId ?? latest?.channelId ?? null,
      threadId: fresh.threadId ?? latest?.threadId ?? randomUUID(),
    }, base);
    return made.url;
  }

  /** The ticket's live status link, if it has one that can be written again; nothing is made. */
  async existingUrlFor(manager: EntityManager | null, ticketId: string, base: string): Promise<string | null> {
    return this.liveUrlOf(await this.links.withHashesOfTicket(manager, ticketId), base);
  }

  private async liveUrlOf(links: (StatusLinkRow & { tokenSha256: Buffer })[], base: string): Promise<string | null> {
    for (const link of links) {
      if (link.revokedAt) continue;
      const token = await this.tokenOf(link.id);
      // Links made before tokens were derived (or under another secret) cannot be written again: a new one is made.
      if (hashOf(token).equals(link.tokenSha256)) return `${base}/s/${token}`;
    }
    return null;
  }

  private async tokenOf(linkId: string): Promise<string> {
    return createHmac('sha256', await this.keys.statusLinkKey()).update(linkId).digest('base64url');
  }

  /** The link and its ticket; 404 for an unknown token, 410 once revoked or expired. */
  async open(token: string): Promise<OpenedStatusLink> {
    const link = TOKEN_SHAPE.test(token) ? await this.links.findByTokenHash(hashOf(token)) : null;
    const ticket = link ? await this.tickets.findById(link.ticketId) : null;
    if (!link || !ticket) throw new WebFormsException(WebFormsErrorCode.StatusLinkNotFound, 'No ticket has this status link');
    if (link.revokedAt) throw new WebFormsException(WebFormsErrorCode.StatusLinkGone, 'This status link was revoked');
    const days = this.config.webForms.statusLinkDaysAfterClose;
    if (ticket.status === 'closed' && ticket.closedAt && ticket.closedAt.getTime() + days * 86_400_000 <= Date.now()) {
      throw new WebFormsException(WebFormsErrorCode.StatusLinkGone, `This status link expired: the ticket was closed more than ${days} days ago`);
    }
    return { link, ticket };
  }

  /** What the customer sees: the ticket's number, status, expected answer and the conversation (never internal notes). */
  async view(opened: OpenedStatusLink): Promise<TicketStatusView> {
    const { ticket, link } = opened;
    const all = await this.messages.messagesOf(ticket.id);
    const shown = all.filter((m) => m.purpose === 'conversation' && (m.direction === 'inbound' || (m.direction === 'outbound' && m.deliveryState !== 'failed')));
    const files = await this.messages.attachmentsOf(shown.map((m) => m.id));
    const english = link.language === 'en';
    const answered = ticket.firstResponseAt !== null;
    const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
    return {
      ticketNumber: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      language: link.language,
      createdAt: ticket.createdAt,
      closedAt: ticket.closedAt,
      expectedResponse: open && !answered ? (english ? this.config.ackExpectedResponseEn : this.config.ackExpectedResponse) : null,
      expectedResponseBy: open && !answered ? ticket.firstResponseDueAt : null,
      messages: shown.map((m) => ({
        id: m.id,
        from: m.direction === 'inbound' ? 'customer' : 'team',
        text: (m.direction === 'inbound' ? m.visibleText || m.bodyText : m.visibleText || m.bodyText) ?? '',
        createdAt: m.createdAt,
        attachments: files
          .filter((f) => f.messageId === m.id && !f.inline)
          .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size })),
      })),
    };
  }

  /** An attachment of a message the status page shows, with its content. */
  async attachment(opened: OpenedStatusLink, attachmentId: string): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
    const view = await this.view(opened);
    const shown = view.messages.flatMap((m) => m.attachments).find((a) => a.id === attachmentId);
    if (!shown) return null;
    const row = await this.messages.findAttachment(opened.ticket.id, attachmentId);
    if (!row) return null;
    return { filename: row.filename, contentType: row.contentType, content: await this.messages.attachmentContent(row.blobSha256) };
  }

  /** Revokes every status link of the ticket. */
  revokeAll(ticketId: string): Promise<number> {
    return this.links.revokeAll(ticketId);
  }

  /** Every link of the ticket (revoked ones too), newest first. */
  allOfTicket(ticketId: string): Promise<StatusLinkRow[]> {
    return this.links.allOfTicket(ticketId);
  }
}
