import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerEntity } from '../customers/entities/customer.entity.js';
import { AttachmentEntity } from './entities/attachment.entity.js';
import { MessageEntity } from './entities/message.entity.js';
import { TicketEntity } from './entities/ticket.entity.js';

export interface NewAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  contentId: string | null;
  inline: boolean;
}

/** Messages of tickets and their attachments: stored once per content, read per ticket, sent by the outbox. */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insertMessage(manager: EntityManager, message: Partial<MessageEntity>): Promise<MessageEntity> {
    const defaults: Partial<MessageEntity> = {
      automated: false, deliveryAttempts: 0, visibleText: null, sentAt: null, inboundMailId: null, purpose: 'conversation',
    };
    return manager.save(manager.create(MessageEntity, { ...defaults, ...message }));
  }

  /** The author's draft on the ticket is spent once their message is written (same transaction). */
  async deleteDraft(manager: EntityManager, ticketId: string, userId: string): Promise<void> {
    await manager.query('DELETE FROM message_drafts WHERE ticket_id = $1 AND user_id = $2', [ticketId, userId]);
  }

  /** The message carrying this e-mail Message-ID, if any (ours or a customer's). */
  findMessageByMessageId(manager: EntityManager, messageId: string): Promise<MessageEntity | null> {
    return manager.findOneBy(MessageEntity, { messageId });
  }

  /** The message a channel delivered under this id already, if any (unique per channel). */
  findByExternalMessageId(manager: EntityManager, channelId: string, externalMessageId: string): Promise<MessageEntity | null> {
    return manager.findOneBy(MessageEntity, { channelId, externalMessageId });
  }

  /** The ticket of the newest message of this conversation on this channel (the channel's own thread id). */
  async findTicketIdByExternalThread(manager: EntityManager, channelId: string, externalThreadId: string): Promise<string | null> {
    const message = await manager.findOne(MessageEntity, {
      select: { id: true, ticketId: true },
      where: { channelId, externalThreadId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return message?.ticketId ?? null;
  }

  /** The ticket of the newest message carrying one of these Message-IDs. */
  async findTicketIdByMessageIds(manager: EntityManager, messageIds: string[]): Promise<string | null> {
    if (!messageIds.length) return null;
    const row = await manager
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.ticket_id', 'ticketId')
      .where('m.message_id IN (:...messageIds)', { messageIds })
      .orderBy('m.created_at', 'DESC')
      .limit(1)
      .getRawOne<{ ticketId: string }>();
    return row?.ticketId ?? null;
  }

  /** The newest mail of a ticket that went out to the customer (sent, not bounced yet). */
  findNewestSentMessage(manager: EntityManager, ticketId: string): Promise<MessageEntity | null> {
    return manager.findOne(MessageEntity, { where: { ticketId, direction: 'outbound', deliveryState: 'sent' }, order: { createdAt: 'DESC' } });
  }

  /** Stores attachment bytes once per content (by SHA-256) and links them to the message. */
  async insertAttachments(manager: EntityManager, messageId: string, files: NewAttachment[]): Promise<void> {
    for (const file of files) {
      await manager.query(
        `INSERT INTO attachment_blobs (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
        [file.sha256, file.content.length, file.content],
      );
      await manager.insert(AttachmentEntity, {
        messageId,
        blobSha256: file.sha256,
        filename: file.filename,
        contentType: file.contentType,
        size: file.content.length,
        contentId: file.contentId,
        inline: file.inline,
      });
    }
  }

  findMessage(id: string): Promise<MessageEntity | null> {
    return this.dataSource.manager.findOneBy(MessageEntity, { id });
  }

  /**
   * A message with its ticket, the ticket's customer and whether it has
   * attachments, in one query (what sending it needs); null when gone.
   */
  async findWithTicketAndCustomer(
    id: string,
  ): Promise<{ message: MessageEntity; ticket: TicketEntity; customer: CustomerEntity; hasAttachments: boolean } | null> {
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(MessageEntity, 'm')
      .innerJoinAndMapOne('m.ticket', TicketEntity, 't', 't.id = m.ticket_id')
      .innerJoinAndMapOne('m.customer', CustomerEntity, 'c', 'c.id = t.customer_id')
      .addSelect('EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)', 'has_attachments')
      .where('m.id = :id', { id })
      .getRawAndEntities<{ has_attachments: boolean }>();
    const found = entities[0] as (MessageEntity & { ticket: TicketEntity; customer: CustomerEntity }) | undefined;
    if (!found) return null;
    const { ticket, customer, ...message } = found;
    return { message: Object.assign(new MessageEntity(), message), ticket, customer, hasAttachments: raw[0]?.has_attachments === true };
  }

  async updateMessageIn(manager: EntityManager, id: string, patch: Partial<MessageEntity>): Promise<void> {
    await manager.update(MessageEntity, { id }, patch);
  }

  async updateMessage(id: string, patch: Partial<MessageEntity>): Promise<void> {
    await this.dataSource.manager.update(MessageEntity, { id }, patch);
  }

  /** Marks a message sending unless it is sent (or bounced) already; false when there is nothing to send. */
  async claimForSending(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // Wrapped in a CTE so the driver answers plain rows (a bare UPDATE answers [rows, count]).
      `WITH claimed AS (
         UPDATE messages SET delivery_state = 'sending', delivery_attempts = delivery_attempts + 1
         WHERE id = $1 AND delivery_state IN ('queued', 'sending', 'failed') RETURNING id)
       SELECT id FROM claimed`,
      [id],
    );
    return rows.length > 0;
  }

  /** The customer's latest mail on the ticket: what a reply answers. */
  latestInbound(manager: EntityManager, ticketId: string): Promise<MessageEntity | null> {
    return manager.findOne(MessageEntity, {
      where: { ticketId, direction: 'inbound', automated: false },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Whether the ticket has an answer to the customer already (e.g. a rule's automatic answer). */
  hasCustomerAnswer(ticketId: string): Promise<boolean> {
    return this.dataSource.manager.exists(MessageEntity, { where: { ticketId, direction: 'outbound', purpose: 'conversation' } });
  }

  /** Outbound messages waiting to be sent, e.g. after a restart. */
  async pendingOutboundIds(limit: number): Promise<string[]> {
    const rows = await this.dataSource.manager.find(MessageEntity, {
      select: { id: true },
      where: [{ deliveryState: 'queued' }, { deliveryState: 'sending' }],
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  messagesOf(ticketId: string): Promise<MessageEntity[]> {
    return this.dataSource.manager.find(MessageEntity, { where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findAttachment(ticketId: string, attachmentId: string): Promise<AttachmentEntity | null> {
    return this.dataSource.manager
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .innerJoin(MessageEntity, 'm', 'm.id = a.message_id')
      .where('a.id = :attachmentId AND m.ticket_id = :ticketId', { attachmentId, ticketId })
      .getOne();
  }

  async attachmentContent(sha256: string): Promise<Buffer> {
    const rows: { content: Buffer }[] = await this.dataSource.query(`SELECT content FROM attachment_blobs WHERE sha256 = $1`, [sha256]);
    return rows[0].content;
  }

  attachmentsOf(messageIds: string[]): Promise<AttachmentEntity[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(AttachmentEntity, { where: { messageId: In(messageIds) }, order: { createdAt: 'ASC' } });
  }
}
