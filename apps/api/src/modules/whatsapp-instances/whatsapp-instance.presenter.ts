import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MANAGER_ROLES, WhatsappProvider } from '@whatrack/shared';
import { DataSource, In } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WhatsappInstanceResponseDto } from './dto/whatsapp-instance-response.dto';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';

/** Instances as the API shows them: with the webhook URL to paste, and the webhook token for managers only. */
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
    const tokens = new Map<string, string | null>();
    const canSeeSecrets = auth.principal === 'user' && MANAGER_ROLES.includes(auth.role);
    if (canSeeSecrets && instances.length > 0) {
      const rows = await this.dataSource.manager.find(WhatsappInstance, {
        select: { id: true, webhookToken: true },
        where: { organizationId: auth.organizationId, id: In(instances.map((i) => i.id)) },
      });
      for (const row of rows) tokens.set(row.id, row.webhookToken);
    }
    return instances.map((i) =>
      WhatsappInstanceResponseDto.from(i, { url: this.webhookUrl(i), token: tokens.get(i.id) ?? null }),
    );
  }
}
