import { ApiProperty } from '@nestjs/swagger';
import { PRESENCE_STATES, type PresenceState } from './presence-input.dto.js';

export class PresenceEntryDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Anna Nowak' })
  name!: string;

  @ApiProperty({ enum: PRESENCE_STATES })
  state!: PresenceState;

  @ApiProperty({ format: 'date-time', description: 'When the entry lapses unless the agent sends another heartbeat.' })
  expiresAt!: string;
}

/** Who has a ticket open right now; also the data of the `presence` live event. */
export class PresenceDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ type: [PresenceEntryDto], description: 'Agents viewing or replying to the ticket, by name.' })
  agents!: PresenceEntryDto[];
}
