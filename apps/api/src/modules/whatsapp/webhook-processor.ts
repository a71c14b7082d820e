import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { type Db, sqlStateOf } from '../../database/db';
import type { WebhookEvent, WebhookEventStatus, WebhookRejection } from './entities/webhook-event.entity';
import { isGroupMessage } from './group-messages';
import type { NormalizedMessage, NormalizedStatus } from './inbound.types';
import type { InstanceLookup, RoutedInstance } from './instance-lookup';
import { withoutInlineMedia } from '../media/media-detect';
import { MediaService } from '../media/media.service';
import { MessageIngestionService } from './message-ingestion.service';
import { fitMessage } from './message-fit';
import { isolated } from './message-isolation';
import { cloudChangeValues, parseCloudChange } from './parsers/cloud-api.parser';
import { parseEvolution } from './parsers/evolution.parser';

/** What processing needs of a stored event. */
export type StoredEvent = Pick<
  WebhookEvent,
  'id' | 'provider' | 'organizationId' | 'instanceId' | 'body' | 'receivedAt'
>;

/** A failure that retrying cannot fix (e.g. the instance was deleted): the event fails at once, still retryable by hand. */
export class PermanentProcessingError extends Error {}

/**
 * Whether retrying the same event can only fail again: input the domain refuses, or data PostgreSQL cannot take
 * (SQLSTATE class 22, a NOT NULL or CHECK violation). Lock timeouts, deadlocks and lost connections are transient.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof PermanentProcessingError || error instanceof InvalidInputError) return true;
  const code = sqlStateOf(error);
  if (code === null) return false;
  return code.startsWith('22') || code === '23502' || code === '23514';
}

export interface ProcessingResult {
  status: Extract<WebhookEventStatus, 'processed' | 'partial' | 'unroutable' | 'ignored'>;
  /** Where the event is filed: its (first) routed instance. */
  organizationId: string | null;
  instanceId: string | null;
  /** Every organization whose data the event changed (a Cloud API delivery may carry several numbers). */
  touched: string[];
  /** Messages (or a status batch) rolled back on their own: the event is 'partial', retrying it tries them again. */
  rejections: WebhookRejection[];
}

/** A per-message failure is a rejection when retrying cannot help; a deleted instance still fails the whole event. */
const rejectable = (error: unknown) => !(error instanceof PermanentProcessingError) && isPermanentFailure(error);

/** Applies one stored webhook event to the domain, inside the caller's transaction. */
@Injectable()
export class WebhookProcessor {
  constructor(
    private readonly ingestion: MessageIngestionService,
    private readonly media: MediaService,
  ) {}

  /** `db`: the worker's transaction (one per batch, so what is cached per transaction stays cached). */
  process(db: Db, event: StoredEvent, instances: InstanceLookup): Promise<ProcessingResult> {
    return event.provider === WhatsappProvider.CLOUD_API
      ? this.processCloud(db, event, instances)
      : this.processEvolution(db, event, instances);
  }

  private async processCloud(db: Db, event: StoredEvent, instances: InstanceLookup): Promise<ProcessingResult> {
    let routed: RoutedInstance | null = null;
    const touched = new Set<string>();
    let unroutable = false;
    let handled = false;
    const rejections: WebhookRejection[] = [];
    for (const value of cloudChangeValues(event.body)) {
      const change = parseCloudChange(value, event.receivedAt);
      const instance = change.phoneNumberId ? await instances.byCloudPhoneNumberId(change.phoneNumberId) : null;
      if (!instance) {
        unroutable = true;
        continue;
      }
      routed ??= instance;
      touched.add(instance.organizationId);
      // Cloud API group messages (Groups API, `group_id`) are not a 1:1 lead conversation: skipped.
      const messages = change.messages.filter((m) => !isGroupMessage(m));
      rejections.push(...(await this.apply(db, instance, messages, change.statuses, event)));
      handled ||= messages.length + change.statuses.length > 0;
    }
    const status = routed ? (handled ? 'processed' : 'ignored') : unroutable ? 'unroutable' : 'ignored';
    return {
      status: rejections.length > 0 ? 'partial' : status,
      organizationId: routed?.organizationId ?? null,
      instanceId: routed?.id ?? null,
      touched: [...touched],
      rejections,
    };
  }

  private async processEvolution(db: Db, event: StoredEvent, instances: InstanceLookup): Promise<ProcessingResult> {
    const instance =
      event.instanceId && event.organizationId ? await instances.byId(event.organizationId, event.instanceId) : null;
    if (!instance) throw new PermanentProcessingError(`WhatsApp instance ${event.instanceId ?? '?'} no longer exists`);
    const parsed = parseEvolution(event.body, event.receivedAt);
    const rejections = await this.apply(db, instance, parsed.messages, parsed.statuses, event);
    const status = parsed.handled && parsed.messages.length + parsed.statuses.length > 0 ? 'processed' : 'ignored';
    return {
      status: rejections.length > 0 ? 'partial' : status,
      organizationId: instance.organizationId,
      instanceId: instance.id,
      touched: [instance.organizationId],
      rejections,
    };
  }

  /**
   * Each message, then the status batch, in its own savepoint: one that can never be applied is rolled back alone
   * and answered as a rejection, the others stay. A retry of the event re-applies everything; messages already
   * stored are no-ops (unique provider id), so only the rejected ones are tried again.
   */
  private async apply(
    db: Db,
    instance: RoutedInstance,
    messages: NormalizedMessage[],
    statuses: NormalizedStatus[],
    event: StoredEvent,
  ): Promise<WebhookRejection[]> {
    const rejections: (WebhookRejection | null)[] = [];
    for (const message of messages) {
      rejections.push(
        await isolated(db, message.providerMessageId, rejectable, (tx) =>
          this.ingestMessage(tx, instance, fitMessage(message, event.receivedAt), event),
        ),
      );
    }
    if (statuses.length > 0) {
      rejections.push(
        await isolated(db, null, rejectable, (tx) => this.ingestion.applyStatuses(tx, instance, statuses)),
      );
    }
    return rejections.filter((r): r is WebhookRejection => r !== null);
  }

  /**
   * The message without the file Evolution may inline (multi-MB base64 stays in the stored event only), then its
   * media queued for download: keyed by the message, so a redelivery downloads nothing more.
   */
  private async ingestMessage(db: Db, instance: RoutedInstance, message: NormalizedMessage, event: StoredEvent) {
    await this.ingestion.ingest(db, instance, withoutInlineMedia(message));
    await this.media.enqueue(db, instance, message, event);
  }
}
