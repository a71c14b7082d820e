import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode } from '@whatrack/shared';
import { statusText } from '../errors/error-codes';

/** Node's parser errors that a client caused, and how they are answered. */
const PARSER_ERRORS: Record<string, { status: number; code: ApiErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The request line or headers are too large (URLs and headers are limited to 16 KB)',
  },
  HPE_URI_OVERFLOW: { status: 414, code: 'uri_too_long', message: 'The URL is too long' },
};

/**
 * Requests Node's HTTP parser refuses never reach Express; Node would answer them with an empty 431/400. They get
 * the one documented error body instead, so every client sees the same shape whatever it sent.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const known = (error.code && PARSER_ERRORS[error.code]) || {
      status: 400,
      code: 'malformed_request',
      message: 'The HTTP request is malformed',
    };
    const body = JSON.stringify({
      statusCode: known.status,
      error: statusText(known.status),
      code: known.code,
      message: known.message,
    });
    // A HEAD answer has no body: the client would read one as garbage after the headers.
    const head = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    socket.end(
      `HTTP/1.1 ${known.status} ${statusText(known.status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
    );
  });
}
