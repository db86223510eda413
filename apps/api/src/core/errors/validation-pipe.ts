import {
  type ArgumentMetadata, BadRequestException, HttpException, Logger, ValidationError, ValidationPipe, type ValidationPipeOptions,
} from '@nestjs/common';
import { documentedFieldErrors, mergeValidationErrors } from './documented-field-errors.js';
import { findUnsafeText } from './unsafe-text.js';

const logger = new Logger('Validation');

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
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      // Converting or checking the input failed on the input itself (a validator
      // tripping over odd text, a transform given the wrong type): the client's error.
      logger.warn({ input: metadata.type, field: metadata.data, error: (error as Error)?.message ?? String(error) });
      const field = metadata.data ?? metadata.type;
      throw new BadRequestException({
        message: `${field} could not be checked`,
        details: { code: 'VALIDATION_FAILED', fields: [{ field, errors: [`${field} could not be checked`] }] },
      });
    }
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
