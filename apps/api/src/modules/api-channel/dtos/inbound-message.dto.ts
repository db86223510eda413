import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBase64, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';

export class InboundIdentityDto {
  @ApiProperty({ enum: ['email', 'phone', 'chat', 'allegro', 'external'], example: 'phone' })
  @IsString()
  @MaxLength(20)
  kind!: string;

  @ApiProperty({ example: '+48 600 100 200' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  value!: string;

  @ApiPropertyOptional({ example: 'whatsapp', description: 'For chat and external identities: which system the id belongs to (the channel name when left out).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}

export class InboundSenderDto {
  @ApiPropertyOptional({ example: 'Anna Nowak' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ type: [InboundIdentityDto], description: 'Any of these finds the customer; new ones are added to them.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InboundIdentityDto)
  identities!: InboundIdentityDto[];
}

export class InboundAttachmentDto {
  @ApiProperty({ example: 'paragon.jpg' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename!: string;

  @ApiProperty({ example: 'image/jpeg' })
  @IsString()
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a media type such as image/jpeg' })
  @MaxLength(200)
  contentType!: string;

  @ApiProperty({ description: 'The file in base64.' })
  @IsString()
  @IsBase64()
  contentBase64!: string;
}

/** A customer's message as a bridge (Messenger, WhatsApp, a shop's widget) posts it. */
export class InboundMessageDto {
  @ApiProperty({ example: 'wa-48600100200', description: "The source's conversation: its messages join the same ticket while it is open." })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  externalThreadId!: string;

  @ApiProperty({ example: 'wamid.HBgLNDg2MDAxMDAyMDA', description: 'The message id in the source: posting it again answers 200 with the first answer, nothing stored twice.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  externalMessageId!: string;

  @ApiProperty({ type: InboundSenderDto })
  @ValidateNested()
  @Type(() => InboundSenderDto)
  sender!: InboundSenderDto;

  @ApiPropertyOptional({ example: 'Zwrot butów', description: "The ticket's subject for a new conversation (the text's first line when left out)." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  subject?: string;

  @ApiProperty({ example: 'Dzień dobry, chcę zwrócić buty z zamówienia 1042.' })
  @IsString()
  @MaxLength(1_000_000)
  text!: string;

  @ApiPropertyOptional({ description: 'The message as HTML (sanitised before it is stored).' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000_000)
  html?: string;

  @ApiPropertyOptional({ type: [InboundAttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InboundAttachmentDto)
  attachments?: InboundAttachmentDto[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the customer wrote it in the source.' })
  @IsOptional()
  @IsISO8601()
  occurredAt?: string;
}

export class InboundMessageResultDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: '2026-000123' })
  ticketNumber!: string;

  @ApiProperty({ format: 'uuid' })
  messageId!: string;
}
