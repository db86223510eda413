import type { Request } from 'express';

/**
 * The fields of a form-encoded request body (`application/x-www-form-urlencoded`),
 * read from the request itself: the API parses JSON only. Null when the body
 * is not form-encoded or larger than `limitBytes`.
 */
export async function readFormBody(request: Request, limitBytes: number): Promise<URLSearchParams | null> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
