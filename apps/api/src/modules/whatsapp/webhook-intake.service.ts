import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WhatsappProvider } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ForbiddenError, UnauthorizedError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WhatsappInstance } from '../whatsapp-instances/entities/whatsapp-instance.entity';
import { WebhookEvent } from './entities/webhook-event.entity';
import { cloudChangeValues, parseCloudChange } from './parsers/cloud-api.parser';
import { isValidMetaSignature } from './signature';
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    // Routed at intake (one indexed lookup) so the organization sees its events, pending or failed, at once.
    const phoneNumberId = cloudChangeValues(body)
      .map((value) => parseCloudChange(value, new Date()).phoneNumberId)
      .find((id) => id !== null);
    const instance = phoneNumberId
      ? await this.dataSource.manager.findOneBy(WhatsappInstance, {
          provider: WhatsappProvider.CLOUD_API,
          providerPhoneNumberId: phoneNumberId,
        })
      : null;
    await this.store({
      provider: WhatsappProvider.CLOUD_API,
      organizationId: instance?.organizationId ?? null,
      instanceId: instance?.id ?? null,
      headers: keptHeaders(headers),
      body,
    });
  }

  async receiveEvolution(
    instanceId: string,
    token: string | undefined,
    body: unknown,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<void> {
    const instance = isUUID(instanceId)
      ? await this.dataSource.manager.findOne(WhatsappInstance, {
          select: { id: true, organizationId: true, provider: true, webhookToken: true },
          where: { id: instanceId, provider: WhatsappProvider.EVOLUTION },
        })
      : null;
    if (!instance?.webhookToken || !token || !safeEqual(token, instance.webhookToken)) {
      throw new UnauthorizedError('Invalid or missing webhook token (send the header apikey or ?token=)');
    }
    await this.store({
      provider: WhatsappProvider.EVOLUTION,
      organizationId: instance.organizationId,
      instanceId: instance.id,
      headers: keptHeaders(headers),
      body,
    });
  }

  private async store(
    event: Pick<WebhookEvent, 'provider' | 'organizationId' | 'instanceId' | 'headers' | 'body'>,
  ): Promise<void> {
    await this.dataSource.manager.insert(WebhookEvent, { ...event, body: event.body as object });
    this.worker.nudge();
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
