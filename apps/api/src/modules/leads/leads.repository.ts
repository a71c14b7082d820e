import type { EntityManager } from 'typeorm';
import { phoneDigits } from '../../common/phone/phone';
import { containsPattern, searchPattern } from '../../common/sql/like-pattern';
import { SqlParams } from '../../common/sql/sql-params';

/** Statements on leads used outside the leads module's own service (the ticket search). */

/**
 * Leads (`l`) whose name (case- and accent-insensitive) contains `q` — or starts with it, for one or two characters
 * (searchPattern) — or whose phone contains its digits (three or more).
 */
export function leadSearchSql(q: string, params: SqlParams, text = params.add(searchPattern(q))) {
  const alternatives = [`f_unaccent(lower(l.name)) LIKE f_unaccent(${text})`];
  const digits = phoneDigits(q);
  if (digits.length >= 3) alternatives.push(`l.phone LIKE ${params.add(containsPattern(digits))}`);
  return `(${alternatives.join(' OR ')})`;
}

/** The ids of up to `limit` leads of the organization that a search term matches (leadSearchSql). */
export async function findLeadIdsMatching(
  m: EntityManager,
  organizationId: string,
  q: string,
  limit: number,
): Promise<string[]> {
  const params = new SqlParams();
  const org = params.add(organizationId);
  const rows = await m.query<{ id: string }[]>(
    `SELECT l.id FROM leads l WHERE l.organization_id = ${org} AND ${leadSearchSql(q, params)}
     LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows.map((r) => r.id);
}
