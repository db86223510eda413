import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { FormSubmissionDto, FormSubmissionListDto, FormSubmissionQueryDto } from './dtos/form-submission.dto.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { requestOrigin } from './public-base.js';

/** Submissions of the web forms: those filed as tickets and those kept as suspected spam. */
@ApiTags('web-forms')
@ApiBearerAuth()
@Roles('admin')
@Controller('form-submissions')
export class FormSubmissionsController {
  constructor(private readonly submissions: FormSubmissionsService) {}

  @Get()
  @ApiOperation({ summary: 'List form submissions, newest first (`state=spam`: those kept as suspected spam)' })
  @ApiOkResponse({ type: FormSubmissionListDto })
  async list(@Query() query: FormSubmissionQueryDto): Promise<FormSubmissionListDto> {
    const [items, total] = await this.submissions.list({ state: query.state, channelId: query.channelId }, query.limit, query.offset);
    return { items: items.map(FormSubmissionDto.from), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a form submission' })
  @ApiOkResponse({ type: FormSubmissionDto })
  @ApiNotFoundResponse({ description: 'FORM_SUBMISSION_NOT_FOUND', type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<FormSubmissionDto> {
    return FormSubmissionDto.from(await this.submissions.get(id));
  }

  @Post(':id/not-spam')
  @HttpCode(200)
  @ApiOperation({ summary: 'Not spam: file the kept submission as a ticket (with its files), as it would have been; a filed one is answered as it is' })
  @ApiOkResponse({ type: FormSubmissionDto })
  @ApiNotFoundResponse({ description: 'FORM_SUBMISSION_NOT_FOUND', type: ErrorResponseDto })
  async notSpam(@UuidParam() id: string, @Req() request: Request): Promise<FormSubmissionDto> {
    return FormSubmissionDto.from(await this.submissions.notSpam(id, requestOrigin(request)));
  }
}
