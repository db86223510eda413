import { ApiPropertyOptional } from '@nestjs/swagger';
import { RULE_TRIGGERS, type RuleTrigger } from '@okienko/routing';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class RuleQueryDto {
  @ApiPropertyOptional({ enum: RULE_TRIGGERS })
  @IsOptional()
  @IsIn(RULE_TRIGGERS)
  trigger?: RuleTrigger;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  enabled?: boolean;
}
