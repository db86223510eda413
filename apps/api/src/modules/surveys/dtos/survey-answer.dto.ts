import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_KINDS, type SurveyKind } from '@okienko/domain';
import type { SurveyEntity } from '../entities/survey.entity.js';

/** The answer as stored. */
export class SurveyAnswerDto {
  @ApiProperty({ enum: SURVEY_KINDS })
  kind!: SurveyKind;

  @ApiProperty({ example: 5 })
  score!: number;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;

  static from(survey: SurveyEntity): SurveyAnswerDto {
    return { kind: survey.kind, score: survey.score!, comment: survey.comment, answeredAt: survey.answeredAt!.toISOString() };
  }
}
