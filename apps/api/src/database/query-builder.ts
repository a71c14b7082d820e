import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type RawBuilder,
} from 'kysely';
import type { DB } from './generated/db';

/**
 * The typed SQL builder every repository writes its statements with. It only compiles (a dummy driver): statements
 * run through Db on TypeORM's pool, so they share its transactions, its statement guards and the embedded PGlite.
 */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Anything Db can run: a Kysely builder, or a whole `sql` template (compiled with qb). */
export type Statement<O> = { compile(): CompiledQuery<O> } | RawBuilder<O>;

export function compileStatement<O>(statement: Statement<O>): CompiledQuery<O> {
  return isRaw(statement) ? statement.compile(qb) : statement.compile();
}

function isRaw<O>(statement: Statement<O>): statement is RawBuilder<O> {
  return (statement as Partial<RawBuilder<O>>).isRawBuilder === true;
}
