import { BadRequestException, Param, PipeTransform } from '@nestjs/common';

const REF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{6,})$/i;

class TicketRefPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (REF.test(value)) return value;
    const message = 'id must be a ticket id (UUID) or number (e.g. 2026-000123)';
    throw new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields: [{ field: 'id', errors: [message] }] } });
  }
}

/** The `:id` of a ticket route: its UUID or its number. */
export const TicketRef = (): ParameterDecorator => Param('id', new TicketRefPipe());
