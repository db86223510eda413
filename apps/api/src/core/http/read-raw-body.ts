import type { Request } from 'express';

/** The raw body of a request (a file sent as its bytes), or null beyond `limit` bytes. */
export async function readRawBody(request: Request, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A file name safe to store and show: no path separators or NUL, at most 200 characters. */
export function safeFilename(name: string, fallback: string): string {
  return name.replace(/[\\/\0]/g, '_').slice(0, 200) || fallback;
}

/** The request's Content-Type as a MIME type, else application/octet-stream. */
export function mimeTypeOf(request: Request): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';
}
