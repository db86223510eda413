import { describe, expect, it } from '@jest/globals';
import { ServerSentEventsReader } from '../live/server-sent-events.js';

describe('reading a Server-Sent Events stream in pieces', () => {
  it('answers each block once it is complete, however the text is cut', () => {
    const reader = new ServerSentEventsReader();
    const text = 'retry: 3000\n\nid: 11\nevent: message\ndata: {"text":"Czy coś';
    const rest = ' jeszcze?"}\n\n: keep-alive\n\nevent: ready\ndata: {}\n\n';
    const first = reader.feed(text);
    expect(first).toEqual([{ event: 'message', data: null, id: null, retry: 3000, otherLines: ['retry: 3000'] }]);
    const second = reader.feed(rest);
    expect(second).toEqual([
      { event: 'message', data: '{"text":"Czy coś jeszcze?"}', id: '11', retry: null, otherLines: ['id: 11'] },
      { event: 'message', data: null, id: null, retry: null, otherLines: [': keep-alive'] },
      { event: 'ready', data: '{}', id: null, retry: null, otherLines: [] },
    ]);
  });

  it('reads CR LF and CR line ends, also when a CR LF is split between two pieces, and joins data lines', () => {
    const reader = new ServerSentEventsReader();
    expect(reader.feed('event: typing\r\ndata: a\r\ndata:b\r')).toEqual([]);
    expect(reader.feed('\n\r\nevent: x\rdata: 1\r\r')).toEqual([{ event: 'typing', data: 'a\nb', id: null, retry: null, otherLines: [] }]);
    // The last CR may be half of a CR LF: the block ends with what comes next.
    expect(reader.feed('\n')).toEqual([{ event: 'x', data: '1', id: null, retry: null, otherLines: [] }]);
  });
});
