import { Inject, Injectable } from '@nestjs/common';
import { MANAGER_ROLES, WhatsappProvider } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { WhatsappInstanceResponseDto } from './dto/whatsapp-instance-response.dto';
import type { WhatsappSetupDto } from './dto/whatsapp-setup.dto';
import { whatsappSetupOf } from './whatsapp-setup';
import { type WhatsappInstanceRow, WhatsappInstancesRepository } from './whatsapp-instances.repository';

/**
 * Instances as the API shows them: with the webhook URL to paste, the webhook token for managers only, and their
 * claim on their phone_number_id (hasAccessToken, verified, conflicting) and whether an Evolution API key is stored
 * (hasApiKey): never the access token nor the key.
 */
@Injectable()
export class WhatsappInstancePresenter {
  constructor(
    private readonly db: Db,
    private readonly instances: WhatsappInstancesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  webhookUrl(instance: Pick<WhatsappInstanceRow, 'id' | 'provider'>): string {
    const base = `${this.config.publicUrl}/api/v1/webhooks/whatsapp`;
    return instance.provider === WhatsappProvider.CLOUD_API ? `${base}/cloud` : `${base}/evolution/${instance.id}`;
  }

  /** Which server settings the webhooks need and whether each is set (see whatsappSetupOf). */
  setup(): WhatsappSetupDto {
    return whatsappSetupOf(this.config);
  }

  async present(auth: AuthContext, instance: WhatsappInstanceRow): Promise<WhatsappInstanceResponseDto> {
    const [view] = await this.presentAll(auth, [instance]);
    return view;
  }

  async presentAll(auth: AuthContext, instances: WhatsappInstanceRow[]): Promise<WhatsappInstanceResponseDto[]> {
    if (instances.length === 0) return [];
    const canSeeSecrets = auth.principal === 'user' && MANAGER_ROLES.includes(auth.role);
    const rows = await this.instances.states(this.db, {
      organizationId: auth.organizationId,
      ids: instances.map((i) => i.id),
      withWebhookToken: canSeeSecrets,
    });
    const states = new Map(rows.map((r) => [r.id, r]));
    return instances.map((i) =>
      WhatsappInstanceResponseDto.from(i, this.webhookUrl(i), states.get(i.id) ?? UNKNOWN_STATE),
    );
  }
}

/** An instance deleted between its read and this one: nothing to show beyond its columns. */
const UNKNOWN_STATE = {
  webhookToken: null,
  hasAccessToken: false,
  hasApiKey: false,
  verified: false,
  conflicting: false,
};
