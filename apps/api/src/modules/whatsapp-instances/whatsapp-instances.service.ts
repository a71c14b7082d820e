import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { normalizePhone } from '../../common/phone/phone';
import { Db } from '../../database/db';
import { CloudClaims } from './cloud-claims';
import { EvolutionCredentials } from './evolution-credentials';
import type { CreateWhatsappInstanceDto } from './dto/create-whatsapp-instance.dto';
import type { UpdateWhatsappInstanceDto } from './dto/update-whatsapp-instance.dto';
import {
  type WhatsappInstancePatch,
  type WhatsappInstanceRow,
  WhatsappInstancesRepository,
} from './whatsapp-instances.repository';

const CLOUD_API_ID = /^\d+$/;

@Injectable()
export class WhatsappInstancesService {
  constructor(
    private readonly db: Db,
    private readonly instances: WhatsappInstancesRepository,
    private readonly claims: CloudClaims,
    private readonly evolution: EvolutionCredentials,
  ) {}

  /** Oldest first: the organization's first instance is items[0]. */
  list(auth: AuthContext, db: Db = this.db): Promise<WhatsappInstanceRow[]> {
    return this.instances.list(db, { organizationId: auth.organizationId });
  }

  async get(auth: AuthContext, id: string, db: Db = this.db): Promise<WhatsappInstanceRow> {
    const instance = await this.instances.findById(db, { organizationId: auth.organizationId, id });
    if (!instance) throw NotFoundError.of('WhatsApp instance', id);
    return instance;
  }

  async create(auth: AuthContext, dto: CreateWhatsappInstanceDto): Promise<WhatsappInstanceRow> {
    const phoneNumber = this.normalizePhoneNumber(dto.phoneNumber);
    const providerPhoneNumberId = dto.providerPhoneNumberId ?? null;
    this.assertProviderPhoneNumberId(dto.provider, providerPhoneNumberId);
    const credentials = await this.evolution.plan(dto.provider, dto);
    const organizationId = auth.organizationId;
    return this.db.transaction(async (tx) => {
      await this.instances.lockOrganization(tx, { organizationId });
      await this.assertNotClaimedInOrganization(tx, organizationId, dto.provider, providerPhoneNumberId);
      return this.instances.insert(tx, {
        organizationId,
        name: dto.name,
        phoneNumber,
        provider: dto.provider,
        providerPhoneNumberId,
        providerBusinessAccountId: dto.providerBusinessAccountId ?? null,
        webhookToken: randomBytes(24).toString('hex'),
        apiUrl: credentials.apiUrl ?? null,
        apiKeyEncrypted: credentials.apiKeyEncrypted ?? null,
      });
    });
  }

  /**
   * Applies a partial update (only the columns that change are written); the claim on a Cloud API phone_number_id
   * changes through CloudClaims, an Evolution server's URL and key through EvolutionCredentials.
   */
  async update(auth: AuthContext, id: string, dto: UpdateWhatsappInstanceDto): Promise<WhatsappInstanceRow> {
    const phoneNumber = dto.phoneNumber === undefined ? undefined : this.normalizePhoneNumber(dto.phoneNumber);
    const current = await this.get(auth, id);
    const providerPhoneNumberId =
      dto.providerPhoneNumberId === undefined ? current.providerPhoneNumberId : (dto.providerPhoneNumberId ?? null);
    if (dto.providerPhoneNumberId !== undefined) {
      this.assertProviderPhoneNumberId(current.provider, providerPhoneNumberId);
    }
    const claim = await this.claims.plan(auth, current, dto, providerPhoneNumberId);
    const credentials = await this.evolution.plan(current.provider, dto);
    const organizationId = auth.organizationId;
    return this.db.transaction(async (tx) => {
      await this.instances.lockOrganization(tx, { organizationId });
      const instance = await this.get(auth, id, tx);
      const patch: WhatsappInstancePatch = {};
      if (dto.providerPhoneNumberId !== undefined && providerPhoneNumberId !== instance.providerPhoneNumberId) {
        await this.assertNotClaimedInOrganization(tx, organizationId, instance.provider, providerPhoneNumberId, id);
        patch.providerPhoneNumberId = providerPhoneNumberId;
      }
      if (dto.name !== undefined && dto.name !== instance.name) patch.name = dto.name;
      if (phoneNumber !== undefined && phoneNumber !== instance.phoneNumber) patch.phoneNumber = phoneNumber;
      const businessAccountId = dto.providerBusinessAccountId ?? null;
      if (dto.providerBusinessAccountId !== undefined && businessAccountId !== instance.providerBusinessAccountId) {
        patch.providerBusinessAccountId = businessAccountId;
      }
      Object.assign(patch, await this.claims.apply(tx, auth, { ...instance, ...patch }, claim));
      if (credentials.apiUrl !== undefined || credentials.apiKeyEncrypted !== undefined) {
        const [state] = await this.instances.states(tx, { organizationId, ids: [id], withWebhookToken: false });
        this.evolution.assertKeyFollowsUrl({ apiUrl: instance.apiUrl, hasApiKey: state.hasApiKey }, dto, credentials);
        if (credentials.apiUrl !== undefined && credentials.apiUrl !== instance.apiUrl)
          patch.apiUrl = credentials.apiUrl;
        if (credentials.apiKeyEncrypted !== undefined) patch.apiKeyEncrypted = credentials.apiKeyEncrypted;
      }
      if (Object.keys(patch).length === 0) return instance;
      const saved = await this.instances.update(tx, { organizationId, id, patch });
      if (!saved) throw NotFoundError.of('WhatsApp instance', id);
      return saved;
    });
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const organizationId = auth.organizationId;
    await this.db.transaction(async (tx) => {
      const instance = await this.get(auth, id, tx);
      const conversations = await this.instances.conversationCount(tx, { organizationId, id });
      if (conversations > 0) {
        throw new ConflictError(
          `WhatsApp instance "${instance.name}" has ${conversations} conversation(s) and cannot be deleted`,
          undefined,
          'instance_in_use',
        );
      }
      await this.instances.delete(tx, { organizationId, id });
    });
  }

  private normalizePhoneNumber(input: string): string {
    const phone = normalizePhone(input);
    if (!phone)
      throw InvalidInputError.field('phoneNumber', 'phoneNumber must be a valid phone number', 'invalid_phone');
    return phone.e164;
  }

  /** Cloud API instances are addressed by their phone_number_id: required, digits only. */
  private assertProviderPhoneNumberId(provider: WhatsappProvider, providerPhoneNumberId: string | null): void {
    if (provider !== WhatsappProvider.CLOUD_API) return;
    if (providerPhoneNumberId === null) {
      throw InvalidInputError.field(
        'providerPhoneNumberId',
        'providerPhoneNumberId is required for provider cloud_api (the Cloud API phone_number_id)',
      );
    }
    if (!CLOUD_API_ID.test(providerPhoneNumberId)) {
      throw InvalidInputError.field(
        'providerPhoneNumberId',
        'providerPhoneNumberId must contain only digits for provider cloud_api',
      );
    }
  }

  /**
   * One claim per phone_number_id and organization (a friendlier 409 than the unique index's). Other organizations'
   * claims are not looked at: answering 409 for them would tell anyone which ids are taken.
   */
  private async assertNotClaimedInOrganization(
    tx: Db,
    organizationId: string,
    provider: WhatsappProvider,
    providerPhoneNumberId: string | null,
    exceptId?: string,
  ): Promise<void> {
    if (provider !== WhatsappProvider.CLOUD_API || providerPhoneNumberId === null) return;
    if (await this.instances.claimedInOrganization(tx, { organizationId, providerPhoneNumberId, exceptId })) {
      throw new ConflictError(
        `A Cloud API instance with providerPhoneNumberId "${providerPhoneNumberId}" already exists`,
        [{ field: 'providerPhoneNumberId', code: 'already_exists', message: 'already exists' }],
        'phone_number_id_taken',
      );
    }
  }
}
