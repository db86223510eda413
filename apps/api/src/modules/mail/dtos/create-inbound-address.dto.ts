import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, type TicketPriority } from '@okienko/domain';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateInboundAddressDto {
  @ApiProperty({ example: 'reklamacje@sklep.pl', description: 'Mail to this address (forwarded to Okienko) becomes tickets.' })
  @IsEmail({ allow_utf8_local_part: true })
  @MaxLength(254)
  address!: string;

  @ApiPropertyOptional({ example: 'Reklamacje' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ example: 'Sklep Kowalski — Reklamacje' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  replyFromName?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  autoAcknowledge?: boolean;

  @ApiPropertyOptional({ type: String, example: 'Przyjęliśmy reklamację {{ticket.number}}', description: 'Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}; any other is refused (write \\{{ for literal braces).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  acknowledgementSubject?: string;

  @ApiPropertyOptional({ type: String, description: 'Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}; any other is refused (write \\{{ for literal braces).' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  acknowledgementBody?: string;
}
