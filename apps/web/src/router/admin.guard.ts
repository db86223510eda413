import type { NavigationGuard } from 'vue-router';
import { useSessionStore } from '../entities/session/stores/session.store';

/**
 * Keeps agents out of the administration. It runs after the session guard,
 * which has loaded the profile, so the role is known; anyone else goes to
 * their start page.
 */
export const adminOnlyGuard: NavigationGuard = (to) => {
  if (!to.matched.some((record) => record.meta.adminOnly)) return true;
  return useSessionStore().user?.role === 'admin' ? true : { name: 'home' };
};
