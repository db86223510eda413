import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** What the client needs to know about the session, supplied once at start-up. */
export interface ApiSessionHooks {
  /** The access token to send, or null when nobody is logged in. */
  getAccessToken(): string | null;
  /** Called when the API rejects the token that is still in use. */
  onSessionRejected(): void;
}

let sessionHooks: ApiSessionHooks = {
  getAccessToken: () => null,
  onSessionRejected: () => undefined,
};

export function configureApiSession(hooks: ApiSessionHooks): void {
  sessionHooks = hooks;
}

// Routes where 401 means "wrong credentials" rather than "the session is over".
const CREDENTIAL_ROUTES = new Set<string>(['/api/v1/auth/login']);

function bearer(token: string): string {
  return `Bearer ${token}`;
}

const sessionMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    const token = sessionHooks.getAccessToken();
    if (token && !CREDENTIAL_ROUTES.has(schemaPath)) {
      request.headers.set('Authorization', bearer(token));
    }
    return request;
  },
  onResponse({ request, response, schemaPath }) {
    if (response.status !== 401 || CREDENTIAL_ROUTES.has(schemaPath)) return undefined;
    // Only end the session whose token was refused: an answer to a request
    // sent before a re-login must not log the new session out.
    const sent = request.headers.get('Authorization');
    const current = sessionHooks.getAccessToken();
    if (sent !== null && current !== null && sent === bearer(current)) {
      sessionHooks.onSessionRejected();
    }
    return undefined;
  },
};

/** Typed client of the Okienko API, generated from docs/openapi.json. Same origin as the panel. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(sessionMiddleware);
