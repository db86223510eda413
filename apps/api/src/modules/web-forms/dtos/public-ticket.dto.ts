import { ApiProperty } from '@nestjs/swagger';
import { FORM_LANGUAGES, TICKET_STATUSES, type FormLanguage, type TicketStatus } from '@okienko/domain';
import type { TicketStatusView } from '../status-links.service.js';

export class PublicAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

export class PublicMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['customer', 'team'] }) from!: 'customer' | 'team';
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [PublicAttachmentDto] }) attachments!: PublicAttachmentDto[];
}

export class PublicTicketDto {
  @ApiProperty({ example: '2026-000123' }) ticketNumber!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty({ example: 'Przyjęte, czeka na odpowiedź', description: 'The status in the link\'s language.' }) statusLabel!: string;
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: FormLanguage;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'w ciągu 1 dnia roboczego', description: 'While the first answer is awaited.' })
  expectedResponse!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The first answer is due by then (the SLA policy), while awaited.' })
  expectedResponseBy!: string | null;
  @ApiProperty({ type: [PublicMessageDto], description: 'The conversation, oldest first; internal notes are never shown.' }) messages!: PublicMessageDto[];

  static from(v: TicketStatusView): PublicTicketDto {
    return {
      ticketNumber: v.ticketNumber, subject: v.subject, status: v.status, statusLabel: STATUS_LABELS[v.language][v.status], language: v.language,
      createdAt: v.createdAt.toISOString(), expectedResponse: v.expectedResponse, expectedResponseBy: v.expectedResponseBy?.toISOString() ?? null,
      messages: v.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    };
  }
}

export const STATUS_LABELS: Record<FormLanguage, Record<TicketStatus, string>> = {
  pl: {
    new: 'Przyjęte, czeka na odpowiedź', open: 'W trakcie', waiting_customer: 'Czekamy na Twoją odpowiedź',
    waiting_third_party: 'Czekamy na odpowiedź innej firmy', resolved: 'Rozwiązane', closed: 'Zamknięte',
  },
  en: {
    new: 'Received, awaiting an answer', open: 'In progress', waiting_customer: 'Waiting for your reply',
    waiting_third_party: 'Waiting for another company', resolved: 'Resolved', closed: 'Closed',
  },
};

export class PublicMessageCreatedDto {
  @ApiProperty({ format: 'uuid' }) messageId!: string;
}
