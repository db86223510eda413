import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import type { TicketMessage } from '../../../../entities/ticket/api';
import { useInlineImages } from '../use-inline-images';

const TICKET = '7d1c6a52-5f0e-4b8e-9a39-1e2f3a4b5c6d';
const url = (id: string) => `/api/v1/tickets/${TICKET}/attachments/${id}`;
const LOGO = { id: 'a1', filename: 'logo.png', contentType: 'image/png', size: 10, sha256: 'x', inline: true };
const DRAWING = { id: 'a2', filename: 'drawing.svg', contentType: 'image/svg+xml', size: 10, sha256: 'y', inline: true };

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

function messageWith(bodyHtml: string | null, attachments = [LOGO, DRAWING]): TicketMessage {
  return { id: 'm1', bodyHtml, attachments } as unknown as TicketMessage;
}

describe('inline pictures of a message', () => {
  let scope = effectScope();
  beforeEach(() => {
    scope = effectScope();
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'Content-Type': 'image/png' } }));
  });
  afterEach(() => scope.stop());

  it('fetches a picture attachment of the message that the HTML shows and puts its blob: URL in place', async () => {
    const message = ref(messageWith(`<p>Logo:</p><img src="${url(LOGO.id)}" alt="Logo"><img src='${url(LOGO.id)}'>`));
    const { html } = scope.run(() => useInlineImages(() => TICKET, () => message.value))!;
    expect(html.value).toContain(`src="${url(LOGO.id)}"`);
    await flushPromises();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(new URL((fetchMock.mock.calls[0]![0] as Request).url).pathname).toBe(url(LOGO.id));
    expect(html.value).toMatch(/^<p>Logo:<\/p><img src="blob:[^"]+" alt="Logo"><img src='blob:[^']+'>$/);
  });

  it('fetches nothing for SVG, for attachments of other messages or for HTML without pictures', async () => {
    const other = url('not-of-this-message');
    const message = ref(messageWith(`<img src="${url(DRAWING.id)}"><img src="${other}"><p>${url(LOGO.id)}</p>`));
    const { html } = scope.run(() => useInlineImages(() => TICKET, () => message.value))!;
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(html.value).toBe(message.value.bodyHtml);

    message.value = messageWith(null);
    await flushPromises();
    expect(html.value).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leaves a picture that cannot be fetched as it was', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ statusCode: 404 }), { status: 404, headers: { 'Content-Type': 'application/json' } }));
    const message = ref(messageWith(`<img src="${url(LOGO.id)}">`));
    const { html } = scope.run(() => useInlineImages(() => TICKET, () => message.value))!;
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(html.value).toBe(`<img src="${url(LOGO.id)}">`);
  });
});
