import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../common/sql/prepared-query';
import { cloudClaimRoute } from './cloud-claim-route';

const CLOUD_CLAIM_ROUTE = cloudClaimRoute('$1');

/** What ingestion needs of a WhatsApp instance. */
export interface RoutedInstance {
  id: string;
  organizationId: string;
}

interface InstanceRow {
  id: string;
  organization_id: string;
}

/**
 * Finds the instances that events are routed to, each looked up once per transaction: a batch of events almost
 * always goes to the same few instances, so this saves a query per event.
 */
export class InstanceLookup {
  private readonly cache = new Map<string, Promise<RoutedInstance | null>>();

  constructor(private readonly m: EntityManager) {}

  /** The Cloud API instance that receives a phone_number_id's deliveries (see cloudClaimRoute), or null. */
  byCloudPhoneNumberId(phoneNumberId: string): Promise<RoutedInstance | null> {
    return this.cached(`cloud:${phoneNumberId}`, () =>
      queryPrepared<InstanceRow>(this.m, CLOUD_CLAIM_ROUTE, [phoneNumberId]),
    );
  }

  byId(organizationId: string, id: string): Promise<RoutedInstance | null> {
    return this.cached(`id:${organizationId}:${id}`, () =>
      queryPrepared<InstanceRow>(
        this.m,
        'SELECT id, organization_id FROM whatsapp_instances WHERE organization_id = $1 AND id = $2',
        [organizationId, id],
      ),
    );
  }

  private cached(key: string, load: () => Promise<InstanceRow[]>): Promise<RoutedInstance | null> {
    let found = this.cache.get(key);
    if (!found) {
      found = load().then(([row]) => (row ? { id: row.id, organizationId: row.organization_id } : null));
      this.cache.set(key, found);
    }
    return found;
  }
}
