import { ApiProperty } from '@nestjs/swagger';

/** The ticket's satisfaction survey: when it went out, until when its link holds, and the customer's answer. */
export class TicketSurveyDto {
  @ApiProperty({ enum: ['csat', 'nps'], description: 'csat: 1–5; nps: 0–10' })
  kind!: 'csat' | 'nps';

  @ApiProperty({ type: Number, nullable: true, example: 5, description: 'Null until the customer answers' })
  score!: number | null;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  sentAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;
}
