import type { CustomerIdentityKind } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One way a customer is recognised (an e-mail, a phone number in E.164, a chat or shop id); unique per kind, source and value. */
@Entity('customer_identities')
export class CustomerIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'customer_id' })
  customerId!: string;

  @Column('text')
  kind!: CustomerIdentityKind;

  /** The outside system of an `external` identity; empty for the other kinds. */
  @Column('text')
  source!: string;

  /** Normalised: e-mail in lower case, phone in E.164. */
  @Column('text')
  value!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
