import { type EntityManager, QueryFailedError } from 'typeorm';

/** The part of node-postgres' client (also PGlite's adapter) used here. */
interface NativeClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** One name per distinct SQL text, the same on every connection (texts come from code, so the map stays small). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `whatrack_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot statement as a named prepared statement on the manager's connection (its transaction's, or one taken from
 * the pool for this call). PostgreSQL then parses and plans it once per connection instead of on every call: for the
 * ticket and webhook statements, planning cost PostgreSQL more than the execution. Only for texts written in code
 * (never built from input values), so the set of names stays small. TypeORM's query() cannot name a
 * statement, hence the native client. Returns the rows for every command (no [rows, count] pair for UPDATE); errors
 * are QueryFailedError, as from query(), so the HTTP error mapping is unchanged.
 */
export async function queryPrepared<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const own = m.queryRunner ? null : m.connection.createQueryRunner();
  const runner = m.queryRunner ?? own!;
  try {
    const client = (await runner.connect()) as NativeClient;
    try {
      return (await client.query({ name: statementName(text), text, values })).rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  } finally {
    if (own) await own.release();
  }
}
