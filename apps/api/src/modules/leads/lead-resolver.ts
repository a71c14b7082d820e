import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { normalizePhone } from '../../common/phone/phone';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';
import { Lead } from './entities/lead.entity';

export interface LeadInput {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  /** WhatsApp business-scoped user id, when the payload carries one (possibly without a phone). */
  waUserId?: string | null;
}

export interface NormalizedLead {
  name: string | null;
  phone: string | null;
  phoneKey: string | null;
  email: string | null;
  waUserId: string | null;
}

/** Validates and normalizes lead contact data; `field` prefixes error paths (e.g. "lead"). */
export function normalizeLeadInput(input: LeadInput, field = 'lead'): NormalizedLead {
  const name = input.name?.trim() || null;
  const email = input.email?.trim().toLowerCase() || null;
  const waUserId = input.waUserId?.trim() || null;
  let phone: string | null = null;
  let phoneKey: string | null = null;
  if (input.phone?.trim()) {
    const normalized = normalizePhone(input.phone);
    if (!normalized) throw InvalidInputError.field(`${field}.phone`, `${field}.phone must be a valid phone number`);
    phone = normalized.e164;
    phoneKey = normalized.key;
  }
  if (!phone && !email && !waUserId) {
    throw new InvalidInputError(`${field}.phone or ${field}.email is required to identify the lead`, [
      { field: `${field}.phone`, message: `${field}.phone or ${field}.email is required` },
    ]);
  }
  return { name, phone, phoneKey, email, waUserId };
}

/**
 * A WhatsApp sender as a lead. wa_id is what WhatsApp says the number is: one the phone library does not
 * recognise (a new numbering plan, a country it lacks) is kept as its digits with a "+", never refused.
 */
export function normalizeWhatsappSender(sender: {
  waId: string | null;
  waUserId: string | null;
  name: string | null;
}): NormalizedLead {
  const known = sender.waId ? normalizePhone(`+${sender.waId}`) : null;
  const phone = known?.e164 ?? (sender.waId ? `+${sender.waId}` : null);
  const waUserId = sender.waUserId?.trim() || null;
  if (!phone && !waUserId) {
    throw InvalidInputError.field('from', 'the message names no sender (neither wa_id nor user id)', 'no_sender');
  }
  return { name: sender.name?.trim() || null, phone, phoneKey: known?.key ?? phone, email: null, waUserId };
}

const LEAD_COLUMNS = `id, organization_id AS "organizationId", name, phone, phone_key AS "phoneKey",
  wa_user_id AS "waUserId", email, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The existing lead of this contact data: phone wins over email, email over the WhatsApp user id (when they point at
 * different leads). `p` already holds the organization id as $1.
 */
function existingLeadQuery(p: SqlParams, lead: NormalizedLead): string {
  const criteria: string[] = [];
  if (lead.phoneKey) criteria.push(`phone_key = ${p.add(lead.phoneKey)}`);
  if (lead.email) criteria.push(`email = ${p.add(lead.email)}`);
  if (lead.waUserId) criteria.push(`wa_user_id = ${p.add(lead.waUserId)}`);
  const rank = criteria.map((criterion, i) => `WHEN ${criterion} THEN ${i}`).join(' ');
  return `SELECT ${LEAD_COLUMNS} FROM leads WHERE organization_id = $1 AND (${criteria.join(' OR ')})
          ORDER BY CASE ${rank} END LIMIT 1`;
}

async function findExisting(m: EntityManager, organizationId: string, lead: NormalizedLead): Promise<Lead | null> {
  const p = new SqlParams();
  p.add(organizationId);
  const [row] = await m.query<Lead[]>(existingLeadQuery(p, lead), p.values);
  return row ? Object.assign(new Lead(), row) : null;
}

/** Which of the lead's values another lead already owns (only those that could fill a blank are asked). */
async function takenValues(
  m: EntityManager,
  organizationId: string,
  existing: Lead,
  lead: NormalizedLead,
): Promise<{ email: boolean; phone: boolean; waUserId: boolean }> {
  const p = new SqlParams();
  const org = p.add(organizationId);
  const taken = (column: string, value: string | null, blank: boolean) =>
    blank && value
      ? `EXISTS (SELECT 1 FROM leads WHERE organization_id = ${org} AND ${column} = ${p.add(value)})`
      : 'false';
  const sql = `SELECT ${taken('email', lead.email, !existing.email)} AS email,
                      ${taken('phone_key', lead.phoneKey, !existing.phone)} AS phone,
                      ${taken('wa_user_id', lead.waUserId, !existing.waUserId)} AS "waUserId"`;
  const [row] = await m.query<{ email: boolean; phone: boolean; waUserId: boolean }[]>(sql, p.values);
  return row;
}

/** Fills an existing lead's blank fields, never overwriting; skips values another lead already owns. */
async function fillBlanks(
  m: EntityManager,
  organizationId: string,
  existing: Lead,
  lead: NormalizedLead,
): Promise<Lead> {
  const patch: Partial<Lead> = {};
  if (!existing.name && lead.name) patch.name = lead.name;
  const fillable =
    (!existing.email && lead.email) || (!existing.phone && lead.phone) || (!existing.waUserId && lead.waUserId);
  if (fillable) {
    const taken = await takenValues(m, organizationId, existing, lead);
    if (!existing.email && lead.email && !taken.email) patch.email = lead.email;
    if (!existing.phone && lead.phone && !taken.phone) {
      patch.phone = lead.phone;
      patch.phoneKey = lead.phoneKey;
    }
    if (!existing.waUserId && lead.waUserId && !taken.waUserId) patch.waUserId = lead.waUserId;
  }
  if (Object.keys(patch).length === 0) return existing;
  await m.update(Lead, { organizationId, id: existing.id }, patch);
  return Object.assign(existing, patch);
}

/**
 * Finds the lead by phone (ninth-digit tolerant) or email, or creates it. Safe under concurrency: the insert is
 * ON CONFLICT DO NOTHING against the unique indexes, and a lost race reads the winner's row.
 */
export async function findOrCreateLead(m: EntityManager, organizationId: string, input: LeadInput): Promise<Lead> {
  return findOrCreateNormalizedLead(m, organizationId, normalizeLeadInput(input));
}

/**
 * {@link findOrCreateLead} for input already normalized. The usual cases take one statement: the lookup and, when
 * nothing matches, the insert. A lost race (the insert conflicts with a row committed after the statement began,
 * invisible to it) reads the winner's row with a new statement.
 */
export async function findOrCreateNormalizedLead(
  m: EntityManager,
  organizationId: string,
  lead: NormalizedLead,
): Promise<Lead> {
  const p = new SqlParams();
  p.add(organizationId);
  const found = existingLeadQuery(p, lead);
  const values = [lead.name, lead.phone, lead.phoneKey, lead.email, lead.waUserId].map((v) => p.add(v)).join(', ');
  const [row] = await queryPrepared<Lead & { created: boolean }>(
    m,
    `WITH found AS (${found}),
     created AS (
       INSERT INTO leads (organization_id, name, phone, phone_key, email, wa_user_id)
       SELECT $1, ${values} WHERE NOT EXISTS (SELECT 1 FROM found)
       ON CONFLICT DO NOTHING
       RETURNING ${LEAD_COLUMNS})
     SELECT *, false AS created FROM found UNION ALL SELECT *, true FROM created`,
    p.values,
  );
  if (row) {
    const { created, ...columns } = row;
    const existing = Object.assign(new Lead(), columns);
    // A lead created just now already holds every value given.
    return created ? existing : fillBlanks(m, organizationId, existing, lead);
  }
  // Either our row or, when a concurrent request won the race, theirs (committed before our insert returned).
  const winner = await findExisting(m, organizationId, lead);
  if (!winner) throw new Error('Lead insert conflicted but no matching lead was found');
  return fillBlanks(m, organizationId, winner, lead);
}
