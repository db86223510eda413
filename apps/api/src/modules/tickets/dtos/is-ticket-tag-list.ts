import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

/** A list of ticket tags: at most 50, each a non-empty text of at most 50 characters. */
export function IsTicketTagList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(50, { each: true }),
  );
}
