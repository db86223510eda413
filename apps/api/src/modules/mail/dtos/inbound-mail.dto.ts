import { ApiProperty } from '@nestjs/swagger';
import type { InboundMailEntity, InboundMailState } from '../entities/inbound-mail.entity.js';

export class InboundMailDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: ['received', 'processing', 'processed', 'failed'],
    description: 'received: waiting, or on its first attempt; processing: being tried again (after a failure or a restart); processed; failed (see `error`).',
  })
  state!: InboundMailState;

  @ApiProperty({ type: String, nullable: true, description: 'new_ticket, appended, duplicate, bounce, bounce_unmatched (a bounce of no mail of ours) or automated_unthreaded (an auto-reply to nothing we know).' })
  outcome!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SMTP envelope sender (MAIL FROM); empty for bounces.' })
  envelopeFrom!: string | null;

  @ApiProperty({ type: [String], description: 'SMTP envelope recipients (RCPT TO).' })
  envelopeTo!: string[];

  @ApiProperty({ type: String, nullable: true })
  clientIp!: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt!: string | null;

  @ApiProperty({ description: 'Bytes.' })
  size!: number;

  @ApiProperty({ type: String, nullable: true })
  messageId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ type: String, nullable: true })
  fromAddress!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why processing failed.' })
  error!: string | null;

  @ApiProperty({ description: 'Attempts to turn the mail into a ticket: the first is counted when its outcome is recorded, each later one when it starts.' })
  attempts!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;

  static from(m: InboundMailEntity): InboundMailDto {
    return {
      id: m.id,
      state: m.state,
      outcome: m.outcome,
      envelopeFrom: m.envelopeFrom,
      envelopeTo: m.envelopeTo,
      clientIp: m.clientIp,
      receivedAt: m.receivedAt.toISOString(),
      processedAt: m.processedAt?.toISOString() ?? null,
      size: m.size,
      messageId: m.messageId,
      subject: m.subject,
      fromAddress: m.fromAddress,
      error: m.error,
      attempts: m.attempts,
      ticketId: m.ticketId,
    };
  }
}

export class InboundMailListDto {
  @ApiProperty({ type: [InboundMailDto] })
  items!: InboundMailDto[];

  @ApiProperty()
  total!: number;
}
