import type { NextFunction, Request, Response } from 'express';

/**
 * The policy of the agent panel (its pages, its built files, Swagger UI):
 * only its own scripts run; PrimeVue injects its theme as inline styles;
 * attachments, and the inline images of mail, are shown from `blob:` URLs the
 * panel makes of what it fetched with the session; no page may frame it.
 * index.html carries the same policy (without `frame-ancestors`, which only
 * works as a header) for when it is opened from elsewhere.
 */
export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of API answers (JSON, files): nothing in them may load, run or be framed. */
export const API_CSP = ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');

/** Answers under /api that are pages of their own: Swagger UI. */
function isApiDocs(path: string): boolean {
  return path === '/api/docs' || path.startsWith('/api/docs/');
}

/**
 * Security headers on every answer: a Content-Security-Policy (the panel's,
 * or the stricter one of the API), no framing (`frame-ancestors 'none'` and
 * `X-Frame-Options: DENY` for older browsers), no content sniffing and no
 * referrer. A route that needs its own policy (attachments, the survey page)
 * sets it after this and so replaces it.
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  const api = request.path.startsWith('/api/') && !isApiDocs(request.path);
  response.setHeader('Content-Security-Policy', api ? API_CSP : PANEL_CSP);
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}
