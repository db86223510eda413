import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';

/** A user who stops taking work: marked absent (leave, sick) or deactivated. */
export interface UserUnavailable {
  userId: string;
  reason: 'absent' | 'inactive';
  /** Who takes over their open tickets (checked: another active, present user); null: the tickets go back to their queues. */
  substituteId: string | null;
  /** The admin or admin API token making the change. */
  actor: Actor;
}

export type UserUnavailableHandler = (manager: EntityManager, change: UserUnavailable) => Promise<void>;

/**
 * Where modules plug in what must happen, in the same transaction, when a user
 * becomes absent or inactive (the queues module gives their open tickets back
 * to the queue or to a substitute, with an audit event each).
 *
 * Why a registry: users sit at the bottom of the module graph (auth, tickets
 * and queues import the users module), so the users module cannot import the
 * modules that own those consequences without a cycle. They register here when
 * they start; the users service runs every handler inside its own transaction,
 * so the user's change and its consequences commit (or fail) together.
 */
@Injectable()
export class UserAvailabilityHooks {
  private readonly handlers: UserUnavailableHandler[] = [];

  onUnavailable(handler: UserUnavailableHandler): void {
    this.handlers.push(handler);
  }

  /** Runs every handler, in registration order, in the caller's transaction. */
  async unavailable(manager: EntityManager, change: UserUnavailable): Promise<void> {
    for (const handler of this.handlers) await handler(manager, change);
  }
}
