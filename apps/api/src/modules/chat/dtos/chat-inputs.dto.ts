import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export class CreateChatSessionDto {
  @ApiPropertyOptional({ example: 'Jan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'jan@example.pl' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'HMAC-SHA256(widget secret, e-mail in lower case), hex, computed on the shop’s server for a logged-in customer' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  identityHash?: string;

  @ApiPropertyOptional({ description: 'The visitor id of an earlier session (kept by the widget): the chat continues their open ticket' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{10,64}$/, { message: 'visitorId must be the id an earlier session answered' })
  visitorId?: string;

  @ApiPropertyOptional({ enum: ['pl', 'en'], description: 'The visitor’s language (the widget’s): the transcript mail is written in it (default pl)' })
  @IsOptional()
  @IsIn(['pl', 'en'])
  language?: 'pl' | 'en';
}

export class ChatTextDto {
  @ApiProperty({ example: 'Dzień dobry, gdzie jest moja paczka?' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(5000)
  text!: string;
}

export class ChatTypingDto {
  @ApiProperty()
  @IsBoolean()
  typing!: boolean;
}

export class ChatTransferDto {
  @ApiProperty({ format: 'uuid', description: 'The colleague who takes the chat over' })
  @IsUUID()
  userId!: string;
}

export class ChatAvailabilityInputDto {
  @ApiProperty({ description: 'Available for chat (true) or away (false)' })
  @IsBoolean()
  available!: boolean;
}

export class ChatQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['waiting', 'active', 'ended'] })
  @IsOptional()
  @IsIn(['waiting', 'active', 'ended'])
  state?: 'waiting' | 'active' | 'ended';
}

export class OfflineMessageDto {
  @ApiPropertyOptional({ example: 'Jan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ example: 'jan@example.pl', description: 'Where the answer goes' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Proszę o kontakt w sprawie zamówienia 4521.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(5000)
  text!: string;
}
