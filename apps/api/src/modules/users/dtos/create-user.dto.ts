import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from './is-acceptable-password.js';
import type { UserRole } from '../entities/user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'anna.nowak@sklep.pl' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Nowak' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 8, maxLength: 200, description: 'Not whitespace only and not one of the 10,000 most common passwords.' })
  @IsAcceptablePassword()
  password!: string;

  @ApiPropertyOptional({ enum: ['admin', 'agent'], default: 'agent' })
  @IsOptional()
  @IsIn(['admin', 'agent'])
  role?: UserRole;

  @ApiPropertyOptional({ enum: ['pl', 'en'], default: 'pl' })
  @IsOptional()
  @IsIn(['pl', 'en'])
  locale?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
