import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { ConflictError, InvalidInputError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { WebhookEventsRepository } from '../whatsapp/webhook-events.repository';
import type { UpdateWhatsappInstanceDto } from './dto/update-whatsapp-instance.dto';
import { GraphPhoneNumbers } from './graph-phone-numbers';
import {
  type WhatsappInstancePatch,
  type WhatsappInstanceRow,
  WhatsappInstancesRepository,
} from './whatsapp-instances.repository';

/** What an update does to the claim: `encrypted` is a new token, or null when the `stored` one was verified again. */
export type ClaimChange =
  | { kind: 'unchanged' }
  | { kind: 'cleared' }
  | { kind: 'verified'; verifiedId: string; encrypted: string; stored?: undefined }
  | { kind: 'verified'; verifiedId: string; encrypted: null; stored: string };

/**
 * A Cloud API instance's claim on its phone_number_id. Anyone may claim any id; an access token that the Graph API
 * accepts for the id verifies the claim, which then receives the id's webhooks (at most one verified claim per id).
 */
/** Stateless: the webhook queue's statements, for re-queueing a verified number's unroutable deliveries. */
const webhookEvents = new WebhookEventsRepository();

@Injectable()
export class CloudClaims {
  constructor(
    private readonly db: Db,
    private readonly instances: WhatsappInstancesRepository,
    private readonly graph: GraphPhoneNumbers,
    private readonly cipher: TokenCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Decides, before the update's transaction (the Graph API may be slow: no lock or connection is held meanwhile),
   * what the update does to the claim: a new accessToken is verified for the id the instance will have; `null` drops
   * token and verification; a new id on an instance holding a token is verified again with that token, and refused
   * (400 on providerPhoneNumberId) when the Graph API does not accept it, so a stored token always controls the
   * instance's current id.
   */
  async plan(
    auth: AuthContext,
    instance: WhatsappInstanceRow,
    dto: UpdateWhatsappInstanceDto,
    providerPhoneNumberId: string | null,
  ): Promise<ClaimChange> {
    if (dto.accessToken !== undefined && instance.provider !== WhatsappProvider.CLOUD_API) {
      throw InvalidInputError.field('accessToken', 'accessToken is only accepted for provider cloud_api');
    }
    if (dto.accessToken === null) return { kind: 'cleared' };
    // Only Cloud API instances get past here (a token is only ever stored for them), and they always have an id.
    const verifiedId = providerPhoneNumberId ?? '';
    if (dto.accessToken !== undefined) {
      await this.graph.assertControls(verifiedId, dto.accessToken, {
        field: 'accessToken',
        refused: 'the token was not accepted for this phone_number_id',
      });
      return { kind: 'verified', verifiedId, encrypted: this.cipher.encrypt(dto.accessToken) };
    }
    if (providerPhoneNumberId === instance.providerPhoneNumberId) return { kind: 'unchanged' };
    const stored = await this.instances.storedAccessToken(this.db, {
      organizationId: auth.organizationId,
      id: instance.id,
    });
    if (stored === null) return { kind: 'unchanged' };
    await this.graph.assertControls(verifiedId, this.decryptStored(stored), {
      field: 'providerPhoneNumberId',
      refused:
        'the stored access token was not accepted for this phone_number_id: send a new accessToken with it, or accessToken null to drop the verification',
    });
    return { kind: 'verified', verifiedId, encrypted: null, stored };
  }

  /**
   * What the planned change writes, inside the update's transaction (`instance` as it will be saved: its new id
   * already set). A verification re-queues the id's recent unroutable deliveries, which the instance now receives.
   */
  async apply(
    tx: Db,
    auth: AuthContext,
    instance: WhatsappInstanceRow,
    change: ClaimChange,
  ): Promise<WhatsappInstancePatch> {
    if (change.kind === 'unchanged') return {};
    if (change.kind === 'cleared') return { accessTokenEncrypted: null, verifiedAt: null };
    if (!(await this.stillAsVerified(tx, auth, instance, change))) {
      throw new ConflictError(
        'The instance changed while its access token was being verified: try again',
        undefined,
        'write_conflict',
      );
    }
    // Only a caller whose token the Graph API accepted for the id gets here, so this answer tells nothing new.
    if (await this.instances.verifiedElsewhere(tx, { phoneNumberId: change.verifiedId, exceptId: instance.id })) {
      throw new ConflictError(
        `Another organization has already verified phone_number_id "${change.verifiedId}"`,
        [{ field: 'providerPhoneNumberId', code: 'already_exists', message: 'verified by another organization' }],
        'phone_number_id_taken',
      );
    }
    const patch: WhatsappInstancePatch = { verifiedAt: this.clock.now() };
    if (change.encrypted !== null) patch.accessTokenEncrypted = change.encrypted;
    // webhook-event-store (whatsapp module) still takes a TypeORM manager: the transaction's.
    await webhookEvents.requeueUnroutableCloud(tx, change.verifiedId, this.clock.now());
    return patch;
  }

  /** The Graph API was asked before the lock: the id (and the stored token it used) must still be the ones saved. */
  private async stillAsVerified(
    tx: Db,
    auth: AuthContext,
    instance: WhatsappInstanceRow,
    change: Extract<ClaimChange, { kind: 'verified' }>,
  ): Promise<boolean> {
    if (instance.providerPhoneNumberId !== change.verifiedId) return false;
    if (change.encrypted !== null) return true;
    const stored = await this.instances.storedAccessToken(tx, { organizationId: auth.organizationId, id: instance.id });
    return stored === change.stored;
  }

  private decryptStored(stored: string): string {
    try {
      return this.cipher.decrypt(stored);
    } catch {
      throw InvalidInputError.field(
        'providerPhoneNumberId',
        'the stored access token cannot be decrypted (was ENCRYPTION_KEY changed?): send accessToken again, or null',
      );
    }
  }
}
