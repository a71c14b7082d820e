import { type EntityManager, QueryFailedError } from 'typeorm';

/** The part of node-postgres' client (also behind PGlite's adapter) used here. */
interface NativeClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/**
 * One name per distinct SQL text, the same on every connection (the texts come from this module's code, so the map
 * stays small). The prefix keeps them apart from other modules' prepared statements on a shared connection.
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `whatsapp_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a webhook hot-path statement as a named prepared statement on the manager's connection (its transaction's,
 * or one taken from the pool for this call): PostgreSQL parses and plans it once per connection instead of on every
 * event, which was half of its time per message in the webhook benchmark. TypeORM's query() cannot name a
 * statement, hence the native client. Returns the rows for every command (no [rows, count] pair for an UPDATE);
 * errors are QueryFailedError, as from query().
 */
export async function preparedQuery<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
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
