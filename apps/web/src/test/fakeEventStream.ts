/** A `text/event-stream` answer the test writes to; aborting the request errors it, as a real fetch does. */
export function sseResponse(request: Request) {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
  });
  request.signal.addEventListener('abort', () => {
    try {
      controller.error(new DOMException('Aborted', 'AbortError'));
    } catch {
      // Already closed.
    }
  });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    writeBytes: (bytes: Uint8Array) => controller.enqueue(bytes),
    /** One event frame, as the API writes it. */
    send: (name: string, data: unknown, id?: string) =>
      controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)),
    end: () => controller.close(),
  };
}

export type FakeEventStream = ReturnType<typeof sseResponse>;
