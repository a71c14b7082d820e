import type { CompiledQuery } from 'kysely';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { compileStatement, type Statement } from './query-builder';

/** The part of node-postgres' client (also PGlite's adapter) used here. */
interface NativeClient {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<NativeResult>;
}

interface NativeResult {
  rows: unknown[];
  rowCount: number | null;
}

export interface RunOptions {
  /**
   * Runs the statement as a named prepared statement: PostgreSQL parses and plans it once per connection (for the
   * hot ticket and webhook statements, planning cost more than executing). The name must always carry the same text.
   */
  prepare?: string;
}

/** What an observer (the SQL snapshot test) learns of each statement, before it runs. */
export interface StatementRecord {
  sql: string;
  parameters: readonly unknown[];
  prepare?: string;
}

export type StatementObserver = (statement: StatementRecord) => void;

/** Prepared statement name → its text, the same in every connection of the process. */
const preparedTexts = new Map<string, string>();

/**
 * The one way to run SQL: repositories hand it typed statements; it runs them on a TypeORM manager's connection
 * (the transaction's when there is one). Errors stay TypeORM's QueryFailedError, which the HTTP filter maps.
 */
export class Db {
  constructor(
    private readonly manager: EntityManager,
    private readonly observer?: StatementObserver,
  ) {}

  async all<O>(statement: Statement<O>, options: RunOptions = {}): Promise<O[]> {
    return (await this.execute(compileStatement(statement), options)).rows as O[];
  }

  async first<O>(statement: Statement<O>, options: RunOptions = {}): Promise<O | undefined> {
    return (await this.all(statement, options))[0];
  }

  /** For statements that always return a row (INSERT … RETURNING, aggregates); no row is a bug, not a 404. */
  async one<O>(statement: Statement<O>, options: RunOptions = {}): Promise<O> {
    const row = await this.first(statement, options);
    if (row === undefined) throw new Error('Statement returned no row where one was certain');
    return row;
  }

  /** Runs a statement for its effect: answers how many rows it touched. */
  async run(statement: Statement<unknown>, options: RunOptions = {}): Promise<number> {
    return (await this.execute(compileStatement(statement), options)).rowCount ?? 0;
  }

  /** Runs `work` in one transaction (a savepoint inside an outer one); its Db is the only one to use inside. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.manager.transaction((m) => work(new Db(m, this.observer)));
  }

  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive ?? false;
  }

  private async execute(query: CompiledQuery, { prepare }: RunOptions): Promise<NativeResult> {
    const { sql, parameters } = query;
    if (prepare) checkPreparedText(prepare, sql);
    this.observer?.({ sql, parameters, ...(prepare ? { prepare } : {}) });
    const own = this.manager.queryRunner ? null : this.manager.connection.createQueryRunner();
    const runner = this.manager.queryRunner ?? own!;
    try {
      const client = (await runner.connect()) as NativeClient;
      try {
        return await client.query(
          prepare ? { name: prepare, text: sql, values: parameters } : { text: sql, values: parameters },
        );
      } catch (error) {
        throw new QueryFailedError(sql, [...parameters], error as Error);
      }
    } finally {
      if (own) await own.release();
    }
  }
}

/** A prepared statement's text never depends on input: a second text under one name is a bug, caught at once. */
function checkPreparedText(name: string, sql: string): void {
  const known = preparedTexts.get(name);
  if (known === undefined) preparedTexts.set(name, sql);
  else if (known !== sql) throw new Error(`Prepared statement "${name}" was given a different SQL text`);
}

/** The SQLSTATE of a statement's failure (e.g. '23505'), or null when `error` is not a database error. */
export function sqlStateOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  return (error.driverError as { code?: string } | undefined)?.code ?? '';
}
