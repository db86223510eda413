import type { SurveyKind } from '@okienko/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The satisfaction survey of one ticket (at most one per ticket), and the customer's answer once given. */
@Entity('surveys')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text')
  kind!: SurveyKind;

  /** The rule that sent it (null once that rule is deleted). */
  @Column('uuid', { name: 'rule_id', nullable: true })
  ruleId!: string | null;

  /** The mail that carried the link. */
  @Column('uuid', { name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  /** The link's expiry, as signed into it. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('smallint', { nullable: true })
  score!: number | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;
}
