/** The attachment URL of the API, which answers the file to whoever may see the ticket. */
export function attachmentUrl(ticketId: string, attachmentId: string): string {
  return `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

/** The Content-ID a `cid:` URL names: HTML entities and %-escapes undone (RFC 2392), angle brackets dropped. */
function contentIdOf(cidUrl: string): string {
  const unescaped = cidUrl.replace(/&(amp|lt|gt|quot|apos|#39|#34);/g, (_, name: string) => ENTITIES[name]!);
  let decoded = unescaped;
  try {
    decoded = decodeURIComponent(unescaped);
  } catch {
    // a stray % is taken as it stands
  }
  return decoded.trim().replace(/^<|>$/g, '');
}

/** `src="cid:…"` (or single-quoted) of an `<img>`; group 1: everything before the value, 2: the quote, 3: the URL after `cid:`. */
const CID_SOURCE = /(<img\b[^>]*?\ssrc\s*=\s*)(["'])cid:([^"'>]*)\2/gi;

/**
 * Points the `cid:` images of a message's HTML at the API's URL of the
 * attachment with that Content-ID, so inline pictures of a mail can be shown
 * (a `cid:` URL means nothing to a browser). Images whose attachment is not
 * among the message's own stay as they are, and so stay blank.
 */
export function inlineImageUrls(
  html: string,
  ticketId: string,
  attachments: readonly { id: string; contentId: string | null }[],
): string {
  const byContentId = new Map<string, string>();
  for (const attachment of attachments) {
    if (!attachment.contentId) continue;
    const key = attachment.contentId.trim().replace(/^<|>$/g, '');
    byContentId.set(key, attachment.id);
    if (!byContentId.has(key.toLowerCase())) byContentId.set(key.toLowerCase(), attachment.id);
  }
  if (byContentId.size === 0 || !/cid:/i.test(html)) return html;
  return html.replace(CID_SOURCE, (whole, before: string, quote: string, cid: string) => {
    const contentId = contentIdOf(cid);
    const attachmentId = byContentId.get(contentId) ?? byContentId.get(contentId.toLowerCase());
    return attachmentId ? `${before}${quote}${attachmentUrl(ticketId, attachmentId)}${quote}` : whole;
  });
}
