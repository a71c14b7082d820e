import { Injectable, Logger } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { Db } from '../../database/db';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { CloudApiSender } from './senders/cloud-api.sender';
import { DeliveryError } from './senders/delivery-error';
import { EvolutionSender } from './senders/evolution.sender';
import type { ReplySender, SendTarget } from './senders/reply-sender';
import type { ClaimedReply } from './whatsapp-outbox.repository';
import { WhatsappOutboxRepository } from './whatsapp-outbox.repository';

/**
 * Sends one claimed reply through its line's provider and records the outcome on the message and the outbox
 * atomically: sent with the provider's id (and any status that arrived before it), or failed for good with the
 * provider's code and title. A temporary failure is answered to the runner, which retries it with backoff.
 */
@Injectable()
export class ReplyDelivery {
  private readonly logger = new Logger('ReplyDelivery');

  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
    private readonly messages: WhatsappMessagesRepository,
    private readonly outbox: WhatsappOutboxRepository,
    private readonly cloudApi: CloudApiSender,
    private readonly evolution: EvolutionSender,
  ) {}

  /** Null when the reply is settled (sent, or failed for good); the error of a temporary failure otherwise. */
  async deliver(job: ClaimedReply): Promise<string | null> {
    let providerMessageId: string;
    try {
      const { sender, target } = this.route(job);
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
    const sent = { organizationId, instanceId, id: messageId, providerMessageId };
    if (job.provider === WhatsappProvider.CLOUD_API) {
      await this.messages.recordSent(this.db, sent);
      return;
    }
    // Evolution echoes every message the number sends, ours too: a copy stored before the id was known goes.
    await this.db.transaction(async (tx) => {
      await this.messages.removeEcho(tx, { organizationId, instanceId, providerMessageId, exceptId: messageId });
      await this.messages.recordSent(tx, sent);
    });
  }

  private route(job: ClaimedReply): { sender: ReplySender; target: SendTarget } {
    if (!job.providerPhoneNumberId) throw new DeliveryError('The WhatsApp line is not set up for sending', true);
    if (!job.leadPhone) throw new DeliveryError('The lead has no WhatsApp number to answer', true);
    const target: SendTarget = {
      to: job.leadPhone.replace(/\D/g, ''),
      providerPhoneNumberId: job.providerPhoneNumberId,
      accessToken: this.reveal(job.accessTokenEncrypted),
      apiUrl: job.apiUrl,
      apiKey: this.reveal(job.apiKeyEncrypted),
    };
    return { sender: job.provider === WhatsappProvider.CLOUD_API ? this.cloudApi : this.evolution, target };
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
