import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export class CallQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['ringing', 'answered', 'missed', 'ended'] })
  @IsOptional()
  @IsIn(['ringing', 'answered', 'missed', 'ended'])
  state?: 'ringing' | 'answered' | 'missed' | 'ended';

  @ApiPropertyOptional({ enum: ['in', 'out'] })
  @IsOptional()
  @IsIn(['in', 'out'])
  direction?: 'in' | 'out';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}
