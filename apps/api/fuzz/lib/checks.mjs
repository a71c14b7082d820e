// What a response must satisfy: no 5xx, and every error (status >= 400) in the shape the committed spec documents
// as ErrorResponseDto, as application/json. The schema is read from the spec, never restated here.

/** The JSON Schema subset the spec's DTOs use: type, nullable, enum, required, properties, items. */
export function validate(schema, value, at = 'body') {
  if (!schema || typeof schema !== 'object') return [];
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  const errors = [];
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const actual = Array.isArray(value) ? 'array' : typeof value;
  switch (type) {
    case 'string':
    case 'boolean':
      if (actual !== type) errors.push(`${at} is ${actual}, not ${type}`);
      break;
    case 'number':
    case 'integer':
      if (actual !== 'number') errors.push(`${at} is ${actual}, not ${type}`);
      else if (type === 'integer' && !Number.isInteger(value)) errors.push(`${at} is not an integer`);
      break;
    case 'array':
      if (actual !== 'array') errors.push(`${at} is ${actual}, not array`);
      else value.forEach((item, i) => errors.push(...validate(schema.items, item, `${at}[${i}]`)));
      break;
    case 'object':
      if (actual !== 'object') {
        errors.push(`${at} is ${actual}, not object`);
        break;
      }
      for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${at}.${key} is missing`);
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (key in value) errors.push(...validate(prop, value[key], `${at}.${key}`));
      }
      if (schema.additionalProperties === false) {
        for (const key of Object.keys(value))
          if (!schema.properties?.[key]) errors.push(`${at}.${key} is not documented`);
      }
      break;
    default:
      break;
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at} is not one of ${schema.enum.join(', ')}`);
  return errors;
}

const isJson = (contentType) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');

/**
 * Problems of one answer: { kind: '5xx' | 'shape' | 'no answer', reason }. Routes outside the API (/t/:slug, /docs)
 * are only held to "no 5xx": they answer people (a redirect, a text page), not API clients.
 */
export function checkResponse({ op, method, res, errorSchema }) {
  if (res.error) return [{ kind: 'no answer', reason: res.error }];
  const problems = [];
  if (res.status >= 500) problems.push({ kind: '5xx', reason: `HTTP ${res.status}` });
  if (op.outsideApi || method === 'HEAD') return problems;
  const contentType = res.headers['content-type'];
  if (res.status < 400) {
    // A success body is JSON unless the operation documents another type for it (CSV, the handshake's text).
    const documented = op.responses[String(res.status)] ?? [];
    if (res.body.length > 0 && !isJson(contentType) && !documented.some((t) => contentType?.startsWith(t))) {
      problems.push({ kind: 'shape', reason: `HTTP ${res.status} answered as ${contentType ?? 'no content type'}` });
    }
    return problems;
  }
  if (!isJson(contentType)) {
    const empty = res.body.length === 0 ? ' with an empty body' : '';
    problems.push({
      kind: 'shape',
      reason: `HTTP ${res.status} answered as ${contentType ?? 'no content type'}${empty}`,
    });
    return problems;
  }
  if (res.truncated) {
    problems.push({ kind: 'shape', reason: `HTTP ${res.status}: error body over 2 MB` });
    return problems;
  }
  let body;
  try {
    body = JSON.parse(res.body.toString('utf8'));
  } catch {
    problems.push({ kind: 'shape', reason: `HTTP ${res.status}: body is not JSON` });
    return problems;
  }
  const errors = validate(errorSchema, body);
  // Not in the schema's words, but what statusCode means: a mismatch would mislead every client that reads it.
  if (body && typeof body.statusCode === 'number' && body.statusCode !== res.status) {
    errors.push(`body.statusCode is ${body.statusCode} but the HTTP status is ${res.status}`);
  }
  // Indexes are dropped so that one defect in details[3] and in details[7] is one group.
  const reason = [...new Set(errors.map((e) => e.replace(/\[\d+\]/g, '[i]')))].join('; ');
  if (errors.length) problems.push({ kind: 'shape', reason: `HTTP ${res.status}: ${reason}` });
  return problems;
}

/** Whether the operation documents this status (informational: undocumented ones are listed, not failed). */
export function isDocumented(op, status) {
  if (op.extra) return true;
  return Object.hasOwn(op.responses, String(status)) || Object.hasOwn(op.responses, 'default');
}
