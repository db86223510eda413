import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentEntity } from '../entities/attachment.entity.js';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'faktura.pdf' })
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'Bytes.' })
  size!: number;

  @ApiProperty({ description: 'SHA-256 of the content.' })
  sha256!: string;

  @ApiProperty({ description: 'An inline image of the HTML body.' })
  inline!: boolean;

  static from(attachment: AttachmentEntity): AttachmentDto {
    return {
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.blobSha256,
      inline: attachment.inline,
    };
  }
}
