/** What a shop pastes into its page to show the form: the form's div and the script that renders into it. */
export function embedSnippet(origin: string, key: string): string {
  return `<div data-okienko-form="${key}"></div>\n<script src="${origin}/f/${key}.js" async></script>`;
}

/** The hosted page of a form, for shops that link to it. */
export function hostedPageUrl(origin: string, key: string): string {
  return `${origin}/f/${key}`;
}

/** Origins typed one per line (or separated by commas/spaces); blanks dropped, duplicates once. */
export function parseOrigins(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean))];
}

/** The kind of a form channel's settings ('contact' when not said). */
export function formKindOf(settings: Record<string, unknown>): 'contact' | 'complaint' {
  return settings.kind === 'complaint' ? 'complaint' : 'contact';
}

/** A spam submission's values as one short line: "name: value, …". */
export function valuesPreview(values: Record<string, unknown>, max = 160): string {
  const line = Object.entries(values)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
