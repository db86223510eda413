import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, MaxLength, ValidateBy } from 'class-validator';

/** An optional list of up to 50 e-mail addresses, allowed on replies only (a note is never sent). */
export function IsReplyAddressList(field: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsEmail({}, { each: true, message: `each of ${field} must be an e-mail address` }),
    MaxLength(254, { each: true }),
    ValidateBy({
      name: 'onlyForReplies',
      validator: {
        validate: (_value: unknown, args) => (args?.object as { type?: string } | undefined)?.type === 'reply',
        defaultMessage: () => `${field} is only for replies (type reply): a note is never sent`,
      },
    }),
  );
}
