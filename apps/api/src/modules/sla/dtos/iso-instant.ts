import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, Matches } from 'class-validator';

/** An instant with its offset, e.g. `2026-12-18T15:30:00+01:00` or `2026-12-18T14:30:00Z`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A field holding an ISO 8601 instant with a time zone offset (a real date).
 * In a query string an unencoded `+` arrives as a blank; it is read as `+`.
 */
export function IsIsoInstant(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/ (\d{2}:\d{2})$/, '+$1') : value)),
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 instant, e.g. 2026-12-18T15:30:00+01:00' }),
    Matches(ISO_INSTANT, { message: '$property must be an ISO 8601 instant with its offset or Z, e.g. 2026-12-18T15:30:00+01:00' }),
  );
}
