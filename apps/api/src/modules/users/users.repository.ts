import type { EntityManager } from 'typeorm';
import { searchPattern } from '../../common/sql/like-pattern';

/** Statements on users used outside the users module's own service (the ticket search). */

/** The users of the organization whose name (case- and accent-insensitive) a search term matches (searchPattern). */
export async function findUserIdsNamed(m: EntityManager, organizationId: string, q: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT u.id FROM users u WHERE u.organization_id = $1 AND f_unaccent(lower(u.name)) LIKE f_unaccent($2::text)`,
    [organizationId, searchPattern(q)],
  );
  return rows.map((r) => r.id);
}
