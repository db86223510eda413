import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORM_LANGUAGES, type FormLanguage, type FormValue } from '@okienko/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import type { FormSubmissionRow, SubmissionState } from '../form-submissions.repository.js';

const STATES = ['filed', 'spam'] as const;

export class FormSubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATES, description: '`spam`: the submissions kept as suspected spam.' })
  @IsOptional()
  @IsIn(STATES)
  state?: SubmissionState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the submissions of this form (channel).' })
  @IsOptional()
  @IsUUID()
  channelId?: string;
}

export class FormSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ type: String, nullable: true }) channelName!: string | null;
  @ApiProperty({ enum: STATES }) state!: SubmissionState;
  @ApiProperty({ type: [String], example: ['honeypot'], description: 'Why it was kept as spam: honeypot, too_fast, email_rate.' }) spamReasons!: string[];
  @ApiProperty({ enum: FORM_LANGUAGES }) language!: FormLanguage;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The fields' values by name." }) values!: Record<string, FormValue>;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
  @ApiProperty({ type: String, nullable: true }) origin!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ticketId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ticketNumber!: string | null;
  @ApiProperty({ description: 'Files kept with a spam submission (they go with the ticket once filed).' }) fileCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) filedAt!: string | null;

  static from(r: FormSubmissionRow): FormSubmissionDto {
    return { ...r, createdAt: new Date(r.createdAt).toISOString(), filedAt: r.filedAt ? new Date(r.filedAt).toISOString() : null };
  }
}

export class FormSubmissionListDto {
  @ApiProperty({ type: [FormSubmissionDto] }) items!: FormSubmissionDto[];
  @ApiProperty() total!: number;
}

export class StatusLinkDto {
  @ApiProperty({ description: 'The customer\'s status page; the token is shown only now.' }) url!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
