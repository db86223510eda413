import { ErrorKind } from './error-kind.js';

/**
 * Base of every module's exception. A module declares its own subclass with a
 * code enum; the code travels to the client in `details.code`.
 */
export abstract class AppException<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
