import type { Response } from 'express';

const PING = ': ping\n\n';

/**
 * One client's text/event-stream: frames are written as they come; a client that does not read (its unsent
 * bytes past `maxBufferedBytes`) is cut off instead of growing this process's memory.
 */
export class EventStream {
  private closed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly res: Response,
    private readonly maxBufferedBytes: number,
  ) {
    res.once('close', () => this.finish());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends the SSE headers at once (proxies must not buffer, caches must not keep). */
  open(): void {
    const socket = this.res.socket;
    socket?.setTimeout(0);
    socket?.setNoDelay(true);
    socket?.setKeepAlive(true);
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.setHeader('Connection', 'keep-alive');
    this.res.flushHeaders();
  }

  write(frame: string): void {
    if (this.closed) return;
    if (this.res.writableLength > this.maxBufferedBytes) {
      // Too far behind: what it would get is stale anyway; it reconnects with Last-Event-ID (or refetches).
      this.res.destroy();
      this.finish();
      return;
    }
    this.res.write(frame);
  }

  ping(): void {
    this.write(PING);
  }

  /** Runs `cleanup` once the stream is over, whichever way it ends. */
  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** Ends the response (the client reconnects by itself). */
  end(): void {
    if (this.closed) return;
    this.res.end();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
