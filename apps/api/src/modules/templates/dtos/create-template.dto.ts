import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEMPLATE_LANGUAGES, TEMPLATE_SLUG_PATTERN, type TemplateLanguage } from '@okienko/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const TEMPLATE_PLACEHOLDER_HELP =
  'Placeholders: {{customer.name}}, {{customer.email}}, {{ticket.number}}, {{ticket.subject}}, {{ticket.createdAt}}, {{agent.name}}, ' +
  '{{queue.name}} (GET /templates/placeholders lists them); an unknown one is refused. Write \\{{ for literal braces.';

export class CreateTemplateDto {
  @ApiProperty({ example: 'Status zamówienia', description: 'What agents pick the template by.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    example: 'order-status', maxLength: 80,
    description: 'Unique, stable name for rules and scripts (lowercase words joined by dashes); made from the title when left out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(TEMPLATE_SLUG_PATTERN, { message: 'slug must be lowercase letters and digits in words joined by single dashes, e.g. order-status' })
  slug?: string;

  @ApiPropertyOptional({
    type: String, nullable: true, example: 'Twoje zamówienie – zgłoszenie {{ticket.number}}',
    description: `Subject of a reply with this template; without one the reply keeps "Re: <ticket subject>". ${TEMPLATE_PLACEHOLDER_HELP}`,
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiProperty({ example: 'Dzień dobry {{customer.name}},\n\nsprawdziliśmy Państwa zamówienie…', description: `Plain text. ${TEMPLATE_PLACEHOLDER_HELP}` })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body!: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGUAGES, default: 'pl' })
  @IsOptional()
  @IsIn(TEMPLATE_LANGUAGES)
  language?: TemplateLanguage;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Offered only in this queue; null or left out: in every queue.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ default: true, description: 'false: no longer offered, suggested or usable in replies and rules.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
