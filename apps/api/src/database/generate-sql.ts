/**
 * Immich's @GenerateSql: every repository method declares example arguments (all but its leading Db), and the SQL
 * snapshot test (sql-snapshots.spec.ts) runs it with them against a migrated database, writing each statement it
 * sends to src/database/sql/<file>.sql. A change of SQL therefore shows in review, and a statement that stops
 * matching the schema fails the test.
 */
export interface SqlExample {
  /** Tells several examples of one method apart (a filter with and without a search term). */
  name?: string;
  params: unknown[];
  /**
   * Why this statement may read or write rows of several organizations (a worker's claim across tenants): the
   * snapshot test otherwise requires an organization_id condition for every tenant table a statement touches.
   */
  crossTenant?: string;
}

const EXAMPLES = new WeakMap<object, Map<string, SqlExample[]>>();

export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, key) => {
    let methods = EXAMPLES.get(target);
    if (!methods) EXAMPLES.set(target, (methods = new Map<string, SqlExample[]>()));
    methods.set(String(key), examples.length > 0 ? examples : [{ params: [] }]);
  };
}

/** The examples declared on a repository class's methods (by method name). */
export function sqlExamples(repository: abstract new (...args: never[]) => unknown): Map<string, SqlExample[]> {
  return EXAMPLES.get(repository.prototype as object) ?? new Map<string, SqlExample[]>();
}

/** Placeholder arguments for the examples: fixed, so the snapshots are stable. */
export const DummyValue = {
  UUID: '00000000-0000-4000-8000-000000000001',
  UUID2: '00000000-0000-4000-8000-000000000002',
  DATE: new Date('2026-01-01T12:00:00.000Z'),
  STRING: 'abc',
  NUMBER: 10,
} as const;
