import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../core/auth/public.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { AnswerSurveyDto } from './dtos/answer-survey.dto.js';
import { SurveyAnswerDto } from './dtos/survey-answer.dto.js';
import { SurveyQuestionDto } from './dtos/survey-question.dto.js';
import { SurveysService } from './surveys.service.js';

const TOKEN = { name: 'token', description: 'The token of the survey link (`PUBLIC_URL/survey/<token>`)' };

/** Satisfaction surveys for customers, reached without signing in: the signed link is the credential. */
@ApiTags('surveys')
@Public()
@ApiNotFoundResponse({ description: 'Not a survey link Okienko made (altered, malformed), or the survey is gone', type: ErrorResponseDto })
@ApiGoneResponse({ description: 'The link has expired (SURVEY_EXPIRED)', type: ErrorResponseDto })
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':token')
  @ApiOperation({ summary: 'What a survey link asks: its kind, score range and ticket, and whether it is answered (no sign-in)' })
  @ApiParam(TOKEN)
  @ApiOkResponse({ type: SurveyQuestionDto })
  question(@Param('token') token: string): Promise<SurveyQuestionDto> {
    return this.surveys.question(token);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: "Answer a survey once: a score on the kind's scale and an optional comment (no sign-in)" })
  @ApiParam(TOKEN)
  @ApiOkResponse({ type: SurveyAnswerDto })
  @ApiBadRequestResponse({ description: 'The score is off the scale (`details.fields` names `score`) or the comment too long', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Answered already (SURVEY_ALREADY_ANSWERED); the first answer stays', type: ErrorResponseDto })
  answer(@Param('token') token: string, @Body() dto: AnswerSurveyDto): Promise<SurveyAnswerDto> {
    return this.surveys.answer(token, dto.score, dto.comment);
  }
}
