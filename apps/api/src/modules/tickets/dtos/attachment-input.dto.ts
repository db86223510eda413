import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsBase64Content } from './is-base64-content.js';

/** A file sent with a reply, its bytes in base64. */
export class AttachmentInputDto {
  @ApiProperty({ example: 'etykieta-zwrotna.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a MIME type such as application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'The file, base64-encoded (at most 10 MB per request in all).' })
  @IsBase64Content()
  @MaxLength(14_000_000)
  contentBase64!: string;
}
