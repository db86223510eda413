import { ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '@okienko/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';

export class TemplateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words to find in the title or body; letter case and Polish diacritics do not matter.', example: 'faktura' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Templates offered in this queue: its own and those for every queue.' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGUAGES })
  @IsOptional()
  @IsIn(TEMPLATE_LANGUAGES)
  language?: TemplateLanguage;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only active templates; false: only switched-off ones; left out: both.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
