import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../../shared/i18n';
import MessageAttachments from '../message-attachments.vue';

const TICKET = '7d1c6a52-5f0e-4b8e-9a39-1e2f3a4b5c6d';
const PHOTO = { id: 'a1', filename: 'uszkodzona-paczka.jpg', contentType: 'image/jpeg', size: 48_213, sha256: 'x', inline: false };
const DRAWING = { id: 'a2', filename: 'logo.svg', contentType: 'image/svg+xml', size: 900, sha256: 'y', inline: false };
const INVOICE = { id: 'a3', filename: 'faktura.pdf', contentType: 'application/pdf', size: 2_400_000, sha256: 'z', inline: false };

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

describe('attachments of a message', () => {
  beforeEach(() => {
    setLocale('pl');
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'Content-Type': 'image/jpeg' } }));
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function mountAttachments() {
    return mount(MessageAttachments, {
      props: { ticketId: TICKET, attachments: [PHOTO, DRAWING, INVOICE] },
      global: { plugins: [i18n, PrimeVue] },
      attachTo: document.body,
    });
  }

  it('shows a thumbnail of a picture, fetched with the session, and SVG and other files as downloads', async () => {
    const wrapper = mountAttachments();
    await flushPromises();

    // Only the picture is fetched for showing, from the attachment route.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe(`/api/v1/tickets/${TICKET}/attachments/a1`);

    const thumbnail = wrapper.get('button[aria-label="Powiększ obraz uszkodzona-paczka.jpg"]');
    expect(thumbnail.find('img').attributes('src')).toMatch(/^blob:/);
    expect(wrapper.findAll('img')).toHaveLength(1);
    const downloads = wrapper.findAll('.attachments__download').map((button) => button.text());
    expect(downloads).toEqual(['logo.svg — Pobierz', 'faktura.pdf — Pobierz']);
    expect(wrapper.text()).toContain('(2,3 MB)');
    // The size stands apart from the name, also where the text is read out or copied.
    const invoice = wrapper.findAll('.attachments__files li')[1]!;
    expect(invoice.element.textContent?.replace(/\s+/g, ' ').trim()).toBe('faktura.pdf — Pobierz (2,3 MB)');
    expect(wrapper.get('.attachment-image__caption').element.textContent).toMatch(/uszkodzona-paczka\.jpg\s+\(47 kB\)/);
    wrapper.unmount();
  });

  it('opens the picture larger in a labelled dialog', async () => {
    const wrapper = mountAttachments();
    await flushPromises();
    await wrapper.get('button[aria-label="Powiększ obraz uszkodzona-paczka.jpg"]').trigger('click');
    await flushPromises();

    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog).not.toBeNull();
    expect(dialog!.getAttribute('aria-modal')).toBe('true');
    const labelledBy = dialog!.getAttribute('aria-labelledby');
    expect(document.getElementById(labelledBy!)?.textContent).toBe('uszkodzona-paczka.jpg');
    expect(dialog!.querySelector('img')?.getAttribute('alt')).toBe('Załącznik uszkodzona-paczka.jpg');
    wrapper.unmount();
  });

  it('says so when a file cannot be downloaded', async () => {
    const wrapper = mountAttachments();
    await flushPromises();
    fetchMock.mockImplementation(async () =>
      new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Attachment not found' }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await wrapper.findAll('.attachments__download')[1]!.trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Nie udało się pobrać pliku faktura.pdf');
    wrapper.unmount();
  });
});
