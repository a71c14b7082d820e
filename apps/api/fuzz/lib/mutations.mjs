// Hostile values for one field. Each mutation gets the field's valid value, its schema and the generation context,
// and answers the value to send (MISSING drops the field). `tier1` ones are tried on every field first.

export const MISSING = Symbol('missing');

/** JSON text spliced verbatim into a serialized body: values JSON.stringify cannot produce (deep nesting, dupes). */
export class RawJson {
  constructor(text) {
    this.text = text;
  }
}

export const deepJson = (levels, kind = 'object') =>
  kind === 'object' ? `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}` : `${'['.repeat(levels)}1${']'.repeat(levels)}`;

const asText = (valid) =>
  typeof valid === 'string' ? valid : valid === undefined || valid === null ? '' : String(valid);

/** Puts `insert` inside the valid text (before the @ of an e-mail, where validators look hardest). */
function inside(valid, insert) {
  const text = asText(valid);
  const at = text.indexOf('@');
  return at > 0 ? `${text.slice(0, at)}${insert}${text.slice(at)}` : `${text}${insert}`;
}

const m = (name, apply, tier1 = false) => ({ name, apply, tier1 });

export const FIELD_MUTATIONS = [
  m('null', () => null, true),
  m('missing', () => MISSING, true),
  m('empty string', () => '', true),
  m('100k-char string', () => 'a'.repeat(100_000), true),
  m('NUL inside', (v) => inside(v, '\u0000'), true),
  m('lone surrogate inside', (v) => inside(v, '\uD800'), true),
  m('lone low surrogate', () => '\uDC00'),
  m('emoji inside', (v) => inside(v, '😀👍🏽👨‍👩‍👧'), true),
  m('emoji only', () => '🎉'),
  m('bidi and zero-width', () => '\u202e\u200b\u2066x'),
  m('control chars', () => '\u0001\u001f\u007f\u0085'),
  m('whitespace only', () => '   \t'),
  m('number 1e308', () => 1e308, true),
  m('number 2**64', () => 2 ** 64, true),
  m('number -1', () => -1, true),
  m('number -1e308', () => -1e308),
  m('number 0', () => 0),
  m('number 1e-7', () => 1e-7),
  m('number 1.005', () => 1.005),
  m('unsafe integer', () => new RawJson('9007199254740993')),
  m('exponent beyond double', () => new RawJson('1e999')),
  m('string NaN', () => 'NaN', true),
  m('string Infinity', () => 'Infinity'),
  m('string 1e309', () => '1e309'),
  m('string -0', () => '-0'),
  m('string 0x1F', () => '0x1F'),
  m('numeric string 10^23', () => '99999999999999999999999'),
  m('wrong type number', () => 12345, true),
  m('wrong type boolean', () => true, true),
  m('wrong type object', () => ({ a: 1 }), true),
  m('wrong type array', (v) => [v ?? 'x'], true),
  m('empty array', () => []),
  m('empty object', () => ({})),
  m('10k-item array', (v) => Array.from({ length: 10_000 }, () => (typeof v === 'number' ? v : 1))),
  m('nested 2000 levels', () => new RawJson(deepJson(2000)), true),
  m('not a uuid', () => 'not-a-uuid', true),
  m('nil uuid', () => '00000000-0000-0000-0000-000000000000'),
  m('unknown uuid', (_v, _s, ctx) => ctx.rng.uuid(), true),
  m('id of another resource', (_v, _s, ctx) => ctx.ids.pickAny() ?? ctx.rng.uuid()),
  m('uppercase uuid', (_v, _s, ctx) => (ctx.ids.pickAny() ?? ctx.rng.uuid()).toUpperCase()),
  m('February 30', () => '2026-02-30', true),
  m('month 13', () => '2026-13-01'),
  m('year 0', () => '0000-01-01'),
  m('year 275760', () => '+275760-09-13T00:00:00.000Z'),
  m('far future', () => '9999-12-31T23:59:59Z'),
  m('hour 25', () => '2026-01-01T25:00:00Z'),
  m('date with offset', () => '2026-03-01T00:00:00+14:00'),
  m('epoch digits', () => '1767268800'),
  m('SQL quote', () => "' OR '1'='1' --"),
  m('LIKE wildcards', () => '%_\\%'),
  m('backslashes', () => '\\\\\\'),
  m('__proto__', () => '__proto__'),
  m('format string', () => '%s%n%x%d'),
  m('HTML', () => '<script>alert(1)</script>'),
  m('e-mail without domain', () => 'a@'),
  m('e-mail 300 chars', () => `${'a'.repeat(290)}@example.com`),
  m('unicode e-mail', () => 'joão@exämple.com.br'),
  m('phone letters', () => '+55 11 ABCD-EFGH'),
  m('phone 40 digits', () => '9'.repeat(40)),
  m('color 3 digits', () => '#fff'),
];

export const TIER1 = FIELD_MUTATIONS.filter((x) => x.tier1);

/** JSON text of `value` with every RawJson spliced in; lone surrogates come out escaped (\ud800), as JSON allows. */
export function serializeJson(value) {
  const raws = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return '';
  return raws.length === 0 ? text : text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_all, i) => raws[Number(i)]);
}

/** Sets (or drops, for MISSING) the value at `path` (array of keys) in a copy of `body`. */
export function setAt(body, path, value) {
  if (path.length === 0) return value === MISSING ? undefined : value;
  const copy = Array.isArray(body) ? [...body] : { ...(body ?? {}) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (value === MISSING) delete copy[head];
    else copy[head] = value;
  } else {
    copy[head] = setAt(copy[head] ?? {}, rest, value);
  }
  return copy;
}

/** Paths to every leaf field the schema declares (objects are walked; arrays by their first item). */
export function leafPaths(schema, prefix = []) {
  const out = [];
  const props = schema?.properties;
  if (schema?.oneOf) return leafPaths(schema.oneOf[0], prefix);
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      out.push([...prefix, key]);
      if (prop.properties || prop.oneOf) out.push(...leafPaths(prop, [...prefix, key]));
      else if (prop.type === 'array' && prop.items?.properties) out.push(...leafPaths(prop.items, [...prefix, key, 0]));
    }
  }
  return out;
}

export function getAt(body, path) {
  return path.reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), body);
}
