import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { leadSearchSql } from './lead-search.sql';
import {
  existingLeadQuery,
  findOrCreateQuery,
  LEAD_COLUMNS,
  type LeadKeys,
  type LeadPatch,
  type LeadRow,
  lookupShape,
  takenValuesQuery,
} from './lead-resolver.sql';
import {
  leadConversationsQuery,
  leadCountQuery,
  leadPageQuery,
  leadTicketsQuery,
  type LeadConversationRow,
  type LeadTicketRow,
} from './lead-detail.sql';

export { leadSearchSql } from './lead-search.sql';
export type { LeadKeys, LeadPatch, LeadRow } from './lead-resolver.sql';
export type { LeadConversationRow, LeadTicketRow } from './lead-detail.sql';

type OrgId = { organizationId: string; id: string };

const ORG_ID = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const PHONE_LEAD: LeadKeys = {
  name: 'Ana',
  phone: '+5511999998888',
  phoneKey: '+551199998888',
  email: null,
  waUserId: null,
};
const FULL_LEAD: LeadKeys = { ...PHONE_LEAD, email: 'ana@example.com', waUserId: 'BR.123' };

/**
 * The SQL of leads. The lead detail also reads the lead's conversations (with their instance) and tickets (with their
 * stage), and the listing counts each lead's tickets: read-only statements keyed by the lead (lead-detail.sql.ts).
 */
@Injectable()
export class LeadsRepository {
  /**
   * The lead of this contact data, or a new one, in one statement (prepared: the webhook and ticket hot paths; one
   * name per lookup shape). No row when the insert lost a race: read the winner with findExisting.
   */
  @GenerateSql(
    { name: 'phone', params: [{ organizationId: DummyValue.UUID, lead: PHONE_LEAD }] },
    { name: 'phone, email and user id', params: [{ organizationId: DummyValue.UUID, lead: FULL_LEAD }] },
  )
  async findOrCreate(
    db: Db,
    { organizationId, lead }: { organizationId: string; lead: LeadKeys },
  ): Promise<{ lead: LeadRow; created: boolean } | undefined> {
    const row = await db.first(findOrCreateQuery(organizationId, lead), {
      prepare: `leads.findOrCreate.${lookupShape(lead)}`,
    });
    if (!row) return undefined;
    const { created, ...columns } = row;
    return { lead: columns, created };
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, lead: FULL_LEAD }] })
  findExisting(
    db: Db,
    { organizationId, lead }: { organizationId: string; lead: LeadKeys },
  ): Promise<LeadRow | undefined> {
    return db.first(existingLeadQuery(organizationId, lead));
  }

  /** Which of the asked values (null: not asked) another lead of the organization owns. */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, asked: { email: 'a@example.com', phoneKey: '+5511', waUserId: null } }],
  })
  takenValues(
    db: Db,
    {
      organizationId,
      asked,
    }: { organizationId: string; asked: { email: string | null; phoneKey: string | null; waUserId: string | null } },
  ): Promise<{ email: boolean; phone: boolean; waUserId: boolean }> {
    return db.one(takenValuesQuery(organizationId, asked));
  }

  @GenerateSql({ params: [ORG_ID] })
  findById(db: Db, { organizationId, id }: OrgId): Promise<LeadRow | undefined> {
    return db.first(
      qb
        .selectFrom('leads')
        .select(LEAD_COLUMNS)
        .where('leads.organization_id', '=', organizationId)
        .where('leads.id', '=', id),
    );
  }

  /** Writes the given columns (at least one) and updated_at. */
  @GenerateSql({ params: [{ ...ORG_ID, patch: { name: 'Ana', email: 'ana@example.com' } }] })
  update(db: Db, { organizationId, id, patch }: OrgId & { patch: LeadPatch }): Promise<LeadRow | undefined> {
    return db.first(
      qb
        .updateTable('leads')
        .set({
          name: patch.name,
          phone: patch.phone,
          phone_key: patch.phoneKey,
          email: patch.email,
          wa_user_id: patch.waUserId,
          updated_at: sql<Date>`CURRENT_TIMESTAMP`,
        })
        .where('leads.organization_id', '=', organizationId)
        .where('leads.id', '=', id)
        .returning(LEAD_COLUMNS),
    );
  }

  /** Whether another lead of the organization has this phone (by its key) or e-mail. */
  @GenerateSql(
    { name: 'phone', params: [{ ...ORG_ID, phoneKey: '+551199998888' }] },
    { name: 'email', params: [{ ...ORG_ID, email: 'ana@example.com' }] },
  )
  async otherHas(
    db: Db,
    { organizationId, id, ...value }: OrgId & ({ phoneKey: string } | { email: string }),
  ): Promise<boolean> {
    const row = await db.one(
      qb.selectNoFrom((eb) =>
        eb
          .exists(
            eb
              .selectFrom('leads as l')
              .select('l.id')
              .where('l.organization_id', '=', organizationId)
              .where('l.id', '<>', id)
              .where((w) =>
                'phoneKey' in value ? w('l.phone_key', '=', value.phoneKey) : w('l.email', '=', value.email),
              ),
          )
          .$castTo<boolean>()
          .as('taken'),
      ),
    );
    return row.taken;
  }

  /**
   * The ids of the organization's leads that a search term matches (leadSearchSql), or null when more than `max`
   * do. One row either way: a broad term never ships its matches to the API only to have them dropped.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, q: 'ana 1199', max: 2000 }] })
  async findIdsMatching(
    db: Db,
    { organizationId, q, max }: { organizationId: string; q: string; max: number },
  ): Promise<string[] | null> {
    const matching = qb
      .selectFrom('leads as l')
      .select('l.id')
      .where('l.organization_id', '=', organizationId)
      .where(leadSearchSql(q))
      .limit(max + 1)
      .as('m');
    const row = await db.one(
      qb.selectFrom(matching).select((eb) =>
        sql<string[] | null>`CASE WHEN count(*) <= ${max}
            THEN coalesce(array_agg(${eb.ref('m.id')}::text), '{}') END`.as('ids'),
      ),
    );
    return row.ids;
  }

  /** A page of leads, newest first, each with its tickets count (counted for the page rows only). */
  @GenerateSql(
    { params: [{ organizationId: DummyValue.UUID, limit: 20, offset: 0 }] },
    { name: 'search', params: [{ organizationId: DummyValue.UUID, q: 'ana 1199', limit: 20, offset: 20 }] },
  )
  listPage(
    db: Db,
    { organizationId, q, limit, offset }: { organizationId: string; q?: string; limit: number; offset: number },
  ): Promise<(LeadRow & { ticketsCount: number })[]> {
    return db.all(leadPageQuery(organizationId, q, limit, offset));
  }

  @GenerateSql(
    { params: [{ organizationId: DummyValue.UUID }] },
    { name: 'search', params: [{ organizationId: DummyValue.UUID, q: 'an' }] },
  )
  async count(db: Db, { organizationId, q }: { organizationId: string; q?: string }): Promise<number> {
    const row = await db.one(leadCountQuery(organizationId, q));
    return row.total;
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  async ticketCount(db: Db, { organizationId, leadId }: { organizationId: string; leadId: string }): Promise<number> {
    const row = await db.one(
      qb
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('tickets.organization_id', '=', organizationId)
        .where('tickets.lead_id', '=', leadId),
    );
    return row.count;
  }

  /** Newest first. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  conversationsOf(
    db: Db,
    { organizationId, leadId }: { organizationId: string; leadId: string },
  ): Promise<LeadConversationRow[]> {
    return db.all(leadConversationsQuery(organizationId, leadId));
  }

  /** Newest first. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  ticketsOf(db: Db, { organizationId, leadId }: { organizationId: string; leadId: string }): Promise<LeadTicketRow[]> {
    return db.all(leadTicketsQuery(organizationId, leadId));
  }

  /**
   * Erasure: the contact data go and erased_at is set, once (an erased lead answers no row). Nothing matches the
   * lead afterwards: the lookups and the search compare these columns, so the same phone writing again is a new lead.
   */
  @GenerateSql({ params: [{ ...ORG_ID, now: DummyValue.DATE }] })
  async erase(db: Db, { organizationId, id, now }: OrgId & { now: Date }): Promise<boolean> {
    const touched = await db.run(
      qb
        .updateTable('leads')
        .set({
          name: null,
          phone: null,
          phone_key: null,
          email: null,
          wa_user_id: null,
          erased_at: now,
          updated_at: now,
        })
        .where('leads.organization_id', '=', organizationId)
        .where('leads.id', '=', id)
        .where('leads.erased_at', 'is', null),
    );
    return touched > 0;
  }
}
