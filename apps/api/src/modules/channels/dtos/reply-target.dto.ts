import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@okienko/domain';

/** Where a reply on a ticket may go. */
export class ReplyTargetDto {
  @ApiProperty({
    type: String, format: 'uuid', nullable: true,
    description: 'Pass it as channelId of the reply to send it here. Null: e-mail from the address the ticket came to (or the default sender), chosen by leaving channelId out.',
  })
  channelId!: string | null;

  @ApiProperty({ enum: CHANNEL_TYPES })
  type!: ChannelType;

  @ApiProperty({ example: 'Reklamacje', description: 'The channel\'s name; for e-mail without a channel, the address the reply is sent from.' })
  name!: string;

  @ApiProperty({ example: 'jan.kowalski@example.com', description: 'Who gets the reply on this channel (e-mail: the addresses, comma-separated).' })
  recipient!: string;

  @ApiProperty({ description: 'The target a reply without channelId takes: the channel of the customer\'s last message (automatic mail aside).' })
  isDefault!: boolean;

  @ApiProperty({ description: 'False when replies on this channel type cannot be sent yet (the reply would be marked failed); listed because it is the default.' })
  canSend!: boolean;

  @ApiProperty({
    type: String, format: 'date-time', nullable: true,
    description: 'When the channel\'s reply window closes: the customer\'s last message on it plus the channel\'s settings.replyWindowHours (API channels, ' +
      'e.g. 24 for WhatsApp). After it the channel may refuse the reply (the panel warns before the agent writes). Null: the channel has no reply window.',
  })
  replyWindowEndsAt!: string | null;
}
