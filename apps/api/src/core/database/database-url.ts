/** The URL with its password hidden, fit for logs and error messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function databaseName(raw: string): string {
  const name = decodeURIComponent(new URL(raw).pathname.replace(/^\//, ''));
  return name || 'postgres';
}

export function withDatabase(raw: string, name: string): string {
  const url = new URL(raw);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
