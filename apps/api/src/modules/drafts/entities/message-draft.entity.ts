import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an agent is writing on a ticket and has not sent yet: one per agent and ticket. */
@Entity('message_drafts')
export class MessageDraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  type!: 'reply' | 'note';

  @Column('text')
  body!: string;

  @Column('text', { nullable: true })
  html!: string | null;

  @Column('text', { name: 'to_addresses', array: true })
  toAddresses!: string[];

  @Column('text', { name: 'cc_addresses', array: true })
  ccAddresses!: string[];

  @Column('text', { name: 'bcc_addresses', array: true })
  bccAddresses!: string[];

  @Column('uuid', { name: 'channel_id', nullable: true })
  channelId!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
