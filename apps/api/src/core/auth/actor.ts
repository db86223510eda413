import type { UserRole } from '../../modules/users/entities/user.entity.js';

/** Who is making a request: a signed-in user or an integrator's API token. */
export interface Actor {
  type: 'user' | 'api_token';
  id: string;
  name: string;
  role: UserRole;
  /** The user's id when a user acts; null for API tokens. */
  userId: string | null;
  /** The queues an API token works in (what an agent-role token may see); absent for users. */
  queueIds?: string[];
}
