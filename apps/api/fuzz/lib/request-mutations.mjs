// Mutations of a whole request: body encodings and content types, query shapes, URLs, methods and credentials.
import { gzipSync } from 'node:zlib';
import { deepJson, RawJson, serializeJson } from './mutations.mjs';
import { Encoded } from './requests.mjs';

const hasBody = (op) => Boolean(op.body);
const always = () => true;
const json = (req) => (req.body && 'json' in req.body ? req.body.json : {});
const jsonText = (req) => serializeJson(json(req));
const withBody = (req, raw, contentType) => ({ ...req, body: { raw }, contentType });
const withQuery = (req, ...pairs) => ({ ...req, query: [...(req.query ?? []), ...pairs] });
const withHeaders = (req, headers) => ({ ...req, headers: { ...req.headers, ...headers } });
const firstQueryName = (req) => req.op.queryParams[0]?.name ?? 'page';

const MALFORMED = [
  '{',
  '{"a":}',
  "{'name':'x'}",
  '{"name":"x",}',
  '{"name":"x"}{"b":2}',
  '{"name":"\\u00"}',
  '{"name":"\\x41"}',
  'undefined',
  '[1,2',
  '{"name":1e99999}',
  '{"a":"b"',
  '\u0000',
];

const r = (name, when, apply) => ({ name, when, apply });

export const REQUEST_MUTATIONS = [
  r('unknown top-level field', hasBody, (req) => ({ ...req, body: { json: { ...json(req), unknownField: 1 } } })),
  r('__proto__ key', hasBody, (req) =>
    withBody(req, `{"__proto__":{"polluted":true,"isAdmin":true},${jsonText(req).slice(1)}`, 'application/json'),
  ),
  r('constructor.prototype key', hasBody, (req) => ({
    ...req,
    body: { json: { ...json(req), constructor: { prototype: { polluted: true } } } },
  })),
  r('duplicate keys', hasBody, (req) => {
    const [key] = Object.keys(json(req));
    return withBody(req, `{"${key ?? 'a'}":{"x":1},${jsonText(req).slice(1)}`, 'application/json');
  }),
  // Objects cost 6 bytes a level: 16,000 levels stay under the 100 KB JSON body limit, so the parsed value reaches
  // validation (30,000 would only test the 413).
  r('16,000-level nested objects', hasBody, (req) => withBody(req, deepJson(16_000), 'application/json')),
  r('30,000-level nested arrays', hasBody, (req) => withBody(req, deepJson(30_000, 'array'), 'application/json')),
  r('30,000-level nested arrays inside the first field', hasBody, (req) => {
    const body = json(req);
    const [key] = Object.keys(body);
    return { ...req, body: { json: { ...body, [key ?? 'a']: new RawJson(deepJson(30_000, 'array')) } } };
  }),
  r('body is an array of the valid body', hasBody, (req) => ({ ...req, body: { json: [json(req)] } })),
  r('body is a 10k-item array', hasBody, (req) => ({ ...req, body: { json: Array(10_000).fill(1) } })),
  r('body is a JSON string', hasBody, (req) => withBody(req, '"just a string"', 'application/json')),
  r('body is a JSON number', hasBody, (req) => withBody(req, '123', 'application/json')),
  r('body is JSON null', hasBody, (req) => withBody(req, 'null', 'application/json')),
  r('body is JSON true', hasBody, (req) => withBody(req, 'true', 'application/json')),
  r('malformed JSON', hasBody, (req, ctx) => withBody(req, ctx.rng.pick(MALFORMED), 'application/json')),
  r('empty body, JSON content type', hasBody, (req) => withBody(req, '', 'application/json')),
  r('empty object', hasBody, (req) => ({ ...req, body: { json: {} } })),
  r('JSON without content type', hasBody, (req) => withBody(req, jsonText(req), undefined)),
  r('text/plain', hasBody, (req) => withBody(req, jsonText(req), 'text/plain')),
  r('application/xml', hasBody, (req) => withBody(req, '<?xml version="1.0"?><a><b>1</b></a>', 'application/xml')),
  r('multipart with junk', hasBody, (req) =>
    withBody(
      req,
      '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\n\u0000\u00ff junk',
      'multipart/form-data; boundary=xyz',
    ),
  ),
  r('multipart without boundary', hasBody, (req) => withBody(req, 'junk', 'multipart/form-data')),
  r('multipart with a CSV file', hasBody, (req) =>
    withBody(
      req,
      '--b0\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n' +
        'date,platform,campaign,spend\r\n2026-03-01,google_ads,lead_gen,1\u0000\r\n--b0--\r\n',
      'multipart/form-data; boundary=b0',
    ),
  ),
  r('multipart with two files', hasBody, (req) =>
    withBody(
      req,
      '--b1\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n' +
        '--b1\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\ny\r\n--b1--\r\n',
      'multipart/form-data; boundary=b1',
    ),
  ),
  r('multipart with an unknown file field', hasBody, (req) =>
    withBody(
      req,
      '--b2\r\nContent-Disposition: form-data; name="other"; filename="a.csv"\r\n\r\nx\r\n--b2--\r\n',
      'multipart/form-data; boundary=b2',
    ),
  ),
  r('urlencoded with nested keys', hasBody, (req) =>
    withBody(req, 'a[b][c][d][e][f][g]=1&name=x&name=y&lead[phone]=%00', 'application/x-www-form-urlencoded'),
  ),
  r('charset=latin1', hasBody, (req) =>
    withBody(
      req,
      Buffer.from(jsonText(req).replace(/}$/, ',"x":"ção"}'), 'latin1'),
      'application/json; charset=latin1',
    ),
  ),
  r('charset=utf-16', hasBody, (req) =>
    withBody(req, Buffer.from(jsonText(req), 'utf16le'), 'application/json; charset=utf-16'),
  ),
  r('invalid UTF-8 bytes', hasBody, (req) =>
    withBody(
      req,
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')]),
      'application/json',
    ),
  ),
  r('byte order mark', hasBody, (req) => withBody(req, `\uFEFF${jsonText(req)}`, 'application/json')),
  r('gzip header on a plain body', hasBody, (req) =>
    withHeaders(withBody(req, jsonText(req), 'application/json'), { 'content-encoding': 'gzip' }),
  ),
  r('gzip body', hasBody, (req) =>
    withHeaders(withBody(req, gzipSync(jsonText(req)), 'application/json'), { 'content-encoding': 'gzip' }),
  ),
  r('gzip bomb (10 MB inflated)', hasBody, (req) =>
    withHeaders(withBody(req, gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20)), 'application/json'), {
      'content-encoding': 'gzip',
    }),
  ),
  r('deflate header on junk', hasBody, (req) =>
    withHeaders(withBody(req, 'junk', 'application/json'), { 'content-encoding': 'deflate' }),
  ),
  r('unknown content-encoding', hasBody, (req) =>
    withHeaders(withBody(req, jsonText(req), 'application/json'), { 'content-encoding': 'br, zstd, x-fuzz' }),
  ),
  r('2 MB body', hasBody, (req) => withBody(req, `{"name":"${'a'.repeat(2 * 1024 * 1024)}"}`, 'application/json')),
  r('repeated query params', always, (req) => {
    const name = firstQueryName(req);
    return withQuery(req, [name, '1'], [name, '2']);
  }),
  r('object-shaped query param', always, (req) => withQuery(req, [firstQueryName(req), { a: '1', b: { c: '2' } }])),
  r('array-shaped query param', always, (req) => ({
    ...req,
    rawQuery: `${firstQueryName(req)}[]=1&${firstQueryName(req)}[]=2`,
  })),
  r('deep bracket query', always, (req) => ({ ...req, rawQuery: `a${'[b]'.repeat(40)}=1` })),
  r('1,000 query params', always, (req) => ({
    ...req,
    rawQuery: Array.from({ length: 1000 }, (_v, i) => `p${i}=${i}`).join('&'),
  })),
  r('%00 in the query', always, (req) => ({ ...req, rawQuery: `${firstQueryName(req)}=%00` })),
  r('bad percent-encoding in the query', always, (req, ctx) => ({
    ...req,
    rawQuery: `${firstQueryName(req)}=${ctx.rng.pick(['%', '%ZZ', '%ED%A0%80', '%C0%AF', '%FF%FE', '%E2%82'])}`,
  })),
  r('query key without value', always, (req) => ({ ...req, rawQuery: firstQueryName(req) })),
  r('unknown query param', always, (req) => withQuery(req, ['unknownParam', 'x'])),
  r('8 KB query value', always, (req) => withQuery(req, [firstQueryName(req), 'a'.repeat(8 * 1024)])),
  r('20 KB URL', always, (req) => withQuery(req, [firstQueryName(req), 'a'.repeat(20 * 1024)])),
  r('HEAD', always, (req) => ({ ...req, method: 'HEAD', body: undefined })),
  r('OPTIONS', always, (req) => ({ ...req, method: 'OPTIONS', body: undefined })),
  r('undocumented method', always, (req) => ({ ...req, method: req.op.method === 'PUT' ? 'PATCH' : 'PUT' })),
  r('X-HTTP-Method-Override', always, (req) => withHeaders(req, { 'x-http-method-override': 'DELETE' })),
  r('trailing slash', always, (req) => ({ ...req, pathSuffix: '/' })),
  r('double slash', always, (req) => ({ ...req, pathTransform: (p) => p.replace('/api/v1/', '/api/v1//') })),
  r('dot segment', always, (req) => ({ ...req, pathTransform: (p) => p.replace('/api/v1/', '/api/v1/./') })),
  r('upper-case path', always, (req) => ({ ...req, pathTransform: (p) => p.toUpperCase() })),
  r('matrix parameter', always, (req) => ({ ...req, pathSuffix: ';jsessionid=1' })),
  r('junk bearer token', always, (req) =>
    withHeaders({ ...req, principal: 'none' }, { authorization: 'Bearer junk.junk.junk' }),
  ),
  r('unsigned JWT (alg none)', always, (req) =>
    withHeaders(
      { ...req, principal: 'none' },
      {
        authorization: `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
          '{"sub":"00000000-0000-4000-8000-000000000000","role":"owner"}',
        ).toString('base64url')}.`,
      },
    ),
  ),
  r('basic auth', always, (req) => withHeaders({ ...req, principal: 'none' }, { authorization: 'Basic YTpi' })),
  r('bearer without token', always, (req) => withHeaders({ ...req, principal: 'none' }, { authorization: 'Bearer' })),
  r('8 KB bearer token', always, (req) =>
    withHeaders({ ...req, principal: 'none' }, { authorization: `Bearer ${'a'.repeat(8 * 1024)}` }),
  ),
  r('junk API key', always, (req) => withHeaders({ ...req, principal: 'none' }, { 'x-api-key': 'wtk_junk_junk' })),
  r('API key with NUL-like bytes', always, (req) =>
    withHeaders({ ...req, principal: 'none' }, { 'x-api-key': 'wtk_\u00ff\u00fe_x' }),
  ),
  r('both bearer and API key', always, (req) => ({ ...req, principal: 'both' })),
  r('Accept: application/xml', always, (req) => withHeaders(req, { accept: 'application/xml' })),
  r('token in the query', always, (req) => withQuery(req, ['access_token', 'junk'], ['token', 'junk'])),
];

export { Encoded };
