import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsAcceptablePassword } from './is-acceptable-password.js';
import type { UserRole } from '../entities/user.entity.js';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    minLength: 8,
    maxLength: 200,
    description: 'A new password signs the user out everywhere. Not whitespace only and not one of the 10,000 most common passwords.',
  })
  @IsOptional()
  @IsAcceptablePassword()
  password?: string;

  @ApiPropertyOptional({ enum: ['admin', 'agent'] })
  @IsOptional()
  @IsIn(['admin', 'agent'])
  role?: UserRole;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: "The user's reply signature (placeholders such as {{agent.name}}, {{queue.name}}); null or empty: the queue's." })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(2000)
  signature?: string | null;

  @ApiPropertyOptional({ enum: ['pl', 'en'] })
  @IsOptional()
  @IsIn(['pl', 'en'])
  locale?: string;

  @ApiPropertyOptional({ description: 'false: the user can no longer sign in; their open tickets go back to their queues (or to `absenceSubstituteId`).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'true: the user is away and gets no new tickets; their open tickets go back to their queues (or to `absenceSubstituteId`).' })
  @IsOptional()
  @IsBoolean()
  absent?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only with `absent: true` or `active: false`: the active, present user who takes over their open tickets instead of the queues.',
  })
  @IsOptional()
  @IsUUID()
  absenceSubstituteId?: string;
}
