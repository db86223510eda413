import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../webhook-event-types.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://integracje.sklep.pl/okienko', description: 'Where the events are POSTed (http or https; private addresses only with WEBHOOKS_ALLOW_PRIVATE_NETWORKS).' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['ticket.created', 'message.created'], description: 'The events sent to the endpoint.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each of events must be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Synchronizacja z ERP', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ default: true, description: 'An inactive endpoint gets no events.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Whether message.created is also sent for internal notes.' })
  @IsOptional()
  @IsBoolean()
  includeNotes?: boolean;
}
