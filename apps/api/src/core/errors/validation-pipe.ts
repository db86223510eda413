import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

interface FieldError {
  field: string;
  errors: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, errors: Object.values(error.constraints).map((m) => m.replace(error.property, field)) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Request validation: unknown fields are refused, and every error names the
 * field it is about, e.g. `customer.email must be an email`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        message: fields.flatMap((f) => f.errors).join('; '),
        details: { code: 'VALIDATION_FAILED', fields },
      });
    },
  });
}
