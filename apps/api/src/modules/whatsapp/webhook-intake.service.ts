import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import { Clock } from '../../common/clock/clock';
import { ForbiddenError, UnauthorizedError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WhatsappInstancesRepository } from '../whatsapp-instances/whatsapp-instances.repository';
import { cloudChangeValues } from './parsers/cloud-api.parser';
import { obj, str } from './parsers/json';
import { isValidMetaSignature } from './signature';
import { Db } from '../../database/db';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookWorker } from './webhook-worker';

const KEPT_HEADERS = ['content-type', 'user-agent', 'x-hub-signature-256', 'x-forwarded-for'];

function keptHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

/** First step of every webhook: authenticate, store the raw event, answer fast. Processing happens later. */
@Injectable()
export class WebhookIntakeService {
  constructor(
    private readonly db: Db,
    private readonly events: WebhookEventsRepository,
    private readonly instances: WhatsappInstancesRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: WebhookWorker,
  ) {}

  /** Meta's subscription handshake: echo the challenge when the verify token matches. */
  verifySubscription(mode: unknown, token: unknown, challenge: unknown): string {
    const expected = this.config.whatsappVerifyToken;
    if (mode !== 'subscribe' || !expected || token !== expected || typeof challenge !== 'string') {
      throw new ForbiddenError('Webhook verification failed: wrong hub.mode or hub.verify_token');
    }
    return challenge;
  }

  async receiveCloud(
    rawBody: Buffer | undefined,
    body: unknown,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<void> {
    const secret = this.config.whatsappAppSecret;
    const signature = typeof headers['x-hub-signature-256'] === 'string' ? headers['x-hub-signature-256'] : undefined;
    if (!secret || !rawBody || !isValidMetaSignature(rawBody, signature, secret)) {
      throw new UnauthorizedError('Invalid or missing X-Hub-Signature-256');
    }
    // Routed at intake (an indexed lookup inside the INSERT: one round trip per request) so the organization sees
    // its events, pending or failed, at once. Processing routes again with the same rule, so a claim verified in
    // between still wins.
    await this.events.insertCloud(this.db, {
      phoneNumberId: cloudPhoneNumberId(body),
      headers: keptHeaders(headers),
      body,
      now: this.clock.now(),
    });
    this.worker.nudge();
  }

  async receiveEvolution(
    instanceId: string,
    token: string | undefined,
    body: unknown,
    headers: Record<string, string | string[] | undefined>,
    pathEvent?: string,
  ): Promise<void> {
    const instance = isUUID(instanceId)
      ? await this.instances.findForEvolutionWebhook(this.db, { id: instanceId })
      : undefined;
    if (!instance?.webhookToken || !token || !safeEqual(token, instance.webhookToken)) {
      throw new UnauthorizedError('Invalid or missing webhook token (send the header apikey or ?token=)');
    }
    await this.events.insert(this.db, {
      provider: WhatsappProvider.EVOLUTION,
      organizationId: instance.organizationId,
      instanceId: instance.id,
      headers: keptHeaders(headers),
      body: pathEvent === undefined ? body : withEvent(body, pathEvent),
      now: this.clock.now(),
    });
    this.worker.nudge();
  }
}

/**
 * A "webhook by events" body keeps its `event` (Evolution's webhook controller sends the same body to
 * `<url>/<event-name>`); a body without one gets the path's name back in Evolution's own spelling
 * (messages-upsert → messages.upsert), so the stored event is processed like any other.
 */
function withEvent(body: unknown, pathEvent: string): unknown {
  const root = obj(body);
  if (!root || str(root.event)) return body;
  return { ...root, event: pathEvent.toLowerCase().replace(/[-_]/g, '.') };
}

/** The first phone_number_id of a Cloud API body (Meta sends one business number per request). */
function cloudPhoneNumberId(body: unknown): string | null {
  for (const value of cloudChangeValues(body)) {
    const id = str(obj(value.metadata)?.phone_number_id);
    if (id) return id;
  }
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
