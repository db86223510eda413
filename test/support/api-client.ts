import { createHmac } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { expect } from '@jest/globals';
import request from 'supertest';
import type { TestProduct } from './start-product.js';

/** Everything under /api/v1 with one bearer credential; paths are relative to /api/v1 (e.g. `/tickets`). */
export interface ApiClient {
  get(path: string): request.Test;
  post(path: string, body?: string | object): request.Test;
  patch(path: string, body?: string | object): request.Test;
  put(path: string, body?: string | object): request.Test;
  delete(path: string): request.Test;
}

export const API = '/api/v1';

export function client(baseUrl: string, token: string | null): ApiClient {
  const http = request(baseUrl);
  const auth = (test: request.Test): request.Test => (token === null ? test : test.set('Authorization', `Bearer ${token}`));
  return {
    get: (path) => auth(http.get(`${API}${path}`)),
    post: (path, body) => auth(http.post(`${API}${path}`)).send(body ?? {}),
    patch: (path, body) => auth(http.patch(`${API}${path}`)).send(body ?? {}),
    put: (path, body) => auth(http.put(`${API}${path}`)).send(body ?? {}),
    delete: (path) => auth(http.delete(`${API}${path}`)),
  };
}

/** Signs in and answers the access token; fails loudly when the sign-in does not work. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await request(baseUrl).post(`${API}/auth/login`).send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

/** A client signed in as the product's first administrator. */
export async function asAdmin(product: TestProduct): Promise<ApiClient> {
  return client(product.baseUrl, await login(product.baseUrl, product.admin.email, product.admin.password));
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  password: string;
  api: ApiClient;
}

/** Creates a user through the admin API and signs them in. */
export async function createUser(
  product: TestProduct,
  admin: ApiClient,
  fields: { email: string; name: string; role?: 'admin' | 'agent'; password?: string },
): Promise<CreatedUser> {
  const password = fields.password ?? 'Agent-password-1';
  const res = await admin.post('/users', { ...fields, password });
  if (res.status !== 201) throw new Error(`creating user ${fields.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const user = res.body as { id: string; email: string; name: string };
  return { ...user, password, api: client(product.baseUrl, await login(product.baseUrl, fields.email, password)) };
}

/** Asserts the one error shape of the API: `{ statusCode, error, message, details: { code, ... } }`. */
export function expectError(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { details?: { code?: string } })?.details?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual({
    statusCode: status,
    error: STATUS_CODES[status],
    message: expect.any(String),
    details: expect.objectContaining({ code }),
  });
  expect((res.body as { message: string }).message.length).toBeGreaterThan(0);
}

/** The field names a validation error reports, in order. */
export function errorFields(res: request.Response): string[] {
  const fields = (res.body as { details?: { fields?: { field: string; errors: string[] }[] } }).details?.fields ?? [];
  return fields.map((f) => f.field);
}

/** Asserts a 400 VALIDATION_FAILED (or `code`) naming exactly `fields`, each with at least one message mentioning it. */
export function expectFieldErrors(res: request.Response, fields: string[], code = 'VALIDATION_FAILED', status = 400): void {
  expectError(res, status, code);
  expect([...new Set(errorFields(res))].sort()).toEqual([...fields].sort());
  for (const entry of (res.body as { details: { fields: { field: string; errors: string[] }[] } }).details.fields) {
    expect(entry.errors.length).toBeGreaterThan(0);
    for (const message of entry.errors) expect(message).toContain(entry.field);
  }
}

/** An HS256 JWT signed with `secret`, for tests of foreign, tampered and expired access tokens. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a JWT, read without checking the signature. */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
