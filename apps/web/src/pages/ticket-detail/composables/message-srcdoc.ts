/**
 * The policy of the frame a message's HTML is shown in: nothing may load or
 * run, except images embedded in the mail itself (`data:`, and its inline
 * `cid:` pictures, which the panel fetches with the session and hands over as
 * `blob:` URLs) and inline styles. Remote images (tracking pixels) stay blocked.
 */
export const MESSAGE_FRAME_CSP = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'";

/**
 * What the frame's `sandbox` allows: no scripts, forms or navigation of the
 * panel. Same origin only lets the panel read the height of the (script-free)
 * document; links open in a new tab outside the sandbox.
 */
export const MESSAGE_FRAME_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const FRAME_STYLE = `
  html { color-scheme: light; }
  body {
    margin: 0;
    font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
    color: #1d2733;
    overflow-wrap: anywhere;
  }
  img { max-width: 100%; height: auto; }
  table { max-width: 100%; }
  blockquote { margin: 0.5em 0; padding-left: 0.75em; border-left: 3px solid #c3cbd4; color: #5b6774; }
  pre { white-space: pre-wrap; }
`;

/**
 * A whole document around the (already sanitised) HTML of a message, for an
 * iframe's `srcdoc`. The policy is the document's first element, so it
 * applies before anything from the mail is read.
 */
export function messageSrcdoc(html: string, lang: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang === 'en' ? 'en' : 'pl'}"><head>`,
    `<meta http-equiv="Content-Security-Policy" content="${MESSAGE_FRAME_CSP}">`,
    '<meta charset="utf-8">',
    '<base target="_blank">',
    `<style>${FRAME_STYLE}</style>`,
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}
