import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const PRESENCE_STATES = ['viewing', 'replying'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export class PresenceInputDto {
  @ApiProperty({ enum: PRESENCE_STATES, description: 'viewing: the ticket is open; replying: a reply or note is being written.' })
  @IsIn(PRESENCE_STATES)
  state!: PresenceState;
}
