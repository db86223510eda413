import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${name} must be a UUID`,
          details: { code: 'VALIDATION_FAILED', fields: [{ field: name, errors: [`${name} must be a UUID`] }] },
        }),
    }),
  );
}
