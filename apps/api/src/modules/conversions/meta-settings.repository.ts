import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** An organization's Meta Conversions API settings, as stored (the token encrypted). */
export interface MetaSettingsRow {
  organizationId: string;
  enabled: boolean;
  datasetId: string | null;
  accessTokenEncrypted: string | null;
  whatsappBusinessAccountId: string | null;
  graphApiBaseUrl: string | null;
  stageEventStageId: string | null;
  stageEventName: string | null;
}

export type MetaSettingsValues = Omit<MetaSettingsRow, 'organizationId'>;

/** What queueing a conversion of a ticket needs: the destination's ids, the stage rule, the currency, the click. */
export interface EnqueueContext {
  whatsappBusinessAccountId: string | null;
  stageEventStageId: string | null;
  stageEventName: string | null;
  currency: string;
  ctwaClid: string;
}

/** Where the worker sends an organization's conversions. */
export interface MetaDestination {
  organizationId: string;
  datasetId: string | null;
  accessTokenEncrypted: string | null;
  graphApiBaseUrl: string | null;
}

const COLUMNS = [
  'organization_id as organizationId',
  'enabled',
  'dataset_id as datasetId',
  'access_token_encrypted as accessTokenEncrypted',
  'whatsapp_business_account_id as whatsappBusinessAccountId',
  'graph_api_base_url as graphApiBaseUrl',
  'stage_event_stage_id as stageEventStageId',
  'stage_event_name as stageEventName',
] as const;

const VALUES: MetaSettingsValues = {
  enabled: true,
  datasetId: '42',
  accessTokenEncrypted: null,
  whatsappBusinessAccountId: '7',
  graphApiBaseUrl: null,
  stageEventStageId: null,
  stageEventName: null,
};

function toColumns(values: MetaSettingsValues) {
  return {
    enabled: values.enabled,
    dataset_id: values.datasetId,
    access_token_encrypted: values.accessTokenEncrypted,
    whatsapp_business_account_id: values.whatsappBusinessAccountId,
    graph_api_base_url: values.graphApiBaseUrl,
    stage_event_stage_id: values.stageEventStageId,
    stage_event_name: values.stageEventName,
  };
}

/**
 * The only SQL of meta_settings (one row per organization). enqueueContext also reads the organization's currency
 * and the ticket's ctwaclid (organizations, ticket_trackings and their identifiers): the context is the settings'
 * answer for one ticket, so the read lives here, with the table it starts from.
 */
@Injectable()
export class MetaSettingsRepository {
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  async find(db: Db, { organizationId }: { organizationId: string }): Promise<MetaSettingsRow | null> {
    const row = await db.first(
      qb.selectFrom('meta_settings').select(COLUMNS).where('organization_id', '=', organizationId),
    );
    return row ?? null;
  }

  /** The settings row locked for an update (FOR UPDATE), or null when the organization has none yet. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  async lock(db: Db, { organizationId }: { organizationId: string }): Promise<MetaSettingsRow | null> {
    const row = await db.first(
      qb.selectFrom('meta_settings').select(COLUMNS).where('organization_id', '=', organizationId).forUpdate(),
    );
    return row ?? null;
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, values: VALUES }] })
  async insert(
    db: Db,
    { organizationId, values }: { organizationId: string; values: MetaSettingsValues },
  ): Promise<MetaSettingsRow> {
    return db.one(
      qb
        .insertInto('meta_settings')
        .values({ organization_id: organizationId, ...toColumns(values) })
        .returning(COLUMNS),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, values: VALUES }] })
  async update(
    db: Db,
    { organizationId, values }: { organizationId: string; values: MetaSettingsValues },
  ): Promise<MetaSettingsRow> {
    return db.one(
      qb
        .updateTable('meta_settings')
        .set({ ...toColumns(values), updated_at: sql`now()` })
        .where('organization_id', '=', organizationId)
        .returning(COLUMNS),
    );
  }

  /**
   * What queueing a conversion of the ticket needs, or null when the organization's settings are not enabled or the
   * ticket has no ctwaclid (then nothing is queued).
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2 }] })
  async enqueueContext(
    db: Db,
    { organizationId, ticketId }: { organizationId: string; ticketId: string },
  ): Promise<EnqueueContext | null> {
    const row = await db.first(
      qb
        .selectFrom('meta_settings as ms')
        .innerJoin('organizations as o', 'o.id', 'ms.organization_id')
        .innerJoin('ticket_trackings as tr', (j) =>
          j.onRef('tr.organization_id', '=', 'ms.organization_id').on('tr.ticket_id', '=', ticketId),
        )
        .innerJoin('ticket_tracking_identifiers as i', (j) =>
          j.onRef('i.organization_id', '=', 'tr.organization_id').onRef('i.tracking_id', '=', 'tr.id'),
        )
        .innerJoin('tracking_identifier_types as ty', (j) =>
          j.onRef('ty.id', '=', 'i.identifier_type_id').on('ty.key', '=', 'ctwaclid'),
        )
        .select([
          'ms.whatsapp_business_account_id as whatsappBusinessAccountId',
          'ms.stage_event_stage_id as stageEventStageId',
          'ms.stage_event_name as stageEventName',
          'o.currency',
          'i.value as ctwaClid',
        ])
        .where('ms.organization_id', '=', organizationId)
        .where('ms.enabled', '=', true),
    );
    return row ?? null;
  }

  /** The destinations of the organizations whose conversions the worker claimed. */
  @GenerateSql({ params: [[DummyValue.UUID]], crossTenant: 'the conversions worker sends for every organization' })
  async destinations(db: Db, organizationIds: string[]): Promise<MetaDestination[]> {
    return db.all(
      qb
        .selectFrom('meta_settings')
        .select([
          'organization_id as organizationId',
          'dataset_id as datasetId',
          'access_token_encrypted as accessTokenEncrypted',
          'graph_api_base_url as graphApiBaseUrl',
        ])
        .where('organization_id', '=', sql<string>`ANY(${organizationIds}::uuid[])`),
    );
  }
}
