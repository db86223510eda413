import type { CustomerLanguage } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('customers')
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  /** The primary address; unique regardless of letter case. */
  @Column('text', { nullable: true })
  email!: string | null;

  /** Further addresses the same person writes from. */
  @Column('text', { array: true })
  emails!: string[];

  @Column('text', { array: true })
  phones!: string[];

  /** Identifiers in other systems, e.g. `{ "shop": "C-1042", "allegro": "jan_k" }`. */
  @Column('jsonb', { name: 'external_ids' })
  externalIds!: Record<string, string>;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text', { nullable: true })
  notes!: string | null;

  /** What acknowledgements, automatic answers and surveys are written in; null until their first message was judged. */
  @Column('text', { nullable: true })
  language!: CustomerLanguage | null;

  /** Set while this customer is merged into another: readers follow it to the customer that holds their tickets now. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @Column('timestamptz', { name: 'merged_at', nullable: true })
  mergedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
