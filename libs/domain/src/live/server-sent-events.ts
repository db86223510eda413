/** One block of a Server-Sent Events stream: an event (when it carried data) and the stream's other fields. */
export interface ServerSentEventBlock {
  /** `event:`, or `message` when the block names none. */
  event: string;
  /** The `data:` lines joined by line feeds; null when the block had none (a comment, a `retry:`). */
  data: string | null;
  id: string | null;
  /** `retry:` in milliseconds, when the block set it. */
  retry: number | null;
  /** The block's lines other than `event:` and `data:` as they came (`retry: 3000`, `: keep-alive`, `id: 12`). */
  otherLines: string[];
}

/**
 * Reads a Server-Sent Events stream as its text arrives in pieces (fetch with a
 * streaming body, where EventSource cannot send headers): `feed` answers the
 * blocks the piece completed. Lines end in LF, CR LF or CR; a field's value
 * loses one leading space.
 */
export class ServerSentEventsReader {
  private buffer = '';

  feed(text: string): ServerSentEventBlock[] {
    this.buffer += text;
    // A CR at the very end may be the first half of a CR LF: it waits for the next piece.
    const complete = this.buffer.endsWith('\r') ? this.buffer.slice(0, -1) : this.buffer;
    const normalised = complete.replace(/\r\n?/g, '\n');
    const blocks: ServerSentEventBlock[] = [];
    let start = 0;
    let end: number;
    while ((end = normalised.indexOf('\n\n', start)) >= 0) {
      blocks.push(readBlock(normalised.slice(start, end)));
      start = end + 2;
    }
    this.buffer = normalised.slice(start) + this.buffer.slice(complete.length);
    return blocks;
  }
}

function readBlock(block: string): ServerSentEventBlock {
  const parsed: ServerSentEventBlock = { event: 'message', data: null, id: null, retry: null, otherLines: [] };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') parsed.event = value;
    else if (field === 'data') data.push(value);
    else {
      parsed.otherLines.push(line);
      if (field === 'id') parsed.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) parsed.retry = Number(value);
    }
  }
  if (data.length) parsed.data = data.join('\n');
  return parsed;
}
