import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WebhooksWorker } from './webhooks.worker';

/** Outbound webhooks: subscriptions (/webhook-subscriptions) and the worker that delivers their events. */
@Module({
  imports: [CryptoModule],
  controllers: [WebhookSubscriptionsController],
  providers: [WebhookSubscriptionsService, WebhookSubscriptionsRepository, WebhookDeliveriesRepository, WebhooksWorker],
})
export class WebhookSubscriptionsModule {}
