import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@okienko/domain';

/** Which channel a message came in on or went out on. */
export class ChannelRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when the message is on none of our channels (a note, mail that reached none of our addresses) or the channel was deleted.' })
  id!: string | null;

  @ApiProperty({ enum: CHANNEL_TYPES, description: 'The type of the channel; kept when the channel is deleted.' })
  type!: ChannelType;

  @ApiProperty({ type: String, nullable: true, example: 'Reklamacje', description: 'The channel\'s name (for e-mail: the address\'s name or the address); null without a channel.' })
  name!: string | null;
}
