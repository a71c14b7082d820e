import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { InvalidInputError } from '../errors/domain-errors';
import { isPublicAddress } from './public-address';

/**
 * Outbound HTTP to URLs that organizations type (an Evolution server), safe from SSRF: the URL is checked when it is
 * saved (assertPublicUrl) and the address actually connected to is checked again on every connection
 * (publicRequest), since a hostname may resolve elsewhere by then (DNS rebinding).
 */

export { isPublicAddress } from './public-address';

/** The `code` of the error publicRequest rejects with when the target resolves to a non-public address. */
export const PRIVATE_TARGET = 'ERR_PRIVATE_TARGET';

/** Responses are bounded: a hostile server cannot make this process buffer without end. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface PublicRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, connection included. */
  timeoutMs: number;
  /** ALLOW_PRIVATE_NETWORK_TARGETS: skip the address check (tests, gateways on a LAN). */
  allowPrivate: boolean;
}

export interface PublicResponse {
  status: number;
  text: string;
}

/**
 * Throws InvalidInputError on `field` unless `value` is an http(s) URL without credentials whose host resolves only
 * to public addresses (every address: a client may connect to any of them). With `allowPrivate` only the form is
 * checked.
 */
export async function assertPublicUrl(value: string, field: string, allowPrivate: boolean): Promise<void> {
  const url = parseHttpUrl(value);
  if (!url) throw InvalidInputError.field(field, `${field} must be an absolute http:// or https:// URL`, 'invalid_url');
  if (url.username || url.password) {
    throw InvalidInputError.field(field, `${field} must not contain a user name or password`, 'credentials_in_url');
  }
  if (allowPrivate) return;
  const host = hostOf(url);
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host, { all: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'lookup failed';
    throw InvalidInputError.field(field, `the host of ${field} could not be resolved (${code})`, 'unresolvable_host');
  }
  if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
    throw InvalidInputError.field(
      field,
      `${field} must point at a public address, not a loopback, private, link-local or reserved one`,
      'private_target',
    );
  }
}

/** The `code` an exchange rejects with once the answer passes its byte limit. */
export const TOO_LARGE = 'ERR_RESPONSE_TOO_LARGE';

export interface PublicExchangeInit extends PublicRequestInit {
  /** The answer is cut (and the exchange rejected with TOO_LARGE) as soon as it passes this many bytes. */
  maxBytes: number;
}

export interface PublicExchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP exchange with an organization-typed URL. Redirects are not followed (a 3xx is returned as is: following
 * one would reach a URL nobody checked). Rejects with `code` ERR_PRIVATE_TARGET when the address connected to is not
 * public (unless `allowPrivate`), ETIMEDOUT past `timeoutMs`, ERR_RESPONSE_TOO_LARGE past 1 MiB, or the network
 * error's own code. Header values (API keys) never appear in an error message.
 */
export async function publicRequest(url: string, init: PublicRequestInit): Promise<PublicResponse> {
  const answer = await publicExchange(url, { ...init, maxBytes: MAX_RESPONSE_BYTES });
  return { status: answer.status, text: answer.body.toString('utf8') };
}

/**
 * publicRequest with the caller's byte limit and a binary answer (files): the limit is enforced while the answer
 * streams in, and a Content-Length over it is refused before reading anything.
 */
export function publicExchange(url: string, init: PublicExchangeInit): Promise<PublicExchange> {
  return new Promise<PublicExchange>((resolve, reject) => {
    const target = parseHttpUrl(url);
    if (!target) return reject(coded('the URL is not an absolute http:// or https:// URL', 'ERR_INVALID_URL'));
    const host = hostOf(target);
    // Node connects to an IP literal without calling `lookup`: check it here.
    if (!init.allowPrivate && isIP(host) && !isPublicAddress(host)) return reject(privateTarget(host));
    const secure = target.protocol === 'https:';
    let request: http.ClientRequest;
    try {
      request = (secure ? https : http).request(target, {
        method: init.method,
        headers: init.body === undefined ? init.headers : { ...init.headers, 'content-length': byteLength(init.body) },
        agent: agentFor(secure, init.allowPrivate),
        lookup: init.allowPrivate ? undefined : guardedLookup,
      });
    } catch (error) {
      // Invalid header characters throw here; Node names the header, never its value.
      return reject(error instanceof Error ? error : new Error(String(error)));
    }
    let response: http.IncomingMessage | null = null;
    // Once the answer has begun, errors are the response's: destroy whichever stream is current.
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

/**
 * dns.lookup, refusing the connection when any address of the host is not public. Node calls it with `all: true`
 * (happy eyeballs) or without; the answer keeps the shape it was asked in.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '');
    const blocked = addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address));
    if (blocked) return callback(privateTarget(hostname), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/**
 * Kept-alive connections, separate for checked and unchecked requests: a socket in the checked pool was always
 * opened through guardedLookup, so reusing one never skips the check.
 */
const AGENTS = {
  checked: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
  unchecked: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
};

export function agentFor(secure: boolean, allowPrivate: boolean): http.Agent {
  const pool = allowPrivate ? AGENTS.unchecked : AGENTS.checked;
  return secure ? pool.https : pool.http;
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host as an address or name: URL keeps IPv6 literals in brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function byteLength(body: string): string {
  return String(Buffer.byteLength(body, 'utf8'));
}

function privateTarget(host: string): Error {
  return coded(`${host} resolves to a loopback, private, link-local or reserved address`, PRIVATE_TARGET);
}

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
