// The committed OpenAPI document as a list of operations with their schemas resolved.
import { readFileSync } from 'node:fs';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Inlines every `$ref` and folds `allOf` into one schema. The fuzzer only reads schemas, so sharing the same
 * resolved object between uses is fine; a `$ref` that is already being resolved is left as `{}` so a recursive
 * schema cannot loop.
 */
export function resolveSchema(doc, schema, seen = new Set()) {
  if (!schema || typeof schema !== 'object') return schema ?? {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return {};
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
    const { $ref: _ref, ...siblings } = schema;
    return { ...resolveSchema(doc, target, new Set([...seen, name])), ...siblings };
  }
  const out = { ...schema };
  if (out.allOf) {
    const parts = out.allOf.map((part) => resolveSchema(doc, part, seen));
    delete out.allOf;
    const merged = Object.assign({}, ...parts, out);
    merged.properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}), out.properties ?? {});
    merged.required = [...new Set([...parts.flatMap((p) => p.required ?? []), ...(out.required ?? [])])];
    if (Object.keys(merged.properties).length === 0) delete merged.properties;
    if (merged.required.length === 0) delete merged.required;
    return resolveSchema(doc, merged, seen);
  }
  if (out.oneOf) out.oneOf = out.oneOf.map((s) => resolveSchema(doc, s, seen));
  if (out.anyOf) out.anyOf = out.anyOf.map((s) => resolveSchema(doc, s, seen));
  if (out.items) out.items = resolveSchema(doc, out.items, seen);
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, resolveSchema(doc, v, seen)]),
    );
  }
  if (out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.additionalProperties = resolveSchema(doc, out.additionalProperties, seen);
  }
  return out;
}

/** The operations of the document, in document order. */
export function readSpec(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: resolveSchema(doc, p.schema ?? {}),
      }));
      const content = op.requestBody?.content ?? {};
      const responses = Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([status, r]) => [status, Object.keys(r.content ?? {})]),
      );
      operations.push({
        id: op.operationId ?? `${method} ${path}`,
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody
          ? {
              required: Boolean(op.requestBody.required),
              contentTypes: Object.keys(content),
              schema: resolveSchema(doc, content['application/json']?.schema ?? {}),
            }
          : null,
        // An empty security list marks a public operation; absent means the document-wide requirement applies.
        secured: !(Array.isArray(op.security) && op.security.length === 0),
        responses,
      });
    }
  }
  return {
    doc,
    operations,
    errorSchema: resolveSchema(doc, { $ref: '#/components/schemas/ErrorResponseDto' }),
  };
}
