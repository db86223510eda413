import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TemplateDto } from './template.dto.js';

export class TemplateSuggestionQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit: number = 5;
}

export class TemplateSuggestionDto {
  @ApiProperty({ type: TemplateDto })
  template!: TemplateDto;

  @ApiProperty({ example: 0.42, description: 'Full-text rank against the customer\'s latest message; higher is closer.' })
  score!: number;
}

export class TemplateSuggestionListDto {
  @ApiProperty({ type: [TemplateSuggestionDto], description: 'Best first; only templates sharing words with the message.' })
  items!: TemplateSuggestionDto[];
}
