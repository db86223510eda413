import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link to a reply's attachment works. */
export const ATTACHMENT_LINK_TTL_SECONDS = 7 * 24 * 3600;

function mac(secret: string, attachmentId: string, expires: number): string {
  return createHmac('sha256', secret).update(`attachment.${attachmentId}.${expires}`).digest('base64url');
}

/** The query of a signed, expiring link to an attachment: `expires` (Unix seconds) and `signature`. */
export function signAttachmentLink(secret: string, attachmentId: string, now: Date, ttlSeconds = ATTACHMENT_LINK_TTL_SECONDS): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  return `expires=${expires}&signature=${mac(secret, attachmentId, expires)}`;
}

/** Whether a link's `expires` and `signature` are ours and not expired. */
export function verifyAttachmentLink(secret: string, attachmentId: string, expires: string | undefined, signature: string | undefined, now: Date): boolean {
  if (!expires || !signature || !/^\d{1,12}$/.test(expires) || Number(expires) < now.getTime() / 1000) return false;
  const expected = Buffer.from(mac(secret, attachmentId, Number(expires)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
