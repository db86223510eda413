import { computed, onScopeDispose, shallowRef, watch } from 'vue';
import type { TicketMessage } from '../../../entities/ticket/api';
import { fetchAttachment } from './attachment-file';
import { isPreviewableImage } from './attachment-preview';

/** `src="/api/v1/tickets/<ticket>/attachments/<attachment>"` in a message's HTML; group 4: the attachment's id. */
const ATTACHMENT_SOURCE = /(\ssrc\s*=\s*)(["'])\/api\/v1\/tickets\/([^/"'\s]+)\/attachments\/([^/"'\s]+)\2/gi;

/** The ids of the attachments whose URL the HTML uses as an image source. */
function referencedAttachmentIds(html: string): Set<string> {
  return new Set([...html.matchAll(ATTACHMENT_SOURCE)].map((match) => match[4]!));
}

/**
 * The HTML of a message with its inline pictures shown. The API points a
 * mail's `cid:` images at their attachments' URLs, which only answer with the
 * session's bearer token, so each picture is fetched like an attachment
 * thumbnail and its `blob:` URL put in its place (the message frame's policy
 * allows `img-src data: blob:` only). Only picture attachments of this very
 * message are fetched; any other source stays as it is and so stays blank.
 * The blob URLs are released with the component.
 */
export function useInlineImages(ticketId: () => string, message: () => TicketMessage) {
  const blobUrls = shallowRef(new Map<string, string>());
  const requested = new Set<string>();
  let disposed = false;

  const wanted = computed(() => {
    const html = message().bodyHtml;
    if (!html) return [];
    const ids = referencedAttachmentIds(html);
    return message().attachments.filter((attachment) => ids.has(attachment.id) && isPreviewableImage(attachment.contentType));
  });

  watch(
    wanted,
    (attachments) => {
      for (const attachment of attachments) {
        if (requested.has(attachment.id)) continue;
        requested.add(attachment.id);
        fetchAttachment(ticketId(), attachment).then(
          (blob) => {
            if (disposed) return;
            blobUrls.value = new Map(blobUrls.value).set(attachment.id, URL.createObjectURL(blob));
          },
          () => undefined, // a picture that cannot be had stays blank, like a broken image
        );
      }
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    disposed = true;
    for (const url of blobUrls.value.values()) URL.revokeObjectURL(url);
  });

  const html = computed(() => {
    const source = message().bodyHtml;
    if (!source || blobUrls.value.size === 0) return source;
    const urls = blobUrls.value;
    return source.replace(ATTACHMENT_SOURCE, (whole, before: string, quote: string, _ticket: string, id: string) => {
      const url = urls.get(id);
      return url ? `${before}${quote}${url}${quote}` : whole;
    });
  });

  return { html };
}
