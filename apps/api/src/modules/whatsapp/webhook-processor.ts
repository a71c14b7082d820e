import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { type Db, sqlStateOf } from '../../database/db';
import type { WebhookEvent, WebhookEventStatus } from './entities/webhook-event.entity';
import type { NormalizedMessage } from './inbound.types';
import type { InstanceLookup, RoutedInstance } from './instance-lookup';
import { withoutInlineMedia } from '../media/media-detect';
import { MediaService } from '../media/media.service';
import { MessageIngestionService } from './message-ingestion.service';
import { fitMessage } from './message-fit';
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
  status: Extract<WebhookEventStatus, 'processed' | 'unroutable' | 'ignored'>;
  /** Where the event is filed: its (first) routed instance. */
  organizationId: string | null;
  instanceId: string | null;
  /** Every organization whose data the event changed (a Cloud API delivery may carry several numbers). */
  touched: string[];
}

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
    for (const value of cloudChangeValues(event.body)) {
      const change = parseCloudChange(value, event.receivedAt);
      const instance = change.phoneNumberId ? await instances.byCloudPhoneNumberId(change.phoneNumberId) : null;
      if (!instance) {
        unroutable = true;
        continue;
      }
      routed ??= instance;
      touched.add(instance.organizationId);
      for (const message of change.messages) {
        await this.ingestMessage(db, instance, fitMessage(message, event.receivedAt), event);
      }
      await this.ingestion.applyStatuses(db, instance, change.statuses);
      handled ||= change.messages.length + change.statuses.length > 0;
    }
    const status = routed ? (handled ? 'processed' : 'ignored') : unroutable ? 'unroutable' : 'ignored';
    return {
      status,
      organizationId: routed?.organizationId ?? null,
      instanceId: routed?.id ?? null,
      touched: [...touched],
    };
  }

  private async processEvolution(db: Db, event: StoredEvent, instances: InstanceLookup): Promise<ProcessingResult> {
    const instance =
      event.instanceId && event.organizationId ? await instances.byId(event.organizationId, event.instanceId) : null;
    if (!instance) throw new PermanentProcessingError(`WhatsApp instance ${event.instanceId ?? '?'} no longer exists`);
    const parsed = parseEvolution(event.body, event.receivedAt);
    for (const message of parsed.messages) {
      await this.ingestMessage(db, instance, fitMessage(message, event.receivedAt), event);
    }
    await this.ingestion.applyStatuses(db, instance, parsed.statuses);
    const status = parsed.handled && parsed.messages.length + parsed.statuses.length > 0 ? 'processed' : 'ignored';
    return {
      status,
      organizationId: instance.organizationId,
      instanceId: instance.id,
      touched: [instance.organizationId],
    };
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
