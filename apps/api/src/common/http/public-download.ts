import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import { agentFor, guardedLookup, isPublicAddress, PRIVATE_TARGET } from './public-target';

/** The `code` a download rejects with once the answer passes `maxBytes`. */
export const TOO_LARGE = 'ERR_RESPONSE_TOO_LARGE';

export interface PublicDownloadInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The answer is cut (and the download rejected with TOO_LARGE) as soon as it passes this many bytes. */
  maxBytes: number;
  allowPrivate: boolean;
}

export interface PublicDownload {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * publicRequest for files: the same SSRF checks (every connection's address must be public unless allowPrivate, no
 * redirect followed), but the answer is binary and bounded by the caller's limit, enforced while it streams in (a
 * Content-Length over the limit is refused before reading anything).
 */
export function publicDownload(url: string, init: PublicDownloadInit): Promise<PublicDownload> {
  return new Promise<PublicDownload>((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(coded('the URL is not absolute', 'ERR_INVALID_URL'));
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return reject(coded('the URL is not http:// or https://', 'ERR_INVALID_URL'));
    }
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!init.allowPrivate && isIP(host) && !isPublicAddress(host)) {
      return reject(coded(`${host} is not a public address`, PRIVATE_TARGET));
    }
    const secure = target.protocol === 'https:';
    const headers =
      init.body === undefined
        ? init.headers
        : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
    let request: http.ClientRequest;
    try {
      request = (secure ? https : http).request(target, {
        method: init.method,
        headers,
        agent: agentFor(secure, init.allowPrivate),
        lookup: init.allowPrivate ? undefined : guardedLookup,
      });
    } catch (error) {
      return reject(error instanceof Error ? error : new Error(String(error)));
    }
    let response: http.IncomingMessage | null = null;
    const abort = (error: Error) => (response ? response.destroy(error) : request.destroy(error));
    const timer = setTimeout(() => abort(coded(`no answer within ${init.timeoutMs} ms`, 'ETIMEDOUT')), init.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const tooLarge = () => coded(`the answer exceeds ${init.maxBytes} bytes`, TOO_LARGE);
    request.on('error', fail);
    request.on('response', (res) => {
      response = res;
      const announced = Number(res.headers['content-length']);
      if (Number.isFinite(announced) && announced > init.maxBytes) return abort(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > init.maxBytes) abort(tooLarge());
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    request.end(init.body);
  });
}

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
