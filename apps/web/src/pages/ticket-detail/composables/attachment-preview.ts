/**
 * Raster images the panel shows as a picture: the same types the API serves
 * inline. Anything else, SVG above all (it can carry scripts), is only ever
 * offered as a download.
 */
export const PREVIEW_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Whether an attachment of this content type gets a thumbnail (`image/PNG; name=a.png` counts as PNG). */
export function isPreviewableImage(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return PREVIEW_IMAGE_TYPES.has(type);
}
