import type { Db } from '../../database/db';
import { type InstanceRoute, WhatsappInstancesRepository } from '../whatsapp-instances/whatsapp-instances.repository';

/** What ingestion needs of a WhatsApp instance. */
export type RoutedInstance = InstanceRoute;

const instances = new WhatsappInstancesRepository();

/**
 * Finds the instances that events are routed to, each looked up once per transaction: a batch of events almost
 * always goes to the same few instances, so this saves a query per event.
 */
export class InstanceLookup {
  private readonly cache = new Map<string, Promise<RoutedInstance | null>>();

  constructor(private readonly db: Db) {}

  /** The Cloud API instance that receives a phone_number_id's deliveries (the claim route rule), or null. */
  byCloudPhoneNumberId(phoneNumberId: string): Promise<RoutedInstance | null> {
    return this.cached(`cloud:${phoneNumberId}`, () => instances.findCloudRoute(this.db, { phoneNumberId }));
  }

  byId(organizationId: string, id: string): Promise<RoutedInstance | null> {
    return this.cached(`id:${organizationId}:${id}`, () => instances.findRoute(this.db, { organizationId, id }));
  }

  private cached(key: string, load: () => Promise<RoutedInstance | undefined>): Promise<RoutedInstance | null> {
    let found = this.cache.get(key);
    if (!found) {
      found = load().then((row) => (row ? { id: row.id, organizationId: row.organizationId } : null));
      this.cache.set(key, found);
    }
    return found;
  }
}
