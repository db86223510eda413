import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, TICKET_PRIORITIES, type ChannelType, type TicketPriority } from '@okienko/domain';
import type { ChannelEntity } from '../entities/channel.entity.js';

export class ChannelDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: CHANNEL_TYPES })
  type!: ChannelType;

  @ApiProperty({ example: 'Reklamacje', description: "For e-mail channels: the inbound address's name, or the address." })
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Queue of new tickets; the default queue when null.' })
  queueId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ enum: TICKET_PRIORITIES, nullable: true, description: 'Priority of new tickets; normal when null.' })
  priority!: TicketPriority | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { address: 'reklamacje@sklep.pl' }, description: "What the channel's adapter needs; e-mail channels: {address}." })
  settings!: Record<string, unknown>;

  @ApiProperty({ example: 'm2kU1xQ0Jc3T1y8ZC7mHfJ2p4y3Zr0eWq9nS5vB6aXo', description: 'Random, url-safe: how public endpoints of the channel (forms, chat widgets) name it.' })
  key!: string;

  @ApiProperty({ description: 'An inactive channel takes no new messages.' })
  active!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'E-mail channels: the inbound address they mirror (change it through /inbound-addresses).' })
  inboundAddressId!: string | null;

  @ApiPropertyOptional({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'API channels: the signing secret, in the answer of POST /channels only (shown once).' })
  secret?: string;

  @ApiPropertyOptional({ enum: ['new', 'authorizing', 'connected', 'error'], description: "Allegro channels: the account's connection." })
  status?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Allegro channels: the last successful read of the message centre.' })
  lastReadAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Allegro channels: the last error (null after a successful read).' })
  lastError?: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(c: ChannelEntity): ChannelDto {
    return {
      id: c.id,
      type: c.type,
      name: c.name,
      queueId: c.queueId,
      categoryId: c.categoryId,
      priority: c.priority,
      settings: c.settings,
      key: c.key,
      active: c.active,
      inboundAddressId: c.inboundAddressId,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelDto] })
  items!: ChannelDto[];

  @ApiProperty()
  total!: number;
}
