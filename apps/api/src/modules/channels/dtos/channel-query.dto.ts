import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '@okienko/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export class ChannelQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANNEL_TYPES, description: 'Only channels of this type.' })
  @IsOptional()
  @IsIn(CHANNEL_TYPES)
  type?: ChannelType;
}
