import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelType, DeliveryState, MessageDirection, MessagePurpose, SenderAuthentication } from '@okienko/domain';

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text')
  direction!: MessageDirection;

  @Column('uuid', { name: 'author_user_id', nullable: true })
  authorUserId!: string | null;

  @Column('uuid', { name: 'author_customer_id', nullable: true })
  authorCustomerId!: string | null;

  @Column('uuid', { name: 'author_api_token_id', nullable: true })
  authorApiTokenId!: string | null;

  @Column('text', { name: 'from_address', nullable: true })
  fromAddress!: string | null;

  @Column('text', { name: 'to_addresses', array: true })
  toAddresses!: string[];

  @Column('text', { name: 'cc_addresses', array: true })
  ccAddresses!: string[];

  /** For outbound mail: blind copies (in the SMTP envelope, never in the headers). */
  @Column('text', { name: 'bcc_addresses', array: true, default: () => "'{}'" })
  bccAddresses!: string[];

  /** For inbound mail: its Reply-To addresses when they are not its From address (answers go there); empty otherwise. */
  @Column('text', { name: 'reply_to_addresses', array: true, default: () => "'{}'" })
  replyToAddresses!: string[];

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text', { name: 'body_text' })
  bodyText!: string;

  /** Already sanitised: safe to render. */
  @Column('text', { name: 'body_html', nullable: true })
  bodyHtml!: string | null;

  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('text', { name: 'in_reply_to', nullable: true })
  inReplyTo!: string | null;

  @Column('text', { array: true })
  references!: string[];

  @Column('text', { name: 'delivery_state' })
  deliveryState!: DeliveryState;

  @Column('text', { name: 'delivery_error', nullable: true })
  deliveryError!: string | null;

  /** For mail: the new text of a reply, without the quoted history (bodyText keeps everything). */
  @Column('text', { name: 'visible_text', nullable: true })
  visibleText!: string | null;

  /** Sent or received by a machine: auto-replies, bounces, mailing lists, our own acknowledgements. */
  @Column('boolean')
  automated!: boolean;

  /** `conversation` (with the customer), or mail a rule sent elsewhere: a `forward`ed copy, a `notification` to agents. */
  @Column('text', { default: 'conversation' })
  purpose!: MessagePurpose;

  @Column('uuid', { name: 'inbound_mail_id', nullable: true })
  inboundMailId!: string | null;

  /** For inbound mail: what the SPF, DKIM and DMARC checks found of the sender (null when not checked). */
  @Column('jsonb', { nullable: true })
  authentication!: SenderAuthentication | null;

  /** The channel the message came in on or went out on (null: none of ours, e.g. a note or mail to no inbound address). */
  @Column('uuid', { name: 'channel_id', nullable: true })
  channelId!: string | null;

  /** The type of that channel; kept when the channel is deleted. */
  @Column('text', { name: 'channel_type', default: 'email' })
  channelType!: ChannelType;

  /** The channel's own id of the conversation (a chat session, a marketplace thread); null for e-mail. */
  @Column('text', { name: 'external_thread_id', nullable: true })
  externalThreadId!: string | null;

  /** The channel's own id of the message, unique per channel; e-mail keeps its Message-ID in `messageId`. */
  @Column('text', { name: 'external_message_id', nullable: true })
  externalMessageId!: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('integer', { name: 'delivery_attempts' })
  deliveryAttempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
