import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { passwordProblem } from '../password-policy.js';

/** A new password: 8 to 200 characters, not whitespace only and not one of the most common passwords. */
export function IsAcceptablePassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(8),
    MaxLength(200),
    ValidateBy({
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? (passwordProblem(args.value) ?? '') : ''),
      },
    }),
  );
}
