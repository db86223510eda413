import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InboundMailState = 'received' | 'processing' | 'processed' | 'failed';

/**
 * A mail exactly as it arrived over SMTP, stored before the listener answers
 * 250. Processing turns it into a ticket or a message; a mail that fails stays
 * here, visible and re-processable.
 */
@Entity('inbound_mails')
export class InboundMailEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  state!: InboundMailState;

  /** What processing made of it: new_ticket, appended, duplicate, bounce, bounce_unmatched, automated_unthreaded. */
  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('bytea', { select: false })
  raw!: Buffer;

  @Column('integer')
  size!: number;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'envelope_from', nullable: true })
  envelopeFrom!: string | null;

  @Column('text', { name: 'envelope_to', array: true })
  envelopeTo!: string[];

  @Column('text', { name: 'client_ip', nullable: true })
  clientIp!: string | null;

  @Column('text', { nullable: true })
  helo!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'processed_at', nullable: true })
  processedAt!: Date | null;

  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text', { name: 'from_address', nullable: true })
  fromAddress!: string | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('integer')
  attempts!: number;

  @Column('uuid', { name: 'ticket_id', nullable: true })
  ticketId!: string | null;
}
