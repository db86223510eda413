import type { Response } from 'express';

/** CORS answers for an origin already checked against the form's allowedOrigins. */
export function corsFor(response: Response, origin: string | null, preflight = false): void {
  response.setHeader('Vary', 'Origin');
  if (!origin) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  if (preflight) {
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
    response.setHeader('Access-Control-Max-Age', '600');
  }
}
