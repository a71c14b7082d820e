/** One dispatched server-sent event (the WHATWG "event stream" interpretation). */
export interface SseMessage {
  /** `message` when the block had no `event:` line. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last event id in force when this event was dispatched (ids persist until a block sets another). */
  lastEventId: string;
}

export interface SseHandlers {
  onMessage: (message: SseMessage) => void;
  /** A valid `retry:` field (milliseconds). */
  onRetry?: (milliseconds: number) => void;
}

export interface SseParser {
  /** Feeds decoded text; chunks may split lines, fields or CRLF pairs anywhere. */
  push: (text: string) => void;
  /** The id to send back as Last-Event-ID (updated by `id:` lines once their block ends). */
  lastEventId: () => string;
}

/**
 * Incremental parser of `text/event-stream`, following the HTML spec: comments (`:`) are ignored, `data:` lines
 * accumulate, a blank line dispatches (blocks without data only update the id), an unfinished block at the end of a
 * connection is dropped (the caller simply stops pushing).
 */
export function createSseParser(handlers: SseHandlers, initialLastEventId = ''): SseParser {
  let buffer = '';
  /** The previous chunk ended in "\r": a "\n" opening the next one belongs to that line break. */
  let pendingCr = false;
  let data: string[] = [];
  let eventType = '';
  let idBuffer = initialLastEventId;
  let lastEventId = initialLastEventId;

  const dispatch = () => {
    lastEventId = idBuffer;
    if (data.length === 0) {
      eventType = '';
      return;
    }
    const message: SseMessage = { event: eventType || 'message', data: data.join('\n'), lastEventId };
    data = [];
    eventType = '';
    handlers.onMessage(message);
  };

  const processField = (field: string, value: string) => {
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
        break;
      default: // Unknown fields are ignored.
    }
  };

  const processLine = (line: string) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    if (colon === -1) return processField(line, '');
    const value = line.slice(colon + 1);
    processField(line.slice(0, colon), value.startsWith(' ') ? value.slice(1) : value);
  };

  return {
    push(text) {
      let chunk = text;
      if (pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      pendingCr = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        processLine(buffer.slice(start, i));
        if (char === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i += 1;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    lastEventId: () => lastEventId,
  };
}
