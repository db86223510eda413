import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { UserRole } from '../../users/entities/user.entity.js';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Shop integration', description: 'What the token is for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: ['admin', 'agent'], default: 'agent', description: 'What the token may do, as for a user.' })
  @IsOptional()
  @IsIn(['admin', 'agent'])
  role?: UserRole;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the token stops working; never when absent.' })
  @IsOptional()
  @IsDateString()
  expiresAt?: string;
}
