import { randomUUID } from 'node:crypto';

/**
 * A stand-in for a PBX bridge written for Zammad's generic CTI API (as the
 * Asterisk, 3CX, Placetel and sipgate scripts are): it reports each call's
 * `newCall`, `answer` and `hangup` to the webhook URL, form-encoded with
 * repeated `user[]` fields (or as JSON, as newer bridges do), and, as the API
 * describes, ends a call the helpdesk told it to reject with a `hangup`
 * (cause `busy`) instead of ringing the agents.
 */
export class CtiPbx {
  /** Every answer the webhook gave, in order. */
  readonly answers: { status: number; body: unknown }[] = [];

  constructor(
    private readonly webhookUrl: string,
    /** The hotline's own number (the `to` of inbound calls, the `from` of outbound ones). */
    private readonly hotline = '48225550000',
    private readonly encoding: 'form' | 'json' = 'form',
  ) {}

  /** Posts one event as the bridge does; answers the HTTP status and parsed body. */
  async post(fields: Record<string, string | string[] | undefined>, encoding = this.encoding): Promise<{ status: number; body: unknown }> {
    let body: string;
    let type: string;
    if (encoding === 'json') {
      const json: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) json[k === 'user[]' ? 'user' : k] = v;
      body = JSON.stringify(json);
      type = 'application/json';
    } else {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) continue;
        for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
      }
      body = form.toString();
      type = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(this.webhookUrl, { method: 'POST', headers: { 'Content-Type': type }, body });
    const text = await response.text();
    const answer = { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    this.answers.push(answer);
    return answer;
  }

  /** An inbound call starts ringing at the agents named (their PBX names). */
  async ring(caller: string, agents: string[] = ['Anna Nowak'], callId = randomUUID()): Promise<Call> {
    const call = new Call(this, callId, 'in', caller, this.hotline, agents);
    const answer = await call.event('newCall', { 'user[]': agents });
    call.rejected = (answer.body as { action?: string } | null)?.action === 'reject';
    // A rejected caller is told "busy" at once: the bridge still reports the end of the call.
    if (call.rejected) await call.hangup('busy');
    return call;
  }

  /** An agent dials a customer from their phone. */
  async dial(agent: string, number: string, callId = randomUUID()): Promise<Call> {
    const call = new Call(this, callId, 'out', this.hotline, number, [agent]);
    await call.event('newCall', { 'user[]': [agent] });
    return call;
  }
}

/** One call as the bridge tracks it. */
export class Call {
  rejected = false;

  constructor(
    private readonly pbx: CtiPbx,
    readonly callId: string,
    readonly direction: 'in' | 'out',
    readonly from: string,
    readonly to: string,
    private readonly users: string[],
  ) {}

  event(name: 'newCall' | 'answer' | 'hangup', extra: Record<string, string | string[] | undefined> = {}) {
    return this.pbx.post({ event: name, from: this.from, to: this.to, direction: this.direction, callId: this.callId, ...extra });
  }

  /** Somebody picked up; `answeringNumber` names them (a user's e-mail or id, as Zammad looks users up). */
  answer(answeringNumber: string, user = this.users[0]) {
    return this.event('answer', { 'user[]': [user], answeringNumber });
  }

  /** The call ends; causes as the API lists them (normalClearing, cancel, busy, noAnswer, forwarded, …). */
  hangup(cause: string, answeringNumber?: string) {
    return this.event('hangup', { cause, answeringNumber });
  }
}

/**
 * The PBX's recordings store on 127.0.0.1, as PBXs serve recordings over HTTP
 * for a helpdesk to fetch: `GET /recordings/<name>` answers the file
 * (audio/mpeg) with its Content-Length; unknown names are 404. Counts the
 * requests per path, so a test can see a recording was fetched once.
 */
export async function startRecordingStore(files: Record<string, Buffer>): Promise<{ url: string; host: string; requests: Map<string, number>; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const file = path.startsWith('/recordings/') ? files[decodeURIComponent(path.slice('/recordings/'.length))] : undefined;
    if (request.method !== 'GET' || !file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': String(file.length) }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  const host = `127.0.0.1:${address.port}`;
  return { url: `http://${host}`, host, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
