import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum ReportsErrorCode {
  /** A filter of the request is not valid: a date, the range, the time zone. */
  InvalidFilter = 'REPORT_FILTER_INVALID',
}

const KIND: Record<ReportsErrorCode, ErrorKind> = {
  [ReportsErrorCode.InvalidFilter]: ErrorKind.Invalid,
};

export class ReportsException extends AppException<ReportsErrorCode> {
  /** `fields`: each request field at fault with why, named in `details.fields`. */
  constructor(code: ReportsErrorCode, message: string, fields: { field: string; errors: string[] }[] = []) {
    super(code, KIND[code], message, fields.length ? { fields } : {});
  }
}
