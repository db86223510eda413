import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A JSON object (not an array) of at most `maxBytes` once serialised: a channel's settings. */
export function IsSettingsObject(maxBytes = 16_384, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSettingsObject',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && !Array.isArray(value) && Buffer.byteLength(JSON.stringify(value)) <= maxBytes,
        defaultMessage: () => `$property must be an object of at most ${maxBytes} bytes as JSON`,
      },
    },
    options,
  );
}
