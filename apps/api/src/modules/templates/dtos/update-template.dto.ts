import { ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_LANGUAGES, TEMPLATE_SLUG_PATTERN, type TemplateLanguage } from '@okienko/domain';
import { IsBoolean, IsDefined, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { TEMPLATE_PLACEHOLDER_HELP } from './create-template.dto.js';

const present = (_: object, value: unknown) => value !== undefined;
const notNull = { message: '$property cannot be null' };

/** Only the fields present change; null clears the subject or the queue scope (and nothing else). */
export class UpdateTemplateDto {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'Rules and scripts may find the template by its slug: change it with care.' })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsString()
  @MaxLength(80)
  @Matches(TEMPLATE_SLUG_PATTERN, { message: 'slug must be lowercase letters and digits in words joined by single dashes, e.g. order-status' })
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: `null: replies keep "Re: <ticket subject>". ${TEMPLATE_PLACEHOLDER_HELP}` })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiPropertyOptional({ description: `Plain text. ${TEMPLATE_PLACEHOLDER_HELP}` })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGUAGES })
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsIn(TEMPLATE_LANGUAGES)
  language?: TemplateLanguage;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: offered in every queue.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsDefined(notNull)
  @IsBoolean()
  active?: boolean;
}
