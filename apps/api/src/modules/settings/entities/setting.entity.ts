import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Installation-wide values the product generates or an admin sets at run time. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  value!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
