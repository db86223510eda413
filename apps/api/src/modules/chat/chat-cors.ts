import type { Request, Response } from 'express';

/**
 * CORS for the widget's calls from the shop's pages: any origin may call the
 * public chat routes (the session token, not the origin, is the credential;
 * no cookies are used).
 */
export function chatCors(request: Request, response: Response, preflight = false): void {
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
  response.setHeader('Vary', 'Origin');
  if (!origin) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  if (preflight) {
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID, X-File-Name');
    response.setHeader('Access-Control-Max-Age', '600');
  }
}

/** The session token: `Authorization: Bearer <token>`, else `?token=` (EventSource cannot set headers). */
export function chatToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+\S+$/i.test(header.trim())) return header.trim().split(/\s+/)[1];
  const query = request.query.token;
  return typeof query === 'string' && query ? query : null;
}

/** The client's address as the rate limits count it. */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
