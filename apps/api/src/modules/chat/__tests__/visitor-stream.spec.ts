import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import { VisitorStream } from '../visitor-stream.js';

/** What a browser would read from the stream: event names with their ids, in order. */
function recordingResponse() {
  let body = '';
  const response = {
    status: () => response,
    set: () => response,
    flushHeaders: () => undefined,
    on: () => response,
    write: (chunk: string) => {
      body += chunk;
      return true;
    },
    end: () => undefined,
  };
  const events = () => [...body.matchAll(/(?:id: (\d+)\n)?event: (\w+)\ndata: (.*)\n\n/g)].map(([, id, event, data]) => `${event}${id ? `#${id}` : ''}:${JSON.parse(data).text ?? ''}`);
  return { response: response as unknown as Response, events };
}

describe('a visitor stream replaying the history', () => {
  it('sends live events that arrive during the replay after it, each numbered one once and in order', async () => {
    const { response, events } = recordingResponse();
    const stream = new VisitorStream(response);
    stream.open(3000, null);
    await stream.replay(async () => {
      // While the history is read, the bus delivers the newest message live (it is in the history too) and a typing hint.
      stream.send('message', { text: 'Numer przesyłki: PL123.' }, '12');
      stream.send('typing', { text: '' });
      return [
        { event: 'message', data: { text: 'Czy coś jeszcze?' }, id: '11' },
        { event: 'message', data: { text: 'Numer przesyłki: PL123.' }, id: '12' },
      ];
    });
    stream.send('message', { text: 'Dziękuję!' }, '13');
    stream.send('message', { text: 'Czy coś jeszcze?' }, '11');
    expect(events()).toEqual(['message#11:Czy coś jeszcze?', 'message#12:Numer przesyłki: PL123.', 'typing:', 'message#13:Dziękuję!']);
  });
});
