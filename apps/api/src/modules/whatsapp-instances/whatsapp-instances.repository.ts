import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import {
  INSTANCE_COLUMNS,
  type InstanceStateRow,
  type NewWhatsappInstanceRow,
  type Typed,
  type WhatsappInstancePatch,
  type WhatsappInstanceRow,
} from './whatsapp-instance.rows';
import {
  claimedInOrganizationQuery,
  instanceStatesQuery,
  storedAccessTokenQuery,
  verifiedElsewhereQuery,
} from './whatsapp-instance-claims.sql';
import { insertInstanceQuery, updateInstanceQuery } from './whatsapp-instance-writes.sql';
import { cloudRouteStatement, evolutionWebhookAuthQuery } from './whatsapp-instance-routes.sql';
import { credentialsStatement } from './whatsapp-instance-credentials.sql';

export type {
  InstanceStateRow,
  NewWhatsappInstanceRow,
  WhatsappInstancePatch,
  WhatsappInstanceRow,
} from './whatsapp-instance.rows';

function selectInstances(organizationId: string) {
  return qb
    .selectFrom('whatsapp_instances')
    .select(INSTANCE_COLUMNS)
    .$narrowType<Typed>()
    .where('whatsapp_instances.organization_id', '=', organizationId);
}

const ORG_ID = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };

/**
 * The only SQL of whatsapp_instances, with the Cloud API claims of a phone_number_id (whatsapp-instance-claims.sql.ts).
 * The webhook token and the encrypted access token are read only by instanceStates, storedAccessToken and
 * credentials; the encrypted API key only by credentials.
 */
@Injectable()
export class WhatsappInstancesRepository {
  /** Oldest first. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  list(db: Db, { organizationId }: { organizationId: string }): Promise<WhatsappInstanceRow[]> {
    return db.all(
      selectInstances(organizationId)
        .orderBy('whatsapp_instances.created_at', 'asc')
        .orderBy('whatsapp_instances.id', 'asc'),
    );
  }

  @GenerateSql({ params: [ORG_ID] })
  findById(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<WhatsappInstanceRow | undefined> {
    return db.first(selectInstances(organizationId).where('whatsapp_instances.id', '=', id));
  }

  @GenerateSql({ params: [ORG_ID] })
  async exists(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<boolean> {
    const row = await db.one(
      qb.selectNoFrom((eb) =>
        eb
          .exists(
            eb
              .selectFrom('whatsapp_instances')
              .select('whatsapp_instances.id')
              .where('whatsapp_instances.organization_id', '=', organizationId)
              .where('whatsapp_instances.id', '=', id),
          )
          .$castTo<boolean>()
          .as('found'),
      ),
    );
    return row.found;
  }

  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        name: 'Vendas',
        phoneNumber: '+5511999998888',
        provider: WhatsappProvider.EVOLUTION,
        providerPhoneNumberId: 'vendas',
        providerBusinessAccountId: null,
        webhookToken: 'f'.repeat(48),
        apiUrl: 'https://evolution.example.com',
        apiKeyEncrypted: 'v1.iv.tag.ciphertext',
      },
    ],
  })
  insert(db: Db, row: NewWhatsappInstanceRow): Promise<WhatsappInstanceRow> {
    return db.one(insertInstanceQuery(row));
  }

  /** Writes the given columns (at least one) and updated_at. */
  @GenerateSql({ params: [{ ...ORG_ID, patch: { name: 'Vendas', verifiedAt: null } }] })
  update(
    db: Db,
    { organizationId, id, patch }: { organizationId: string; id: string; patch: WhatsappInstancePatch },
  ): Promise<WhatsappInstanceRow | undefined> {
    return db.first(updateInstanceQuery(organizationId, id, patch));
  }

  @GenerateSql({ params: [ORG_ID] })
  async delete(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<void> {
    await db.run(
      qb
        .deleteFrom('whatsapp_instances')
        .where('whatsapp_instances.organization_id', '=', organizationId)
        .where('whatsapp_instances.id', '=', id),
    );
  }

  /**
   * The instance's conversations, counted before it is deleted (whatsapp_conversations has no repository yet: move
   * this there when it does).
   */
  @GenerateSql({ params: [ORG_ID] })
  async conversationCount(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<number> {
    const row = await db.one(
      qb
        .selectFrom('whatsapp_conversations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('whatsapp_conversations.organization_id', '=', organizationId)
        .where('whatsapp_conversations.instance_id', '=', id),
    );
    return row.count;
  }

  /**
   * Serializes the uniqueness check and the write of the organization's instances (transaction-scoped: released at
   * commit or rollback).
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  async lockOrganization(db: Db, { organizationId }: { organizationId: string }): Promise<void> {
    await db.run(
      qb.selectNoFrom(sql`pg_advisory_xact_lock(hashtext('whatsapp_instances:' || ${organizationId}))`.as('locked')),
    );
  }

  /** The states of some of the organization's instances (at least one id), in one statement. */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, ids: [DummyValue.UUID2], withWebhookToken: true }],
    crossTenant: "conflicting asks whether any organization verified the instance's phone_number_id (a boolean)",
  })
  states(
    db: Db,
    {
      organizationId,
      ids,
      withWebhookToken,
    }: { organizationId: string; ids: readonly string[]; withWebhookToken: boolean },
  ): Promise<InstanceStateRow[]> {
    return db.all(instanceStatesQuery(organizationId, ids, withWebhookToken));
  }

  /** The encrypted access token (TokenCipher) of an instance, or null. */
  @GenerateSql({ params: [ORG_ID] })
  async storedAccessToken(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<string | null> {
    const row = await db.first(storedAccessTokenQuery(organizationId, id));
    return row?.accessTokenEncrypted ?? null;
  }

  /**
   * What the sender needs to deliver through the instance: provider ids, whether it is verified, and its
   * credentials, still encrypted (TokenCipher: decrypt just before use, never log). Prepared: read per message.
   */
  @GenerateSql({ params: [ORG_ID] })
  credentials(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<InstanceCredentials | undefined> {
    return db.first(credentialsStatement({ organizationId, id }), { prepare: 'whatsapp_instances.credentials' });
  }

  /** Whether another instance (necessarily of another organization: ids are unique per organization) verified the id. */
  @GenerateSql({
    params: [{ phoneNumberId: '123456789', exceptId: DummyValue.UUID }],
    crossTenant: 'at most one verified claim per phone_number_id exists across organizations',
  })
  async verifiedElsewhere(
    db: Db,
    { phoneNumberId, exceptId }: { phoneNumberId: string; exceptId: string },
  ): Promise<boolean> {
    return (await db.one(verifiedElsewhereQuery(phoneNumberId, exceptId))).verified;
  }

  /** Whether the organization has a Cloud API instance (other than exceptId) claiming the phone_number_id. */
  @GenerateSql(
    { name: 'new', params: [{ organizationId: DummyValue.UUID, providerPhoneNumberId: '123456789' }] },
    {
      name: 'update',
      params: [{ organizationId: DummyValue.UUID, providerPhoneNumberId: '123', exceptId: DummyValue.UUID2 }],
    },
  )
  async claimedInOrganization(
    db: Db,
    {
      organizationId,
      providerPhoneNumberId,
      exceptId,
    }: { organizationId: string; providerPhoneNumberId: string; exceptId?: string },
  ): Promise<boolean> {
    return (await db.one(claimedInOrganizationQuery(organizationId, providerPhoneNumberId, exceptId))).claimed;
  }

  /**
   * Webhook routing (InstanceLookup, once per delivery): the Cloud API instance receiving a phone_number_id's deliveries (cloudClaimRouteQuery), prepared.
   */
  @GenerateSql({
    params: [{ phoneNumberId: '123456789' }],
    crossTenant: 'webhook routing: the organization is what this finds',
  })
  findCloudRoute(db: Db, { phoneNumberId }: { phoneNumberId: string }): Promise<InstanceRoute | undefined> {
    return db.first(cloudRouteStatement({ phoneNumberId }), { prepare: 'whatsapp_instances.findCloudRoute' });
  }

  /** An instance of the organization as ingestion routes to it (prepared: per webhook batch). */
  @GenerateSql({ params: [ORG_ID] })
  findRoute(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<InstanceRoute | undefined> {
    return db.first(
      qb
        .selectFrom('whatsapp_instances')
        .select(['whatsapp_instances.id', 'whatsapp_instances.organization_id as organizationId'])
        .where('whatsapp_instances.organization_id', '=', organizationId)
        .where('whatsapp_instances.id', '=', id),
      { prepare: 'whatsapp_instances.findRoute' },
    );
  }

  /** An Evolution webhook's instance, by its (globally unique) id, with its webhook secret: compare in constant time. */
  @GenerateSql({
    params: [{ id: DummyValue.UUID }],
    crossTenant: 'webhook authentication: the instance id is globally unique and its secret decides',
  })
  findForEvolutionWebhook(
    db: Db,
    { id }: { id: string },
  ): Promise<(InstanceRoute & { webhookToken: string | null }) | undefined> {
    return db.first(evolutionWebhookAuthQuery(id));
  }
}

/** An instance as the sender sees it (WhatsappInstancesRepository.credentials). */
export interface InstanceCredentials {
  id: string;
  organizationId: string;
  provider: WhatsappProvider;
  /** Cloud API: the phone_number_id messages are sent from. Evolution: the instance name on the gateway. */
  providerPhoneNumberId: string | null;
  /** Cloud API: the WABA id (templates). */
  providerBusinessAccountId: string | null;
  /** Cloud API: TokenCipher output, or null. */
  accessTokenEncrypted: string | null;
  /** Cloud API: the Graph API accepted the token for providerPhoneNumberId. */
  verified: boolean;
  /** Evolution: base URL of its server (send through publicRequest: its address is checked again). */
  apiUrl: string | null;
  /** Evolution: TokenCipher output, or null. */
  apiKeyEncrypted: string | null;
}

/** What webhook routing needs of an instance. */
export interface InstanceRoute {
  id: string;
  organizationId: string;
}
