import type { ChannelType, TicketPriority } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A way customers reach the team: an e-mail address, a web form, a chat, a phone line, an API client, a marketplace
 * account. New tickets from it go to its queue and category with its priority. E-mail channels mirror the inbound
 * addresses (one each, `inboundAddressId`) and are changed through them.
 */
@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  type!: ChannelType;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId!: string | null;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('text', { nullable: true })
  priority!: TicketPriority | null;

  /** What the channel's adapter needs (for e-mail: `{address}`). */
  @Column('jsonb', { default: () => "'{}'" })
  settings!: Record<string, unknown>;

  /** Random and url-safe: how public endpoints of the channel (forms, chat widgets) name it. */
  @Column('text')
  key!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  /** For e-mail channels: the inbound address the channel mirrors. */
  @Column('uuid', { name: 'inbound_address_id', nullable: true })
  inboundAddressId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
