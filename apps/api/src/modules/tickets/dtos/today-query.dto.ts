import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export const TODAY_SCOPES = ['mine', 'team', 'all'] as const;
export type TodayScope = (typeof TODAY_SCOPES)[number];

export class TodayQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TODAY_SCOPES, default: 'mine', description: "mine: assigned to me; team: in the queues I am a member or lead of; all: every ticket." })
  @IsOptional()
  @IsIn(TODAY_SCOPES)
  scope?: TodayScope;
}
