import type { TemplateLanguage } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A canned response: a title for agents, an optional subject and a body with placeholders. */
@Entity('templates')
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique and stable (rules and scripts find seeded templates by it), e.g. `order-status`. */
  @Column('text')
  slug!: string;

  @Column('text')
  title!: string;

  /** When set, what a reply with this template is titled; otherwise the reply keeps `Re: <ticket subject>`. */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text')
  body!: string;

  @Column('text')
  language!: TemplateLanguage;

  /** Set on a version in another language of the template it names: automatic answers pick the customer's language. */
  @Column('uuid', { name: 'variant_of', nullable: true })
  variantOf!: string | null;

  /** The queue the template is offered in; null: every queue. */
  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId!: string | null;

  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
