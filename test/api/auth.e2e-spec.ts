import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { API, asAdmin, client, createUser, expectError, expectFieldErrors, jwtClaims, login, signJwt, type ApiClient } from '../support/api-client.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Signing in, access tokens (JWT), API tokens and the brute-force throttle, as a
// client sees them over HTTP.

const JWT_SECRET = 'e2e-auth-secret-0123456789-abcdefghijkl';
// The secret before a rotation: still accepted for verification, never used to sign.
const JWT_SECRET_PREVIOUS = 'e2e-auth-previous-secret-0123456789-abcdef';
const JWT_TTL_SECONDS = 3600;
const LOGIN_MAX_ATTEMPTS = 3;

describe('auth', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let adminId: string;

  beforeAll(async () => {
    product = await startProduct({
      JWT_SECRET,
      JWT_SECRET_PREVIOUS,
      JWT_TTL_SECONDS: String(JWT_TTL_SECONDS),
      LOGIN_MAX_ATTEMPTS: String(LOGIN_MAX_ATTEMPTS),
    });
    admin = await asAdmin(product);
    adminId = ((await admin.get('/auth/me')).body as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await product?.close();
  });

  const http = () => request(product.baseUrl);
  const me = (token: string) => http().get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);
  const now = () => Math.floor(Date.now() / 1000);

  describe('POST /auth/login', () => {
    it('answers an access token that works on /auth/me', async () => {
      const res = await http().post(`${API}/auth/login`).send(product.admin);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: JWT_TTL_SECONDS,
        user: expect.objectContaining({ id: adminId, email: product.admin.email, role: 'admin', active: true, name: 'Administrator' }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
      expect(res.body.user.lastLoginAt).not.toBeNull();

      const claims = jwtClaims(res.body.accessToken);
      expect(claims).toMatchObject({ sub: adminId, role: 'admin', iss: 'okienko' });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(JWT_TTL_SECONDS);

      const who = await me(res.body.accessToken);
      expect(who.status).toBe(200);
      expect(who.body).toEqual({ type: 'user', id: adminId, name: 'Administrator', role: 'admin', email: product.admin.email, locale: 'pl' });
    });

    it('ignores the letter case of the e-mail', async () => {
      const res = await http().post(`${API}/auth/login`).send({ email: product.admin.email.toUpperCase(), password: product.admin.password });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(adminId);
    });

    it('refuses a wrong password with 401 AUTH_BAD_CREDENTIALS', async () => {
      const res = await http().post(`${API}/auth/login`).send({ email: product.admin.email, password: 'not-the-password' });
      expectError(res, 401, 'AUTH_BAD_CREDENTIALS');
      expect(res.body.accessToken).toBeUndefined();
    });

    it('refuses an unknown e-mail with the same 401 and the same message (does not reveal which e-mails exist)', async () => {
      const wrongPassword = await http().post(`${API}/auth/login`).send({ email: product.admin.email, password: 'still-not-it' });
      const unknown = await http().post(`${API}/auth/login`).send({ email: 'nobody@okienko.test', password: 'whatever-1' });
      expectError(unknown, 401, 'AUTH_BAD_CREDENTIALS');
      expect(unknown.body.message).toBe(wrongPassword.body.message);
    });

    it('refuses a body without e-mail or password with 400 naming both fields', async () => {
      const res = await http().post(`${API}/auth/login`).send({});
      expectFieldErrors(res, ['email', 'password']);
    });
  });

  describe('access tokens', () => {
    it('answers 401 AUTH_MISSING_TOKEN without an Authorization header', async () => {
      expectError(await http().get(`${API}/auth/me`), 401, 'AUTH_MISSING_TOKEN');
      expectError(await http().get(`${API}/tickets`), 401, 'AUTH_MISSING_TOKEN');
      expectError(await http().post(`${API}/tickets`).send({}), 401, 'AUTH_MISSING_TOKEN');
    });

    it('keeps /api/health public', async () => {
      const res = await http().get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });

    it('answers 401 AUTH_INVALID_TOKEN for a garbage token', async () => {
      expectError(await me('garbage'), 401, 'AUTH_INVALID_TOKEN');
      expectError(await me('a.b.c'), 401, 'AUTH_INVALID_TOKEN');
    });

    it('accepts a token we sign with the configured secret (so the next refusals are about the token, not the test)', async () => {
      const token = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now(), exp: now() + 600 }, JWT_SECRET);
      const res = await me(token);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(adminId);
    });

    it('answers 401 AUTH_INVALID_TOKEN for a token signed with another secret', async () => {
      const token = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now(), exp: now() + 600 }, 'another-secret-another-secret-0123456789');
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
    });

    it('answers 401 AUTH_INVALID_TOKEN for an expired token', async () => {
      const token = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now() - 7200, exp: now() - 60 }, JWT_SECRET);
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
    });

    it('answers 401 AUTH_INVALID_TOKEN for a token of another issuer', async () => {
      const token = signJwt({ sub: adminId, role: 'admin', iss: 'someone-else', iat: now(), exp: now() + 600 }, JWT_SECRET);
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
    });

    it('answers 401 AUTH_INVALID_TOKEN for an unsigned ("alg": "none") token', async () => {
      const encode = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: adminId, role: 'admin', iss: 'okienko', exp: now() + 600 })}.`;
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
    });

    it('answers 401 AUTH_INVALID_TOKEN for a well-signed token of a user that does not exist', async () => {
      const token = signJwt({ sub: randomUUID(), role: 'admin', iss: 'okienko', iat: now(), exp: now() + 600 }, JWT_SECRET);
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
    });

    it("takes the role from the database, not from the token's claims", async () => {
      const agent = await createUser(product, admin, { email: 'claims.agent@okienko.test', name: 'Claims Agent' });
      const forged = signJwt({ sub: agent.id, role: 'admin', iss: 'okienko', iat: now(), exp: now() + 600 }, JWT_SECRET);
      expect((await me(forged)).body.role).toBe('agent');
      expectError(await client(product.baseUrl, forged).get('/users'), 403, 'AUTH_FORBIDDEN');
    });

    it("stops a deactivated user's token at once, refuses their login, and lets them back in when reactivated", async () => {
      const agent = await createUser(product, admin, { email: 'leaving@okienko.test', name: 'Leaving Agent' });
      expect((await agent.api.get('/auth/me')).status).toBe(200);

      expect((await admin.patch(`/users/${agent.id}`, { active: false })).status).toBe(200);
      expectError(await agent.api.get('/auth/me'), 401, 'AUTH_INVALID_TOKEN');
      expectError(await agent.api.get('/tickets'), 401, 'AUTH_INVALID_TOKEN');
      expectError(
        await http().post(`${API}/auth/login`).send({ email: agent.email, password: agent.password }),
        401,
        'AUTH_BAD_CREDENTIALS',
      );

      expect((await admin.patch(`/users/${agent.id}`, { active: true })).status).toBe(200);
      expect((await agent.api.get('/auth/me')).status).toBe(200);
    });

    it('signs a user out everywhere when their password changes', async () => {
      const agent = await createUser(product, admin, { email: 'new.password@okienko.test', name: 'New Password' });
      // Tokens carry whole seconds: issue the old one a second before the change.
      const old = signJwt({ sub: agent.id, role: 'agent', iss: 'okienko', iat: now() - 1, exp: now() + 600 }, JWT_SECRET);
      expect((await me(old)).status).toBe(200);

      expect((await admin.patch(`/users/${agent.id}`, { password: 'Brand-new-password-1' })).status).toBe(200);
      expectError(await me(old), 401, 'AUTH_INVALID_TOKEN');
      const login = await http().post(`${API}/auth/login`).send({ email: agent.email, password: 'Brand-new-password-1' });
      expect(login.status).toBe(200);
      expect((await me(login.body.accessToken)).body.email).toBe(agent.email);
    });

    it('signs a user out when the password changes in the same second the token was issued', async () => {
      const agent = await createUser(product, admin, { email: 'same.second@okienko.test', name: 'Same Second' });
      const issued = await http().post(`${API}/auth/login`).send({ email: agent.email, password: agent.password });
      expect(issued.status).toBe(200);
      // Hand-made as an older version would have issued it: no token generation, issued this second.
      const handMade = signJwt({ sub: agent.id, role: 'agent', iss: 'okienko', iat: now(), exp: now() + 600 }, JWT_SECRET);
      expect((await me(issued.body.accessToken)).status).toBe(200);
      expect((await me(handMade)).status).toBe(200);

      expect((await admin.patch(`/users/${agent.id}`, { password: 'Same-second-password-2' })).status).toBe(200);
      expectError(await me(issued.body.accessToken), 401, 'AUTH_INVALID_TOKEN');
      expectError(await me(handMade), 401, 'AUTH_INVALID_TOKEN');
      expectError(await agent.api.get('/tickets'), 401, 'AUTH_INVALID_TOKEN');

      // A token issued after the change works, also within the same second.
      const fresh = await http().post(`${API}/auth/login`).send({ email: agent.email, password: 'Same-second-password-2' });
      expect(fresh.status).toBe(200);
      expect((await me(fresh.body.accessToken)).status).toBe(200);
    });

    it('refuses a well-signed token without an expiry (exp) with 401', async () => {
      const withoutExp = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now() }, JWT_SECRET);
      expectError(await me(withoutExp), 401, 'AUTH_INVALID_TOKEN');
      const withoutAnyTime = signJwt({ sub: adminId, role: 'admin', iss: 'okienko' }, JWT_SECRET);
      expectError(await me(withoutAnyTime), 401, 'AUTH_INVALID_TOKEN');
      const nonNumericExp = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now(), exp: 'never' }, JWT_SECRET);
      expectError(await me(nonNumericExp), 401, 'AUTH_INVALID_TOKEN');
    });

    it('accepts tokens signed with JWT_SECRET_PREVIOUS during a rotation, and signs new ones with JWT_SECRET', async () => {
      const beforeRotation = signJwt({ sub: adminId, role: 'admin', iss: 'okienko', iat: now(), exp: now() + 600 }, JWT_SECRET_PREVIOUS);
      expect((await me(beforeRotation)).status).toBe(200);
      const fresh = await http().post(`${API}/auth/login`).send(product.admin);
      const [header, payload, signature] = (fresh.body.accessToken as string).split('.');
      const resigned = signJwt(jwtClaims(fresh.body.accessToken), JWT_SECRET);
      expect(resigned).toBe(`${header}.${payload}.${signature}`);
    });

    it('never stores a JWT_SECRET given by the operator (nor the previous one): it is only read from the environment', async () => {
      // Signing in and survey links are what would need the secret.
      expect((await http().post(`${API}/auth/login`).send(product.admin)).status).toBe(200);
      const db = new pg.Client({ connectionString: product.databaseUrl });
      await db.connect();
      try {
        const rows = (await db.query<{ key: string; value: string }>('SELECT key, value FROM settings')).rows;
        expect(rows.map((row) => row.key)).not.toContain('jwt_secret');
        for (const row of rows) {
          expect(row.value).not.toContain(JWT_SECRET);
          expect(row.value).not.toContain(JWT_SECRET_PREVIOUS);
        }
      } finally {
        await db.end();
      }
    });

    it("stops a deleted user's token", async () => {
      const agent = await createUser(product, admin, { email: 'deleted@okienko.test', name: 'Deleted Agent' });
      expect((await admin.delete(`/users/${agent.id}`)).status).toBe(204);
      expectError(await agent.api.get('/auth/me'), 401, 'AUTH_INVALID_TOKEN');
    });

    it('applies a role change to an existing token at once', async () => {
      const agent = await createUser(product, admin, { email: 'promoted@okienko.test', name: 'Promoted Agent' });
      expectError(await agent.api.get('/users'), 403, 'AUTH_FORBIDDEN');
      expect((await admin.patch(`/users/${agent.id}`, { role: 'admin' })).status).toBe(200);
      expect((await agent.api.get('/users')).status).toBe(200);
      expect((await admin.patch(`/users/${agent.id}`, { role: 'agent' })).status).toBe(200);
      expectError(await agent.api.get('/users'), 403, 'AUTH_FORBIDDEN');
    });
  });

  describe('API tokens', () => {
    it('are created by an admin, shown once, work as Bearer and are refused after DELETE', async () => {
      const created = await admin.post('/api-tokens', { name: 'Shop integration' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Shop integration',
        token: expect.stringMatching(/^okn_[A-Za-z0-9_-]{40,}$/),
        tokenPrefix: expect.any(String),
        role: 'agent',
        queueIds: [],
        createdAt: expect.any(String),
        expiresAt: null,
        lastUsedAt: null,
        revokedAt: null,
      });
      const { id, token, tokenPrefix } = created.body as { id: string; token: string; tokenPrefix: string };
      expect(token.startsWith(tokenPrefix)).toBe(true);
      expect(tokenPrefix.length).toBeLessThan(token.length / 2);

      // The list never shows the secret again.
      const list = await admin.get('/api-tokens');
      expect(list.status).toBe(200);
      const listed = (list.body.items as { id: string }[]).find((t) => t.id === id);
      expect(listed).toEqual(expect.objectContaining({ id, name: 'Shop integration', tokenPrefix, revokedAt: null }));
      expect(JSON.stringify(list.body)).not.toContain(token);
      expect(listed).not.toHaveProperty('token');
      expect(listed).not.toHaveProperty('tokenHash');

      const who = await me(token);
      expect(who.status).toBe(200);
      expect(who.body).toEqual({ type: 'api_token', id, name: 'Shop integration', role: 'agent', email: null, locale: 'pl' });
      expect((await client(product.baseUrl, token).get('/tickets')).status).toBe(200);

      const used = (await admin.get('/api-tokens')).body.items.find((t: { id: string }) => t.id === id);
      expect(used.lastUsedAt).not.toBeNull();

      expect((await admin.delete(`/api-tokens/${id}`)).status).toBe(204);
      expectError(await me(token), 401, 'AUTH_INVALID_TOKEN');
      expectError(await client(product.baseUrl, token).get('/tickets'), 401, 'AUTH_INVALID_TOKEN');
      const revoked = (await admin.get('/api-tokens')).body.items.find((t: { id: string }) => t.id === id);
      expect(revoked.revokedAt).not.toBeNull();

      // Revoking again is harmless; an unknown token is a 404.
      expect((await admin.delete(`/api-tokens/${id}`)).status).toBe(204);
      expectError(await admin.delete(`/api-tokens/${randomUUID()}`), 404, 'API_TOKEN_NOT_FOUND');
    });

    it('with an admin role can do what an admin can', async () => {
      const created = await admin.post('/api-tokens', { name: 'Provisioning', role: 'admin' });
      expect(created.status).toBe(201);
      expect(created.body.role).toBe('admin');
      const res = await client(product.baseUrl, created.body.token).get('/users');
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
    });

    it('stop working once expiresAt has passed, and work until then', async () => {
      const expired = await admin.post('/api-tokens', { name: 'Old', expiresAt: new Date(Date.now() - 60_000).toISOString() });
      expect(expired.status).toBe(201);
      expectError(await me(expired.body.token), 401, 'AUTH_INVALID_TOKEN');

      const valid = await admin.post('/api-tokens', { name: 'Fresh', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(valid.status).toBe(201);
      expect((await me(valid.body.token)).status).toBe(200);
    });

    it('refuse a made-up token that looks like one', async () => {
      expectError(await me(`okn_${'A'.repeat(43)}`), 401, 'AUTH_INVALID_TOKEN');
    });

    it('cannot be created without a name, with an unknown role or a malformed expiry', async () => {
      expectFieldErrors(await admin.post('/api-tokens', { role: 'root', expiresAt: 'tomorrow' }), ['name', 'role', 'expiresAt']);
    });
  });

  describe(`brute-force throttle (LOGIN_MAX_ATTEMPTS=${LOGIN_MAX_ATTEMPTS})`, () => {
    it('refuses the next attempt after the limit with 429, Retry-After and AUTH_TOO_MANY_ATTEMPTS, even with the right password', async () => {
      const victim = await createUser(product, admin, { email: 'victim@okienko.test', name: 'Victim', password: 'Victim-password-1' });
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) {
        // Letter case does not give the attacker fresh attempts.
        const email = i % 2 ? victim.email.toUpperCase() : victim.email;
        expectError(await http().post(`${API}/auth/login`).send({ email, password: `guess-${i}-guess` }), 401, 'AUTH_BAD_CREDENTIALS');
      }
      const blocked = await http().post(`${API}/auth/login`).send({ email: victim.email, password: victim.password });
      expectError(blocked, 429, 'AUTH_TOO_MANY_ATTEMPTS');
      expect(blocked.body.accessToken).toBeUndefined();
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(blocked.body.details.retryAfterSeconds).toBe(retryAfter);

      // The token issued before the lock keeps working, and other accounts can still sign in.
      expect((await victim.api.get('/auth/me')).status).toBe(200);
      expect((await http().post(`${API}/auth/login`).send(product.admin)).status).toBe(200);
    });

    it('checks no more than the limit of 100 concurrent wrong passwords; all the others are refused with 429 unchecked', async () => {
      const target = await createUser(product, admin, { email: 'raced@okienko.test', name: 'Raced', password: 'Raced-password-1' });
      const attempts = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          http().post(`${API}/auth/login`).set('X-Forwarded-For', '203.0.113.10').send({ email: target.email, password: `wrong-guess-${i}` }),
        ),
      );
      const statuses = attempts.map((res) => res.status);
      // Only a checked password can be answered 401: everything past the limit is 429 without a check.
      expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_MAX_ATTEMPTS);
      expect(statuses.filter((status) => status === 429)).toHaveLength(100 - LOGIN_MAX_ATTEMPTS);
      for (const res of attempts.filter((r) => r.status === 429)) expectError(res, 429, 'AUTH_TOO_MANY_ATTEMPTS');
    });

    it('lets the owner sign in from their own address while an attacker is locked out at another', async () => {
      const owner = await createUser(product, admin, { email: 'owner@okienko.test', name: 'Owner', password: 'Owner-password-1' });
      const from = (address: string, password: string) =>
        http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email: owner.email, password });
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) expectError(await from('198.51.100.66', `guess-${i}-guess`), 401, 'AUTH_BAD_CREDENTIALS');
      for (let i = 0; i < 5; i++) expectError(await from('198.51.100.66', `guess-more-${i}`), 429, 'AUTH_TOO_MANY_ATTEMPTS');
      // Even the right password is refused at the attacker's address…
      expectError(await from('198.51.100.66', owner.password), 429, 'AUTH_TOO_MANY_ATTEMPTS');
      // …but the owner at their usual address signs in, also after a typo of their own.
      expectError(await from('192.0.2.20', 'owner-typo-1'), 401, 'AUTH_BAD_CREDENTIALS');
      const signedIn = await from('192.0.2.20', owner.password);
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.accessToken)).body.email).toBe(owner.email);
    });

    it('bounds guessing spread over many addresses at ten times the limit for the e-mail', async () => {
      const spread = await createUser(product, admin, { email: 'spread@okienko.test', name: 'Spread', password: 'Spread-password-1' });
      const from = (address: string, password: string) =>
        http().post(`${API}/auth/login`).set('X-Forwarded-For', address).send({ email: spread.email, password });
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS * 10; i++) {
        expectError(await from(`10.20.${Math.floor(i / 200)}.${i % 200}`, `spread-guess-${i}`), 401, 'AUTH_BAD_CREDENTIALS');
      }
      const blocked = await from('10.99.0.1', spread.password);
      expectError(blocked, 429, 'AUTH_TOO_MANY_ATTEMPTS');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('forgets the failures after a successful sign-in', async () => {
      const user = await createUser(product, admin, { email: 'forgetful@okienko.test', name: 'Forgetful', password: 'Forgetful-password-1' });
      const attempt = (password: string) => http().post(`${API}/auth/login`).send({ email: user.email, password });
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS - 1; i++) expect((await attempt('wrong-password')).status).toBe(401);
      expect((await attempt(user.password)).status).toBe(200);
      for (let i = 0; i < LOGIN_MAX_ATTEMPTS - 1; i++) expect((await attempt('wrong-password')).status).toBe(401);
      expect((await attempt(user.password)).status).toBe(200);
    });
  });

  describe('password policy', () => {
    const refused = ['password', '12345678', 'qwerty123', 'zaq12wsx', 'ZAQ12WSX', 'Password1', 'iloveyou', 'haslo123', 'polska123', '        ', ' \t\n  \t  '];

    it.each(refused)('refuses %j for a new user with 400 naming password', async (password) => {
      const res = await admin.post('/users', { email: `weak.${randomUUID()}@okienko.test`, name: 'Weak', password });
      expectFieldErrors(res, ['password']);
    });

    it.each(refused)('refuses %j as a new password with 400 naming password, and the old one keeps working', async (password) => {
      const user = await createUser(product, admin, { email: `change.${randomUUID()}@okienko.test`, name: 'Change', password: 'Unchanged-password-1' });
      expectFieldErrors(await admin.patch(`/users/${user.id}`, { password }), ['password']);
      expect((await user.api.get('/auth/me')).status).toBe(200);
      expect((await http().post(`${API}/auth/login`).send({ email: user.email, password: 'Unchanged-password-1' })).status).toBe(200);
    });

    it('refuses 123456 (too short and too common) naming password', async () => {
      expectFieldErrors(await admin.post('/users', { email: 'short.common@okienko.test', name: 'Short', password: '123456' }), ['password']);
    });

    it('accepts a password that merely contains a common one', async () => {
      const res = await admin.post('/users', { email: 'strong@okienko.test', name: 'Strong', password: 'password-of-a-kind-1' });
      expect(res.status).toBe(201);
    });
  });

  it('the login helper really signs in (sanity check of the test support)', async () => {
    const token = await login(product.baseUrl, product.admin.email, product.admin.password);
    expect((await me(token)).body.id).toBe(adminId);
  });
});
