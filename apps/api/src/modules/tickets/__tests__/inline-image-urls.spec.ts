import { describe, expect, it } from '@jest/globals';
import { inlineImageUrls } from '../inline-image-urls.js';

const TICKET = '11111111-1111-4111-8111-111111111111';
const LOGO = { id: '22222222-2222-4222-8222-222222222222', contentId: 'logo@sklep.example' };
const PHOTO = { id: '33333333-3333-4333-8333-333333333333', contentId: '<part1.06090408.01060107@example.pl>' };
const url = (id: string) => `/api/v1/tickets/${TICKET}/attachments/${id}`;

describe('inlineImageUrls', () => {
  it('points cid: images at the attachment with that Content-ID', () => {
    const html = '<p>Zdjęcie:</p><img src="cid:logo@sklep.example" alt="logo" /><img alt="x" src="cid:part1.06090408.01060107@example.pl">';
    expect(inlineImageUrls(html, TICKET, [LOGO, PHOTO])).toBe(
      `<p>Zdjęcie:</p><img src="${url(LOGO.id)}" alt="logo" /><img alt="x" src="${url(PHOTO.id)}">`,
    );
  });

  it('undoes %-escapes and HTML entities of the cid: URL, and ignores letter case as a last resort', () => {
    const odd = { id: '44444444-4444-4444-8444-444444444444', contentId: 'a b&c@x' };
    expect(inlineImageUrls('<img src="cid:a%20b&amp;c@x">', TICKET, [odd])).toBe(`<img src="${url(odd.id)}">`);
    expect(inlineImageUrls("<IMG SRC='CID:LOGO@SKLEP.EXAMPLE'>", TICKET, [LOGO])).toBe(`<IMG SRC='${url(LOGO.id)}'>`);
  });

  it('leaves images of unknown Content-IDs, other sources and text alone', () => {
    const html = '<p>cid:logo@sklep.example</p><img src="cid:unknown@x"><img src="https://example.com/cid:logo@sklep.example"><a href="cid:logo@sklep.example">a</a>';
    expect(inlineImageUrls(html, TICKET, [LOGO])).toBe(html);
    expect(inlineImageUrls('<img src="cid:logo@sklep.example">', TICKET, [])).toBe('<img src="cid:logo@sklep.example">');
  });
});
