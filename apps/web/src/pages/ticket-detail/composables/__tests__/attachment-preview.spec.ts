import { describe, expect, it } from 'vitest';
import { isPreviewableImage } from '../attachment-preview';

describe('which attachments get a thumbnail', () => {
  it('shows PNG, JPEG, GIF and WebP pictures, whatever the letter case or parameters', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'IMAGE/PNG', 'image/jpeg; name="zdjęcie.jpg"']) {
      expect(isPreviewableImage(type)).toBe(true);
    }
  });

  it('never renders SVG (it may carry scripts) or anything else', () => {
    for (const type of ['image/svg+xml', 'image/svg', 'text/html', 'application/pdf', 'application/octet-stream', 'image/x-icon', 'image/tiff', '']) {
      expect(isPreviewableImage(type)).toBe(false);
    }
  });
});
