import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { normaliseIdentity, type CustomerIdentityKind } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { sanitizeHtml } from '../../core/html/sanitize-html.js';
import type { IncomingMessage, SenderIdentity } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import type { NewAttachment } from '../tickets/messages.repository.js';
import { settingsError } from './api-channel.hook.js';
import { ApiChannelRepository, type ApiChannelRow } from './api-channel.repository.js';
import type { InboundMessageDto, InboundMessageResultDto } from './dtos/inbound-message.dto.js';

/** Kinds whose identities carry the system they belong to (the channel's name when the bridge names none). */
const SOURCED: readonly string[] = ['chat', 'external'];

/**
 * The API channel's adapter on the intake: a signed message from a bridge
 * becomes an `IncomingMessage` (identities, thread and message ids, text,
 * sanitised HTML, attachments) filed in a transaction that first locks the
 * conversation, so concurrent redeliveries of one message are stored once and
 * the messages of one thread find the same ticket.
 */
@Injectable()
export class ApiChannelInboundService {
  constructor(
    private readonly intake: IntakeService,
    private readonly repository: ApiChannelRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(channel: ApiChannelRow, dto: InboundMessageDto): Promise<{ created: boolean; result: InboundMessageResultDto }> {
    const before = await this.repository.storedMessage(channel.id, dto.externalMessageId);
    if (before) return { created: false, result: answer(before) };
    const message = this.incoming(channel, dto);
    const received = await this.intake.transaction(async (manager) => {
      await this.repository.lockThread(manager, channel.id, dto.externalThreadId);
      return this.intake.receiveIn(manager, message);
    });
    await this.intake.afterCommit(received);
    if (received.outcome === 'new_ticket' || received.outcome === 'appended') {
      if (!received.filedBefore && received.ticketId && received.ticketNumber && received.messageRowId) {
        return { created: true, result: { ticketId: received.ticketId, ticketNumber: received.ticketNumber, messageId: received.messageRowId } };
      }
    }
    const stored = await this.repository.storedMessage(channel.id, dto.externalMessageId);
    if (!stored) throw new Error(`message ${dto.externalMessageId} of channel ${channel.id} was neither stored nor found`);
    return { created: false, result: answer(stored) };
  }

  private incoming(channel: ApiChannelRow, dto: InboundMessageDto): IncomingMessage {
    const text = dto.text;
    return {
      channel: { id: channel.id, type: 'api' },
      sender: { identities: this.identities(channel, dto), name: dto.sender.name?.trim() || null },
      subject: (dto.subject?.trim() || firstLine(text) || channel.name).slice(0, 500),
      text,
      visibleText: text,
      html: dto.html ? sanitizeHtml(dto.html) : null,
      attachments: (dto.attachments ?? []).map(toAttachment),
      automated: false,
      route: { queueId: channel.queueId, categoryId: channel.categoryId, priority: channel.priority },
      externalThreadId: dto.externalThreadId,
      externalMessageId: dto.externalMessageId,
      email: null,
    };
  }

  private identities(channel: ApiChannelRow, dto: InboundMessageDto): SenderIdentity[] {
    return dto.sender.identities.map((given, i) => {
      const source = given.source?.trim() || (SOURCED.includes(given.kind) ? channel.name : undefined);
      const normalised = normaliseIdentity({ kind: given.kind, value: given.value, source }, this.config.defaultPhoneRegion);
      if (!normalised.ok) throw settingsError(`sender.identities.${i}`, normalised.message);
      const { kind, value } = normalised.identity;
      return { kind: kind as CustomerIdentityKind, value, ...(normalised.identity.source ? { source: normalised.identity.source } : {}) };
    });
  }
}

/** The answer of a stored message, in the fields' documented order. */
function answer(s: InboundMessageResultDto): InboundMessageResultDto {
  return { ticketId: s.ticketId, ticketNumber: s.ticketNumber, messageId: s.messageId };
}

function firstLine(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function toAttachment(a: { filename: string; contentType: string; contentBase64: string }): NewAttachment {
  const content = Buffer.from(a.contentBase64, 'base64');
  return {
    filename: a.filename.replace(/[\\/\r\n\0]/g, '_'),
    contentType: a.contentType.toLowerCase(),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    contentId: null,
    inline: false,
  };
}
