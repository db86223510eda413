import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

export class ScoreCountDto {
  @ApiProperty() score!: number;
  @ApiProperty() count!: number;
}

export class CsatDto {
  @ApiProperty({ description: 'CSAT answers (1–5) given in the range.' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Average score, two decimals.' }) average!: number | null;
  @ApiProperty({ type: [ScoreCountDto], description: 'Answers per score 1–5, zeros included.' }) distribution!: ScoreCountDto[];
}

export class NpsDto {
  @ApiProperty({ description: 'NPS answers (0–10) given in the range.' }) count!: number;
  @ApiProperty({ description: 'Scores 9–10.' }) promoters!: number;
  @ApiProperty({ description: 'Scores 7–8.' }) passives!: number;
  @ApiProperty({ description: 'Scores 0–6.' }) detractors!: number;
  @ApiProperty({ type: Number, nullable: true, description: '% promoters − % detractors, one decimal (−100 to 100).' }) score!: number | null;
}

export class SurveyResponseRateDto {
  @ApiProperty({ description: 'Surveys sent in the range.' }) sent!: number;
  @ApiProperty({ description: 'Of those, answered (so far).' }) answered!: number;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
}

export class SurveyCommentDto {
  @ApiProperty({ example: '2026-000123' }) ticketNumber!: string;
  @ApiProperty({ enum: ['csat', 'nps'] }) kind!: 'csat' | 'nps';
  @ApiProperty() score!: number;
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
}

export class SatisfactionReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: CsatDto })
  csat!: CsatDto;

  @ApiProperty({ type: NpsDto })
  nps!: NpsDto;

  @ApiProperty({ type: SurveyResponseRateDto })
  responseRate!: SurveyResponseRateDto;

  @ApiProperty({ type: [SurveyCommentDto], description: 'The latest 20 answers with a comment, newest first.' })
  comments!: SurveyCommentDto[];
}
