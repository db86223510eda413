import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SavedViewFilters } from '../saved-view-filters.js';

/** A named set of ticket-list filters and sort, private to its owner or shared with everyone. */
@Entity('saved_views')
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_user_id' })
  ownerId!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  filters!: SavedViewFilters;

  @Column('boolean')
  shared!: boolean;

  @Column('integer')
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
