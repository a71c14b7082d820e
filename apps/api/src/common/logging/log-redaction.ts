/** Request headers that carry credentials (lower case, as Node gives them). */
export const SECRET_HEADERS = [
  'authorization',
  'x-api-key',
  'apikey',
  'cookie',
  'proxy-authorization',
  'x-hub-signature-256',
];

/** Query parameters that carry credentials: Evolution's ?token=, Meta's handshake token, and common names. */
const SECRET_PARAMS = new Set([
  'token',
  'hub.verify_token',
  'access_token',
  'apikey',
  'api_key',
  'key',
  'password',
  'secret',
  'signature',
]);

export const REDACTED = '[Redacted]';

/** pino redact paths for the serialized request and response. */
export const REDACT_PATHS = [
  ...SECRET_HEADERS.map((h) => `req.headers["${h}"]`),
  'res.headers["set-cookie"]',
  ...[...SECRET_PARAMS].map((p) => `req.query["${p}"]`),
];

/** The URL with the values of credential-bearing query parameters replaced (the rest kept for debugging). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      return SECRET_PARAMS.has(name) ? `${pair.slice(0, eq < 0 ? pair.length : eq)}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
