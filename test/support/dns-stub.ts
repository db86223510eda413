import dgram from 'node:dgram';

// A DNS server on loopback answering from fixture records (RFC 1035 wire
// format over UDP), for MAIL_AUTH_DNS_SERVERS: the SPF, DKIM and DMARC records
// of test domains. A name not listed answers NXDOMAIN; a listed name without
// records of the asked type answers with no records (NODATA).

/** Records by name (without the trailing dot) and type. */
export type DnsZone = Record<string, { TXT?: string[]; A?: string[] }>;

export interface DnsStub {
  /** `127.0.0.1:<port>`, for MAIL_AUTH_DNS_SERVERS. */
  server: string;
  port: number;
  /** Every question asked, as `TYPE name`, oldest first. */
  queries: string[];
  /** Adds or replaces records. */
  set(name: string, records: DnsZone[string]): void;
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: 'A', 16: 'TXT', 28: 'AAAA', 15: 'MX', 12: 'PTR' };
const TYPE_CODES: Record<string, number> = { A: 1, TXT: 16 };

export async function startDnsStub(zone: DnsZone = {}): Promise<DnsStub> {
  const records = new Map(Object.entries(zone).map(([name, rr]) => [normalise(name), rr]));
  const queries: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    const answer = respond(query, records, queries);
    if (answer) socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  // Never what keeps a test process alive.
  socket.unref();
  const port = socket.address().port;
  return {
    server: `127.0.0.1:${port}`,
    port,
    queries,
    set: (name, rr) => void records.set(normalise(name), rr),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function respond(query: Buffer, records: Map<string, DnsZone[string]>, log: string[]): Buffer | null {
  if (query.length < 12 || query.readUInt16BE(4) < 1) return null;
  // The first question: labels up to the root, then its type and class.
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at];
    if (length > 63 || at + 1 + length > query.length) return null;
    labels.push(query.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  at += 1;
  if (at + 4 > query.length) return null;
  const type = query.readUInt16BE(at);
  const questionEnd = at + 4;
  const name = normalise(labels.join('.'));
  const typeName = TYPES[type] ?? String(type);
  log.push(`${typeName} ${name}`);

  const entry = records.get(name);
  const answers: Buffer[] = [];
  if (entry && type === TYPE_CODES.TXT) for (const text of entry.TXT ?? []) answers.push(resourceRecord(type, txtData(text)));
  if (entry && type === TYPE_CODES.A) for (const ip of entry.A ?? []) answers.push(resourceRecord(type, Buffer.from(ip.split('.').map(Number))));

  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // the id
  const recursionDesired = query[2] & 0x01;
  header[2] = 0x80 | 0x04 | recursionDesired; // a response, authoritative
  header[3] = 0x80 | (entry ? 0 : 3); // recursion available; NXDOMAIN for unknown names
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}

/** An answer to the question's name (a pointer to it at offset 12), class IN, TTL 60 s. */
function resourceRecord(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt32BE(60, 6);
  head.writeUInt16BE(data.length, 10);
  return Buffer.concat([head, data]);
}

/** TXT data: the text as character-strings of at most 255 bytes each (long DKIM keys need several). */
function txtData(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}
