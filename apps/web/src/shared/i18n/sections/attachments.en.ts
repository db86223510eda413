import type { attachmentsPl } from './attachments.pl';

// English texts of message attachments on the ticket page.
export const attachmentsEn: typeof attachmentsPl = {
  enlarge: 'Enlarge the image {name}',
  imageAlt: 'Attachment {name}',
  download: 'Download',
  loading: 'Loading the preview…',
  previewFailed: 'No preview',
  downloadFailed: 'Could not download {name}',
};
