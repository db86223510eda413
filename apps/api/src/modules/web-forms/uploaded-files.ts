import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import type { UploadedFile } from './submission-files.js';

/** A file as multer hands it over (memory storage). */
export interface MulterFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

/** Multer's limits on the public routes: what the largest form field allows, with room for the fields. */
export const PUBLIC_UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024, files: 20, fields: 100, fieldSize: 64 * 1024, parts: 120 };

/** Multipart `photos` and `photos[]` are the same field. */
function fieldName(name: string): string {
  return name.replace(/\[\]$/, '');
}

/**
 * The files of a request: multipart parts, or in JSON `files: [{field,
 * filename, contentType, content (base64)}]` (within the JSON body limit).
 */
export function uploadedFiles(multipart: MulterFile[] | undefined, body: Record<string, unknown>): UploadedFile[] {
  const files: UploadedFile[] = (multipart ?? []).map((f) => ({
    field: fieldName(f.fieldname), filename: f.originalname, contentType: f.mimetype, content: f.buffer,
  }));
  const json = body.files;
  if (json === undefined || multipart?.length) return files;
  if (!Array.isArray(json) || json.length > 20) throw filesError('files must be a list of at most 20 {field, filename, content (base64)}');
  json.forEach((f: unknown, i) => {
    const file = f as { field?: unknown; filename?: unknown; contentType?: unknown; content?: unknown };
    if (typeof file?.field !== 'string' || typeof file.filename !== 'string' || typeof file.content !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(file.content)) {
      throw filesError(`files.${i} must be {field, filename, content (base64)}`);
    }
    files.push({
      field: fieldName(file.field), filename: file.filename, contentType: typeof file.contentType === 'string' ? file.contentType : 'application/octet-stream',
      content: Buffer.from(file.content, 'base64'),
    });
  });
  return files;
}

function filesError(message: string): BadRequestException {
  return new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields: [{ field: 'files', errors: [message] }] } });
}

/** The client's address (behind a proxy on loopback: the one it names). */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** The Origin header, when a browser sent one (`null` origins count as none named). */
export function originOf(request: Request): string | null {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : null;
}
