/**
 * Pictures pasted or dropped into the reply's formatted text go into it where the cursor is, as `data:` URLs
 * (the API keeps them in the sanitised HTML; the plain-text part goes without). Larger pictures than this
 * stay attachments, as pictures pasted into plain text do.
 */
export const INLINE_IMAGE_MAX_BYTES = 1_000_000;

/** Image types every mail program shows inline. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The pictures of a paste or a drop that can go into the text, and whether any picture is too large for it. */
export function inlineImageFiles(transfer: DataTransfer | null): { images: File[]; tooLarge: boolean } {
  const files = [...(transfer?.files ?? [])].filter((file) => INLINE_TYPES.has(file.type));
  const images = files.filter((file) => file.size <= INLINE_IMAGE_MAX_BYTES);
  return { images, tooLarge: images.length < files.length };
}

/** The file as a `data:` URL. */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Puts the pictures into `box` at the cursor (at the end when the cursor is elsewhere), the cursor after them. */
export function insertImages(box: HTMLElement, sources: { src: string; alt: string }[]): void {
  const selection = window.getSelection();
  let range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || !box.contains(range.commonAncestorContainer)) {
    range = document.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
  }
  range.deleteContents();
  for (const source of sources) {
    const image = document.createElement('img');
    image.src = source.src;
    image.alt = source.alt;
    range.insertNode(image);
    range.setStartAfter(image);
    range.collapse(true);
  }
  selection?.removeAllRanges();
  selection?.addRange(range);
}
