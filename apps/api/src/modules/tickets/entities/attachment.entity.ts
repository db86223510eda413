import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to a message; its bytes live once in attachment_blobs, keyed by sha256. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'message_id' })
  messageId!: string;

  @Column('text', { name: 'blob_sha256' })
  blobSha256!: string;

  @Column('text')
  filename!: string;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;

  /** For inline images referenced as `cid:` from the HTML body. */
  @Column('text', { name: 'content_id', nullable: true })
  contentId!: string | null;

  @Column('boolean')
  inline!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
