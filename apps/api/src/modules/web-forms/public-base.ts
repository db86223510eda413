import type { Request } from 'express';

/** The origin a request reached us on (behind a proxy on loopback: the scheme it names). */
export function requestOrigin(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

/**
 * Where customers' links point: PUBLIC_URL, unless it names no usable port
 * (PUBLIC_URL left out while HTTP_PORT=0 picks a free one): then the origin
 * the request reached us on.
 */
export function publicBase(publicUrl: string, fallbackOrigin: string | null): string {
  const url = new URL(publicUrl);
  if (url.port === '0' && fallbackOrigin) return fallbackOrigin;
  return publicUrl.replace(/\/+$/, '');
}
