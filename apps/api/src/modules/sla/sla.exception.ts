import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum SlaErrorCode {
  CalendarNotFound = 'CALENDAR_NOT_FOUND',
  /** A calendar that the SLA arithmetic cannot work with; `details.fields` names each place (`weeklyPeriods[2].end`). */
  CalendarInvalid = 'CALENDAR_INVALID',
  CalendarNameTaken = 'CALENDAR_NAME_TAKEN',
  /** The default calendar cannot be deleted or stop being the default; make another calendar the default instead. */
  CalendarIsDefault = 'CALENDAR_IS_DEFAULT',
  /** A calendar SLA policies count on cannot be deleted; `details.policies` lists them. */
  CalendarInUse = 'CALENDAR_IN_USE',
  PolicyNotFound = 'SLA_POLICY_NOT_FOUND',
  /** A policy that cannot work; `details.fields` names each place (`firstResponse.minutes`, `conditions.queueIds[0]`). */
  PolicyInvalid = 'SLA_POLICY_INVALID',
  PolicyNameTaken = 'SLA_POLICY_NAME_TAKEN',
  OrderInvalid = 'SLA_POLICY_ORDER_INVALID',
  /** A policy check for a ticket that does not exist (the same code as the tickets' own). */
  TicketNotFound = 'TICKET_NOT_FOUND',
}

const KIND: Record<SlaErrorCode, ErrorKind> = {
  [SlaErrorCode.CalendarNotFound]: ErrorKind.NotFound,
  [SlaErrorCode.CalendarInvalid]: ErrorKind.Invalid,
  [SlaErrorCode.CalendarNameTaken]: ErrorKind.Conflict,
  [SlaErrorCode.CalendarIsDefault]: ErrorKind.Conflict,
  [SlaErrorCode.CalendarInUse]: ErrorKind.Conflict,
  [SlaErrorCode.PolicyNotFound]: ErrorKind.NotFound,
  [SlaErrorCode.PolicyInvalid]: ErrorKind.Invalid,
  [SlaErrorCode.PolicyNameTaken]: ErrorKind.Conflict,
  [SlaErrorCode.OrderInvalid]: ErrorKind.Invalid,
  [SlaErrorCode.TicketNotFound]: ErrorKind.NotFound,
};

export class SlaException extends AppException<SlaErrorCode> {
  constructor(code: SlaErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
