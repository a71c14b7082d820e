// From a logical request (operation, path values, query pairs, body, principal) to the bytes on the wire.
import { createHmac } from 'node:crypto';
import { MISSING, serializeJson } from './mutations.mjs';

/** A path or query text that is sent exactly as given (already percent-encoded, or deliberately malformed). */
export class Encoded {
  constructor(text) {
    this.text = text;
  }
}

const hex = (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** encodeURIComponent, except that a lone surrogate becomes its WTF-8 bytes (%ED%A0%80) instead of throwing. */
export function encodeComponent(value) {
  if (value instanceof Encoded) return value.text;
  const text = String(value);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 0x3f)) + hex(0x80 | (c & 0x3f));
    } else {
      out += encodeURIComponent(text[i]);
    }
  }
  return out;
}

/** key=value pairs; arrays repeat the key and objects use bracket keys, the two shapes query parsers expand. */
function queryPairs(key, value) {
  if (value === MISSING || value === undefined) return [];
  if (value === null) return [encodeComponent(key)];
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(key, v));
  if (typeof value === 'object' && !(value instanceof Encoded)) {
    return Object.entries(value).flatMap(([k, v]) => queryPairs(`${key}[${k}]`, v));
  }
  return [`${encodeComponent(key)}=${encodeComponent(value)}`];
}

export function buildPath(req) {
  const op = req.op;
  let path = req.pathOverride;
  if (path === undefined) {
    path = op.path.replace(/\{([^}]+)\}/g, (_all, name) => {
      const value = req.pathValues?.[name];
      return value === undefined || value === MISSING ? '' : encodeComponent(value);
    });
  }
  if (req.pathTransform) path = req.pathTransform(path);
  if (req.pathSuffix) path += req.pathSuffix;
  const pairs = (req.query ?? []).flatMap(([k, v]) => queryPairs(k, v));
  if (req.rawQuery) pairs.push(req.rawQuery);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

function bodyBytes(req) {
  if (!req.body) return { bytes: undefined, contentType: req.contentType };
  if ('raw' in req.body) {
    const raw = req.body.raw;
    return { bytes: Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), contentType: req.contentType };
  }
  const text = serializeJson(req.body.json);
  return {
    bytes: Buffer.from(text, 'utf8'),
    contentType: req.contentType === undefined ? 'application/json' : req.contentType,
  };
}

/**
 * The wire request, and a copy for reports whose credentials are named rather than shown (they die with the run's
 * database anyway, but a report is easier to read with `<owner token>` than with a JWT).
 */
export function materialize(req, { principals, cloudSecret }) {
  const { bytes, contentType } = bodyBytes(req);
  const auth = principals[req.principal]?.headers ?? {};
  const headers = { ...auth };
  if (contentType) headers['content-type'] = contentType;
  Object.assign(headers, req.headers ?? {});
  if (req.sign === 'cloud' && bytes !== undefined) {
    headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', cloudSecret).update(bytes).digest('hex')}`;
  }
  const shown = { ...headers };
  for (const [name, value] of Object.entries(auth)) {
    const who = principals[req.principal].shownAs ?? req.principal;
    if (shown[name] === value) shown[name] = name === 'authorization' ? `Bearer <${who} token>` : '<api key>';
  }
  return { method: req.method ?? req.op.method, path: buildPath(req), headers, body: bytes, shownHeaders: shown };
}
