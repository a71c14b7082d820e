// The request stream of one operation: valid requests as every principal, then each mutation once (in a seeded
// shuffle, since the budget rarely covers them all), then random combinations for as long as the run lasts.
import { FIELD_MUTATIONS, getAt, leafPaths, MISSING, RawJson, setAt, TIER1 } from './mutations.mjs';
import { REQUEST_MUTATIONS } from './request-mutations.mjs';
import { Encoded, encodeComponent } from './requests.mjs';
import { pathParamKind, validValue } from './values.mjs';
import { CLOUD_FIELDS, cloudMessageBody, EVOLUTION_FIELDS, evolutionMessageBody } from './webhooks.mjs';

const PRINCIPALS = ['owner', 'agent', 'apiKey', 'none'];

const p = (name, value) => ({ name, value });
// Mutations may stack on one path value, so they read it as its wire text (an earlier one may have left Encoded).
const wire = (value) => (value instanceof Encoded ? value.text : encodeComponent(value));
const onText = (fn) => (value) => new Encoded(fn(wire(value)));
const PATH_MUTATIONS = [
  p('unknown uuid', (_id, ctx) => ctx.rng.uuid()),
  p('deleted id', (_id, ctx) => ctx.ids.pickGone() ?? ctx.rng.uuid()),
  p('id of another resource', (_id, ctx) => ctx.ids.pickAny() ?? ctx.rng.uuid()),
  p('not a uuid', () => 'not-a-uuid'),
  p('%00', () => new Encoded('%00')),
  p(
    'id followed by %00',
    onText((id) => `${id}%00`),
  ),
  p('lone surrogate', () => '\uD800'),
  p('emoji', () => '😀'),
  p('encoded dot segments', () => new Encoded('..%2F..%2Fhealth')),
  p('5,000 characters', () => 'a'.repeat(5000)),
  p('bare %', () => new Encoded('%')),
  p('%25', () => new Encoded('%25')),
  p(
    'upper-case id',
    onText((id) => id.toUpperCase()),
  ),
  p('%20', () => new Encoded('%20')),
  p('-1', () => '-1'),
  p('1e308', () => '1e308'),
  p('empty segment', () => ''),
  p(
    'uuid in braces',
    onText((id) => `%7B${id}%7D`),
  ),
  p(
    'uuid without dashes',
    onText((id) => id.replace(/-/g, '')),
  ),
  p('SQL quote', () => "1' OR '1'='1"),
];

/** Operations the spec leaves out but the server answers: checked for 5xx (and /api/v1 ones for the error shape). */
export function extraOperations() {
  const str = { type: 'string' };
  const base = { pathParams: [], queryParams: [], body: null, secured: false, responses: {}, extra: true };
  return [
    {
      ...base,
      id: 'followTrackingLink',
      key: 'GET /t/{slug}',
      method: 'GET',
      path: '/t/{slug}',
      pathParams: [{ name: 'slug', schema: str }],
      queryParams: ['utm_source', 'utm_medium', 'utm_campaign', 'gclid', 'fbclid'].map((name) => ({
        name,
        schema: str,
      })),
      outsideApi: true,
    },
    { ...base, id: 'swaggerUi', key: 'GET /docs', method: 'GET', path: '/docs', outsideApi: true },
    { ...base, id: 'openApiJson', key: 'GET /docs-json', method: 'GET', path: '/docs-json', outsideApi: true },
    {
      ...base,
      id: 'probeEvolutionWebhook',
      key: 'GET /api/v1/webhooks/whatsapp/evolution/{instanceId}',
      method: 'GET',
      path: '/api/v1/webhooks/whatsapp/evolution/{instanceId}',
      pathParams: [{ name: 'instanceId', schema: str }],
    },
    { ...base, id: 'unknownRoute', key: 'POST /api/v1/no-such-route', method: 'POST', path: '/api/v1/no-such-route' },
  ];
}

function bodyTemplate(op) {
  if (op.id === 'receiveCloudWebhook') return { valid: cloudMessageBody, fields: CLOUD_FIELDS };
  if (op.id === 'receiveEvolutionWebhook') return { valid: evolutionMessageBody, fields: EVOLUTION_FIELDS };
  if (!op.body) return null;
  return { valid: (ctx) => validValue(op.body.schema, 'body', ctx), fields: leafPaths(op.body.schema) };
}

function pathKind(op, name) {
  return op.id === 'followTrackingLink' ? 'trackingSlug' : pathParamKind(op.path, name);
}

export function buildValid(op, ctx, principal) {
  const { rng, ids } = ctx;
  const pathValues = {};
  for (const param of op.pathParams) {
    const kind = pathKind(op, param.name);
    const id = op.method === 'GET' ? ids.pick(kind) : ids.pickMutable(kind);
    pathValues[param.name] = id ?? rng.uuid();
  }
  const query = [];
  for (const param of op.queryParams) {
    if (param.required || rng.chance(0.35)) query.push([param.name, validValue(param.schema, param.name, ctx)]);
  }
  const req = { op, label: 'valid', principal, pathValues, query, headers: {} };
  if (op.id === 'verifyCloudWebhook') {
    req.query = [
      ['hub.mode', 'subscribe'],
      ['hub.verify_token', ctx.verifyToken],
      ['hub.challenge', rng.digits(10)],
    ];
  }
  const template = bodyTemplate(op);
  if (template) req.body = { json: template.valid(ctx) };
  if (op.id === 'receiveCloudWebhook') req.sign = 'cloud';
  if (op.id === 'receiveEvolutionWebhook') {
    // The one instance whose token the fuzzer knows; other ids are left to the path mutations.
    req.pathValues.instanceId = ctx.evolutionId;
    if (rng.chance(0.2)) req.query.push(['token', ctx.evolutionToken]);
    else req.headers.apikey = ctx.evolutionToken;
  }
  return req;
}

/** Body fields and query parameters a field mutation can target. */
export function fieldTargets(op) {
  const template = bodyTemplate(op);
  const body = (template?.fields ?? []).map((path) => ({ where: 'body', path, label: `body.${path.join('.')}` }));
  const query = op.queryParams.map((q) => ({ where: 'query', name: q.name, label: `query ${q.name}` }));
  if (op.id === 'receiveEvolutionWebhook') query.push({ where: 'header', name: 'apikey', label: 'header apikey' });
  return [...body, ...query];
}

function applyField(req, target, mutation, ctx) {
  if (target.where === 'body') {
    const current = getAt(req.body?.json, target.path);
    const value = mutation.apply(current, null, ctx);
    return { ...req, body: { json: setAt(req.body?.json ?? {}, target.path, value) } };
  }
  if (target.where === 'header') {
    const value = mutation.apply(req.headers[target.name], null, ctx);
    const headers = { ...req.headers };
    if (value === MISSING || value === null) delete headers[target.name];
    else {
      // As bytes (UTF-8 read as latin1), without the control characters Node refuses to put in a header.
      const text = Buffer.from(String(value instanceof RawJson ? value.text : value)).toString('latin1');
      headers[target.name] = text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '').slice(0, 12_000);
    }
    return { ...req, headers };
  }
  const current = req.query.find(([k]) => k === target.name)?.[1];
  let value = mutation.apply(current, null, ctx);
  if (value instanceof RawJson) value = value.text;
  // Node refuses request heads over 16 KB (431) before the API sees them; "20 KB URL" covers that once, so long
  // query values are cut to what reaches the application, measured once percent-encoded.
  while (typeof value === 'string' && encodeComponent(value).length > 12_000) {
    value = value.slice(0, Math.floor((value.length * 11_000) / encodeComponent(value).length));
  }
  if (Array.isArray(value) && value.length > 500) value = value.slice(0, 500);
  const query = req.query.filter(([k]) => k !== target.name);
  if (value !== MISSING) query.push([target.name, value]);
  return { ...req, query };
}

function applyPath(req, name, mutation, ctx) {
  return { ...req, pathValues: { ...req.pathValues, [name]: mutation.value(req.pathValues[name], ctx) } };
}

export function* caseStream(op, ctx) {
  const { rng } = ctx;
  const principal = () => {
    if (!op.secured) return rng.pick(PRINCIPALS);
    const x = rng.next();
    return x < 0.5 ? 'owner' : x < 0.75 ? 'apiKey' : x < 0.95 ? 'agent' : 'none';
  };
  const label = (req, text) => ({ ...req, label: req.label === 'valid' ? text : `${req.label}; ${text}` });
  const targets = fieldTargets(op);
  const requestMutations = REQUEST_MUTATIONS.filter((x) => x.when(op));
  const field = (req, target, mutation) =>
    label(applyField(req, target, mutation, ctx), `${target.label}: ${mutation.name}`);
  const path = (req, name, mutation) => label(applyPath(req, name, mutation, ctx), `path ${name}: ${mutation.name}`);
  const whole = (req, mutation) => label(mutation.apply(req, ctx), mutation.name);

  for (const who of PRINCIPALS) yield buildValid(op, ctx, who);
  const systematic = rng.shuffle([
    ...targets.flatMap((target) => TIER1.map((mutation) => (req) => field(req, target, mutation))),
    ...op.pathParams.flatMap((param) => PATH_MUTATIONS.map((mutation) => (req) => path(req, param.name, mutation))),
    ...requestMutations.map((mutation) => (req) => whole(req, mutation)),
  ]);
  for (const mutate of systematic) yield mutate(buildValid(op, ctx, principal()));
  for (;;) {
    let req = buildValid(op, ctx, principal());
    const x = rng.next();
    if (x < 0.1) {
      yield req;
      continue;
    }
    const rounds = rng.int(1, 3);
    for (let i = 0; i < rounds; i++) {
      const y = rng.next();
      if (targets.length && y < 0.6) req = field(req, rng.pick(targets), rng.pick(FIELD_MUTATIONS));
      else if (op.pathParams.length && y < 0.8) req = path(req, rng.pick(op.pathParams).name, rng.pick(PATH_MUTATIONS));
      else req = whole(req, rng.pick(requestMutations));
    }
    yield req;
  }
}

/** Created ids join the pool (so later writes and deletes hit fresh rows), deleted ones leave it. */
export function harvest(req, status, json, ids) {
  const op = req.op;
  if (op.method === 'POST' && status >= 200 && status < 300 && json?.id) {
    const last = op.path.split('/').pop();
    const kind = { tickets: 'ticket', stages: 'stage', users: 'user', 'api-keys': 'apiKey', sales: 'sale' }[last];
    if (kind) ids.add(kind, json.id);
    if (last === 'whatsapp-instances') {
      ids.add('instance', json.id);
      if (json.provider === 'evolution') ids.add('evolutionInstance', json.id);
    }
    if (last === 'tracking-links') ids.add('trackingSlug', json.slug);
  }
  if (op.method === 'DELETE' && status === 204 && req.label === 'valid') {
    for (const param of op.pathParams) ids.remove(pathKind(op, param.name), req.pathValues[param.name]);
  }
}
