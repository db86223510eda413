import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** What the agent has written so far; saved as it is (addresses are checked on sending, not here). */
export class SaveDraftDto {
  @ApiProperty({ enum: ['reply', 'note'], description: 'Whether it is becoming a reply to the customer or an internal note.' })
  @IsIn(['reply', 'note'])
  type!: 'reply' | 'note';

  @ApiProperty({ description: 'The plain text written so far (may be empty).', example: 'Dzień dobry, sprawdzamy' })
  @IsString()
  @MaxLength(1_000_000)
  body!: string;

  @ApiPropertyOptional({ description: 'The rich-text version, as the editor holds it.' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000_000)
  html?: string;

  @ApiPropertyOptional({ type: [String], description: 'To of the reply.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  toAddresses?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Cc of the reply.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  ccAddresses?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Bcc of the reply.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  bccAddresses?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The channel the reply is to go out on (one of the reply targets).' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
