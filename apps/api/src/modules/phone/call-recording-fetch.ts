/** A fetch that will not succeed by trying again (not allowed, too large, not found): the job stops. */
export class PermanentRecordingError extends Error {}

const FETCH_TIMEOUT_MS = 30_000;

/** Whether `url` is on one of the allowed hosts (`host` or `host:port`). */
export function recordingHostAllowed(url: string, hosts: readonly string[]): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return false;
  const host = parsed.host.toLowerCase();
  return hosts.some((h) => h === host || h === parsed.hostname.toLowerCase());
}

/**
 * Downloads a recording: only from an allowed host, no redirects, at most
 * `maxBytes` (told by Content-Length or counted while reading). A server
 * error, a time-out or a lost connection may pass (thrown as a plain Error,
 * so the job tries again); anything else is a PermanentRecordingError.
 */
export async function fetchRecording(url: string, hosts: readonly string[], maxBytes: number): Promise<{ filename: string; contentType: string; content: Buffer }> {
  if (!recordingHostAllowed(url, hosts)) throw new PermanentRecordingError('the recording’s host is not among CALL_RECORDING_HOSTS');
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`the recording’s server could not be reached (${(error as Error).message})`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    const message = `the recording’s server answered ${response.status}`;
    throw response.status >= 500 || response.status === 408 || response.status === 429 ? new Error(message) : new PermanentRecordingError(message);
  }
  const tooLarge = () => new PermanentRecordingError(`the recording is larger than ${maxBytes} bytes`);
  if (Number(response.headers.get('content-length') ?? '0') > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  const last = new URL(url).pathname.split('/').pop() || 'nagranie';
  let filename: string;
  try {
    filename = decodeURIComponent(last);
  } catch {
    filename = last;
  }
  return { filename, contentType: (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim(), content: Buffer.concat(chunks) };
}
