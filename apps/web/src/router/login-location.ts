import type { LocationQueryValue, RouteLocationNormalized, RouteLocationRaw } from 'vue-router';

/** Where the login page sends the user afterwards: only paths inside the panel. */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  if (path === '/login' || path.startsWith('/login?')) return null;
  return path;
}

/** The login page, remembering which page the user wanted to open. */
export function loginLocation(from: RouteLocationNormalized, extra: Record<string, string> = {}): RouteLocationRaw {
  const query: Record<string, string> = { ...extra };
  if (from.fullPath !== '/' && safeRedirect(from.fullPath)) query['redirect'] = from.fullPath;
  return { name: 'login', query };
}
