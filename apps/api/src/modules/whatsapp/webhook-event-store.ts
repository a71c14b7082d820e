import { Db } from '../../database/db';
import { WebhookEventsRepository } from './webhook-events.repository';

/** Attempts before an event is failed for good (still retryable by hand). */
export const MAX_ATTEMPTS = 8;

const events = new WebhookEventsRepository();

/**
 * Kept for cloud-claims.ts (whatsapp-instances module), which hands its transaction as a TypeORM manager or a Db:
 * re-queues the recent unroutable deliveries of a newly verified phone_number_id (WebhookEventsRepository
 * .requeueUnroutableCloud). `now` defaults to this process's time, the job clock when it is not frozen. Goes once
 * its caller injects WebhookEventsRepository.
 */
export function requeueUnroutableCloudEvents(
  tx: Db | ConstructorParameters<typeof Db>[0],
  phoneNumberId: string,
  now: Date = new Date(),
): Promise<number> {
  return events.requeueUnroutableCloud(tx instanceof Db ? tx : new Db(tx), phoneNumberId, now);
}
