import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Allegro's REST API and OAuth server on 127.0.0.1, written
 * from Allegro's public documentation (developer.allegro.pl: the device flow
 * `POST /auth/oauth/device` and `POST /auth/oauth/token` with HTTP Basic
 * client credentials, `authorization_pending` until the user confirms; the
 * message centre `GET /messaging/threads`, `GET /messaging/threads/{id}/messages`
 * with `after`, `PUT /messaging/threads/{id}/read`,
 * `POST /messaging/threads/{id}/messages`, attachment declaration
 * `POST /messaging/message-attachments` and upload `PUT …/{id}`). API calls
 * need the bearer token and `Accept: application/vnd.allegro.public.v1+json`
 * (406 otherwise). Tests queue failures (429 with Retry-After, 503) per route.
 */
export interface AllegroStandIn {
  url: string;
  clientId: string;
  clientSecret: string;
  /** The user confirmed the device code at Allegro. */
  approve(): void;
  /** Adds a buyer's (or the shop's) message to a thread, creating the thread. */
  addMessage(threadId: string, message: { login: string; text: string; fromBuyer?: boolean; orderId?: string; offerId?: string }): string;
  threads: Map<string, { id: string; read: boolean; login: string; messages: StandInMessage[] }>;
  /** Messages the shop sent through the API. */
  sent: { threadId: string; text: string; attachments: { id: string }[] }[];
  uploads: Map<string, { filename: string; size: number; contentType?: string; bytes?: Buffer }>;
  /** Answers the next calls of a route (`GET /messaging/threads`) with these failures. */
  failures: Map<string, { status: number; retryAfter?: number }[]>;
  /** How often each route was called. */
  calls: Map<string, number>;
  tokenRequests: { grantType: string }[];
  close(): Promise<void>;
}

interface StandInMessage {
  id: string;
  status: string;
  type: string;
  createdAt: string;
  thread: { id: string };
  author: { login: string; isInterlocutor: boolean };
  text: string;
  subject: string | null;
  relatesTo: { offer: { id: string } | null; order: { id: string } | null };
  hasAdditionalAttachments: boolean;
  attachments: { fileName: string; url: string }[];
}

const MEDIA = 'application/vnd.allegro.public.v1+json';

export async function startAllegroStandIn(): Promise<AllegroStandIn> {
  const clientId = `client-${randomUUID().slice(0, 8)}`;
  const clientSecret = `secret-${randomUUID()}`;
  const deviceCode = `device-${randomUUID()}`;
  let approved = false;
  let clock = Date.now() - 60_000;
  const tokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const stand = {
    clientId,
    clientSecret,
    threads: new Map(),
    sent: [],
    uploads: new Map(),
    failures: new Map(),
    calls: new Map(),
    tokenRequests: [],
  } as unknown as AllegroStandIn;

  const json = (res: ServerResponse, status: number, body: unknown, type = MEDIA) => res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
  const basicOk = (req: IncomingMessage) => req.headers.authorization === `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

  const issue = (res: ServerResponse) => {
    const access = `access-${randomUUID()}`;
    const refresh = `refresh-${randomUUID()}`;
    tokens.add(access);
    refreshTokens.add(refresh);
    json(res, 200, { access_token: access, token_type: 'bearer', refresh_token: refresh, expires_in: 43199, scope: 'allegro:api:messaging', jti: randomUUID() }, 'application/json');
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://allegro');
    const route = `${req.method} ${url.pathname.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}').replace(/\/threads\/[^/]+/, '/threads/{id}')}`;
    stand.calls.set(route, (stand.calls.get(route) ?? 0) + 1);
    const failure = stand.failures.get(route)?.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': MEDIA, ...(failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {}) });
      return res.end(JSON.stringify({ errors: [{ code: failure.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Try again later' }] }));
    }
    if (url.pathname === '/auth/oauth/device' && req.method === 'POST') {
      if (!basicOk(req)) return json(res, 401, { error: 'invalid_client' }, 'application/json');
      return json(res, 200, {
        device_code: deviceCode, expires_in: 3600, user_code: 'ABC-DEF-GHI', interval: 1,
        verification_uri: `${stand.url}/skojarz-aplikacje`, verification_uri_complete: `${stand.url}/skojarz-aplikacje?code=ABCDEFGHI`,
      }, 'application/json');
    }
    if (url.pathname === '/auth/oauth/token' && req.method === 'POST') {
      if (!basicOk(req)) return json(res, 401, { error: 'invalid_client' }, 'application/json');
      const grantType = url.searchParams.get('grant_type') ?? '';
      stand.tokenRequests.push({ grantType });
      if (grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
        if (url.searchParams.get('device_code') !== deviceCode) return json(res, 400, { error: 'invalid_grant' }, 'application/json');
        if (!approved) return json(res, 400, { error: 'authorization_pending' }, 'application/json');
        return issue(res);
      }
      if (grantType === 'refresh_token' && refreshTokens.delete(url.searchParams.get('refresh_token') ?? '')) return issue(res);
      return json(res, 400, { error: 'invalid_grant' }, 'application/json');
    }
    if (!url.pathname.startsWith('/messaging/')) return json(res, 404, { errors: [{ code: 'NotFound' }] });
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!tokens.has(token)) return json(res, 401, { error: 'invalid_token' }, 'application/json');
    if (req.headers.accept !== MEDIA) return json(res, 406, { errors: [{ code: 'NotAcceptable', message: `Accept ${MEDIA}` }] });

    const threadMatch = /^\/messaging\/threads\/([^/]+)\/(messages|read)$/.exec(url.pathname);
    if (url.pathname === '/messaging/threads' && req.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const all = [...stand.threads.values()]
        .map((t) => ({ id: t.id, read: t.read, lastMessageDateTime: t.messages.at(-1)?.createdAt ?? null, interlocutor: { login: t.login, avatarUrl: null } }))
        .sort((a, b) => (b.lastMessageDateTime ?? '').localeCompare(a.lastMessageDateTime ?? ''));
      return json(res, 200, { threads: all.slice(offset, offset + limit), offset, limit });
    }
    if (threadMatch && threadMatch[2] === 'messages') {
      const thread = stand.threads.get(decodeURIComponent(threadMatch[1]!));
      if (!thread) return json(res, 404, { errors: [{ code: 'ThreadNotFound' }] });
      if (req.method === 'GET') {
        const after = url.searchParams.get('after');
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const list = thread.messages.filter((m) => !after || m.createdAt > after).slice().reverse();
        return json(res, 200, { messages: list.slice(offset, offset + limit), offset, limit });
      }
      if (req.method === 'POST') {
        const given = JSON.parse(body.toString('utf8')) as { text: string; attachments?: { id: string }[] };
        if (!given.text) return json(res, 422, { errors: [{ code: 'VALIDATION_ERROR', message: 'text is required' }] });
        if ((given.attachments ?? []).some((a) => !stand.uploads.get(a.id)?.bytes)) return json(res, 422, { errors: [{ code: 'ATTACHMENT_NOT_UPLOADED' }] });
        stand.sent.push({ threadId: thread.id, text: given.text, attachments: given.attachments ?? [] });
        const message = push(thread, { login: 'sklep_rowerowy', text: given.text, fromBuyer: false });
        return json(res, 201, message);
      }
    }
    if (threadMatch && threadMatch[2] === 'read' && req.method === 'PUT') {
      const thread = stand.threads.get(decodeURIComponent(threadMatch[1]!));
      if (!thread) return json(res, 404, { errors: [{ code: 'ThreadNotFound' }] });
      thread.read = (JSON.parse(body.toString('utf8')) as { read: boolean }).read;
      return json(res, 200, { id: thread.id, read: thread.read });
    }
    if (url.pathname === '/messaging/message-attachments' && req.method === 'POST') {
      const given = JSON.parse(body.toString('utf8')) as { filename: string; size: number };
      const id = randomUUID();
      stand.uploads.set(id, { filename: given.filename, size: given.size });
      return json(res, 201, { id });
    }
    const upload = /^\/messaging\/message-attachments\/([^/]+)$/.exec(url.pathname);
    if (upload && req.method === 'PUT') {
      const declared = stand.uploads.get(upload[1]!);
      if (!declared) return json(res, 404, { errors: [{ code: 'AttachmentNotFound' }] });
      if (declared.size !== body.length) return json(res, 422, { errors: [{ code: 'SIZE_MISMATCH' }] });
      Object.assign(declared, { bytes: body, contentType: req.headers['content-type'] });
      return json(res, 200, { id: upload[1] });
    }
    return json(res, 404, { errors: [{ code: 'NotFound' }] });
  };

  const push = (thread: { id: string; read: boolean; login: string; messages: StandInMessage[] }, m: { login: string; text: string; fromBuyer?: boolean; orderId?: string; offerId?: string }) => {
    clock = Math.max(clock + 1000, Date.now());
    const message: StandInMessage = {
      id: randomUUID(), status: 'VERIFIED', type: 'MAIL', createdAt: new Date(clock).toISOString(), thread: { id: thread.id },
      author: { login: m.login, isInterlocutor: m.fromBuyer !== false }, text: m.text, subject: null,
      relatesTo: { offer: m.offerId ? { id: m.offerId } : null, order: m.orderId ? { id: m.orderId } : null },
      hasAdditionalAttachments: false, attachments: [],
    };
    thread.messages.push(message);
    if (m.fromBuyer !== false) thread.read = false;
    return message;
  };

  stand.approve = () => {
    approved = true;
  };
  stand.addMessage = (threadId, m) => {
    const thread = stand.threads.get(threadId) ?? { id: threadId, read: true, login: m.login, messages: [] };
    stand.threads.set(threadId, thread);
    return push(thread, m).id;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        json(res, 400, { errors: [{ code: 'BAD_REQUEST', message: (error as Error).message }] });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stand;
}
