import { Injectable, Logger } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { Db } from '../../database/db';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import {
  type InstanceCredentials,
  WhatsappInstancesRepository,
} from '../whatsapp-instances/whatsapp-instances.repository';
import { CloudApiSender } from './senders/cloud-api.sender';
import { DeliveryError } from './senders/delivery-error';
import { EvolutionSender } from './senders/evolution.sender';
import type { ReplySender, SendTarget } from './senders/reply-sender';
import type { ClaimedReply } from './whatsapp-outbox.repository';
import { WhatsappOutboxRepository } from './whatsapp-outbox.repository';
import { WhatsappStatusOrphansRepository } from './whatsapp-status-orphans.repository';

/**
 * Sends one claimed reply through its instance's provider and records the outcome on the message and the outbox in
 * one transaction: sent with the provider's id (and any status that arrived before it), or failed for good with the
 * provider's code and title. A temporary failure is answered to the runner, which retries it with backoff.
 */
@Injectable()
export class ReplyDelivery {
  private readonly logger = new Logger('ReplyDelivery');

  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
    private readonly instances: WhatsappInstancesRepository,
    private readonly messages: WhatsappMessagesRepository,
    private readonly outbox: WhatsappOutboxRepository,
    private readonly orphans: WhatsappStatusOrphansRepository,
    private readonly cloudApi: CloudApiSender,
    private readonly evolution: EvolutionSender,
  ) {}

  /** Null when the reply is settled (sent, or failed for good); the error of a temporary failure otherwise. */
  async deliver(job: ClaimedReply): Promise<string | null> {
    let providerMessageId: string;
    try {
      const { sender, target } = await this.route(job);
      ({ providerMessageId } = await sender.send(target, job.payload));
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      if (!error.permanent) return error.message;
      this.logger.warn(`Reply ${job.messageId} failed: ${error.message}`);
      await this.db.transaction(async (tx) => {
        const { organizationId, messageId } = job;
        await this.messages.markFailed(tx, {
          organizationId,
          id: messageId,
          errorCode: error.code,
          errorTitle: error.title,
        });
        await this.outbox.settle(tx, { organizationId, messageId, status: 'failed', error: error.message });
      });
      return null;
    }
    await this.recordSent(job, providerMessageId);
    return null;
  }

  private async recordSent(job: ClaimedReply, providerMessageId: string): Promise<void> {
    const { organizationId, instanceId, messageId } = job;
    await this.db.transaction(async (tx) => {
      const sent = { organizationId, instanceId, providerMessageId };
      await this.messages.removeEcho(tx, { ...sent, exceptId: messageId });
      await this.messages.recordSent(tx, { organizationId, id: messageId, providerMessageId });
      for (const status of await this.orphans.take(tx, sent)) {
        await this.messages.advanceStatus(tx, { ...sent, ...status });
      }
      await this.outbox.settle(tx, { organizationId, messageId, status: 'sent', error: null });
    });
  }

  private async route(job: ClaimedReply): Promise<{ sender: ReplySender; target: SendTarget }> {
    const instance = await this.instances.credentials(this.db, {
      organizationId: job.organizationId,
      id: job.instanceId,
    });
    if (!instance?.providerPhoneNumberId) {
      throw new DeliveryError('The WhatsApp line is not set up for sending', true);
    }
    if (!job.leadPhone) throw new DeliveryError('The lead has no WhatsApp number to answer', true);
    const target: SendTarget = {
      to: job.leadPhone.replace(/\D/g, ''),
      providerPhoneNumberId: instance.providerPhoneNumberId,
      accessToken: this.reveal(instance.accessTokenEncrypted),
      apiUrl: instance.apiUrl,
      apiKey: this.reveal(instance.apiKeyEncrypted),
    };
    return { sender: this.senderFor(instance), target };
  }

  private senderFor(instance: InstanceCredentials): ReplySender {
    return instance.provider === WhatsappProvider.CLOUD_API ? this.cloudApi : this.evolution;
  }

  private reveal(encrypted: string | null): string | null {
    if (!encrypted) return null;
    try {
      return this.cipher.decrypt(encrypted);
    } catch {
      throw new DeliveryError(
        'The stored WhatsApp credentials cannot be decrypted (was ENCRYPTION_KEY changed?): save them again',
        true,
      );
    }
  }
}
