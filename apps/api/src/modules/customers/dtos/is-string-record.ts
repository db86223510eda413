import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An object whose every value is a string of at most `maxLength` characters (e.g. `{ "shop": "C-1042" }`). */
export function IsStringRecord(maxLength = 200, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringRecord',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value) &&
          Object.values(value).every((v) => typeof v === 'string' && v.length <= maxLength),
        defaultMessage: () => `$property must be an object whose values are strings of at most ${maxLength} characters`,
      },
    },
    options,
  );
}
