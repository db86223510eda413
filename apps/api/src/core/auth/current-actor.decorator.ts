import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.js';

/** The authenticated caller, as set by the bearer strategy. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
