import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MANAGER_ROLES, WhatsappProvider } from '@whatrack/shared';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WhatsappInstanceResponseDto } from './dto/whatsapp-instance-response.dto';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';
import { instanceStates } from './instance-claims';

/**
 * Instances as the API shows them: with the webhook URL to paste, the webhook token for managers only, and their
 * claim on their phone_number_id (hasAccessToken, verified, conflicting; never the access token).
 */
@Injectable()
export class WhatsappInstancePresenter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  webhookUrl(instance: Pick<WhatsappInstance, 'id' | 'provider'>): string {
    const base = `${this.config.publicUrl}/api/v1/webhooks/whatsapp`;
    return instance.provider === WhatsappProvider.CLOUD_API ? `${base}/cloud` : `${base}/evolution/${instance.id}`;
  }

  async present(auth: AuthContext, instance: WhatsappInstance): Promise<WhatsappInstanceResponseDto> {
    const [view] = await this.presentAll(auth, [instance]);
    return view;
  }

  async presentAll(auth: AuthContext, instances: WhatsappInstance[]): Promise<WhatsappInstanceResponseDto[]> {
    const canSeeSecrets = auth.principal === 'user' && MANAGER_ROLES.includes(auth.role);
    const ids = instances.map((i) => i.id);
    const states = await instanceStates(this.dataSource.manager, auth.organizationId, ids, canSeeSecrets);
    return instances.map((i) =>
      WhatsappInstanceResponseDto.from(i, this.webhookUrl(i), states.get(i.id) ?? UNKNOWN_STATE),
    );
  }
}

/** An instance deleted between its read and this one: nothing to show beyond its columns. */
const UNKNOWN_STATE = { webhookToken: null, hasAccessToken: false, verified: false, conflicting: false };
