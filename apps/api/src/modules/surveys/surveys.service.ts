import { Injectable } from '@nestjs/common';
import { isValidSurveyScore, SURVEY_SCALES } from '@okienko/domain';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { SurveyAnswerDto } from './dtos/survey-answer.dto.js';
import type { SurveyQuestionDto } from './dtos/survey-question.dto.js';
import type { SurveyWithTicket } from './surveys.repository.js';
import { SurveysRepository } from './surveys.repository.js';
import { SurveyLinkService } from './survey-link.service.js';
import { COMMENT_MAX_LENGTH } from './survey-page.js';
import { SurveysErrorCode, SurveysException } from './surveys.exception.js';

/** A survey found by its link, and whether it still takes an answer. */
export interface OpenedSurvey extends SurveyWithTicket {
  state: 'open' | 'answered' | 'expired';
}

/**
 * The customer's side of satisfaction surveys, reached by the signed link in
 * their mail: what the survey asks, and the answer — stored once, with an
 * audit event on the ticket naming the customer.
 */
@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly tickets: TicketsRepository,
    private readonly links: SurveyLinkService,
  ) {}

  /** The survey a link points at; 404 for a link Okienko did not sign or whose survey is gone. */
  async open(token: string): Promise<OpenedSurvey> {
    const claims = await this.links.read(token);
    const found = claims ? await this.surveys.findWithTicket(claims.surveyId) : null;
    if (!claims || !found) throw new SurveysException(SurveysErrorCode.NotFound, 'There is no survey at this link');
    const expired = claims.expiresAt.getTime() <= Date.now() || found.survey.expiresAt.getTime() <= Date.now();
    return { ...found, state: found.survey.answeredAt ? 'answered' : expired ? 'expired' : 'open' };
  }

  /** What the survey asks; 410 once the link has expired without an answer. */
  async question(token: string): Promise<SurveyQuestionDto> {
    const opened = await this.open(token);
    if (opened.state === 'expired') throw this.expired();
    const { survey } = opened;
    return {
      kind: survey.kind,
      minScore: SURVEY_SCALES[survey.kind].min,
      maxScore: SURVEY_SCALES[survey.kind].max,
      ticketNumber: opened.ticketNumber,
      ticketSubject: opened.ticketSubject,
      expiresAt: survey.expiresAt.toISOString(),
      answeredAt: survey.answeredAt?.toISOString() ?? null,
    };
  }

  /** Stores the answer: 409 when the survey has one already (it is never changed), 410 when the link expired. */
  async answer(token: string, score: unknown, comment: string | null | undefined): Promise<SurveyAnswerDto> {
    const opened = await this.open(token);
    if (opened.state === 'answered') throw this.alreadyAnswered();
    if (opened.state === 'expired') throw this.expired();
    const { survey } = opened;
    if (!isValidSurveyScore(survey.kind, score)) {
      const { min, max } = SURVEY_SCALES[survey.kind];
      const message = `score must be a whole number from ${min} to ${max} for a ${survey.kind.toUpperCase()} survey`;
      throw new SurveysException(SurveysErrorCode.AnswerInvalid, message, { fields: [{ field: 'score', errors: [message] }] });
    }
    const text = comment?.trim() || null;
    if (text !== null && text.length > COMMENT_MAX_LENGTH) {
      const message = `comment must be shorter than or equal to ${COMMENT_MAX_LENGTH} characters`;
      throw new SurveysException(SurveysErrorCode.AnswerInvalid, message, { fields: [{ field: 'comment', errors: [message] }] });
    }
    const answered = await this.surveys.transaction(async (manager) => {
      const stored = await this.surveys.answerOnce(manager, survey.id, score, text);
      if (!stored) return null;
      await this.tickets.insertEvents(manager, [
        {
          ticketId: survey.ticketId,
          type: 'survey_answered',
          actorType: 'customer',
          actorId: opened.customerId,
          actorName: opened.customerName ?? opened.customerEmail,
          field: null,
          oldValue: null,
          newValue: { surveyId: survey.id, kind: survey.kind, score, comment: text },
        },
      ]);
      return stored;
    });
    if (!answered) {
      // Answered (or expired) between reading and writing: the first answer stays.
      const again = await this.open(token);
      throw again.state === 'expired' ? this.expired() : this.alreadyAnswered();
    }
    return SurveyAnswerDto.from(answered);
  }

  private expired(): SurveysException {
    return new SurveysException(SurveysErrorCode.Expired, 'The survey link has expired');
  }

  private alreadyAnswered(): SurveysException {
    return new SurveysException(SurveysErrorCode.AlreadyAnswered, 'The survey has been answered already; the answer cannot be changed');
  }
}
