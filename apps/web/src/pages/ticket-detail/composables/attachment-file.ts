import { api } from '../../../shared/api-client/client';
import { unwrap } from '../../../shared/api-client/errors';
import { isPreviewableImage } from './attachment-preview';

/**
 * An attachment's bytes, fetched with the session's bearer token (a plain link
 * could not send it). An image comes back typed as the image it is, for an
 * `<img>`; everything else as opaque bytes that a browser never renders.
 */
export async function fetchAttachment(ticketId: string, attachment: { id: string; contentType: string }): Promise<Blob> {
  const blob = await unwrap(
    api.GET('/api/v1/tickets/{id}/attachments/{attachmentId}', {
      params: { path: { id: ticketId, attachmentId: attachment.id } },
      parseAs: 'blob',
    }),
  );
  const type = isPreviewableImage(attachment.contentType) ? attachment.contentType.split(';')[0]!.trim().toLowerCase() : 'application/octet-stream';
  return new Blob([blob], { type });
}

/** Saves an attachment under its own name, as a download link would. */
export async function downloadAttachment(ticketId: string, attachment: { id: string; contentType: string; filename: string }): Promise<void> {
  const url = URL.createObjectURL(await fetchAttachment(ticketId, { ...attachment, contentType: 'application/octet-stream' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.filename;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
