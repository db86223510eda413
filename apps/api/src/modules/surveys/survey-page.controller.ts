import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import { readFormBody } from './read-form-body.js';
import {
  COMMENT_MAX_LENGTH, preferredLanguage, renderSurveyForm, renderSurveyNotice, SURVEY_PAGE_CSP, type PageLanguage, type SurveyNotice, type SurveyPageView,
} from './survey-page.js';
import { SurveysErrorCode, SurveysException } from './surveys.exception.js';
import { SurveysService, type OpenedSurvey } from './surveys.service.js';

const FORM_LIMIT_BYTES = 64 * 1024;

const NOTICE_STATUS: Record<SurveyNotice, number> = { thanks: 200, answered: 409, expired: 410, not_found: 404 };

/**
 * The survey page the link in the customer's mail opens, at `/survey/<token>`
 * (outside /api/v1, no sign-in): the form, and the thank-you page after it.
 */
@ApiExcludeController()
@Public()
@Controller('survey')
export class SurveyPageController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const lang = preferredLanguage(request.headers['accept-language']);
    const opened = await this.opened(token);
    if (!opened) return this.notice(response, lang, 'not_found');
    const view = viewOf(opened);
    // Opening the link again after answering is no mistake: the page says thanks.
    if (opened.state === 'answered') return send(response, lang, 200, renderSurveyNotice(lang, 'answered', view));
    if (opened.state === 'expired') return this.notice(response, lang, 'expired', view);
    send(response, lang, 200, renderSurveyForm(lang, view));
  }

  @Post(':token')
  async submit(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const lang = preferredLanguage(request.headers['accept-language']);
    const opened = await this.opened(token);
    if (!opened) return this.notice(response, lang, 'not_found');
    const view = viewOf(opened);
    if (opened.state !== 'open') return this.notice(response, lang, opened.state, view);

    const form = await readFormBody(request, FORM_LIMIT_BYTES);
    const rawScore = form?.get('score') ?? '';
    const score = /^\d{1,2}$/.test(rawScore) ? Number(rawScore) : null;
    const comment = form?.get('comment') ?? '';
    if (comment.trim().length > COMMENT_MAX_LENGTH) {
      return send(response, lang, 400, renderSurveyForm(lang, view, { score, comment, error: 'comment_too_long' }));
    }
    try {
      await this.surveys.answer(token, score, comment);
    } catch (error) {
      if (!(error instanceof SurveysException)) throw error;
      if (error.code === SurveysErrorCode.AnswerInvalid) {
        return send(response, lang, 400, renderSurveyForm(lang, view, { comment, error: 'choose_score' }));
      }
      return this.notice(response, lang, error.code === SurveysErrorCode.Expired ? 'expired' : error.code === SurveysErrorCode.AlreadyAnswered ? 'answered' : 'not_found', view);
    }
    send(response, lang, 200, renderSurveyNotice(lang, 'thanks', view));
  }

  private async opened(token: string): Promise<OpenedSurvey | null> {
    try {
      return await this.surveys.open(token);
    } catch (error) {
      if (error instanceof SurveysException && error.code === SurveysErrorCode.NotFound) return null;
      throw error;
    }
  }

  private notice(response: Response, lang: PageLanguage, notice: SurveyNotice, view: SurveyPageView | null = null): void {
    send(response, lang, NOTICE_STATUS[notice], renderSurveyNotice(lang, notice, notice === 'not_found' ? null : view));
  }
}

function viewOf(opened: OpenedSurvey): SurveyPageView {
  return { kind: opened.survey.kind, ticketNumber: opened.ticketNumber, ticketSubject: opened.ticketSubject };
}

function send(response: Response, lang: PageLanguage, status: number, html: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': SURVEY_PAGE_CSP,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Content-Language': lang,
      Vary: 'Accept-Language',
    })
    .send(html);
}
