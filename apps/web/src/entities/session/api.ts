import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { paths } from '../../shared/api-client/schema';

type LoginRoute = paths['/api/v1/auth/login']['post'];
type MeRoute = paths['/api/v1/auth/me']['get'];

export type Credentials = LoginRoute['requestBody']['content']['application/json'];
export type LoginResponse = LoginRoute['responses'][200]['content']['application/json'];
type Me = MeRoute['responses'][200]['content']['application/json'];

/** What the panel knows about the logged-in user: the fields both login and /auth/me answer. */
export type CurrentUser = Pick<Me, 'id' | 'name' | 'role' | 'email' | 'locale'>;
export type UserRole = CurrentUser['role'];

function toCurrentUser({ id, name, role, email, locale }: CurrentUser): CurrentUser {
  return { id, name, role, email, locale };
}

export interface LoginResult {
  accessToken: string;
  /** Seconds until the token stops being accepted. */
  expiresIn: number;
  user: CurrentUser;
}

export async function logIn(credentials: Credentials): Promise<LoginResult> {
  const answer: LoginResponse = await unwrap(api.POST('/api/v1/auth/login', { body: credentials }));
  return { accessToken: answer.accessToken, expiresIn: answer.expiresIn, user: toCurrentUser(answer.user) };
}

export async function fetchCurrentUser(): Promise<CurrentUser> {
  return toCurrentUser(await unwrap(api.GET('/api/v1/auth/me')));
}
