import { InvalidInputError } from '../../common/errors/domain-errors';
import { normalizePhone } from '../../common/phone/phone';
import { Db } from '../../database/db';
import { type LeadPatch, type LeadRow, LeadsRepository } from './leads.repository';

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
    if (!normalized)
      throw InvalidInputError.field(`${field}.phone`, `${field}.phone must be a valid phone number`, 'invalid_phone');
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

const leads = new LeadsRepository();

/** Fills an existing lead's blank fields, never overwriting; skips values another lead already owns. */
async function fillBlanks(db: Db, organizationId: string, existing: LeadRow, lead: NormalizedLead): Promise<LeadRow> {
  const patch: LeadPatch = {};
  if (!existing.name && lead.name) patch.name = lead.name;
  const fillable =
    (!existing.email && lead.email) || (!existing.phone && lead.phone) || (!existing.waUserId && lead.waUserId);
  if (fillable) {
    // Only the values that could fill a blank are asked about.
    const taken = await leads.takenValues(db, {
      organizationId,
      asked: {
        email: !existing.email ? lead.email : null,
        phoneKey: !existing.phone ? lead.phoneKey : null,
        waUserId: !existing.waUserId ? lead.waUserId : null,
      },
    });
    if (!existing.email && lead.email && !taken.email) patch.email = lead.email;
    if (!existing.phone && lead.phone && !taken.phone) {
      patch.phone = lead.phone;
      patch.phoneKey = lead.phoneKey;
    }
    if (!existing.waUserId && lead.waUserId && !taken.waUserId) patch.waUserId = lead.waUserId;
  }
  if (Object.keys(patch).length === 0) return existing;
  await leads.update(db, { organizationId, id: existing.id, patch });
  return Object.assign(existing, patch);
}

/**
 * Finds the lead by phone (ninth-digit tolerant) or email, or creates it. Safe under concurrency: the insert is
 * ON CONFLICT DO NOTHING against the unique indexes, and a lost race reads the winner's row.
 */
export async function findOrCreateLead(db: Db, organizationId: string, input: LeadInput): Promise<LeadRow> {
  return findOrCreateNormalizedLead(db, organizationId, normalizeLeadInput(input));
}

/**
 * {@link findOrCreateLead} for input already normalized. The usual cases take one statement: the lookup and, when
 * nothing matches, the insert. A lost race (the insert conflicts with a row committed after the statement began,
 * invisible to it) reads the winner's row with a new statement.
 */
export async function findOrCreateNormalizedLead(
  db: Db,
  organizationId: string,
  lead: NormalizedLead,
): Promise<LeadRow> {
  const row = await leads.findOrCreate(db, { organizationId, lead });
  if (row) {
    // A lead created just now already holds every value given.
    return row.created ? row.lead : fillBlanks(db, organizationId, row.lead, lead);
  }
  // Either our row or, when a concurrent request won the race, theirs (committed before our insert returned).
  const winner = await leads.findExisting(db, { organizationId, lead });
  if (!winner) throw new Error('Lead insert conflicted but no matching lead was found');
  return fillBlanks(db, organizationId, winner, lead);
}
