import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../database/generated/db';
import { qb } from '../../database/query-builder';

/**
 * The statements of LeadsRepository that find a lead by its contact data, or create it (lead-resolver.ts): built
 * here to keep the repository short.
 */

/** The contact data a lead is found by (normalized: see lead-resolver.ts). */
export interface LeadKeys {
  name: string | null;
  phone: string | null;
  phoneKey: string | null;
  email: string | null;
  waUserId: string | null;
}

export interface LeadRow {
  id: string;
  organizationId: string;
  name: string | null;
  phone: string | null;
  phoneKey: string | null;
  waUserId: string | null;
  email: string | null;
  /** Set once the lead's personal data was erased (LGPD). */
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type LeadPatch = Partial<Pick<LeadRow, 'name' | 'phone' | 'phoneKey' | 'email' | 'waUserId'>>;

export const LEAD_COLUMNS = [
  'leads.id',
  'leads.organization_id as organizationId',
  'leads.name',
  'leads.phone',
  'leads.phone_key as phoneKey',
  'leads.wa_user_id as waUserId',
  'leads.email',
  'leads.erased_at as erasedAt',
  'leads.created_at as createdAt',
  'leads.updated_at as updatedAt',
] as const;

const leads = expressionBuilder<DB, 'leads'>();

/** The lookups the data allows, in the order they win: phone over email over the WhatsApp user id. */
function criteria(lead: LeadKeys): { key: string; matches: Expression<SqlBool> }[] {
  const found: { key: string; matches: Expression<SqlBool> }[] = [];
  if (lead.phoneKey) found.push({ key: 'phone', matches: leads('leads.phone_key', '=', lead.phoneKey) });
  if (lead.email) found.push({ key: 'email', matches: leads('leads.email', '=', lead.email) });
  if (lead.waUserId) found.push({ key: 'wa', matches: leads('leads.wa_user_id', '=', lead.waUserId) });
  return found;
}

/** Which lookups a statement holds: its shape, so one prepared name per shape (at most seven). */
export function lookupShape(lead: LeadKeys): string {
  return criteria(lead)
    .map((c) => c.key)
    .join('+');
}

/** The existing lead of this contact data (the first lookup that matches wins, when they point at different leads). */
export function existingLeadQuery(organizationId: string, lead: LeadKeys) {
  const lookups = criteria(lead);
  const rank = sql.join(
    lookups.map((c, i) => sql`WHEN ${c.matches} THEN ${sql.lit(i)}`),
    sql` `,
  );
  return qb
    .selectFrom('leads')
    .select(LEAD_COLUMNS)
    .where('leads.organization_id', '=', organizationId)
    .where((eb) => eb.or(lookups.map((c) => c.matches)))
    .orderBy(sql`CASE ${rank} END`)
    .limit(sql<number>`1`);
}

/**
 * The lookup and, when nothing matches, the insert, in one statement. The insert is ON CONFLICT DO NOTHING against
 * the unique indexes: a lost race answers no row.
 */
export function findOrCreateQuery(organizationId: string, lead: LeadKeys) {
  return qb
    .with('found', () => existingLeadQuery(organizationId, lead))
    .with('created', (q) =>
      q
        .insertInto('leads')
        .columns(['organization_id', 'name', 'phone', 'phone_key', 'email', 'wa_user_id'])
        .expression(
          q
            .selectNoFrom((eb) => [
              sql<string>`${organizationId}::uuid`.as('organization_id'),
              eb.val(lead.name).as('name'),
              eb.val(lead.phone).as('phone'),
              eb.val(lead.phoneKey).as('phone_key'),
              eb.val(lead.email).as('email'),
              eb.val(lead.waUserId).as('wa_user_id'),
            ])
            .where((eb) => eb.not(eb.exists(eb.selectFrom('found').select('found.id')))),
        )
        .onConflict((oc) => oc.doNothing())
        .returning(LEAD_COLUMNS),
    )
    .selectFrom('found')
    .selectAll()
    .select(sql<boolean>`false`.as('created'))
    .unionAll((eb) =>
      eb
        .selectFrom('created')
        .selectAll()
        .select(sql<boolean>`true`.as('created')),
    );
}

/** Which values another lead of the organization already owns (only those in `asked`: the ones that would fill a blank). */
export function takenValuesQuery(
  organizationId: string,
  asked: { email: string | null; phoneKey: string | null; waUserId: string | null },
) {
  const taken = (column: 'email' | 'phone_key' | 'wa_user_id', value: string | null): Expression<boolean> =>
    value === null
      ? sql<boolean>`false`
      : leads
          .exists(
            qb
              .selectFrom('leads')
              .select(sql`1`.as('one'))
              .where('leads.organization_id', '=', organizationId)
              .where(`leads.${column}`, '=', value),
          )
          .$castTo<boolean>();
  return qb.selectNoFrom([
    sql<boolean>`${taken('email', asked.email)}`.as('email'),
    sql<boolean>`${taken('phone_key', asked.phoneKey)}`.as('phone'),
    sql<boolean>`${taken('wa_user_id', asked.waUserId)}`.as('waUserId'),
  ]);
}
