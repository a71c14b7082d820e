import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { NotFoundError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import type { WebhookDeliveryQueryDto } from './dto/webhook-delivery-query.dto';
import type { CreateWebhookSubscriptionDto, UpdateWebhookSubscriptionDto } from './dto/webhook-subscription-input.dto';
import type {
  WebhookDeliveryListResponseDto,
  WebhookDeliveryResponseDto,
  WebhookSubscriptionResponseDto,
  WebhookSubscriptionWithSecretResponseDto,
} from './dto/webhook-subscription-response.dto';
import { type WebhookDeliveryRow, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { newWebhookSecret } from './webhook-signature';
import { type WebhookSubscriptionRow, WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { assertWebhookUrl } from './webhook-url';
import { WebhooksWorker } from './webhooks.worker';

const SUBSCRIPTION = 'Webhook subscription';

@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly worker: WebhooksWorker,
  ) {}

  async list(auth: AuthContext): Promise<WebhookSubscriptionResponseDto[]> {
    const rows = await this.subscriptions.list(this.db, { organizationId: auth.organizationId });
    return rows.map(view);
  }

  async create(
    auth: AuthContext,
    dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretResponseDto> {
    await assertWebhookUrl(dto.url, this.config.outboundWebhooks.allowPrivateUrls);
    const secret = newWebhookSecret();
    const row = await this.subscriptions.insert(this.db, {
      organizationId: auth.organizationId,
      url: dto.url,
      events: dto.events,
      active: dto.active ?? true,
      secretEncrypted: this.cipher.encrypt(secret),
    });
    return { ...view(row), secret };
  }

  /** Pausing cancels what was still pending: resuming starts from the events after it. */
  async update(
    auth: AuthContext,
    id: string,
    dto: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionResponseDto> {
    if (dto.url !== undefined) await assertWebhookUrl(dto.url, this.config.outboundWebhooks.allowPrivateUrls);
    const key = { organizationId: auth.organizationId, id };
    const now = this.clock.now();
    const row = await this.db.transaction(async (tx) => {
      const updated = await this.subscriptions.update(tx, key, dto, now);
      if (updated && dto.active === false) {
        await this.deliveries.cancelPending(
          tx,
          { organizationId: key.organizationId, subscriptionId: id },
          'subscription paused',
          now,
        );
      }
      return updated;
    });
    if (!row) throw NotFoundError.of(SUBSCRIPTION, id);
    return view(row);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.subscriptions.delete(this.db, { organizationId: auth.organizationId, id }))) {
      throw NotFoundError.of(SUBSCRIPTION, id);
    }
  }

  /** A new secret, shown once; deliveries sent from now on (retries included) are signed with it. */
  async rotateSecret(auth: AuthContext, id: string): Promise<WebhookSubscriptionWithSecretResponseDto> {
    const secret = newWebhookSecret();
    const row = await this.subscriptions.update(
      this.db,
      { organizationId: auth.organizationId, id },
      { secretEncrypted: this.cipher.encrypt(secret) },
      this.clock.now(),
    );
    if (!row) throw NotFoundError.of(SUBSCRIPTION, id);
    return { ...view(row), secret };
  }

  /** Queues a `ping` for the subscription (even paused: it checks the endpoint) and nudges the worker. */
  async sendTest(auth: AuthContext, id: string): Promise<WebhookDeliveryResponseDto> {
    const organizationId = auth.organizationId;
    const subscription = await this.subscriptions.find(this.db, { organizationId, id });
    if (!subscription) throw NotFoundError.of(SUBSCRIPTION, id);
    const eventId = randomUUID();
    const payload = {
      id: eventId,
      type: 'ping',
      createdAt: this.clock.now().toISOString(),
      organizationId,
      data: { subscriptionId: id, events: subscription.events },
    };
    const delivery = await this.deliveries.insertPing(this.db, {
      organizationId,
      subscriptionId: id,
      eventId,
      payload,
    });
    this.worker.nudge();
    return deliveryView(delivery);
  }

  async listDeliveries(
    auth: AuthContext,
    id: string,
    query: WebhookDeliveryQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    const organizationId = auth.organizationId;
    if (!(await this.subscriptions.find(this.db, { organizationId, id }))) throw NotFoundError.of(SUBSCRIPTION, id);
    const rows = await this.deliveries.list(this.db, {
      organizationId,
      subscriptionId: id,
      before: query.before,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map(deliveryView);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}

function view(row: WebhookSubscriptionRow): WebhookSubscriptionResponseDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function deliveryView(row: WebhookDeliveryRow): WebhookDeliveryResponseDto {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    attemptLog: row.attemptLog.map((a) => ({ ...a, at: new Date(a.at) })),
  };
}
