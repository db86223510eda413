import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type User = components['schemas']['UserDto'];
export type NewUser = components['schemas']['CreateUserDto'];
export type UserChange = components['schemas']['UpdateUserDto'];

const PAGE = 200;

/** Every agent and admin (admins only may list users). */
export async function listAllUsers(signal?: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/v1/users', { params: { query: { limit: PAGE, offset } }, signal }));
    users.push(...page.items);
    if (page.items.length < PAGE || users.length >= page.total) return users;
  }
}

export function createUser(user: NewUser): Promise<User> {
  return unwrap(api.POST('/api/v1/users', { body: user }));
}

/** Changes a user; marking them absent or inactive hands their open tickets on (to `absenceSubstituteId` or their queues). */
export function updateUser(id: string, change: UserChange): Promise<User> {
  return unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: change }));
}
