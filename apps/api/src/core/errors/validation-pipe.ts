import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { documentedFieldErrors, mergeValidationErrors } from './documented-field-errors.js';
import { findUnsafeText } from './unsafe-text.js';

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

function validationFailed(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    message: fields.flatMap((f) => f.errors).join('; '),
    details: { code: 'VALIDATION_FAILED', fields },
  });
}

/**
 * Request validation: unknown fields are refused, `null` is refused where the
 * field is not documented nullable, text with NUL characters or unpaired
 * surrogates is refused in the body, the query and path parameters (before
 * anything reaches class-validator or the database), and every error names
 * the field it is about, e.g. `customer.email must be an email`.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = findUnsafeText(value, metadata.data ?? '');
      if (unsafe.length > 0) throw validationFailed(unsafe);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, validatorOptions?: ValidationPipeOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return mergeValidationErrors(errors, documentedFieldErrors(object));
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
