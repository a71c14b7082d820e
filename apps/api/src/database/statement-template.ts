import type { CompiledQuery } from 'kysely';
import { compileStatement, type Statement } from './query-builder';

const SLOT = Symbol('statement-template-slot');

interface Slot {
  readonly [SLOT]: string;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && SLOT in value;
}

/**
 * A hot statement built and compiled once, then only given new parameter values: on the webhook path, building and
 * compiling a Kysely statement on every call cost more API CPU than the rest of the message's work. Only for
 * statements whose text never depends on their input (as a prepared statement's must not anyway).
 *
 * `build` is called once, with a placeholder for each parameter: it must hand them to Kysely as they are (a value,
 * `eb.val`, or a `sql` template's parameter), never look at them, transform or branch on them. Transform values
 * (JSON.stringify, defaults) before calling the template. The statement's other values (constants) stay as built.
 */
export function statementTemplate<P extends object, O>(
  build: (params: P) => Statement<O>,
): (params: P) => Statement<O> {
  let template: { query: CompiledQuery<O>; slots: ({ name: string } | { value: unknown })[] } | undefined;
  return (params) => {
    if (!template) {
      const placeholders = new Proxy({} as P, { get: (_, name): Slot => ({ [SLOT]: String(name) }) });
      const query = compileStatement(build(placeholders));
      const slots = query.parameters.map((p) => (isSlot(p) ? { name: p[SLOT] } : { value: p }));
      template = { query, slots };
    }
    const { query, slots } = template;
    const values = params as Record<string, unknown>;
    const parameters = slots.map((slot) => ('name' in slot ? values[slot.name] : slot.value));
    return { compile: () => ({ ...query, parameters }) };
  };
}
