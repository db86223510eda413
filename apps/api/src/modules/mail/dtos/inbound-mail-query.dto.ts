import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type { InboundMailState } from '../entities/inbound-mail.entity.js';

export class InboundMailQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['received', 'processing', 'processed', 'failed'] })
  @IsOptional()
  @IsIn(['received', 'processing', 'processed', 'failed'])
  state?: InboundMailState;
}
