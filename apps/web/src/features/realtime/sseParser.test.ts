import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sseParser';

function parse(chunks: string[], initialId?: string) {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    { onMessage: (message) => messages.push(message), onRetry: (ms) => retries.push(ms) },
    initialId,
  );
  for (const chunk of chunks) parser.push(chunk);
  return { messages, retries, lastEventId: parser.lastEventId() };
}

const STREAM = [
  'retry: 2000',
  '',
  'event: ready',
  'data: {"resumed":false}',
  '',
  ': ping',
  '',
  'id: 41',
  'event: ticket.updated',
  'data: {"ticketId":"t1",',
  'data: "unreadCount":2}',
  '',
  'id: 42',
  'event: message.created',
  'data:{"ticketId":"t1"}',
  '',
].join('\n');

const EXPECTED: SseMessage[] = [
  { event: 'ready', data: '{"resumed":false}', lastEventId: '' },
  { event: 'ticket.updated', data: '{"ticketId":"t1",\n"unreadCount":2}', lastEventId: '41' },
  { event: 'message.created', data: '{"ticketId":"t1"}', lastEventId: '42' },
];

describe('createSseParser', () => {
  it('reads events, multi-line data, ids and retry, and skips comments', () => {
    const result = parse([`${STREAM}\n`]);
    expect(result.messages).toEqual(EXPECTED);
    expect(result.retries).toEqual([2000]);
    expect(result.lastEventId).toBe('42');
  });

  it('gives the same events whatever the chunk boundaries, with LF, CRLF or CR line breaks', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = `${STREAM}\n`.replace(/\n/g, lineBreak);
      for (let cut = 0; cut <= text.length; cut += 1) {
        const result = parse([text.slice(0, cut), text.slice(cut)]);
        expect(result.messages, `${JSON.stringify(lineBreak)} cut at ${cut}`).toEqual(EXPECTED);
      }
      expect(parse(text.split('')).messages).toEqual(EXPECTED);
    }
  });

  it('does not take a CRLF split across chunks for two line breaks', () => {
    const result = parse(['data: a\r', '\ndata: b\r\n\r', '\n']);
    expect(result.messages).toEqual([{ event: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('keeps the last id for events without an id line and updates it from blocks without data', () => {
    const result = parse(['id: 7\ndata: x\n\ndata: y\n\nid: 9\n\n'], '3');
    expect(result.messages.map((m) => m.lastEventId)).toEqual(['7', '7']);
    expect(result.lastEventId).toBe('9');
  });

  it('starts from the id of the previous connection', () => {
    expect(parse(['event: ready\ndata: {}\n\n'], '12').messages[0]?.lastEventId).toBe('12');
  });

  it('drops an unfinished block and ignores bad retry values and unknown fields', () => {
    const result = parse(['retry: soon\nfoo: bar\nretry\ndata: done\n\nevent: x\ndata: cut']);
    expect(result.messages).toEqual([{ event: 'message', data: 'done', lastEventId: '' }]);
    expect(result.retries).toEqual([]);
  });

  it('strips only one leading space, and treats a line without a colon as a field without value', () => {
    const result = parse(['data:  two spaces\ndata\n\n']);
    expect(result.messages[0]?.data).toBe(' two spaces\n');
  });

  it('ignores an id holding a NUL character', () => {
    expect(parse(['id: 5\n\nid: a\0b\ndata: x\n\n']).lastEventId).toBe('5');
  });
});
