// Valid values from a schema. The spec's types alone do not make a request valid (phones, colours, calendar days,
// ids that must exist), so the generator also reads the field name, the documented example and the seeded ids.

/** The seeded resource kind a path or field names, so real ids can fill it. */
const SEGMENT_KINDS = {
  tickets: 'ticket',
  stages: 'stage',
  leads: 'lead',
  sales: 'sale',
  users: 'user',
  'whatsapp-instances': 'instance',
  'api-keys': 'apiKey',
  'ad-spend': 'adSpend',
  conversations: 'conversation',
  'webhook-events': 'webhookEvent',
  evolution: 'evolutionInstance',
};
const FIELD_KINDS = {
  ticketId: 'ticket',
  stageId: 'stage',
  moveTo: 'stage',
  instanceId: 'instance',
  assigneeId: 'user',
  ids: 'stage',
};

export function pathParamKind(path, name) {
  if (FIELD_KINDS[name] && name !== 'instanceId') return FIELD_KINDS[name];
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return SEGMENT_KINDS[segments[at - 1]] ?? null;
}

export function fieldKind(name) {
  return FIELD_KINDS[name] ?? null;
}

const TIMEZONES = ['America/Sao_Paulo', 'UTC', 'Europe/Lisbon', 'America/Manaus'];
const CURRENCIES = ['BRL', 'USD', 'EUR'];

const pad = (n, width = 2) => String(n).padStart(width, '0');

function randomDay(rng) {
  return `${rng.int(2025, 2026)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function randomInstant(rng) {
  return `${randomDay(rng)}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.000Z`;
}

function fitLength(text, schema) {
  let out = text;
  if (schema.maxLength !== undefined && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  while (schema.minLength !== undefined && out.length < schema.minLength) out += 'x';
  return out;
}

function validString(schema, name, ctx) {
  const { rng } = ctx;
  const example = typeof schema.example === 'string' ? schema.example : null;
  const kind = fieldKind(name);
  if (kind) {
    const id = ctx.ids.pick(kind);
    if (id) return id;
  }
  if (schema.format === 'uuid') return rng.uuid();
  if (schema.format === 'date-time' || /At$/.test(name)) return randomInstant(rng);
  if (schema.format === 'email' || /email/i.test(name)) return `fuzz.${ctx.unique()}@example.com`;
  if (/phone(Number)?$/i.test(name)) return `+55 11 9${rng.digits(4)}-${rng.digits(4)}`;
  if (/color/i.test(name)) return `#${rng.hex(6)}`;
  if (/password/i.test(name)) return `senha-forte-${rng.digits(6)}`;
  if (/timezone/i.test(name)) return rng.pick(TIMEZONES);
  if (/currency/i.test(name)) return rng.pick(CURRENCIES);
  if (/^(date|dateFrom|dateTo)$/.test(name) || (example && /^\d{4}-\d{2}-\d{2}$/.test(example))) return randomDay(rng);
  if (example && /^\d+$/.test(example)) return fitLength(rng.digits(example.length), schema);
  // Names and free text must differ between requests, or every create after the first is a uniqueness 409.
  if (example && /\s/.test(example)) return fitLength(`${example} ${ctx.unique()}`, schema);
  if (example) return fitLength(example, schema);
  return fitLength(`fuzz-${rng.hex(6)}`, schema);
}

function validNumber(schema, name, ctx) {
  const { rng } = ctx;
  if (name === 'page') return rng.int(1, 3);
  const min = schema.minimum ?? 0;
  const max = Math.min(schema.maximum ?? 5000, min + 5000);
  const value = min + rng.next() * (max - min);
  // Money fields accept at most 2 decimals; integer-like fields (pageSize) round.
  if (schema.type === 'integer' || /size|count|order/i.test(name)) return Math.max(min, Math.round(value)) || 1;
  return Math.max(min > 0 ? min : 0.01, Math.round(value * 100) / 100);
}

function validArray(schema, name, ctx) {
  if (name === 'ids') return ctx.rng.shuffle(ctx.ids.all('stage'));
  const min = schema.minItems ?? 1;
  const max = Math.min(schema.maxItems ?? 3, Math.max(min, 3));
  return Array.from({ length: ctx.rng.int(min, max) }, () => validValue(schema.items ?? {}, name, ctx));
}

function validObject(schema, ctx, { allOptional = false } = {}) {
  const out = {};
  const required = new Set(schema.required ?? []);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.readOnly) continue;
    if (required.has(key) || allOptional || ctx.rng.chance(0.6)) out[key] = validValue(prop, key, ctx);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out[`k${ctx.rng.hex(4)}`] = validValue(schema.additionalProperties, 'value', ctx);
  }
  return out;
}

/** One valid value for `schema` (a field named `name`). */
export function validValue(schema, name, ctx) {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.enum) return ctx.rng.pick(schema.enum);
  if (schema.oneOf) {
    const json = schema.oneOf.filter((s) => !Object.values(s.properties ?? {}).some((p) => p.format === 'binary'));
    return validValue(ctx.rng.pick(json.length ? json : schema.oneOf), name, ctx);
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return validString(schema, name, ctx);
    case 'number':
    case 'integer':
      return validNumber(schema, name, ctx);
    case 'boolean':
      return ctx.rng.chance(0.5);
    case 'array':
      return validArray(schema, name, ctx);
    case 'object':
      return validObject(schema, ctx);
    default:
      return schema.example ?? `fuzz-${ctx.rng.hex(4)}`;
  }
}

export { validObject, randomDay, randomInstant };
