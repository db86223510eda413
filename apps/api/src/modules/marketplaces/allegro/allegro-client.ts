import { OutboundHttpService, type OutboundResponse } from '../../webhooks/outbound-http.service.js';

/** Allegro's media type of the public REST API (asked for on every call). */
const ALLEGRO_JSON = 'application/vnd.allegro.public.v1+json';

/** Where an account is reached: the REST API and the OAuth server (sandbox URLs work the same). */
export interface AllegroEndpoints {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface AllegroTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AllegroThread {
  id: string;
  read: boolean;
  lastMessageDateTime: string | null;
  interlocutor: { login: string } | null;
}

export interface AllegroMessage {
  id: string;
  status: string;
  type: string;
  createdAt: string;
  thread: { id: string };
  author: { login: string; isInterlocutor: boolean };
  text: string;
  subject?: string | null;
  relatesTo?: { offer?: { id: string } | null; order?: { id: string } | null } | null;
  attachments?: { fileName: string; url: string; mimeType?: string }[];
}

/** An answer of Allegro that is not a success; `retryAfterSeconds` from a 429's Retry-After. */
export class AllegroError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Allegro's OAuth device flow and message centre, through the guarded
 * outbound client. Every API call asks for `application/vnd.allegro.public.v1+json`.
 */
export class AllegroClient {
  constructor(
    private readonly http: OutboundHttpService,
    private readonly endpoints: AllegroEndpoints,
  ) {}

  private basic(): string {
    return `Basic ${Buffer.from(`${this.endpoints.clientId}:${this.endpoints.clientSecret}`).toString('base64')}`;
  }

  /** Starts the device flow: the code the admin enters at Allegro. */
  async deviceCode(): Promise<{ deviceCode: string; userCode: string; verificationUri: string; verificationUriComplete: string; expiresIn: number; interval: number }> {
    const answer = await this.http.request('POST', `${this.endpoints.authUrl}/auth/oauth/device`, {
      headers: { authorization: this.basic(), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: `client_id=${encodeURIComponent(this.endpoints.clientId)}`,
    });
    const body = parse(answer, 'the device code');
    return {
      deviceCode: String(body.device_code),
      userCode: String(body.user_code),
      verificationUri: String(body.verification_uri),
      verificationUriComplete: String(body.verification_uri_complete ?? body.verification_uri),
      expiresIn: Number(body.expires_in ?? 3600),
      interval: Number(body.interval ?? 5),
    };
  }

  /** Asks for the tokens of a device code; AllegroError with code `authorization_pending` / `slow_down` while waiting. */
  async tokenForDevice(deviceCode: string): Promise<AllegroTokens> {
    const query = `grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:device_code')}&device_code=${encodeURIComponent(deviceCode)}`;
    return this.token(query);
  }

  async refresh(refreshToken: string): Promise<AllegroTokens> {
    return this.token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`);
  }

  private async token(query: string): Promise<AllegroTokens> {
    const answer = await this.http.request('POST', `${this.endpoints.authUrl}/auth/oauth/token?${query}`, {
      headers: { authorization: this.basic(), accept: 'application/json' },
    });
    const body = parse(answer, 'a token');
    return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token), expiresIn: Number(body.expires_in ?? 43200) };
  }

  async threads(token: string, offset: number, limit = 20): Promise<AllegroThread[]> {
    const body = await this.api(token, 'GET', `/messaging/threads?limit=${limit}&offset=${offset}`);
    return (body.threads as AllegroThread[] | undefined) ?? [];
  }

  /** The thread's messages after a moment (newest first, as Allegro lists them). */
  async messages(token: string, threadId: string, after: Date | null, offset = 0, limit = 20): Promise<AllegroMessage[]> {
    const since = after ? `&after=${encodeURIComponent(after.toISOString())}` : '';
    const body = await this.api(token, 'GET', `/messaging/threads/${encodeURIComponent(threadId)}/messages?limit=${limit}&offset=${offset}${since}`);
    return (body.messages as AllegroMessage[] | undefined) ?? [];
  }

  async markRead(token: string, threadId: string): Promise<void> {
    await this.api(token, 'PUT', `/messaging/threads/${encodeURIComponent(threadId)}/read`, JSON.stringify({ read: true }));
  }

  async send(token: string, threadId: string, text: string, attachmentIds: string[]): Promise<AllegroMessage> {
    const body = JSON.stringify({ text, attachments: attachmentIds.map((id) => ({ id })) });
    return (await this.api(token, 'POST', `/messaging/threads/${encodeURIComponent(threadId)}/messages`, body)) as unknown as AllegroMessage;
  }

  /** Declares an attachment, then uploads its bytes; answers its id. */
  async attach(token: string, file: { filename: string; contentType: string; content: Buffer }): Promise<string> {
    const declared = await this.api(token, 'POST', '/messaging/message-attachments', JSON.stringify({ filename: file.filename, size: file.content.length }));
    const id = String(declared.id);
    const answer = await this.http.request('PUT', `${this.endpoints.apiUrl}/messaging/message-attachments/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${token}`, accept: ALLEGRO_JSON, 'content-type': file.contentType },
      body: file.content,
    });
    parse(answer, 'the attachment upload');
    return id;
  }

  private async api(token: string, method: string, path: string, body?: string): Promise<Record<string, unknown>> {
    const answer = await this.http.request(method, `${this.endpoints.apiUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: ALLEGRO_JSON, ...(body ? { 'content-type': ALLEGRO_JSON } : {}) },
      body,
    });
    return parse(answer, `${method} ${path.split('?')[0]}`);
  }
}

function parse(answer: OutboundResponse, what: string): Record<string, unknown> {
  if (answer.status === null) throw new AllegroError(`Allegro could not be reached for ${what}: ${answer.error}`, null);
  let body: Record<string, unknown> = {};
  try {
    body = answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  if (answer.status >= 200 && answer.status < 300) return body;
  const code = typeof body.error === 'string' ? body.error : null;
  const retryAfter = answer.headers['retry-after'];
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  const detail = code ?? (Array.isArray(body.errors) ? JSON.stringify(body.errors).slice(0, 200) : answer.body.slice(0, 200));
  throw new AllegroError(`Allegro answered HTTP ${answer.status} for ${what}${detail ? `: ${detail}` : ''}`, answer.status, code, seconds);
}
