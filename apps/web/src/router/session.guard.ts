import { START_LOCATION, type RouteLocationNormalized, type Router } from 'vue-router';
import type { PrefetchLocation } from './route-meta';
import { ApiError } from '../shared/api-client/errors';
import type { SessionStore } from '../entities/session/stores/session.store';
import { loginLocation } from './login-location';

/**
 * Starts loading what a page needs (its data; its code and its layout's) for
 * every route record it is made of: each record's own `meta.prefetch`.
 */
export function prefetchRoute(to: PrefetchLocation): void {
  for (const record of to.matched) record.meta.prefetch?.(to);
}

/**
 * Before the panel has finished starting, begins what the page being opened
 * will wait for: the signed-in user's profile and the page's own data and
 * code. The navigation that follows finds them under way instead of asking again.
 */
export function startFirstPage(router: Router, session: SessionStore): void {
  if (!session.hasToken || session.isExpired()) return;
  const { pathname, search, hash } = window.location;
  prefetchRoute(router.resolve(pathname + search + hash));
  // A refused token ends the session through the API client; the navigation's guard reports it.
  session.loadUser().catch(() => undefined);
}

/**
 * Keeps anonymous users out of the panel and sends everyone back to the
 * login page when their session ends, saying why.
 */
export function installSessionGuard(router: Router, session: SessionStore): void {
  let pending: RouteLocationNormalized | null = null;

  const loginAfterEnd = (from: RouteLocationNormalized) =>
    session.lastEndReason === 'expired'
      ? loginLocation(from, { expired: '1' })
      : session.lastEndReason === 'logout'
        ? { name: 'login', query: { loggedOut: '1' } }
        : loginLocation(from);

  router.beforeEach(async (to, from) => {
    pending = to;
    if (to.meta.public) {
      // Someone already logged in has nothing to do on the login page.
      if (to.name === 'login' && session.hasToken && !session.isExpired()) return { name: 'home' };
      return true;
    }
    if (session.hasToken && session.isExpired()) session.expire();
    if (!session.hasToken) return loginAfterEnd(to);
    // Entering a page, its own loading overlaps the session check (a refused token ends the session either way).
    if (to.name !== from.name) prefetchRoute(to);
    try {
      await session.loadUser();
    } catch (error) {
      // A refused token has already ended the session (see the API client).
      if (error instanceof ApiError && error.status === 401) return loginAfterEnd(to);
      // Any other failure: show the panel anyway; it says the profile is missing.
    }
    return true;
  });

  router.afterEach(() => {
    pending = null;
  });
  router.onError(() => {
    pending = null;
  });

  // A session that ends while a page is open (token refused, logout here or
  // in another tab) takes the user to the login page. A navigation in
  // progress is redirected by the guard above instead.
  session.onSessionEnd(() => {
    if (pending) return;
    const current = router.currentRoute.value;
    // Before the first page is entered (its data was asked for early), the first navigation's guard decides.
    if (current === START_LOCATION || current.meta.public) return;
    void router.replace(loginAfterEnd(current));
  });
}
