import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Attachment bytes, stored once however many messages carry the same file. */
@Entity('attachment_blobs')
export class AttachmentBlobEntity {
  @PrimaryColumn('text')
  sha256!: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;

  @Column('bytea', { select: false })
  content!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
