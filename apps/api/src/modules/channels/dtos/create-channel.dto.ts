import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, TICKET_PRIORITIES, type ChannelType, type TicketPriority } from '@okienko/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsSettingsObject } from './is-settings-object.js';

/** The types created here; `email` channels come with the inbound addresses. */
export const CREATABLE_CHANNEL_TYPES = CHANNEL_TYPES.filter((t) => t !== 'email');

export class CreateChannelDto {
  @ApiProperty({
    enum: CREATABLE_CHANNEL_TYPES,
    description: 'What kind of channel. E-mail channels are not created here: add an inbound address (/inbound-addresses) and its channel appears.',
  })
  @IsIn(CREATABLE_CHANNEL_TYPES, {
    message: `type must be one of: ${CREATABLE_CHANNEL_TYPES.join(', ')} (e-mail channels are created by adding an inbound address)`,
  })
  type!: Exclude<ChannelType, 'email'>;

  @ApiProperty({ example: 'Formularz reklamacji', description: 'Shown to agents on every message of the channel.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Queue of new tickets from the channel; the default queue when null.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Category of new tickets from the channel.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true, description: 'Priority of new tickets from the channel; normal when null.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {},
    description: "What the channel's adapter needs (a JSON object of at most 16 KiB); {} when left out.",
  })
  @IsOptional()
  @IsSettingsObject()
  settings?: Record<string, unknown>;

  @ApiPropertyOptional({ default: true, description: 'An inactive channel takes no new messages.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
