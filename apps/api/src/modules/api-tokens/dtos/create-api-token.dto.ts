import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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

  @ApiPropertyOptional({
    type: [String], format: 'uuid', default: [],
    description: 'The queues an agent-role token works in: it sees and changes the tickets of these queues only; without any it sees no tickets. Admin tokens see every ticket.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  queueIds?: string[];
}
