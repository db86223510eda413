import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, type TicketPriority } from '@okienko/domain';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** Only the fields present change; null clears name, queue, category, priority or reply name. */
export class UpdateInboundAddressDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({ allow_utf8_local_part: true })
  @MaxLength(254)
  address?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(200)
  replyFromName?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  autoAcknowledge?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Przyjęliśmy reklamację {{ticket.number}}', description: 'Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}; any other is refused (write \\{{ for literal braces).' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(300)
  acknowledgementSubject?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Placeholders: {{ticket.number}}, {{ticket.subject}}, {{customer.name}}, {{expected_response}}, {{faq_url}}, {{address.name}}; any other is refused (write \\{{ for literal braces).' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(20_000)
  acknowledgementBody?: string | null;
}
