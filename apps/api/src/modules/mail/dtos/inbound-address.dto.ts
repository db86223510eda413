import { ApiProperty } from '@nestjs/swagger';
import { TICKET_PRIORITIES, type TicketPriority } from '@okienko/domain';
import type { InboundAddressEntity } from '../entities/inbound-address.entity.js';

export class InboundAddressDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'reklamacje@sklep.pl' })
  address!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Reklamacje' })
  name!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Without one, mail goes to the default queue.' })
  queueId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ enum: TICKET_PRIORITIES, nullable: true, description: 'Priority of new tickets; normal when null.' })
  priority!: TicketPriority | null;

  @ApiProperty({ type: String, nullable: true, example: 'Sklep Kowalski — Reklamacje', description: 'Display name of replies sent from this address.' })
  replyFromName!: string | null;

  @ApiProperty({ description: 'Send an acknowledgement with the ticket number to people who open a ticket here.' })
  autoAcknowledge!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Subject of the acknowledgement; the built-in one when null. Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}.' })
  acknowledgementSubject!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Text of the acknowledgement; the built-in Polish text when null. Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}.' })
  acknowledgementBody!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(a: InboundAddressEntity): InboundAddressDto {
    return {
      id: a.id,
      address: a.address,
      name: a.name,
      queueId: a.queueId,
      categoryId: a.categoryId,
      priority: a.priority,
      replyFromName: a.replyFromName,
      autoAcknowledge: a.autoAcknowledge,
      acknowledgementSubject: a.acknowledgementSubject,
      acknowledgementBody: a.acknowledgementBody,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class InboundAddressListDto {
  @ApiProperty({ type: [InboundAddressDto] })
  items!: InboundAddressDto[];

  @ApiProperty()
  total!: number;
}
