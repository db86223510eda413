import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMMENT_MAX_LENGTH } from '../survey-page.js';

export class AnswerSurveyDto {
  @ApiProperty({ example: 5, description: 'A whole number: 1–5 for a CSAT survey, 0–10 for an NPS survey' })
  @IsInt()
  score!: number;

  @ApiPropertyOptional({ example: 'Szybko i konkretnie, dziękuję.', maxLength: COMMENT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  comment?: string;
}
