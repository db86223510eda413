import { ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '@okienko/domain';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { TEMPLATE_PLACEHOLDER_HELP } from './create-template.dto.js';

/** A saved template (`templateId`) or unsaved text (`subject`, `body`), rendered for a ticket or with example values. */
export class PreviewTemplateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A saved template; `subject` and `body`, when given, replace its own (as in a reply).' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: `Unsaved subject. ${TEMPLATE_PLACEHOLDER_HELP}` })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiPropertyOptional({ description: `Unsaved body; required without templateId. ${TEMPLATE_PLACEHOLDER_HELP}` })
  @ValidateIf((o: PreviewTemplateDto) => o.templateId === undefined || o.body !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGUAGES, description: 'For dates in unsaved text; default: the saved template\'s language, else pl.' })
  @IsOptional()
  @IsIn(TEMPLATE_LANGUAGES)
  language?: TemplateLanguage;

  @ApiPropertyOptional({
    example: '2026-000123',
    description: 'The ticket (id or number) whose customer, number, queue, … fill the placeholders; without it, example values do.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i, {
    message: 'ticketId must be a ticket id (UUID) or number (e.g. 2026-000123)',
  })
  ticketId?: string;
}
