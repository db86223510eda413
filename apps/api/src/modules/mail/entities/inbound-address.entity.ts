import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TicketPriority } from '@okienko/domain';

/** An address Okienko receives mail for (biuro@, reklamacje@), and where its tickets go. */
@Entity('inbound_addresses')
export class InboundAddressEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  address!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId!: string | null;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('text', { nullable: true })
  priority!: TicketPriority | null;

  /** The display name of replies sent from this address, e.g. "Sklep Kowalski — Reklamacje". */
  @Column('text', { name: 'reply_from_name', nullable: true })
  replyFromName!: string | null;

  @Column('boolean', { name: 'auto_acknowledge' })
  autoAcknowledge!: boolean;

  /** The acknowledgement's own wording (placeholders like {{ticket.number}}); the built-in text when null. */
  @Column('text', { name: 'acknowledgement_subject', nullable: true })
  acknowledgementSubject!: string | null;

  @Column('text', { name: 'acknowledgement_body', nullable: true })
  acknowledgementBody!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
