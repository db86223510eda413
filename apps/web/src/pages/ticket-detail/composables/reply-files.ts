/**
 * Files sent with a reply travel base64-encoded in the request, whose body may
 * be 10 MB: 7 MB of files in all leaves room for the encoding and the text.
 */
export const REPLY_FILES_LIMIT_BYTES = 7 * 1024 * 1024;

export interface ReplyFile {
  key: string;
  file: File;
}

let counter = 0;

/** A pasted image has no useful name: it gets one by its time. */
export function namedFile(file: File): File {
  if (file.name && file.name !== 'image.png') return file;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const extension = file.type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  return new File([file], `obraz-${stamp}.${extension}`, { type: file.type });
}

export function replyFile(file: File): ReplyFile {
  return { key: `${++counter}-${file.name}`, file };
}

export function totalSize(files: readonly ReplyFile[]): number {
  return files.reduce((sum, f) => sum + f.file.size, 0);
}

/** "7 MB", "27 kB", "512 B". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}

/** The file as the API takes it: name, MIME type, base64 bytes. */
export async function attachmentInput(file: File): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
  return { filename: file.name || 'plik', contentType, contentBase64: btoa(binary) };
}
