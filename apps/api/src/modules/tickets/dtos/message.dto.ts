import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES, MESSAGE_DIRECTIONS, type DeliveryState, type MessageDirection } from '@okienko/domain';
import { ChannelRefDto } from '../../channels/dtos/channel-ref.dto.js';
import type { AttachmentEntity } from '../entities/attachment.entity.js';
import type { MessageEntity } from '../entities/message.entity.js';
import { inlineImageUrls } from '../inline-image-urls.js';
import { AttachmentDto } from './attachment.dto.js';
import { SenderAuthenticationDto } from './sender-authentication.dto.js';

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MESSAGE_DIRECTIONS, description: 'inbound: from the customer; outbound: a reply to them; note: internal.' })
  direction!: MessageDirection;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorUserId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorCustomerId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorApiTokenId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  fromAddress!: string | null;

  @ApiProperty({ type: [String] })
  toAddresses!: string[];

  @ApiProperty({ type: [String], description: 'Copies: of an inbound mail, its Cc header; of a reply, who got a copy.' })
  ccAddresses!: string[];

  @ApiProperty({ type: [String], description: 'Blind copies of a reply (sent in the envelope only); empty for other messages.' })
  bccAddresses!: string[];

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty()
  bodyText!: string;

  @ApiProperty({ type: String, nullable: true, description: 'For mail: the new text of a reply without the quoted history.' })
  visibleText!: string | null;

  @ApiProperty({ description: 'Sent or received by a machine: auto-replies, bounces, mailing lists, acknowledgements.' })
  automated!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Sanitised HTML, safe to render. Inline images (`cid:`) of mail point at the URL of their attachment, ' +
      '`/api/v1/tickets/{id}/attachments/{attachmentId}` (fetch it with the bearer token).',
  })
  bodyHtml!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The e-mail Message-ID.' })
  messageId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  inReplyTo!: string | null;

  @ApiProperty({ type: [String] })
  references!: string[];

  @ApiProperty({ enum: DELIVERY_STATES })
  deliveryState!: DeliveryState;

  @ApiProperty({ type: String, nullable: true, description: 'Why sending failed.' })
  deliveryError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the relay accepted the mail.' })
  sentAt!: string | null;

  @ApiProperty({ type: [AttachmentDto] })
  attachments!: AttachmentDto[];

  @ApiProperty({
    type: ChannelRefDto,
    description: 'The channel the message came in on (the first of our addresses a mail reached) or went out on (a reply: the channel it was sent on).',
  })
  channel!: ChannelRefDto;

  @ApiProperty({
    type: SenderAuthenticationDto,
    nullable: true,
    description: 'For inbound mail: what the SPF, DKIM and DMARC checks found of the sender (null when not checked).',
  })
  authentication!: SenderAuthenticationDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  /** `channelName`: the name of the message's channel (null without one). */
  static from(message: MessageEntity, attachments: AttachmentEntity[] = [], channelName: string | null = null): MessageDto {
    return {
      id: message.id,
      direction: message.direction,
      authorUserId: message.authorUserId,
      authorCustomerId: message.authorCustomerId,
      authorApiTokenId: message.authorApiTokenId,
      fromAddress: message.fromAddress,
      toAddresses: message.toAddresses,
      ccAddresses: message.ccAddresses,
      bccAddresses: message.bccAddresses ?? [],
      subject: message.subject,
      bodyText: message.bodyText,
      visibleText: message.visibleText,
      automated: message.automated,
      // Inline images (cid:) point at their attachment's URL, which a browser can load with the bearer token.
      bodyHtml: message.bodyHtml === null ? null : inlineImageUrls(message.bodyHtml, message.ticketId, attachments),
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      deliveryState: message.deliveryState,
      deliveryError: message.deliveryError,
      sentAt: message.sentAt?.toISOString() ?? null,
      attachments: attachments.map(AttachmentDto.from),
      channel: { id: message.channelId, type: message.channelType, name: message.channelId ? channelName : null },
      authentication: message.authentication ? SenderAuthenticationDto.from(message.authentication) : null,
      createdAt: message.createdAt.toISOString(),
    };
  }
}
