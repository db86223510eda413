import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n';
import RichTextEditor from '../../../pages/ticket-detail/components/rich-text-editor.vue';
import { INLINE_IMAGE_MAX_BYTES, inlineImageFiles } from '../inline-image';

// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

function transfer(...files: File[]): DataTransfer {
  const data = new DataTransfer();
  files.forEach((file) => data.items.add(file));
  return data;
}

/** A paste into `target` carrying these files; answers the event as the page saw it. */
function paste(target: Element, files: File[]): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: transfer(...files) });
  target.dispatchEvent(event);
  return event;
}

describe('pictures in the reply’s formatted text', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('takes pictures mail programs show, up to the size limit', () => {
    const small = new File([PNG], 'zrzut.png', { type: 'image/png' });
    const pdf = new File(['%PDF'], 'faktura.pdf', { type: 'application/pdf' });
    const huge = new File([new Uint8Array(INLINE_IMAGE_MAX_BYTES + 1)], 'duzy.png', { type: 'image/png' });
    expect(inlineImageFiles(transfer(small, pdf))).toEqual({ images: [small], tooLarge: false });
    expect(inlineImageFiles(transfer(small, huge))).toEqual({ images: [small], tooLarge: true });
    expect(inlineImageFiles(null)).toEqual({ images: [], tooLarge: false });
  });

  it('puts a pasted picture into the text as a data: image, and leaves other pastes to the reply box', async () => {
    const wrapper = mount(RichTextEditor, { props: { label: 'Treść', html: '<p>Zdjęcie poniżej:</p>' }, global: { plugins: [i18n] }, attachTo: document.body });
    const box = wrapper.get('[role="textbox"]').element;
    let reachedReplyBox = 0;
    document.body.addEventListener('paste', () => reachedReplyBox++);

    const event = paste(box, [new File([PNG], 'zrzut.png', { type: 'image/png' })]);
    expect(event.defaultPrevented).toBe(true);
    expect(reachedReplyBox).toBe(0);
    await expect.poll(() => wrapper.emitted('change')?.length ?? 0).toBe(1);
    const change = wrapper.emitted('change')![0]![0] as { html: string; text: string };
    expect(change.html).toMatch(/^<p>Zdjęcie poniżej:<\/p><img src="data:image\/png;base64,iVBORw0KGgo[^"]+" alt="zrzut.png">$/);
    expect(change.text).toBe('Zdjęcie poniżej:');

    // A PDF, or a picture too large for the text, is the reply box's to attach.
    const pdf = paste(box, [new File(['%PDF'], 'faktura.pdf', { type: 'application/pdf' })]);
    expect(pdf.defaultPrevented).toBe(false);
    const huge = paste(box, [new File([new Uint8Array(INLINE_IMAGE_MAX_BYTES + 1)], 'duzy.png', { type: 'image/png' })]);
    expect(huge.defaultPrevented).toBe(false);
    expect(reachedReplyBox).toBe(2);
    wrapper.unmount();
  });
});
