import { createHash } from 'node:crypto';
import { fieldMessage, type FieldError, type FormField, type FormLanguage } from '@okienko/domain';
import type { NewAttachment } from '../tickets/messages.repository.js';

/** A file as it reached us (multipart, or base64 in JSON), named by the form field it was given for. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a file's first bytes say it is; null when nothing we accept. */
function sniff(content: Buffer, filename: string): string | null {
  const head = content.subarray(0, 16);
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (head.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (head.toString('latin1', 4, 12) === 'ftypheic' || head.toString('latin1', 4, 12) === 'ftypmif1') return 'image/heic';
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const office: Record<string, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      odt: 'application/vnd.oasis.opendocument.text',
      ods: 'application/vnd.oasis.opendocument.spreadsheet',
    };
    return office[extension] ?? null;
  }
  if (extension === 'txt' && !content.subarray(0, 4096).includes(0) && !looksLikeMarkup(content)) return 'text/plain';
  return null;
}

/** HTML, SVG or XML: what a browser might run. */
function looksLikeMarkup(content: Buffer): boolean {
  const start = content.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  return /^(<!doctype|<html|<script|<svg|<\?xml|<body|<head|<iframe)/.test(start);
}

/** Executables and scripts, by their name or their first bytes. */
const EXECUTABLE_EXTENSIONS = /\.(exe|com|bat|cmd|msi|scr|pif|dll|js|mjs|vbs|vbe|jse|wsf|ps1|sh|jar|apk|app|html?|xhtml|svg|hta|php|py|pl)$/i;

function isExecutable(file: UploadedFile): boolean {
  const h = file.content;
  return (
    EXECUTABLE_EXTENSIONS.test(file.filename) ||
    (h[0] === 0x4d && h[1] === 0x5a) || // MZ: Windows
    (h[0] === 0x7f && h[1] === 0x45 && h[2] === 0x4c && h[3] === 0x46) || // ELF
    (h[0] === 0x23 && h[1] === 0x21) || // #! scripts
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(h.length >= 4 ? h.readUInt32BE(0) : 0) ||
    looksLikeMarkup(h)
  );
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return clean || 'file';
}

export type FilesCheck = { ok: true; attachments: NewAttachment[] } | { ok: false; errors: FieldError[] };

const MESSAGES = {
  pl: {
    tooMany: (l: string, n: string, x: number) => `${n}: do pola „${l}” można dołączyć najwyżej ${x} plików`,
    tooLarge: (l: string, n: string, x: number, f: string) => `${n}: plik ${f} jest większy niż ${x} MB`,
    refused: (l: string, n: string, f: string) => `${n}: plik ${f} ma niedozwolony typ (dozwolone: zdjęcia, PDF, dokumenty)`,
    unknown: (n: string) => `${n}: ten formularz nie przyjmuje plików w tym polu`,
  },
  en: {
    tooMany: (l: string, n: string, x: number) => `${n}: "${l}" takes at most ${x} files`,
    tooLarge: (l: string, n: string, x: number, f: string) => `${n}: the file ${f} is larger than ${x} MB`,
    refused: (l: string, n: string, f: string) => `${n}: the file ${f} is of a type not accepted (photos, PDF, documents are)`,
    unknown: (n: string) => `${n}: this form takes no files in this field`,
  },
};

/**
 * The files of a submission checked against the form's file fields (count,
 * size, type: photos, PDF and office documents; executables, HTML and SVG
 * are refused whatever they are called), as attachments to store
 * (deduplicated by their SHA-256 like mail attachments).
 */
export function checkSubmissionFiles(fields: FormField[], files: UploadedFile[], lang: FormLanguage): FilesCheck {
  const errors: FieldError[] = [];
  const attachments: NewAttachment[] = [];
  const byField = new Map<string, UploadedFile[]>();
  for (const file of files) byField.set(file.field, [...(byField.get(file.field) ?? []), file]);
  for (const [name, list] of byField) {
    const field = fields.find((f) => f.name === name && f.type === 'file');
    if (!field) {
      errors.push({ field: name, message: MESSAGES[lang].unknown(name) });
      continue;
    }
    const label = field.label[lang];
    if (list.length > (field.maxFiles ?? 1)) errors.push({ field: name, message: MESSAGES[lang].tooMany(label, name, field.maxFiles ?? 1) });
    for (const file of list) {
      const filename = safeFilename(file.filename);
      if (file.content.length > (field.maxFileMb ?? 10) * 1024 * 1024) {
        errors.push({ field: name, message: MESSAGES[lang].tooLarge(label, name, field.maxFileMb ?? 10, filename) });
        continue;
      }
      const type = isExecutable(file) ? null : sniff(file.content, filename);
      if (!type) {
        errors.push({ field: name, message: MESSAGES[lang].refused(label, name, filename) });
        continue;
      }
      attachments.push({
        filename, contentType: type, content: file.content, sha256: createHash('sha256').update(file.content).digest('hex'), contentId: null, inline: false,
      });
    }
  }
  for (const field of fields) {
    if (field.type === 'file' && field.required && !byField.get(field.name)?.length) {
      errors.push({ field: field.name, message: fieldMessage(lang, 'required', field) });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, attachments };
}
