import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import { phoneDigits } from '../../common/phone/phone';
import { containsPattern, searchPattern } from '../../common/sql/like-pattern';
import type { Leads } from '../../database/generated/db';

/** Conditions on leads aliased `l` (`selectFrom('leads as l')`), usable in any statement that has it. */
const l = expressionBuilder<{ l: Leads }, 'l'>();

/** f_unaccent(lower(l.name)) LIKE f_unaccent(pattern): the trigram and prefix expression indexes' form. */
function nameMatches(pattern: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`f_unaccent(lower(${l.ref('l.name')})) LIKE f_unaccent(${pattern})`;
}

/** l.phone contains the term's digits, when it has three or more (else nothing). */
function phoneMatches(q: string): Expression<SqlBool>[] {
  const digits = phoneDigits(q);
  return digits.length >= 3 ? [l('l.phone', 'like', containsPattern(digits))] : [];
}

/**
 * Leads (`l`) whose name (case- and accent-insensitive) contains `q` — or starts with it, for one or two characters
 * (searchPattern) — or whose phone contains its digits (three or more). `pattern` is the searchPattern(q) parameter
 * when the caller's statement shares it.
 */
export function leadSearchSql(q: string, pattern?: Expression<string>): Expression<SqlBool> {
  return l.or([nameMatches(pattern ?? sql<string>`${searchPattern(q)}`), ...phoneMatches(q)]);
}

/** The leads listing's search: leadSearchSql's name and phone, or the e-mail (lower-cased) with the same pattern. */
export function leadListSearch(q: string): Expression<SqlBool> {
  const pattern = searchPattern(q);
  return l.or([
    nameMatches(sql<string>`${pattern}`),
    sql<SqlBool>`lower(${l.ref('l.email')}) LIKE ${pattern}`,
    ...phoneMatches(q),
  ]);
}
