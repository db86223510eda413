import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum RulesErrorCode {
  NotFound = 'RULE_NOT_FOUND',
  Invalid = 'RULE_INVALID',
  OrderInvalid = 'RULE_ORDER_INVALID',
}

const KIND: Record<RulesErrorCode, ErrorKind> = {
  [RulesErrorCode.NotFound]: ErrorKind.NotFound,
  [RulesErrorCode.Invalid]: ErrorKind.Invalid,
  [RulesErrorCode.OrderInvalid]: ErrorKind.Invalid,
};

export class RulesException extends AppException<RulesErrorCode> {
  constructor(code: RulesErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
