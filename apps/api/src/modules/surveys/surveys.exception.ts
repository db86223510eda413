import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum SurveysErrorCode {
  /** The link is not one Okienko made (malformed, altered), or its survey is gone. */
  NotFound = 'SURVEY_NOT_FOUND',
  Expired = 'SURVEY_EXPIRED',
  AlreadyAnswered = 'SURVEY_ALREADY_ANSWERED',
  AnswerInvalid = 'SURVEY_ANSWER_INVALID',
}

const KIND: Record<SurveysErrorCode, ErrorKind> = {
  [SurveysErrorCode.NotFound]: ErrorKind.NotFound,
  [SurveysErrorCode.Expired]: ErrorKind.Gone,
  [SurveysErrorCode.AlreadyAnswered]: ErrorKind.Conflict,
  [SurveysErrorCode.AnswerInvalid]: ErrorKind.Invalid,
};

export class SurveysException extends AppException<SurveysErrorCode> {
  constructor(code: SurveysErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
