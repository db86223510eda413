import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_KINDS, type SurveyKind } from '@okienko/domain';

/** What a survey link asks, for a page or an app that shows the question itself. */
export class SurveyQuestionDto {
  @ApiProperty({ enum: SURVEY_KINDS, description: 'csat: satisfaction 1–5; nps: likelihood to recommend 0–10' })
  kind!: SurveyKind;

  @ApiProperty({ example: 1, description: 'The lowest score allowed' })
  minScore!: number;

  @ApiProperty({ example: 5, description: 'The highest score allowed' })
  maxScore!: number;

  @ApiProperty({ example: '2026-000123' })
  ticketNumber!: string;

  @ApiProperty({ example: 'Reklamacja roweru' })
  ticketSubject!: string;

  @ApiProperty({ format: 'date-time', description: 'Until when the link takes an answer' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the survey was answered; an answer is never changed' })
  answeredAt!: string | null;
}
