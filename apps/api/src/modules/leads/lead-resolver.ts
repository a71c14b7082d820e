import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { normalizePhone } from '../../common/phone/phone';
import { Lead } from './entities/lead.entity';

export interface LeadInput {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  /** WhatsApp business-scoped user id, when the payload carries one (possibly without a phone). */
  waUserId?: string | null;
}

interface NormalizedLead {
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

async function findExisting(m: EntityManager, organizationId: string, lead: NormalizedLead): Promise<Lead | null> {
  // Phone wins when phone and email point at different leads.
  if (lead.phoneKey) {
    const byPhone = await m.findOneBy(Lead, { organizationId, phoneKey: lead.phoneKey });
    if (byPhone) return byPhone;
  }
  if (lead.email) {
    const byEmail = await m.findOneBy(Lead, { organizationId, email: lead.email });
    if (byEmail) return byEmail;
  }
  if (lead.waUserId) return m.findOneBy(Lead, { organizationId, waUserId: lead.waUserId });
  return null;
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
  if (!existing.email && lead.email && !(await m.existsBy(Lead, { organizationId, email: lead.email }))) {
    patch.email = lead.email;
  }
  if (!existing.phone && lead.phone && !(await m.existsBy(Lead, { organizationId, phoneKey: lead.phoneKey! }))) {
    patch.phone = lead.phone;
    patch.phoneKey = lead.phoneKey;
  }
  if (!existing.waUserId && lead.waUserId && !(await m.existsBy(Lead, { organizationId, waUserId: lead.waUserId }))) {
    patch.waUserId = lead.waUserId;
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
  const lead = normalizeLeadInput(input);
  const existing = await findExisting(m, organizationId, lead);
  if (existing) return fillBlanks(m, organizationId, existing, lead);
  await m
    .createQueryBuilder()
    .insert()
    .into(Lead)
    .values({ organizationId, ...lead })
    .orIgnore()
    .execute();
  // Either our row or, when a concurrent request won the race, theirs (committed before our insert returned).
  const row = await findExisting(m, organizationId, lead);
  if (!row) throw new Error('Lead insert conflicted but no matching lead was found');
  return fillBlanks(m, organizationId, row, lead);
}
